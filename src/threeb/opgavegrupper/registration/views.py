"""Classic UI: staff see the registrations that wait, and decide on them.

The answer to a decision is the page again, not a redirect: a status
message would carry the person's name in a cookie. The rules are in
``requests``; REST clients use ``@registration-requests``.
"""

from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from threeb.opgavegrupper import _
from threeb.opgavegrupper import dates
from threeb.opgavegrupper.browser import csrf
from threeb.opgavegrupper.registration import requests
from threeb.opgavegrupper.registration.requests import RegistrationError
from zope.i18n import translate


REFUSED = _("Nothing was decided: the page was too old. Please try again.")


class RegistrationRequestsView(BrowserView):
    index = ViewPageTemplateFile("templates/requests.pt")

    def __call__(self):
        self.message = None
        self.errors = {}
        self.failed_for = None
        if self.request.method == "POST" and self.request.form.get("decision"):
            self.handle()
        self.items = requests.pending()
        return self.index()

    def handle(self):
        if not csrf.token_valid(self.request):
            csrf.refuse(self.request, REFUSED)
            return
        form = self.request.form
        decision = form.get("decision")
        user_id = form.get("user_id")
        name = self._name(user_id)
        try:
            if decision == "approve_resident":
                requests.approve(user_id, requests.RESIDENT)
                done = _("${name} is approved as a resident.", mapping={"name": name})
            elif decision == "approve_board":
                requests.approve(
                    user_id,
                    requests.DEPARTMENT_BOARD,
                    confirmed=bool(form.get("confirmed")),
                )
                done = _(
                    "${name} is approved as a department board member.",
                    mapping={"name": name},
                )
            elif decision == "reject":
                requests.reject(user_id, form.get("message"))
                done = _(
                    "The registration of ${name} is rejected; the account is deleted.",
                    mapping={"name": name},
                )
            else:
                raise RegistrationError(
                    _("Choose approve or reject."), field="decision"
                )
        except RegistrationError as error:
            self.request.response.setStatus(error.status)
            self.failed_for = user_id
            self.errors[error.field or "decision"] = error.message
            return
        self.message = translate(done, context=self.request)

    def _name(self, user_id):
        user = api.user.get(userid=user_id) if isinstance(user_id, str) else None
        return (user and user.getProperty("fullname")) or user_id

    def url(self):
        return f"{self.context.absolute_url()}/@@registration-requests"

    def error(self, name, user_id):
        """The error of a field of the request ``user_id`` just sent."""
        if user_id != self.failed_for:
            return None
        message = self.errors.get(name)
        return translate(message, context=self.request) if message else None

    def general_error(self):
        """An error of no field on a card: an unknown or decided request."""
        for name in ("user_id", "decision", "approve_as"):
            if name in self.errors:
                return translate(self.errors[name], context=self.request)
        return None

    def date(self, value):
        return dates.date_text(value) if value else ""
