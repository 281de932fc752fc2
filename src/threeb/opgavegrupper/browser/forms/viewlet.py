"""Sign-up, follow and roster on a task group's page."""

from plone import api
from plone.app.layout.viewlets import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from threeb.opgavegrupper.browser.pages.taskgroup import TaskGroupView
from threeb.opgavegrupper.participation import applications
from threeb.opgavegrupper.participation import following


class ParticipationViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/participation_viewlet.pt")

    def available(self):
        """Only on the group's own page.

        The viewlet manager is below the content body of every view of the
        group; under the sign-up form (or the roster page) the box would
        repeat what the form is for, with a second sign-up button.
        """
        return isinstance(self.view, TaskGroupView)

    def render(self):
        return self.index() if self.available() else ""

    def update(self):
        super().update()
        self.anonymous = api.user.is_anonymous()
        self.user_id = None if self.anonymous else api.user.get_current().getId()

    def recruiting(self):
        return api.content.get_state(self.context) == "recruiting"

    def my_application(self):
        if self.anonymous:
            return None
        brains = applications.applications(
            self.context, user_id=self.user_id, states=applications.LIVE_STATES
        )
        if not brains:
            return None
        brain = brains[0]
        return {"url": brain.getURL(), "state": brain.review_state}

    def following(self):
        return not self.anonymous and following.is_following(self.context, self.user_id)

    def may_decide(self):
        return api.user.has_permission(
            "threeb.opgavegrupper: Decide on applications", obj=self.context
        )

    def token(self):
        return self.context.restrictedTraverse("@@authenticator").token()
