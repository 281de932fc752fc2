"""Classic UI: a person's own page, the download of their data, following.

Everything here is about the logged-in person only: no view takes a user id
from the request.
"""

from AccessControl import Unauthorized
from DateTime import DateTime
from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from threeb.opgavegrupper import _
from threeb.opgavegrupper.browser import csrf
from threeb.opgavegrupper.browser.outcome import decision_summary
from threeb.opgavegrupper.dates import date_text
from threeb.opgavegrupper.overview import listing
from threeb.opgavegrupper.participation import following
from threeb.opgavegrupper.participation import roster
from threeb.opgavegrupper.registration import requests
from zExceptions import NotFound
from zope.i18n import translate
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse

import json


ROLE_TITLES = {"chair": _("Chair"), "member": _("Member")}
DOWNLOAD = "data.json"


def _state_title(state, portal_type, request):
    workflow = api.portal.get_tool("portal_workflow")
    title = workflow.getTitleForStateOnType(state, portal_type) or state
    # Workflow titles are translated in Plone's domain, as the state menu does.
    return translate(title, domain="plone", context=request)


def _current_user_id():
    if api.user.is_anonymous():
        # The permission keeps anonymous out; this guards a change of it.
        raise Unauthorized("Log in to see your own page.")
    return api.user.get_current().getId()


@implementer(IPublishTraverse)
class MyPage(BrowserView):
    """@@mine-opgavegrupper, and @@mine-opgavegrupper/data.json."""

    index = ViewPageTemplateFile("templates/mypage.pt")
    download = False

    def publishTraverse(self, request, name):
        if name == DOWNLOAD and not self.download:
            self.download = True
            return self
        raise NotFound(self, name, request)

    def __call__(self):
        self.user_id = _current_user_id()
        if self.download:
            return self.data_json()
        if requests.is_pending(self.user_id):
            api.portal.show_message(requests.WAITING, self.request, type="info")
        return self.index()

    def download_url(self):
        return f"{self.context.absolute_url()}/@@mine-opgavegrupper/{DOWNLOAD}"

    def groups(self):
        found = roster.memberships(self.user_id)
        decisions = listing.outcomes(
            {group["UID"] for group in found if group["visible"]}
        )
        for group in found:
            # The board's decision on the group's work, beside its state.
            group["decision"] = decision_summary(decisions.get(group.get("UID")))
            group["role_titles"] = [ROLE_TITLES[role] for role in group["roles"]]
            group["constituency_title"] = roster.TITLES.get(group["constituency"])
            # A group the person may no longer see has only its UID.
            group["state_title"] = (
                self.group_state(group["review_state"]) if group["visible"] else None
            )
        return found

    def applications(self):
        found = roster.application_summaries(self.user_id)
        for item in found:
            item["constituency_title"] = roster.TITLES.get(item["constituency"])
            item["state_title"] = _state_title(
                item["review_state"], "Application", self.request
            )
            item["date"] = date_text(item["created"])
        return found

    def followed(self):
        found = roster.followed(self.user_id)
        for group in found:
            group["state_title"] = self.group_state(group["review_state"])
        return found

    def group_state(self, state):
        return _state_title(state, "TaskGroup", self.request)

    def data_json(self):
        response = self.request.response
        response.setHeader("Content-Type", "application/json; charset=utf-8")
        response.setHeader(
            "Content-Disposition", 'attachment; filename="mine-opgavegrupper.json"'
        )
        # Personal data: no proxy or browser cache may keep a copy.
        response.setHeader("Cache-Control", "no-store, private")
        data = roster.export(self.user_id)
        data["member"] = requests.member_data(self.user_id)
        data["exported"] = DateTime().ISO8601()
        return json.dumps(data, indent=2, ensure_ascii=False)


class FollowView(BrowserView):
    """@@follow on a group: GET shows the button, POST (with CSRF token) toggles.

    The form may send ``action`` ("follow" or "unfollow") so that a second
    click on a stale page does not undo the first; without it, it toggles.
    """

    form = ViewPageTemplateFile("templates/follow.pt")

    def __call__(self):
        self.user_id = _current_user_id()
        if not api.user.has_permission("View", obj=self.context):
            raise Unauthorized("You cannot see this group.")
        if self.request.method != "POST":
            return self.form()
        if not csrf.token_valid(self.request):
            csrf.refuse(
                self.request,
                _("Nothing was changed: the page was too old. Please try again."),
            )
            return self.form()
        action = self.request.form.get("action")
        if action not in ("follow", "unfollow"):
            action = "unfollow" if self.following() else "follow"
        messages = IStatusMessage(self.request)
        if action == "follow":
            following.follow(self.context, self.user_id)
            messages.add(_("You now follow this group."), type="info")
        else:
            following.unfollow(self.context, self.user_id)
            messages.add(_("You no longer follow this group."), type="info")
        return self.request.response.redirect(self.back())

    def following(self):
        return following.is_following(self.context, self.user_id)

    def back(self):
        """Where the form came from, if that is on this site; else the group."""
        portal_url = api.portal.get_tool("portal_url")
        for url in (
            self.request.form.get("came_from"),
            self.request.get("HTTP_REFERER"),
        ):
            if url and portal_url.isURLInPortal(url):
                return url
        return self.context.absolute_url()
