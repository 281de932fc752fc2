"""Classic UI: staff see which applications are due for anonymising and run it.

The rules are in participation/retention.py; the zconsole script
scripts/anonymise_applications.py runs the same from cron.
"""

from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from threeb.opgavegrupper import _
from threeb.opgavegrupper.browser import csrf
from threeb.opgavegrupper.browser.counts import applications_anonymised_message
from threeb.opgavegrupper.browser.counts import applications_due_message
from threeb.opgavegrupper.browser.counts import retention_message
from threeb.opgavegrupper.dates import date_text
from threeb.opgavegrupper.participation import retention


class AnonymiseView(BrowserView):
    index = ViewPageTemplateFile("templates/retention.pt")

    def __call__(self):
        if self.request.method == "POST":
            if not csrf.token_valid(self.request):
                csrf.refuse(
                    self.request,
                    _(
                        "Nothing was anonymised: the page was too old. "
                        "Please try again."
                    ),
                )
                return self.page()
            done = retention.anonymise(self.context)
            count = sum(len(item["applications"]) for item in done)
            IStatusMessage(self.request).add(
                applications_anonymised_message(count),
                type="info",
            )
            # Post/redirect/get: a reload does not post again.
            return self.request.response.redirect(self.url())
        return self.page()

    def page(self):
        self.due = [
            {
                "title": item["group"].Title(),
                "url": item["group"].absolute_url(),
                "ended": date_text(item["ended"]),
                "count": len(item["applications"]),
            }
            for item in retention.due(self.context)
        ]
        return self.index()

    def url(self):
        return f"{self.context.absolute_url()}/@@anonymise-applications"

    def days(self):
        return retention.retention_days()

    def total(self):
        return sum(item["count"] for item in self.due)

    def retention_message(self):
        return retention_message(self.days())

    def due_message(self):
        return applications_due_message(self.total())
