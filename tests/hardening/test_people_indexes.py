"""The people indexes answer exact questions only (indexers/hashed.py).

A range over ``followers`` or ``taskgroup_people`` spelled out every keyed
hash the index held (narrowing one hex digit at a time), and with the hashes
anyone could see that the person named on one group's public roster also
sits in or follows other groups. Tried on both roads a visitor has into the
catalog: ``@search`` and the Classic ``@@search``.
"""

from plone import api
from threeb.opgavegrupper.indexers.hashed import META_TYPE
from threeb.opgavegrupper.participation import following
from threeb.opgavegrupper.participation.membership import groups_with_roles
from threeb.opgavegrupper.participation.membership import PEOPLE_INDEX
from threeb.opgavegrupper.participation.membership import people_with_roles
from threeb.opgavegrupper.upgrades.hashed_indexes import upgrade_hashed_indexes

import pytest
import re
import transaction


INDEXES = ("followers", PEOPLE_INDEX)
# Every hash is hex and sorts between these: a range over them is the whole index.
EVERYTHING = "query=0&{index}.query=g&{index}.range=min:max"


def found_on_page(html):
    """The number Plone's @@search page shows above its results."""
    return int(re.search(r'id="search-results-number"[^>]*>(\d+)<', html).group(1))


def _add_member(group, user_id):
    with api.env.adopt_roles(["Manager"]):
        group.manage_setLocalRoles(user_id, ["TaskGroupMember"])
        group.reindexObjectSecurity()


@pytest.fixture
def shared_person(functional_portal):
    """resident1 sits in one group and follows another; a third has nobody."""
    from ..participation.conftest import make_group
    from ..participation.conftest import make_people

    make_people()
    sits = make_group(functional_portal)
    follows = make_group(functional_portal)
    make_group(functional_portal)
    _add_member(sits, "resident1")
    following.follow(follows, "resident1")
    transaction.commit()
    return sits, follows


def test_both_indexes_are_hashed_keyword_indexes(portal):
    catalog = api.portal.get_tool("portal_catalog")
    for name in INDEXES:
        assert catalog._catalog.getIndex(name).meta_type == META_TYPE


@pytest.mark.parametrize("index", INDEXES)
def test_a_range_finds_nothing_on_rest(shared_person, anon_request, index):
    base = "/@search?portal_type=TaskGroup"
    assert anon_request.get(base).json()["items_total"] == 3
    for query in (
        f"&{index}.{EVERYTHING.format(index=index)}",
        f"&{index}.query=0&{index}.range=min",
        f"&{index}.query=g&{index}.range=max",
    ):
        response = anon_request.get(base + query)
        assert response.status_code == 200, query
        assert response.json()["items_total"] == 0, query


@pytest.mark.parametrize("index", INDEXES)
def test_a_range_finds_nothing_on_the_classic_search(
    shared_person, request_factory, index
):
    sits, follows = shared_person
    browser = request_factory(api=False)
    browser.headers["Accept"] = "text/html"
    everything = browser.get("/@@search?portal_type=TaskGroup&SearchableText=Vaskeriet")
    assert found_on_page(everything.text) == 3
    response = browser.get(
        # ZPublisher's records, as a form would send them.
        f"/@@search?portal_type=TaskGroup&SearchableText=Vaskeriet"
        f"&{index}.query:record=0&{index}.range:record=min"
    )
    assert response.status_code == 200
    assert found_on_page(response.text) == 0


def test_the_exact_hash_still_finds_the_groups(shared_person, anon_request):
    sits, follows = shared_person
    key = following.index_key("resident1")
    response = anon_request.get(f"/@search?portal_type=TaskGroup&{PEOPLE_INDEX}={key}")
    assert [item["@id"] for item in response.json()["items"]] == [sits.absolute_url()]
    response = anon_request.get(f"/@search?portal_type=TaskGroup&followers={key}")
    assert [item["@id"] for item in response.json()["items"]] == [
        follows.absolute_url()
    ]


@pytest.mark.parametrize("index", INDEXES)
def test_sorting_on_a_people_index_is_a_400(shared_person, anon_request, index):
    response = anon_request.get(f"/@search?portal_type=TaskGroup&sort_on={index}")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["type"] == "BadRequest"
    assert error["field"] == "sort_on"
    assert index in error["message"]


@pytest.mark.parametrize("value", ["SearchableText", "no_such_index"])
def test_sort_on_what_cannot_sort_is_a_400_not_a_500(
    shared_person, anon_request, value
):
    response = anon_request.get(f"/@search?portal_type=TaskGroup&sort_on={value}")
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "sort_on"


def test_sort_on_a_sortable_index_still_sorts(shared_person, anon_request):
    response = anon_request.get("/@search?portal_type=TaskGroup&sort_on=sortable_title")
    assert response.status_code == 200
    assert response.json()["items_total"] == 3
    both = "/@search?portal_type=TaskGroup&sort_on=sortable_title&sort_on=created"
    assert anon_request.get(both).status_code == 200


def test_the_classic_search_does_not_sort_on_a_people_index(
    shared_person, request_factory
):
    browser = request_factory(api=False)
    browser.headers["Accept"] = "text/html"
    response = browser.get(
        "/@@search?portal_type=TaskGroup&SearchableText=Vaskeriet&sort_on=followers"
    )
    assert response.status_code == 400
    ranked = "/@@search?portal_type=TaskGroup&SearchableText=Vaskeriet&sort_on="
    relevance = browser.get(ranked + "relevance")
    assert relevance.status_code == 200, relevance.text[:3000]
    assert browser.get(ranked + "sortable_title").status_code == 200


def test_a_big_group_reads_the_secret_once(portal, monkeypatch):
    from ..participation.conftest import make_group
    from ..participation.conftest import make_people

    make_people()
    group = make_group(portal)
    with api.env.adopt_roles(["Manager"]):
        for number in range(50):
            group.manage_setLocalRoles(f"person{number}", ["TaskGroupMember"])
    calls = []
    real = following.secret
    monkeypatch.setattr(
        following,
        "secret",
        lambda create=False, context=None: calls.append(1) or real(create, context),
    )
    from threeb.opgavegrupper.indexers.taskgroup import taskgroup_people

    keys = taskgroup_people(group)()
    assert len(keys) == len(people_with_roles(group)) > 50
    assert calls == [1]


def test_the_upgrade_replaces_keyword_indexes_and_refills_them(portal):
    from ..participation.conftest import make_group
    from ..participation.conftest import make_people

    make_people()
    group = make_group(portal)
    _add_member(group, "resident1")
    following.follow(group, "resident2")
    catalog = api.portal.get_tool("portal_catalog")
    for name in INDEXES:
        catalog.delIndex(name)
        catalog.addIndex(name, "KeywordIndex")

    assert upgrade_hashed_indexes(portal) == 1

    for name in INDEXES:
        assert catalog._catalog.getIndex(name).meta_type == META_TYPE
    path = "/".join(group.getPhysicalPath())
    assert groups_with_roles("resident1") == {path: ["TaskGroupMember"]}
    key = following.index_key("resident2")
    assert [b.getPath() for b in catalog.unrestrictedSearchResults(followers=key)] == [
        path
    ]
    # Run again, nothing to do.
    assert upgrade_hashed_indexes(portal) == 0


def test_a_group_with_people_is_indexed_with_no_site_active(portal):
    # The queue runs at commit, where a script or a test layer's set-up may
    # have no site hook: the secret comes from the group's own site (the
    # demo layer lost all its content when it did not).
    from ..participation.conftest import make_group
    from ..participation.conftest import make_people
    from Products.CMFCore.indexing import processQueue
    from zope.component.hooks import getSite
    from zope.component.hooks import setSite

    make_people()
    group = make_group(portal)
    processQueue()
    following.follow(group, "resident2")
    with api.env.adopt_roles(["Manager"]):
        group.manage_setLocalRoles("resident1", ["TaskGroupMember"])
        group.reindexObjectSecurity()
    site = getSite()
    setSite(None)
    try:
        processQueue()
    finally:
        setSite(site)
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(group.getPhysicalPath())
    for index, user_id in ((PEOPLE_INDEX, "resident1"), ("followers", "resident2")):
        key = following.index_key(user_id)
        found = catalog.unrestrictedSearchResults(**{index: key})
        assert [brain.getPath() for brain in found] == [path]
