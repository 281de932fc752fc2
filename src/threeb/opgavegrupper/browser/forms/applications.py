"""Staff and the chair decide on a group's applications."""

from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five.browser import BrowserView
from threeb.opgavegrupper import _
from threeb.opgavegrupper.browser import csrf
from threeb.opgavegrupper.dates import date_text
from threeb.opgavegrupper.participation import decisions
from threeb.opgavegrupper.participation import seats
from threeb.opgavegrupper.participation.applications import applications
from threeb.opgavegrupper.participation.roster import current_name
from threeb.opgavegrupper.vocabularies.constituencies import CONSTITUENCIES
from threeb.opgavegrupper.vocabularies.constituencies import TITLES
from zExceptions import BadRequest


STATE_ORDER = ("pending", "waitlisted", "accepted", "declined", "withdrawn")


class ManageApplicationsView(BrowserView):
    """A list of the applications with the decisions each one allows."""

    _by_state = None

    def __call__(self):
        if self.request.method == "POST":
            if not csrf.token_valid(self.request):
                csrf.refuse(
                    self.request,
                    _(
                        "The decision was not saved: the page was too old. "
                        "Please try again."
                    ),
                )
                return self.index()
            self.decide()
            self.request.response.redirect(self.request.URL)
            return ""
        return self.index()

    def decide(self):
        application_id = self.request.form.get("application", "")
        transition = self.request.form.get("transition", "")
        message = (self.request.form.get("message") or "").strip()
        if transition not in decisions.ids():
            raise BadRequest("Unknown decision")
        application = self.context.get(application_id)
        if application is None or application.portal_type != "Application":
            raise BadRequest("Unknown application")
        workflow = api.portal.get_tool("portal_workflow")
        try:
            workflow.doActionFor(application, transition, comment=message)
        except WorkflowException as error:
            api.portal.show_message(str(error), self.request, type="error")
            return
        api.portal.show_message(_("The decision has been saved."), self.request)

    def seats(self):
        filled = seats.filled(self.context)
        total = self.context.seats()
        return [
            {"title": title, "filled": filled.get(key, 0), "total": total.get(key, 0)}
            for key, title in CONSTITUENCIES
        ]

    def groups(self):
        """Applications the user may see, by state, oldest first."""
        brains = applications(self.context, restricted=True)
        titles = {
            state.getId(): state.title
            for state in decisions.workflow().states.objectValues()
        }
        by_state = {}
        for brain in brains:
            by_state.setdefault(brain.review_state, []).append(brain)
        return [
            {
                "state": state,
                "title": titles.get(state, state),
                "brains": by_state[state],
            }
            for state in STATE_ORDER
            if state in by_state
        ]

    def transitions(self, brain):
        # The view itself is only for those who may decide, so the list is
        # drawn from the brain's state without waking the application.
        if self._by_state is None:
            self._by_state = decisions.by_state()
        return self._by_state.get(brain.review_state, [])

    def name(self, brain):
        """The person's current name: their account's, else the stored one."""
        return current_name(brain)

    def constituency_title(self, key):
        return TITLES.get(key, key)

    def sent(self, brain):
        """The day the application was made, in the site's zone (dates.py)."""
        return date_text(brain.created)
