"""participation-dashboard: the figures as bar charts, tables and CSV.

The CSV is for Danish Excel; ``?dialect=machine`` gives the programs'
variant (stats/export.py).
"""

from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from threeb.opgavegrupper import _
from threeb.opgavegrupper.browser.insight import labels
from threeb.opgavegrupper.browser.insight.charts import bar_chart
from threeb.opgavegrupper.numbers import number_text
from threeb.opgavegrupper.numbers import percent_text
from threeb.opgavegrupper.readability.fields import field_title
from threeb.opgavegrupper.readability.listing import hardest_texts
from threeb.opgavegrupper.stats import export
from threeb.opgavegrupper.stats.access import is_board_or_staff
from threeb.opgavegrupper.stats.figures import figures
from zExceptions import BadRequest
from zExceptions import Unauthorized
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


CSV_NAME = "figures.csv"


@implementer(IPublishTraverse)
class DashboardView(BrowserView):
    """For the board and staff; ?format=csv or /figures.csv downloads CSV."""

    csv = False
    chart_macros = ViewPageTemplateFile("templates/chart.pt")

    def publishTraverse(self, request, name):
        if name == CSV_NAME:
            self.csv = True
            return self
        raise KeyError(name)

    def __call__(self):
        if not is_board_or_staff(self.context):
            raise Unauthorized("Only the organisation board and staff see the figures.")
        self.figures = figures(self.context)
        if self.csv or self.request.form.get("format") == "csv":
            dialect = self.request.form.get("dialect", export.DEFAULT_DIALECT)
            if dialect not in export.DIALECTS:
                raise BadRequest(
                    self._tr(_("dialect must be excel or machine")),
                )
            return export.csv_response(self.request, self.figures, dialect=dialect)
        return self.index()

    def number(self, value):
        """A figure for people: "85,5", "60" (numbers.py)."""
        return number_text(value)

    def percent(self, value):
        """A percentage for people: "70 %", "70,5 %" (numbers.py)."""
        return percent_text(value)

    def hardest_texts(self):
        """The public texts hardest to read, with their fields' titles."""
        texts = hardest_texts(self.context)
        for text in texts:
            text["field_title"] = self._tr(
                field_title(text["portal_type"], text["field"])
            )
            text["lix_text"] = number_text(text["lix"])
        return texts

    def csv_url(self):
        return f"{self.context.absolute_url()}/@@participation-dashboard/{CSV_NAME}"

    def _tr(self, message):
        return labels.tr(self.request, message)

    def charts(self):
        data = self.figures
        request = self.request
        days = data["days_from_start"]
        implementation = data["implementation"]
        return [
            bar_chart(
                "groups-by-state",
                self._tr(_("Groups by state")),
                [
                    (labels.state_title(request, key, "TaskGroup"), value)
                    for key, value in data["groups_by_state"].items()
                ],
            ),
            bar_chart(
                "participants-by-constituency",
                self._tr(_("Participants by seat")),
                [
                    (labels.constituency_title(request, key), value)
                    for key, value in data["participants_by_constituency"].items()
                ],
            ),
            bar_chart(
                "participants-by-department",
                self._tr(_("Participants by department")),
                [
                    (self._tr(labels.OTHER.get(key, key)), value)
                    for key, value in data["participants_by_department"].items()
                ],
            ),
            bar_chart(
                "first-time-per-year",
                self._tr(_("First-time participants per year")),
                list(data["first_time_participants_per_year"].items()),
            ),
            bar_chart(
                "applications-per-month",
                self._tr(_("Applications per month")),
                [
                    (labels.month_of(request, key), value)
                    for key, value in data["applications_per_month"].items()
                ],
            ),
            bar_chart(
                "days-from-start",
                self._tr(_("Days from the group's start (median)")),
                [
                    (
                        self._tr(_("To the first recommendation")),
                        days["to_first_recommendation"]["median"],
                    ),
                    (
                        self._tr(_("To the board's decision")),
                        days["to_decision"]["median"],
                    ),
                ],
            ),
            bar_chart(
                "decisions",
                self._tr(_("The board's decisions")),
                [
                    (labels.state_title(request, key, "Recommendation"), value)
                    for key, value in data["decisions"].items()
                ],
            ),
            bar_chart(
                "implementation",
                self._tr(_("Implementation of adopted recommendations")),
                [
                    (labels.implementation_title(request, key), value)
                    for key, value in implementation["status"].items()
                ],
            ),
        ]
