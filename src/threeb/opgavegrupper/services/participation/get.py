"""GET @participation: the dashboard's figures, as JSON or (?format=csv) CSV.

The CSV is for Danish Excel unless ``dialect=machine`` asks for the
programs' variant (stats/export.py).
"""

from plone import api
from plone.restapi.services import Service
from threeb.opgavegrupper import _
from threeb.opgavegrupper.services.errors import error_response
from threeb.opgavegrupper.stats import export
from threeb.opgavegrupper.stats.access import is_board_or_staff
from threeb.opgavegrupper.stats.figures import figures

import json


FORMATS = ("json", "csv")


class ParticipationGet(Service):
    def _refusal(self):
        if api.user.is_anonymous():
            return error_response(
                self.request,
                401,
                "Unauthorized",
                _("Log in to see the participation figures."),
            )
        if not is_board_or_staff(self.context):
            return error_response(
                self.request,
                403,
                "Forbidden",
                _(
                    "Only the organisation board and staff see the participation figures."
                ),
            )
        fmt = self.request.form.get("format", "json")
        if fmt not in FORMATS:
            return error_response(
                self.request,
                400,
                "BadRequest",
                _("format must be json or csv"),
                "format",
            )
        if fmt == "csv" and self._dialect() not in export.DIALECTS:
            return error_response(
                self.request,
                400,
                "BadRequest",
                _("dialect must be excel or machine"),
                "dialect",
            )
        return None

    def _dialect(self):
        return self.request.form.get("dialect", export.DEFAULT_DIALECT)

    def render(self):
        # CSV is not JSON: the body is written here rather than by reply().
        self.check_permission()
        refusal = self._refusal()
        if refusal is None and self.request.form.get("format") == "csv":
            return export.csv_response(
                self.request, figures(self.context), dialect=self._dialect()
            )
        self.request.response.setHeader("Content-Type", self.content_type)
        if refusal is not None:
            return json.dumps(refusal)
        return json.dumps(self.reply(), indent=2, sort_keys=True)

    def reply(self):
        return {
            "@id": f"{self.context.absolute_url()}/@participation",
            **figures(self.context),
        }
