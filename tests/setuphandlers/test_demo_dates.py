"""The demo's story is told in date order, on whatever day it is built.

Only meetings that have taken place have minutes; applications were sent
and decided before the work they were for; a recommendation went to the
board before the board decided on it; a mandate's history says it was
approved on its approval date; an outcome was told after the decision; a
group's own history (sign-up, start, end) follows its dates, so the
retention page and the trail do not date its end on the build day. The
board desk asks for a mandate by its group, not by the type's name twice.

Checked on the demo site built today (the acceptance layer) and on a demo
built as if today were another day.
"""

from datetime import date
from datetime import datetime
from datetime import timedelta
from plone import api
from threeb.opgavegrupper.dates import date_text
from threeb.opgavegrupper.indexers.recommendation import submitted_date
from threeb.opgavegrupper.overview.trail import trail
from threeb.opgavegrupper.participation import retention
from zope.component.hooks import setSite
from zope.i18n import translate

import pytest
import pytz


TZ = pytz.timezone("Europe/Copenhagen")
LEAP_DAY = date(2024, 2, 29)


@pytest.fixture
def demo(acceptance):
    portal = acceptance["portal"]
    setSite(portal)
    return portal


@pytest.fixture
def demo_on_leap_day(integration):
    """The demo content as `make run` would have built it on 29 February 2024."""
    from threeb.opgavegrupper.setuphandlers import demo
    from threeb.opgavegrupper.setuphandlers.demo_content import create_content

    demo.create_users()
    with api.env.adopt_roles(["Manager"]):
        create_content(today=LEAP_DAY)
    return integration["portal"]


def day_of(value):
    """The local day of a DateTime or an aware datetime."""
    if hasattr(value, "asdatetime"):
        value = value.asdatetime()
    return value.astimezone(TZ).date()


def children(portal, portal_type):
    for group in portal["opgavegrupper"].objectValues():
        for child in group.objectValues():
            if child.portal_type == portal_type:
                yield group, child


def history(obj):
    workflow = api.portal.get_tool("portal_workflow")
    (workflow_id,) = workflow.getChainFor(obj)
    return obj.workflow_history[workflow_id]


def check_meetings(portal, today):
    held = ahead = 0
    for group, meeting in children(portal, "Meeting"):
        name = f"{group.getId()}/{meeting.getId()}"
        if meeting.start.date() < today:
            held += 1
            if api.content.get_state(meeting) == "published":
                assert meeting.minutes and meeting.minutes.output, name
        else:
            ahead += 1
            assert meeting.minutes is None, name
            assert not meeting.attendees, name
    assert held and ahead


def check_applications(portal, today):
    seen = 0
    for group, application in children(portal, "Application"):
        seen += 1
        name = f"{group.getId()}: {application.fullname}"
        sent = day_of(application.created())
        assert sent <= today, name
        assert sent < group.start, name
        assert sent <= group.signup_deadline or group.signup_deadline >= today, name
        entries = history(application)
        times = [entry["time"] for entry in entries]
        assert times == sorted(times), name
        assert day_of(times[0]) == sent, name
        for entry in entries[1:]:
            # Accepted or put on the waiting list before the work began.
            assert sent <= day_of(entry["time"]) < group.start, name
            assert day_of(entry["time"]) <= today, name
        assert day_of(application.modified()) <= today, name
    assert seen


def check_recommendations(portal, today):
    decided = 0
    for _group, recommendation in children(portal, "Recommendation"):
        name = recommendation.getId()
        written = day_of(recommendation.created())
        assert written <= today, name
        sent = submitted_date.callable(recommendation)
        if sent is not None:
            assert written <= sent <= today, name
        if recommendation.decision_date is not None:
            decided += 1
            assert sent is not None, name
            assert sent <= recommendation.decision_date, name
        times = [entry["time"] for entry in history(recommendation)]
        assert times == sorted(times), name
        assert day_of(times[-1]) <= today, name
    assert decided


def check_outcomes(portal, today):
    told = 0
    for group, outcome in children(portal, "Outcome"):
        told += 1
        day = day_of(outcome.effective_date)
        decided = [
            child.decision_date
            for child in group.objectValues()
            if getattr(child, "decision_date", None) is not None
        ]
        # Told after the board decided and before the next news it promises.
        assert max(decided) < day <= today, group.getId()
        assert outcome.next_date is None or day < outcome.next_date
        assert day_of(outcome.created()) <= day
    assert told


def check_mandates(portal):
    approved = 0
    for group, mandate in children(portal, "Mandate"):
        if mandate.approval_date is None:
            continue
        approved += 1
        (approval,) = [e for e in history(mandate) if e["action"] == "approve"]
        assert day_of(approval["time"]) == mandate.approval_date, group.getId()
        assert day_of(mandate.created()) < mandate.approval_date, group.getId()
    assert approved


def groups(portal):
    return [
        group
        for group in portal["opgavegrupper"].objectValues()
        if group.portal_type == "TaskGroup"
    ]


def check_groups(portal, today):
    """Each group's history in order and in the past, as its dates say."""
    ended = 0
    for group in groups(portal):
        name = group.getId()
        entries = history(group)
        times = [entry["time"] for entry in entries]
        assert times == sorted(times), name
        assert all(day_of(time) < today for time in times), name
        assert day_of(group.created()) == day_of(times[0]), name
        assert day_of(group.modified()) == day_of(times[-1]), name
        catalog = api.portal.get_tool("portal_catalog")
        (brain,) = catalog.unrestrictedSearchResults(UID=group.UID())
        assert day_of(brain.modified) == day_of(times[-1]), name
        on = {entry["action"]: day_of(entry["time"]) for entry in entries[1:]}
        if "open_signup" in on:
            assert on["open_signup"] <= group.signup_deadline, name
        if "start_work" in on:
            assert on["start_work"] == group.start, name
        state = api.content.get_state(group)
        if state in retention.ENDED_STATES:
            ended += 1
            end = day_of(retention.ended_on(group))
            assert group.start < end < today, name
            decided = [
                child.decision_date
                for child in group.objectValues()
                if getattr(child, "decision_date", None) is not None
            ]
            assert all(day <= end for day in decided), name
            outcomes = [
                day_of(child.effective_date)
                for child in group.objectValues()
                if child.portal_type == "Outcome"
            ]
            assert all(end < day for day in outcomes), name
        # Everything in the group happened after the group was made.
        for child in group.objectValues():
            assert day_of(child.created()) >= day_of(group.created()), (
                name,
                child.getId(),
            )
    assert ended == 2


def check_trails(portal):
    """The trail in date order. The mandate leads the group's children by
    design (overview/trail.py) and was approved before the work started, so
    it is checked against the start, the rest in the order they come."""
    for group in groups(portal):
        name = group.getId()
        entries = trail(group)
        mandates = [entry for entry in entries if entry["type"] == "Mandate"]
        for mandate in mandates:
            assert mandate["date"][:10] <= entries[0]["date"][:10], name
        days = [entry["date"][:10] for entry in entries if entry not in mandates]
        assert days == sorted(days), (name, days)


def check_retention(portal, today):
    """The ended groups come due after the retention days, dated the day
    they ended (the retention page's "Sluttede"), not the day the demo was
    built."""

    def moment(day):
        return TZ.localize(datetime.combine(day, datetime.min.time()))

    assert not retention.due(portal, now=moment(today))
    due = retention.due(portal, now=moment(today + timedelta(days=400)))
    assert [item["group"].getId() for item in due] == ["udlejningshjul"]
    (item,) = due
    assert item["group"].start < day_of(item["ended"]) < today
    assert date_text(item["ended"]) != date_text(moment(today))


def test_groups_are_dated_by_their_own_dates(demo):
    check_groups(demo, date.today())


def test_the_trail_is_in_date_order(demo):
    check_trails(demo)


def test_the_retention_page_dates_the_end_of_a_group(demo):
    check_retention(demo, date.today())


def test_only_meetings_that_took_place_have_minutes(demo):
    check_meetings(demo, date.today())


def test_the_group_page_links_no_minutes_of_a_meeting_ahead(demo):
    """ "Læs referatet" under a meeting that is still to come (#12)."""
    group = demo["opgavegrupper"]["klar-tale"]
    view = api.content.get_view("taskgroup-view", group, demo.REQUEST)
    meetings = {
        entry["id"]: entry for entry in view.entries() if entry["type"] == "Meeting"
    }
    ahead = group["moede-3"]
    assert ahead.start.date() > date.today()
    assert api.content.get_state(ahead) == "published"
    assert meetings["moede-3"]["minutes_url"] is None
    assert meetings["moede-1"]["minutes_url"].endswith("moede-1#minutes")


def test_applications_come_before_the_work(demo):
    check_applications(demo, date.today())


def test_my_page_says_when_an_application_was_sent(demo):
    """Mine opgavegrupper: "Sendt" on the day the person applied, not the
    day the demo was built."""
    from threeb.opgavegrupper.browser.participation.mypage import MyPage

    today = date_text(datetime.now(TZ))
    with api.env.adopt_user(username="jens"):
        view = MyPage(demo, demo.REQUEST)
        view.user_id = "jens"
        items = view.applications()
    by_group = {item["group"]["@id"].rsplit("/", 1)[1]: item for item in items}
    assert {"udlejningshjul", "groenne-gaarde"} <= set(by_group)
    for group_id in ("udlejningshjul", "groenne-gaarde"):
        group = demo["opgavegrupper"][group_id]
        item = by_group[group_id]
        assert item["date"] != today, group_id
        assert day_of(datetime.fromisoformat(item["created"])) < group.start


def test_recommendations_go_to_the_board_before_it_decides(demo):
    check_recommendations(demo, date.today())


def test_mandates_are_approved_on_their_approval_date(demo):
    check_mandates(demo)


def test_outcomes_are_told_after_the_decision(demo):
    check_outcomes(demo, date.today())


def test_the_story_holds_on_another_day(demo_on_leap_day):
    check_meetings(demo_on_leap_day, LEAP_DAY)
    check_applications(demo_on_leap_day, LEAP_DAY)
    check_recommendations(demo_on_leap_day, LEAP_DAY)
    check_mandates(demo_on_leap_day)
    check_outcomes(demo_on_leap_day, LEAP_DAY)
    check_groups(demo_on_leap_day, LEAP_DAY)
    check_trails(demo_on_leap_day)
    check_retention(demo_on_leap_day, LEAP_DAY)


def test_the_desk_asks_for_the_mandate_by_its_group(demo):
    from threeb.opgavegrupper.browser.insight.desk import heading

    mandate = demo["opgavegrupper"]["faellesskab-paa-tvaers"]["kommissorium"]
    assert api.content.get_state(mandate) == "pending_approval"
    group_title = mandate.__parent__.Title()
    asked = heading("Mandate", mandate.Title(), group_title, demo.REQUEST)
    assert translate(asked, target_language="da") == (
        "Fællesskab på tværs af afdelinger: godkend kommissoriet"
    )
    titled = heading("Mandate", "Mødesteder på tværs", group_title, demo.REQUEST)
    assert translate(titled, target_language="da") == (
        "Fællesskab på tværs af afdelinger: godkend kommissoriet »Mødesteder på tværs«"
    )
