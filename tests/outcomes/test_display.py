"""A published outcome is on the group's page (end of the trail), on its card
in the overview and on the front page; a draft is on none of them."""

from .conftest import STORED
from .conftest import STORY
from plone import api

import pytest
import transaction


@pytest.fixture
def published(rest_group, do_transition):
    group, _outbox = rest_group
    with api.env.adopt_roles(["Manager"]):
        outcome = api.content.create(group, "Outcome", id="tider", **STORED)
        api.content.create(
            group, "Outcome", id="kladde", title="Hemmelig kladde", summary="Kladde"
        )
    do_transition(outcome, "publish", "redaktoer")
    transaction.commit()
    return outcome


def page(request_factory, path):
    session = request_factory(api=False)
    session.headers["Accept"] = "text/html"
    response = session.get(path)
    assert response.status_code == 200, response.text
    return response.text


def test_the_trail_ends_with_the_outcome(published, request_factory):
    html = page(request_factory, "/grupper/vaskeriet")
    trail = html[html.index("opgavegrupper-trail") :]
    assert trail.index('data-type="end"') < trail.index('data-type="Outcome"')
    assert trail.index('data-type="Outcome"') < trail.index(STORY["title"])
    assert STORY["decided"] in trail
    assert STORY["next_steps"] in trail
    assert "Hemmelig kladde" not in html


def test_the_card_of_the_concluded_group_tells_the_outcome(published, request_factory):
    html = page(request_factory, "/grupper")
    assert "opgavegrupper-card-outcome" in html
    assert STORY["summary"] in html
    assert published.absolute_url() in html


def test_the_front_page_shows_the_outcome_under_the_decisions(
    published, request_factory
):
    html = page(request_factory, "/@@opgavegrupper-forside")
    decisions = html[html.index("frontpage-decisions-heading") :]
    assert STORY["title"] in decisions
    assert "/resultater/rss.xml" in decisions
    assert "Hemmelig kladde" not in html


def test_nothing_shows_before_an_outcome_is_published(rest_group, request_factory):
    group, _outbox = rest_group
    with api.env.adopt_roles(["Manager"]):
        api.content.create(group, "Outcome", id="tider", **STORED)
    transaction.commit()
    assert "opgavegrupper-card-outcome" not in page(request_factory, "/grupper")
    front = page(request_factory, "/@@opgavegrupper-forside")
    assert "opgavegrupper-latest-outcomes" not in front
