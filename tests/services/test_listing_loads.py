"""A page of @taskgroups reads as much of the database at 2,000 groups as at 100.

Objects (groups, tools, settings) and the brains' metadata rows are counted
exactly; the catalog's index sets that every search intersects (Plone's own
`@search` too) grow with the number of groups, so they are compared with
what `@search` reads for the same query.
"""

from .listing_data import add_groups
from .listing_data import anonymous
from .listing_data import count_loads
from plone import api
from threeb.opgavegrupper.indexers.cards import phase_order
from threeb.opgavegrupper.overview import listing

import pytest
import transaction


SIZES = (100, 2000)


@pytest.fixture
def folder(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(functional_portal, "TaskGroupFolder", id="grupper")
    transaction.commit()
    return folder


def taskgroups_page(folder, filters=None):
    """What GET @taskgroups?b_size=20 computes, as anonymous."""

    def call():
        with anonymous():
            overview = listing.Overview(folder, listing.parse_filters(filters or {}))
            items = [listing.summary(brain) for brain in overview.page(0, 20)]
            return items, overview.facets(), len(overview)

    return call


def plone_search(folder):
    """Plone's own search for the same page, as `@search` runs it."""

    def call():
        with anonymous():
            catalog = api.portal.get_tool("portal_catalog")
            brains = catalog(
                portal_type="TaskGroup",
                path="/".join(folder.getPhysicalPath()),
                sort_on="deadline",
                b_start=0,
                b_size=20,
            )
            return [(b.Title, b.review_state, b.seats, b.getURL()) for b in brains]

    return call


@pytest.mark.slow
def test_a_page_loads_the_same_at_100_and_2000_groups(folder, monkeypatch):
    db = folder._p_jar.db()
    ours, plone = {}, {}
    built = 0
    for size in SIZES:
        add_groups(folder, built, size)
        built = size
        ours[size] = count_loads(monkeypatch, db, taskgroups_page(folder))
        plone[size] = count_loads(monkeypatch, db, plone_search(folder))
    small, large = ours[SIZES[0]], ours[SIZES[-1]]
    assert large.content == small.content == 0
    assert large.objects == small.objects
    # At most one bucket of metadata rows per brain of the page.
    assert large.metadata <= 20
    # Index sets: the page intersects those @search does and the facets'.
    assert large.index <= 2 * plone[SIZES[-1]].index


def brute_force(folder, filters, anonymous_user):
    """Facets, total and order counted by waking every group one by one."""
    groups = [
        group
        for group in folder.objectValues()
        if group.portal_type == "TaskGroup"
        and (not anonymous_user or api.content.get_state(group) != "draft")
    ]
    text = filters.get("text", "").lower()

    def passes(group, skip=None):
        state = api.content.get_state(group)
        if filters.get("open") and state != "recruiting":
            return False
        chosen = {f: filters.get(f) if f != skip else None for f in listing.FACETS}
        if chosen["review_state"] and state not in chosen["review_state"]:
            return False
        if chosen["theme"] and group.theme not in chosen["theme"]:
            return False
        departments = set(group.departments or ())
        if chosen["departments"] and not departments & set(chosen["departments"]):
            return False
        return not text or text in group.title.lower()

    facets = {}
    for facet in listing.FACETS:
        counts = {}
        for group in groups:
            if passes(group, skip=facet):
                if facet == "review_state":
                    values = [api.content.get_state(group)]
                elif facet == "theme":
                    values = [group.theme]
                else:
                    values = group.departments or []
                for value in values:
                    counts[value] = counts.get(value, 0) + 1
        facets[facet] = counts
    found = [group for group in groups if passes(group)]
    order = sorted(
        found,
        key=lambda g: (phase_order(api.content.get_state(g)), g.deadline),
    )
    return facets, len(found), [g.deadline for g in order]


FILTERS = [
    {},
    {"theme": ["Udlejning"]},
    {"departments": ["Tingbjerg"], "review_state": ["active", "recruiting"]},
    {"open": "1", "theme": ["Grøn omstilling", "Kommunikation"]},
    {"review_state": ["concluded"], "departments": ["Hvidovre"]},
    {"text": "gruppe 1"},
]


@pytest.mark.parametrize("anonymous_user", [True, False])
def test_facets_totals_and_order_equal_a_brute_force_count(folder, anonymous_user):
    # Staff see drafts; anonymous visitors do not.
    api.user.create(email="staff1@example.org", username="staff1", password="x-1-y-2-z")
    api.group.add_user(groupname="medarbejdere", username="staff1")
    add_groups(folder, 0, 150)
    for form in FILTERS:
        filters = listing.parse_filters(form)
        expected = brute_force(folder, filters, anonymous_user)
        if anonymous_user:
            with anonymous():
                overview = listing.Overview(folder, filters)
                page = overview.page(0, 1000)
                result = overview.facets(), len(overview), [b.deadline for b in page]
        else:
            with api.env.adopt_user(username="staff1"):
                overview = listing.Overview(folder, filters)
                page = overview.page(0, 1000)
                result = overview.facets(), len(overview), [b.deadline for b in page]
        facets, total, deadlines = result
        assert facets == expected[0], form
        assert total == expected[1], form
        assert [d.Date() for d in deadlines] == [
            f"{d.year}/{d.month:02d}/{d.day:02d}" for d in expected[2]
        ], form


def test_pages_share_no_group_and_miss_none(folder):
    add_groups(folder, 0, 90)
    with anonymous():
        overview = listing.Overview(folder, listing.parse_filters({}))
        seen = []
        for start in range(0, len(overview), 20):
            seen += [brain.getId for brain in overview.page(start, 20)]
    assert len(seen) == len(set(seen)) == len(overview) == 72
