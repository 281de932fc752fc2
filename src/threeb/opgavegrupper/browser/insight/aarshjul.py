"""aarshjul: the year's groups as arcs on a wheel, with a table beside it.

Everything comes from catalog brains the user may see: groups, their
published meetings and the board's decisions on their recommendations.
"""

from DateTime import DateTime
from datetime import date
from plone import api
from Products.Five.browser import BrowserView
from threeb.opgavegrupper import dates
from threeb.opgavegrupper.browser.insight import labels
from threeb.opgavegrupper.browser.insight import wheel
from threeb.opgavegrupper.stats.figures import as_date
from threeb.opgavegrupper.stats.figures import DECIDED_STATES


def _parent(brain):
    return brain.getPath().rsplit("/", 1)[0]


class AarshjulView(BrowserView):
    def year(self):
        value = str(self.request.form.get("year", ""))
        if value.isdigit() and 1900 < int(value) < 2200:
            return int(value)
        # The site's year: at 23.30 on New Year's Eve UTC, Copenhagen is there.
        return dates.today().year

    def date_text(self, day):
        """A day of the wheel for people: "1. februar 2026" (dates.py)."""
        return dates.date_text(day)

    def _search(self, **query):
        catalog = api.portal.get_tool("portal_catalog")
        return catalog.searchResults(
            path="/".join(self.context.getPhysicalPath()), **query
        )

    def years(self):
        """The selector's years: every year a visible group runs in, and this one."""
        found = {date.today().year, self.year()}
        for brain in self._search(portal_type="TaskGroup"):
            start, end = as_date(brain.start), as_date(brain.end)
            if start and end:
                found.update(range(start.year, end.year + 1))
        return sorted(found)

    def _groups(self, year):
        brains = self._search(
            portal_type="TaskGroup",
            start={"query": DateTime(f"{year}/12/31 23:59:59"), "range": "max"},
            end={"query": DateTime(f"{year}/01/01"), "range": "min"},
            sort_on="start",
        )
        # Both dates are required, but a group made before they were has
        # no arc to draw; it is left out rather than break the wheel.
        return [b for b in brains if as_date(b.start) and as_date(b.end)]

    def _markers_by_group(self, year):
        markers = {}
        meetings = self._search(
            portal_type="Meeting",
            review_state="published",
            start={
                "query": (
                    DateTime(f"{year}/01/01"),
                    DateTime(f"{year}/12/31 23:59:59"),
                ),
                "range": "min:max",
            },
        )
        for brain in meetings:
            day = as_date(brain.start)
            markers.setdefault(_parent(brain), []).append(("meeting", day, brain.Title))
        for brain in self._search(
            portal_type="Recommendation", review_state=DECIDED_STATES
        ):
            day = as_date(brain.decision_date)
            if day and day.year == year:
                markers.setdefault(_parent(brain), []).append(
                    ("decision", day, brain.Title)
                )
        return markers

    def wheel(self):
        year = self.year()
        request = self.request
        brains = self._groups(year)
        radii, width = wheel.lane_radii(len(brains))
        markers = self._markers_by_group(year)
        groups = []
        for number, (brain, radius) in enumerate(zip(brains, radii, strict=True), 1):
            start, end = as_date(brain.start), as_date(brain.end)
            colour, dash = wheel.STATE_STYLE.get(
                brain.review_state, ("#333333", "none")
            )
            signup = as_date(brain.signup_deadline)
            own = [("signup", signup, "")] if signup and signup.year == year else []
            own += sorted(markers.get(brain.getPath(), []), key=lambda m: m[1])
            # The number sits just before the arc, clear of a marker on day one.
            label_x, label_y = wheel.point(
                radius, wheel.angle(wheel.clip(start, year), year) - 0.07
            )
            groups.append(
                {
                    "number": number,
                    "id": brain.getId,
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "state": labels.state_title(
                        request, brain.review_state, "TaskGroup"
                    ),
                    "start": start,
                    "end": end,
                    "signup": signup,
                    "path": wheel.arc_path(
                        radius, wheel.clip(start, year), wheel.clip(end, year), year
                    ),
                    "colour": colour,
                    "dash": dash,
                    "label_x": label_x,
                    "label_y": label_y,
                    "markers": [
                        self._marker(kind, day, title, radius, year)
                        for kind, day, title in own
                    ],
                }
            )
        return {
            "year": year,
            "size": wheel.SIZE,
            "centre": wheel.CENTRE,
            "width": round(width, 2),
            "months": [
                {
                    "name": labels.month_title(request, month),
                    "path": wheel.sector_path(month, year),
                    "x": wheel.month_label_point(month, year)[0],
                    "y": wheel.month_label_point(month, year)[1],
                    "fill": "#f1f3f5" if month % 2 else "#dee2e6",
                }
                for month in range(1, 13)
            ],
            "groups": groups,
            "legend": [
                {
                    "state": labels.state_title(request, state, "TaskGroup"),
                    "colour": colour,
                    "dash": dash,
                }
                for state, (colour, dash) in wheel.STATE_STYLE.items()
            ],
        }

    def _marker(self, kind, day, title, radius, year):
        x, y = wheel.point(radius, wheel.angle(day, year))
        return {"kind": kind, "day": day, "title": title, "x": x, "y": y}
