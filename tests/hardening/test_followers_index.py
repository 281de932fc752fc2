"""Who follows which group cannot be read from the catalog."""

from plone import api
from Products.CMFCore.indexing import processQueue
from threeb.opgavegrupper.hardening.setup import reindex_followers
from threeb.opgavegrupper.participation import following
from threeb.opgavegrupper.participation.roster import followed
from zope.annotation.interfaces import IAnnotations

import pytest
import transaction


@pytest.fixture
def catalog(portal):
    return api.portal.get_tool("portal_catalog")


@pytest.fixture
def group(portal):
    """A recruiting group on the integration site (the conftest's is on the
    real server)."""
    from ..participation.conftest import make_group
    from ..participation.conftest import make_people

    make_people()
    return make_group(portal)


def found(catalog, **query):
    return [brain.getId for brain in catalog.unrestrictedSearchResults(**query)]


def test_index_holds_keyed_hashes_not_user_ids(group, catalog):
    following.follow(group, "resident1")
    key = following.index_key("resident1")
    assert len(key) == 64 and key != "resident1"
    assert found(catalog, followers=key) == [group.getId()]
    assert found(catalog, followers="resident1") == []
    assert set(catalog.uniqueValuesFor("followers")) == {key}


def test_followers_are_no_metadata(group, catalog):
    following.follow(group, "resident1")
    assert "followers" not in catalog.schema()
    (brain,) = catalog.unrestrictedSearchResults(UID=group.UID())
    assert "followers" not in brain.__record_schema__


class CountingCatalog:
    def __init__(self, catalog):
        self.catalog = catalog
        self.queries = []

    def __call__(self, **query):
        self.queries.append(query)
        return self.catalog(**query)

    def unrestrictedSearchResults(self, **query):
        self.queries.append(query)
        return self.catalog.unrestrictedSearchResults(**query)


def test_the_groups_i_follow_is_one_query(group, catalog, monkeypatch):
    from threeb.opgavegrupper.participation import roster

    following.follow(group, "resident1")
    counting = CountingCatalog(catalog)
    monkeypatch.setattr(roster, "_catalog", lambda: counting)
    with api.env.adopt_user(username="resident1"):
        assert [item["title"] for item in followed("resident1")] == ["Vaskeriet"]
    assert len(counting.queries) == 1
    assert followed("resident2") == []


def test_the_key_depends_on_the_sites_secret(portal):
    first = following.index_key("resident1")
    IAnnotations(portal)[following.SECRET_KEY] = "another secret"
    assert following.index_key("resident1") != first


def old_site(portal, group, user_ids):
    """The followers indexed as plain user ids, and no secret."""
    for user_id in user_ids:
        following.follow(group, user_id)
    processQueue()  # the reindexing that follow() queued
    del IAnnotations(portal)[following.SECRET_KEY]
    catalog = api.portal.get_tool("portal_catalog")
    index = catalog._catalog.getIndex("followers")
    rid = catalog._catalog.uids["/".join(group.getPhysicalPath())]

    class Old:
        followers = tuple(user_ids)

    index.index_object(rid, Old())


def test_an_old_site_lists_follows_until_migrated(portal, group):
    old_site(portal, group, ["resident1"])
    assert following.index_key("resident1") is None
    # The plain id, not None (which would match every group).
    titles = [item["title"] for item in followed("resident1", unrestricted=True)]
    assert titles == ["Vaskeriet"]
    assert followed("resident2", unrestricted=True) == []


def test_reindex_followers_migrates_an_old_site(portal, group, catalog):
    old_site(portal, group, ["resident1", "resident2"])
    assert found(catalog, followers="resident1") == [group.getId()]

    assert reindex_followers(portal) == 1

    assert found(catalog, followers="resident1") == []
    assert found(catalog, followers="resident2") == []
    for user_id in ("resident1", "resident2"):
        titles = [item["title"] for item in followed(user_id, unrestricted=True)]
        assert titles == ["Vaskeriet"]
    # The followers themselves are untouched.
    assert following.followers(group) == ("resident1", "resident2")


def test_reindex_followers_twice_keeps_the_secret(portal, group):
    following.follow(group, "resident1")
    key = following.index_key("resident1")
    reindex_followers(portal)
    reindex_followers(portal)
    assert following.index_key("resident1") == key
    assert [item["title"] for item in followed("resident1", unrestricted=True)] == [
        "Vaskeriet"
    ]


def test_reindex_followers_without_the_index(portal, catalog):
    catalog.delIndex("followers")
    assert reindex_followers(portal) == 0
    assert following.secret() is not None


@pytest.fixture
def followed_group(functional_portal):
    from ..participation.conftest import make_group
    from ..participation.conftest import make_people

    make_people()
    group = make_group(functional_portal)
    following.follow(group, "resident1")
    transaction.commit()
    return group


def test_anonymous_search_by_user_id_finds_nothing(followed_group, anon_request):
    query = "/@search?portal_type=TaskGroup"
    assert anon_request.get(query).json()["items_total"] == 1
    response = anon_request.get(query + "&followers=resident1")
    assert response.status_code == 200
    assert response.json()["items_total"] == 0


def test_classic_search_by_user_id_finds_nothing(followed_group, request_factory):
    browser = request_factory(api=False)
    browser.headers["Accept"] = "text/html"
    url = followed_group.absolute_url()
    shown = browser.get("/@@search?portal_type=TaskGroup&SearchableText=Vaskeriet")
    assert url in shown.text
    response = browser.get("/@@search?portal_type=TaskGroup&followers=resident1")
    assert response.status_code == 200
    assert url not in response.text


@pytest.mark.parametrize("user", [None, "resident2"])
def test_the_catalog_is_not_published(followed_group, request_factory, user):
    # Zope does not publish the catalog's search methods; were it to, they
    # would find only keyed hashes.
    auth = (user, "secret-pw-1") if user else None
    browser = request_factory(api=False, basic_auth=auth)
    browser.headers["Accept"] = "text/html"
    for path in (
        "/portal_catalog/searchResults?followers=resident1",
        "/portal_catalog/uniqueValuesFor?name=followers",
    ):
        assert browser.get(path).status_code == 404
