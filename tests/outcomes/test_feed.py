"""The feed of published outcomes, read as a feed reader reads it.

Plone's syndication on the "Resultater" collection that the install makes:
RSS 2.0 (rss.xml) and Atom (atom.xml), parsed with lxml, with the elements a
reader uses (channel/feed title, item/entry title, link, date, summary).
"""

from .conftest import STORED
from .conftest import STORY
from AccessControl import SpecialUsers
from lxml import etree
from plone import api
from plone.base.interfaces.syndication import IFeedSettings
from threeb.opgavegrupper.outcomes.feed import ensure_feed
from threeb.opgavegrupper.outcomes.feed import feed_collection

import pytest
import transaction


ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def outcomes(rest_group, do_transition):
    group, _outbox = rest_group
    with api.env.adopt_roles(["Manager"]):
        published = api.content.create(group, "Outcome", id="tider", **STORED)
        api.content.create(
            group, "Outcome", id="kladde", title="Endnu ikke", summary="Kladde"
        )
    do_transition(published, "publish", "redaktoer")
    transaction.commit()
    return group


def test_the_install_makes_a_public_syndicated_collection(functional_portal):
    collection = feed_collection(functional_portal)
    # The test site is English; the demo site and 3B's are Danish.
    assert collection.Title() == "Outcomes"
    assert IFeedSettings(collection).enabled
    assert api.user.has_permission("View", user=SpecialUsers.nobody, obj=collection)


def test_on_a_danish_site_the_feed_is_called_resultater(portal):
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(feed_collection(portal))
    api.portal.set_registry_record("plone.default_language", "da")
    assert ensure_feed(portal).Title() == "Resultater"


def test_rss_lists_published_outcomes_only(outcomes, request_factory):
    response = request_factory().get("/resultater/rss.xml")
    assert response.status_code == 200, response.text
    assert "xml" in response.headers["Content-Type"]
    root = etree.fromstring(response.content)
    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("title") == "Outcomes"
    (item,) = channel.findall("item")
    assert item.findtext("title") == STORY["title"]
    assert item.findtext("description") == STORY["summary"]
    # Plone writes the item's address as its permalink guid, which readers
    # take for the link (RSS 2.0: isPermaLink defaults to true).
    assert item.findtext("guid").endswith("/grupper/vaskeriet/tider")
    assert item.find("guid").get("isPermaLink", "true") == "true"
    assert item.findtext("pubDate")


def test_atom_lists_published_outcomes_only(outcomes, request_factory):
    response = request_factory().get("/resultater/atom.xml")
    assert response.status_code == 200, response.text
    root = etree.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    (entry,) = root.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == STORY["title"]
    assert entry.findtext(f"{ATOM}summary") == STORY["summary"]
    assert entry.find(f"{ATOM}link").get("href").endswith("/grupper/vaskeriet/tider")
    assert entry.findtext(f"{ATOM}updated")
    # Nobody's login id or name: who wrote it is the association's business.
    assert root.find(f".//{ATOM}author") is None
    assert b"redaktoer" not in response.content
    assert b"admin" not in response.content


def test_a_retracted_outcome_leaves_the_feed(outcomes, request_factory, do_transition):
    do_transition(outcomes["tider"], "retract", "redaktoer")
    transaction.commit()
    root = etree.fromstring(request_factory().get("/resultater/rss.xml").content)
    assert root.find("channel").findall("item") == []
