"""board-desk ("Til beslutning"): what waits for the organisation board.

Mandates pending approval and recommendations submitted, from the catalog,
each with the decisions the user may take, posted back to this view. Each
section shows a page of ``BATCH_SIZE``: only the items of that page (and
their groups' catalog records) are read, however much is waiting.

The desk reads what waits, not what the site holds: it starts from the
index set of the waiting state and asks each of those records its type,
path, readers and dates one by one. A catalog search would intersect that
set with the sets of every item of the type, every item under the folder
and every item the user may see, and read those in full, at 10,000 groups
as many index pages as groups.
"""

from DateTime import DateTime
from html import escape
from plone import api
from plone.api.exc import InvalidParameterError
from plone.app.textfield.value import RichTextValue
from plone.autoform.interfaces import WRITE_PERMISSIONS_KEY
from plone.base.utils import safe_text
from plone.protect import CheckAuthenticator
from Products.CMFCore.utils import _checkPermission
from Products.CMFCore.utils import _getAuthenticatedUser
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from threeb.opgavegrupper import _
from threeb.opgavegrupper.browser import csrf
from threeb.opgavegrupper.content.limits import RICHTEXT_MAX_LENGTH
from threeb.opgavegrupper.content.limits import VOTES_MAX
from threeb.opgavegrupper.content.recommendation import IRecommendation
from threeb.opgavegrupper.stats.access import is_board_or_staff
from zExceptions import Unauthorized
from zope.component import queryUtility
from zope.i18n import translate
from zope.i18nmessageid import Message
from zope.security.interfaces import IPermission
from ZTUtils.Lazy import LazyMap

import re
import transaction


# The desk's decisions per type, in the order the buttons show them.
ACTIONS = {
    "Mandate": ("approve", "send_back"),
    "Recommendation": ("adopt", "reject", "send_back"),
}
WAITING = {"Mandate": "pending_approval", "Recommendation": "submitted"}
WORKFLOWS = {"Mandate": "mandate_workflow", "Recommendation": "recommendation_workflow"}
NEEDS_TEXT = ("adopt", "reject")
BATCH_SIZE = 20
# The decision record beside the decision text, written with an adoption or
# a rejection; each field only by those its write permission lets in.
VOTE_FIELDS = ("votes_for", "votes_against", "votes_abstain")
RECORD_FIELDS = (*VOTE_FIELDS, "minority_statement")
FIELD_TITLES = {
    "votes_for": _("Votes for"),
    "votes_against": _("Votes against"),
    "votes_abstain": _("Abstentions"),
    "minority_statement": _("Minority statement"),
}
ASKS = {
    "Mandate": _('${group}: approve the mandate "${title}"'),
    "Recommendation": _('${group}: decide on the recommendation "${title}"'),
}
# An item titled only with its type's name ("Kommissorium"): the heading
# asks without the title, which would only say the type again.
ASKS_UNTITLED = {
    "Mandate": _("${group}: approve the mandate"),
    "Recommendation": _("${group}: decide on the recommendation"),
}
TYPE_NAMES = {"Mandate": _("Mandate"), "Recommendation": _("Recommendation")}


def names_only_the_type(title, portal_type, request):
    """Whether the title is just the type's name, in the page's language or
    in Danish, the language the association writes its titles in."""
    name = TYPE_NAMES[portal_type]
    names = {
        str(name),
        translate(name, context=request),
        translate(name, target_language="da"),
    }
    return " ".join((title or "").split()).casefold() in {
        value.casefold() for value in names
    }


def heading(portal_type, title, group_title, request):
    """What the board is asked, naming the group: two mandates both called
    "Kommissorium" have headings that tell them apart."""
    if not group_title:
        return title
    if names_only_the_type(title, portal_type, request):
        return Message(ASKS_UNTITLED[portal_type], mapping={"group": group_title})
    return Message(ASKS[portal_type], mapping={"group": group_title, "title": title})


def transition_title(portal_type, transition, request):
    """The transition's title as the state menu shows it, translated.

    The workflow's own words (in Plone's domain, as the menu translates
    them), so the desk's buttons and the menu never say different things.
    """
    wftool = api.portal.get_tool("portal_workflow")
    workflow = wftool.getWorkflowById(WORKFLOWS[portal_type])
    found = workflow.transitions.get(transition) if workflow is not None else None
    title = (found.title if found is not None else "") or transition
    return translate(title, domain="plone", context=request)


def may_write(obj, field):
    """Whether the user may write a recommendation's field (its write permission)."""
    names = IRecommendation.queryTaggedValue(WRITE_PERMISSIONS_KEY) or {}
    permission = queryUtility(IPermission, name=names.get(field, ""))
    if permission is None:
        return False
    return bool(_checkPermission(permission.title, obj))


def plain_to_html(text):
    """The desk's plain text as the rich text field holds a group's: HTML
    paragraphs (a blank line between them), the text escaped."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(
        "<p>{}</p>".format("<br />".join(escape(line) for line in p.splitlines()))
        for p in paragraphs
    )


class RecordError(ValueError):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def record_values(obj, form):
    """The decision record's fields posted with a decision, checked.

    Returns {field: value} for the fields that were filled in; raises
    RecordError naming the field when a value is not a number of votes, or
    when the user may not write that field.
    """
    values = {}
    for field in RECORD_FIELDS:
        raw = form.get(field, "")
        if not isinstance(raw, (str, bytes)):
            raise RecordError(
                _("${field}: send one value.", mapping={"field": FIELD_TITLES[field]})
            )
        raw = safe_text(raw).strip()
        if not raw:
            continue
        if field in VOTE_FIELDS:
            if not raw.isdigit() or int(raw) > VOTES_MAX:
                raise RecordError(
                    _(
                        "${field} must be a whole number from 0 to ${max}.",
                        mapping={"field": FIELD_TITLES[field], "max": VOTES_MAX},
                    )
                )
            value = int(raw)
            if value == getattr(obj, field, None):
                # The number shown in the form, sent back unchanged.
                continue
        else:
            if len(raw) > RICHTEXT_MAX_LENGTH:
                raise RecordError(
                    _(
                        "${field} is too long.",
                        mapping={"field": FIELD_TITLES[field]},
                    )
                )
            value = RichTextValue(plain_to_html(raw), "text/html", "text/x-html-safe")
        if not may_write(obj, field):
            raise RecordError(
                _(
                    "You may not record ${field} here.",
                    mapping={"field": FIELD_TITLES[field]},
                )
            )
        values[field] = value
    return values


class BoardDeskView(BrowserView):
    def __call__(self):
        if not is_board_or_staff(self.context):
            raise Unauthorized("Only the organisation board and staff use the desk.")
        if self.request.method == "POST":
            if not csrf.token_valid(self.request):
                csrf.refuse(self.request)
                return self.index()
            if not self.decide():
                # The card comes back with what was typed and why not.
                return self.index()
            self.request.response.redirect(
                f"{self.context.absolute_url()}/@@board-desk"
            )
            return ""
        return self.index()

    def _message(self, message, kind="info"):
        IStatusMessage(self.request).add(message, type=kind)

    def decide(self):
        """Carry out one posted decision; the outcome goes as a status message.

        Returns True when the decision was taken, False when refused.
        """
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
            return False
        if api.content.get_state(obj=obj) != WAITING[obj.portal_type]:
            # Someone else decided first; say so rather than fail.
            self._message(_("This has already been dealt with."), "warning")
            return False
        if transition in NEEDS_TEXT and not comment:
            self._message(
                _("Write the board's decision text before you adopt or reject."),
                "error",
            )
            return False
        record = {}
        if transition in NEEDS_TEXT and obj.portal_type == "Recommendation":
            try:
                record = record_values(obj, form)
            except RecordError as error:
                self._message(error.message, "error")
                return False
        # The record is written first, so that the decision's mails and the
        # group's outcome see it; a refused decision takes it back.
        savepoint = transaction.savepoint()
        for field, value in record.items():
            setattr(obj, field, value)
        try:
            api.content.transition(obj=obj, transition=transition, comment=comment)
        except (InvalidParameterError, WorkflowException) as error:
            # InvalidParameterError: the user may not take this decision here;
            # a refused transition explains itself (lifecycle.errors).
            savepoint.rollback()
            message = getattr(error, "message", None)
            self._message(message or _("You may not take this decision."), "error")
            return False
        if record:
            obj.reindexObject()
        self._message(
            _(
                "Done: ${title}: ${decision}.",
                mapping={
                    "title": obj.Title(),
                    "decision": transition_title(
                        obj.portal_type, transition, self.request
                    ),
                },
            )
        )
        return True

    def _visible(self, rids, portal_type=None):
        """The records of ``rids`` this user finds (type, folder, readers, dates).

        What a catalog search under the folder would let through, asked of
        each record's own entries: reads as much as there are ``rids``.
        """
        catalog = api.portal.get_tool("portal_catalog")
        cat = catalog._catalog
        indexes = cat.indexes
        types = indexes["portal_type"]._unindex
        readers = indexes["allowedRolesAndUsers"]._unindex
        allowed = set(catalog._listAllowedRolesAndUsers(_getAuthenticatedUser(self)))
        here = "/".join(self.context.getPhysicalPath())
        inside = here + "/"
        dates = None
        # As the catalog: only who may see inactive content sees it.
        if not _checkPermission("Access inactive portal content", self.context):
            index = indexes.get("effectiveRange")
            if index is not None:
                dates = (index._unindex, index._convertDateTime(DateTime()))
        found = []
        for rid in rids:
            if portal_type is not None and types.get(rid) != portal_type:
                continue
            path = cat.paths.get(rid, "")
            if path != here and not path.startswith(inside):
                continue
            if not allowed.intersection(readers.get(rid, ())):
                continue
            if dates is not None:
                since, until = dates[0].get(rid, (None, None))
                now = dates[1]
                if (since is not None and since > now) or (
                    until is not None and until < now
                ):
                    continue
            found.append(rid)
        return found

    def _waiting(self, portal_type):
        """Record ids of the items of a type that wait here, oldest change first."""
        cat = api.portal.get_tool("portal_catalog")._catalog
        waiting = cat.indexes["review_state"]._index.get(WAITING[portal_type], ())
        if isinstance(waiting, int):
            waiting = (waiting,)
        rids = self._visible(waiting, portal_type)
        modified = cat.indexes["modified"]._unindex
        return sorted(rids, key=lambda rid: (modified.get(rid, 0), rid))

    def _start(self, kind, total):
        value = str(self.request.form.get(f"b_start_{kind}", ""))
        start = int(value) if value.isdigit() else 0
        # A page beyond the end (items were decided meanwhile) shows the last.
        if start >= total:
            start = max(0, (total - 1) // BATCH_SIZE * BATCH_SIZE)
        return start - start % BATCH_SIZE

    def _groups(self, brains):
        """The groups of the page's items by path, from their catalog records."""
        cat = api.portal.get_tool("portal_catalog")._catalog
        paths = sorted({brain.getPath().rsplit("/", 1)[0] for brain in brains})
        rids = [cat.uids[path] for path in paths if path in cat.uids]
        return {brain.getPath(): brain for brain in self._brains(self._visible(rids))}

    def _brains(self, rids):
        cat = api.portal.get_tool("portal_catalog")._catalog
        return LazyMap(cat.__getitem__, rids, len(rids))

    def _items(self, portal_type, brains):
        wftool = api.portal.get_tool("portal_workflow")
        groups = self._groups(brains)
        items = []
        titles = {
            action: transition_title(portal_type, action, self.request)
            for action in ACTIONS[portal_type]
        }
        for brain in brains:
            # Woken to ask the workflow which decisions this user may take;
            # a page holds at most BATCH_SIZE of them.
            obj = brain.getObject()
            possible = {t["id"] for t in wftool.getTransitionsFor(obj)}
            group = groups.get(brain.getPath().rsplit("/", 1)[0])
            group_title = group.Title if group is not None else ""
            actions = [
                {
                    "id": action,
                    "title": titles[action],
                    "needs_text": action in NEEDS_TEXT,
                }
                for action in ACTIONS[portal_type]
                if action in possible
            ]
            item = {
                "uid": brain.UID,
                "title": brain.Title,
                "heading": heading(portal_type, brain.Title, group_title, self.request),
                "url": brain.getURL(),
                "group": group_title,
                "group_url": group.getURL() if group is not None else "",
                "summary": brain.Description,
                "memo_url": f"{brain.getURL()}/@@decision-memo",
                "actions": actions,
                "record": None,
                "comment_typed": self._typed(brain.UID, "comment", ""),
            }
            if portal_type == "Recommendation" and actions:
                item["record"] = self._record(obj)
            items.append(item)
        return items

    def _typed(self, uid, field, stored):
        """What the person typed in ``field`` of card ``uid`` when their
        decision there was refused (a decided card has left the desk), so it
        comes back with the message; else ``stored``."""
        form = self.request.form
        if self.request.method != "POST" or form.get("uid") != uid:
            return stored
        value = form.get(field)
        return value if isinstance(value, str) else stored

    def _record(self, obj):
        """The decision record's fields on the desk: votes, minority statement."""
        minority = getattr(obj, "minority_statement", None)
        output = getattr(minority, "output", None) if minority is not None else None
        shown = output if output and output.strip() else ""
        uid = obj.UID()

        def typed(field, stored):
            return self._typed(uid, field, stored)

        return {
            "votes": [
                {
                    "name": field,
                    "title": FIELD_TITLES[field],
                    "value": typed(field, getattr(obj, field, None)),
                }
                for field in VOTE_FIELDS
                if may_write(obj, field)
            ],
            "minority_typed": typed("minority_statement", ""),
            "minority": shown,
            # Written here only while there is none: a statement the group
            # wrote is theirs to change, on the recommendation itself.
            "minority_editable": not shown and may_write(obj, "minority_statement"),
            "max_votes": VOTES_MAX,
        }

    def _page_url(self, kind, start):
        return f"{self.context.absolute_url()}/@@board-desk?b_start_{kind}={start}"

    def _section(self, kind, portal_type):
        waiting = self._waiting(portal_type)
        total = len(waiting)
        start = self._start(kind, total)
        page = list(self._brains(waiting[start : start + BATCH_SIZE]))
        end = start + len(page)
        return {
            "kind": kind,
            "entries": self._items(portal_type, page),
            "total": total,
            "first": start + 1,
            "last": end,
            "batched": total > BATCH_SIZE,
            "previous_url": (
                self._page_url(kind, max(0, start - BATCH_SIZE)) if start else None
            ),
            "next_url": self._page_url(kind, end) if end < total else None,
        }

    def desk_sections(self):
        return (
            self._section("mandates", "Mandate"),
            self._section("recommendations", "Recommendation"),
        )
