"""Classic UI: staff erase one person's data from the add-on on request.

The person is named by user name; a ticked box confirms, since the erasure
cannot be undone. The answer is the page again with what was erased. No
redirect: the status message would carry the erased user name in a cookie.
The rules are in participation/erasure.py and erasure_request.py; REST
clients use ``POST @erase-person``.
"""

from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from threeb.opgavegrupper import _
from threeb.opgavegrupper.browser import csrf
from threeb.opgavegrupper.participation import erasure
from threeb.opgavegrupper.participation import erasure_request
from threeb.opgavegrupper.participation.errors import ParticipationError
from zope.i18n import translate


REFUSED = _("Nothing was erased: the page was too old. Please try again.")


class ErasePersonView(BrowserView):
    index = ViewPageTemplateFile("templates/erasure.pt")

    def __call__(self):
        self.errors = {}
        self.summary = None
        self.message = None
        self.user_id = ""
        if self.request.method == "POST" and "form.buttons.erase" in self.request.form:
            self.handle()
        return self.index()

    def handle(self):
        if not csrf.token_valid(self.request):
            csrf.refuse(self.request, REFUSED)
            return
        value = self.request.form.get("user_id")
        self.user_id = value.strip() if isinstance(value, str) else ""
        user_id = None
        try:
            user_id = erasure_request.resolve(value)
        except ParticipationError as error:
            self.errors["user_id"] = error.message
        if not self.request.form.get("confirm"):
            self.errors["confirm"] = _(
                "Tick the box to confirm: the erasure cannot be undone."
            )
        if self.errors:
            return
        self.summary = erasure.erase_person(user_id)
        self.message = translate(
            erasure_request.summary_message(self.summary), context=self.request
        )
        # Done: the form starts empty again.
        self.user_id = ""

    def url(self):
        return f"{self.context.absolute_url()}/@@erase-person"

    def error(self, name):
        message = self.errors.get(name)
        return translate(message, context=self.request) if message else None
