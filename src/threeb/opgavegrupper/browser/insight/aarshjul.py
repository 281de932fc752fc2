"""aarshjul: the year's groups as arcs on a wheel, with a table beside it.

Everything comes from catalog brains the user may see: groups, their
published meetings and the board's decisions on their recommendations.

A year may hold a thousand groups; nobody reads a thousand rings. The wheel
and the table show one page of ``BATCH_SIZE`` groups (by start), narrowed by
theme and department if the reader wants, and only that page's groups, their
meetings and decisions are read.
"""

from BTrees.IIBTree import difference
from BTrees.IIBTree import IISet
from BTrees.IIBTree import intersection
from BTrees.IIBTree import multiunion
from DateTime import DateTime
from datetime import date
from plone import api
from Products.CMFCore.utils import _checkPermission
from Products.Five.browser import BrowserView
from threeb.opgavegrupper import _
from threeb.opgavegrupper import dates
from threeb.opgavegrupper.browser.insight import labels
from threeb.opgavegrupper.browser.insight import wheel
from threeb.opgavegrupper.browser.insight.printable import Printable
from threeb.opgavegrupper.overview import listing
from threeb.opgavegrupper.stats.figures import as_date
from threeb.opgavegrupper.stats.figures import DECIDED_STATES
from urllib.parse import urlencode
from zope.i18n import translate
from ZTUtils.Lazy import LazyMap


BATCH_SIZE = 20
FIRST_YEAR, LAST_YEAR = 1901, 2199


def _parent(brain):
    return brain.getPath().rsplit("/", 1)[0]


def _parent_path_of(path):
    return path.rsplit("/", 1)[0]


def _runs_in(start, end, year):
    """Whether a group's time from start to deadline touches the year."""
    return start <= date(year, 12, 31) and end >= date(year, 1, 1)


def _first_by_start(cat, rids, count):
    """The first ``count`` of ``rids`` by start, ties by record id.

    Walks the start index in the order of its dates, as the catalog's own
    sort does, so no group's entry is read one by one (the index keeps a
    group's dates as a tuple, which would read like its metadata row).
    """
    found = []
    seen = []
    placed = set()
    for _key, at in cat.getIndex("start")._index.items():
        at = IISet((at,)) if isinstance(at, int) else at
        matched = intersection(at, rids)
        if matched:
            # One start per group; a repeated date would list it once.
            found.extend(rid for rid in matched if rid not in placed)
            placed.update(matched)
            seen.append(matched)
            if len(found) >= count:
                return found[:count]
    # Groups without a start (made before it was required) come last.
    found.extend(difference(rids, multiunion(seen)))
    return found[:count]


def _year_of_key(value):
    """The year of a DateIndex key (DateIndex._convert packs minutes)."""
    return value // 60 // 24 // 31 // 12


class AarshjulView(Printable, BrowserView):
    def year(self):
        value = str(self.request.form.get("year", ""))
        if value.isdigit() and FIRST_YEAR <= int(value) <= LAST_YEAR:
            return int(value)
        # The site's year: at 23.30 on New Year's Eve UTC, Copenhagen is there.
        return dates.today().year

    def options(self, registry_name):
        """The values of a setting (themes, departments) for a filter."""
        return (
            api.portal.get_registry_record(
                f"threeb.opgavegrupper.{registry_name}", default=[]
            )
            or []
        )

    def _choice(self, name, registry_name):
        """A filter value from the request, if it is one of the settings' values."""
        value = self.request.form.get(name)
        if isinstance(value, str) and value in self.options(registry_name):
            return value
        return None

    def theme(self):
        return self._choice("theme", "themes")

    def department(self):
        return self._choice("department", "departments")

    def page_title(self):
        """The browser's title: the årshjul of the year, not the folder's
        name (browser/accessibility.py's title viewlet asks for it)."""
        return translate(
            _("Annual wheel ${year}", mapping={"year": self.year()}),
            context=self.request,
        )

    def start(self):
        value = str(self.request.form.get("b_start", ""))
        start = int(value) if value.isdigit() else 0
        return start - start % BATCH_SIZE

    def date_text(self, day):
        """A day of the wheel for people: "1. februar 2026" (dates.py)."""
        return dates.date_text(day)

    def _search(self, **query):
        catalog = api.portal.get_tool("portal_catalog")
        query.setdefault("path", "/".join(self.context.getPhysicalPath()))
        # Asked once of the folder: left to the catalog, it would wake every
        # group of a list of paths to ask each the same.
        # (checkPermission answers 1 or None, and None means "ask each".)
        query["show_inactive"] = bool(
            _checkPermission("Access inactive portal content", self.context)
        )
        return catalog.searchResults(**query)

    def years(self):
        """The selector's years: from the first start to the last end, and this one.

        Read from the two ends of the date indexes, not from every group.
        """
        found = {date.today().year, self.year()}
        indexes = api.portal.get_tool("portal_catalog")._catalog.indexes
        first = getattr(indexes.get("start"), "_index", None)
        last = getattr(indexes.get("end"), "_index", None)
        signup = getattr(indexes.get("signup_deadline"), "_index", None)
        if first and last:
            low = _year_of_key(first.minKey())
            if signup:
                # A sign-up deadline in the December before the first start.
                low = min(low, _year_of_key(signup.minKey()))
            low = max(FIRST_YEAR, low)
            high = min(LAST_YEAR, _year_of_key(last.maxKey()))
            found.update(range(low, high + 1))
        return sorted(found)

    def _rids(self, **query):
        """Record ids of what a search finds for the user, without brains."""
        catalog = api.portal.get_tool("portal_catalog")
        # Under the folder: the catalog asks the folder alone whether the
        # user sees inactive content, as _search does.
        query.setdefault("path", "/".join(self.context.getPhysicalPath()))
        return listing._record_ids(catalog, query)

    def _group_query(self):
        query = {"portal_type": "TaskGroup"}
        if self.theme():
            query["theme"] = self.theme()
        if self.department():
            query["departments"] = self.department()
        return query

    def _year_rids(self, year):
        """The groups with any dated event in the year, as record ids.

        A group belongs to a year when it runs in it (from start to
        deadline), when its sign-up deadline falls in it (a group starting
        in January signs people up in December), or when it holds a
        published meeting in it. Index sets only: no brain is made.
        """
        first = DateTime(f"{year}/01/01")
        last = DateTime(f"{year}/12/31 23:59:59")
        query = self._group_query()
        running = self._rids(
            start={"query": last, "range": "max"},
            end={"query": first, "range": "min"},
            **query,
        )
        signing_up = self._rids(
            signup_deadline={"query": (first, last), "range": "min:max"}, **query
        )
        meetings = self._rids(
            portal_type="Meeting",
            review_state="published",
            start={"query": (first, last), "range": "min:max"},
        )
        cat = api.portal.get_tool("portal_catalog")._catalog
        parents = IISet()
        for rid in meetings:
            parent = cat.uids.get(_parent_path_of(cat.paths.get(rid, "")))
            if parent is not None:
                parents.insert(parent)
        if parents:
            # The meeting's group, if this user finds it with these filters.
            parents = intersection(parents, self._rids(**query))
        return multiunion([running, signing_up, parents])

    def _groups(self, year):
        """The page's group brains (by start) and how many groups match in all."""
        rids = self._year_rids(year)
        total = len(rids)
        start = self.start()
        if start >= total:
            start = max(0, (total - 1) // BATCH_SIZE * BATCH_SIZE)
        self._first = start
        cat = api.portal.get_tool("portal_catalog")._catalog
        chosen = _first_by_start(cat, rids, start + BATCH_SIZE)[start:]
        brains = LazyMap(cat.__getitem__, chosen, len(chosen))
        # Both dates are required, but a group made before they were has
        # no arc to draw; it is left out rather than break the wheel.
        page = [b for b in brains if as_date(b.start) and as_date(b.end)]
        return page, total

    def _page_url(self, start):
        params = {"year": self.year(), "b_start": start}
        for name in ("theme", "department"):
            value = getattr(self, name)()
            if value:
                params[name] = value
        return f"{self.context.absolute_url()}/@@aarshjul?{urlencode(params)}"

    def _markers_by_group(self, year, paths):
        """Published meetings and board decisions of the year, for these groups."""
        markers = {}
        if not paths:
            return markers
        inside = {"query": sorted(paths), "depth": 1}
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
            path=inside,
        )
        for brain in meetings:
            day = as_date(brain.start)
            markers.setdefault(_parent(brain), []).append(("meeting", day, brain.Title))
        for brain in self._search(
            portal_type="Recommendation", review_state=DECIDED_STATES, path=inside
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
        brains, total = self._groups(year)
        first = self._first
        radii, width = wheel.lane_radii(len(brains))
        markers = self._markers_by_group(year, {b.getPath() for b in brains})
        groups = []
        numbered = enumerate(zip(brains, radii, strict=True), first + 1)
        for number, (brain, radius) in numbered:
            start, end = as_date(brain.start), as_date(brain.end)
            colour, dash = wheel.STATE_STYLE.get(
                brain.review_state, ("#333333", "none")
            )
            signup = as_date(brain.signup_deadline)
            own = [("signup", signup, "")] if signup and signup.year == year else []
            own += sorted(markers.get(brain.getPath(), []), key=lambda m: m[1])
            runs = _runs_in(start, end, year)
            # The table lists every date that puts the group in the year:
            # the wheel's markers, and its start and deadline when they fall
            # in it (a group starting in January, whose sign-up deadline was
            # in December, is in the year by its run alone).
            run_dates = [
                (kind, day, "")
                for kind, day in (("start", start), ("end", end))
                if day.year == year
            ]
            dates_of_year = sorted(own + run_dates, key=lambda m: m[1])
            # A group that only signs people up (or meets) in the year has no
            # arc here: its number goes beside its first date instead.
            anchor = wheel.clip(start, year) if runs or not own else own[0][1]
            # The number sits just before the arc, clear of a marker on day one.
            label_x, label_y = wheel.point(radius, wheel.angle(anchor, year) - 0.07)
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
                    "path": (
                        wheel.arc_path(
                            radius,
                            wheel.clip(start, year),
                            wheel.clip(end, year),
                            year,
                        )
                        if runs
                        else None
                    ),
                    "colour": colour,
                    "dash": dash,
                    "label_x": label_x,
                    "label_y": label_y,
                    "markers": [
                        self._marker(kind, day, title, radius, year)
                        for kind, day, title in own
                    ],
                    "dates": [
                        {"kind": kind, "day": day, "title": title}
                        for kind, day, title in dates_of_year
                    ],
                }
            )
        last = first + len(brains)
        return {
            "year": year,
            "total": total,
            "first": first + 1,
            "last": last,
            "batched": total > BATCH_SIZE,
            "previous_url": (
                self._page_url(max(0, first - BATCH_SIZE)) if first else None
            ),
            "next_url": self._page_url(first + BATCH_SIZE) if last < total else None,
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
