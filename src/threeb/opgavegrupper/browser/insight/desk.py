"""board-desk ("Til beslutning"): what waits for the organisation board.

Mandates pending approval and recommendations submitted, from the catalog,
each with the decisions the user may take, posted back to this view.
"""

from plone import api
from plone.api.exc import InvalidParameterError
from plone.base.utils import safe_text
from plone.protect import CheckAuthenticator
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from threeb.opgavegrupper import _
from threeb.opgavegrupper.browser import csrf
from threeb.opgavegrupper.stats.access import is_board_or_staff
from zExceptions import Unauthorized
from zope.i18n import translate


# The desk's decisions per type, in the order the buttons show them.
ACTIONS = {
    "Mandate": ("approve", "send_back"),
    "Recommendation": ("adopt", "reject", "send_back"),
}
WAITING = {"Mandate": "pending_approval", "Recommendation": "submitted"}
NEEDS_TEXT = ("adopt", "reject")
BUTTONS = {
    "approve": _("Approve the mandate"),
    "send_back": _("Send back"),
    "adopt": _("Adopt"),
    "reject": _("Reject"),
}


class BoardDeskView(BrowserView):
    def __call__(self):
        if not is_board_or_staff(self.context):
            raise Unauthorized("Only the organisation board and staff use the desk.")
        if self.request.method == "POST":
            if not csrf.token_valid(self.request):
                csrf.refuse(self.request)
                return self.index()
            self.decide()
            self.request.response.redirect(
                f"{self.context.absolute_url()}/@@board-desk"
            )
            return ""
        return self.index()

    def _message(self, message, kind="info"):
        IStatusMessage(self.request).add(message, type=kind)

    def decide(self):
        """Carry out one posted decision; the outcome goes as a status message."""
        CheckAuthenticator(self.request)
        form = self.request.form
        transition = form.get("transition", "")
        comment = form.get("comment", "")
        # A hand-made post may repeat a field; only one text is a decision.
        comment = (
            safe_text(comment).strip() if isinstance(comment, (str, bytes)) else ""
        )
        uid = form.get("uid")
        obj = api.content.get(UID=uid) if uid and isinstance(uid, str) else None
        if obj is None or transition not in ACTIONS.get(obj.portal_type, ()):
            self._message(_("That decision cannot be taken here."), "error")
            return
        if api.content.get_state(obj=obj) != WAITING[obj.portal_type]:
            # Someone else decided first; say so rather than fail.
            self._message(_("This has already been dealt with."), "warning")
            return
        if transition in NEEDS_TEXT and not comment:
            self._message(
                _("Write the board's decision text before you adopt or reject."),
                "error",
            )
            return
        try:
            api.content.transition(obj=obj, transition=transition, comment=comment)
        except (InvalidParameterError, WorkflowException) as error:
            # InvalidParameterError: the user may not take this decision here;
            # a refused transition explains itself (lifecycle.errors).
            message = getattr(error, "message", None)
            self._message(message or _("You may not take this decision."), "error")
            return
        self._message(
            _(
                "Done: ${title}: ${decision}.",
                mapping={
                    "title": obj.Title(),
                    "decision": translate(BUTTONS[transition], context=self.request),
                },
            )
        )

    def _brains(self, portal_type):
        catalog = api.portal.get_tool("portal_catalog")
        return catalog.searchResults(
            portal_type=portal_type,
            review_state=WAITING[portal_type],
            path="/".join(self.context.getPhysicalPath()),
            sort_on="modified",
        )

    def _items(self, portal_type):
        wftool = api.portal.get_tool("portal_workflow")
        items = []
        for brain in self._brains(portal_type):
            # Woken to ask the workflow which decisions this user may take;
            # a desk holds a handful of items, not the whole catalog.
            obj = brain.getObject()
            possible = {t["id"] for t in wftool.getTransitionsFor(obj)}
            group = obj.__parent__
            items.append(
                {
                    "uid": brain.UID,
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "group": group.Title(),
                    "group_url": group.absolute_url(),
                    "summary": brain.Description,
                    "memo_url": f"{brain.getURL()}/@@decision-memo",
                    "actions": [
                        {
                            "id": action,
                            "title": BUTTONS[action],
                            "needs_text": action in NEEDS_TEXT,
                        }
                        for action in ACTIONS[portal_type]
                        if action in possible
                    ],
                }
            )
        return items

    def sections(self):
        return (
            ("mandates", self._items("Mandate")),
            ("recommendations", self._items("Recommendation")),
        )
