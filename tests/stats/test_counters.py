"""The kept figures equal a brute-force count after every road that changes them."""

from DateTime import DateTime
from datetime import date
from plone import api
from threeb.opgavegrupper.stats.figures import figures

import pytest


@pytest.fixture
def folder(portal, dataset):
    return dataset.build(portal)


def _apply(group, user_id, seat="resident", department="Tingbjerg", created=None):
    from threeb.opgavegrupper.participation.applications import new_application_id

    with api.env.adopt_roles(["Manager"]):
        application = api.content.create(
            group,
            "Application",
            id=new_application_id(),
            title=user_id,
            applicant=user_id,
            constituency=seat,
            department=department,
        )
    if created:
        application.creation_date = DateTime(created)
        application.reindexObject()
    return application


def _transition(obj, transition, comment=""):
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=obj, transition=transition, comment=comment)


@pytest.fixture
def other(portal, dataset):
    with api.env.adopt_roles(["Manager"]):
        other = api.content.create(portal, "TaskGroupFolder", id="andre")
        group = api.content.create(
            other,
            "TaskGroup",
            id="haver",
            title="Haver",
            summary="Om haver",
            theme="Udlejning",
            start=date(2026, 1, 5),
            deadline=date(2026, 8, 1),
            seats_resident=5,
            seats_staff=1,
        )
        api.content.transition(group, transition="open_signup")
    return other


def test_the_data_set_counts_the_same(same, portal, folder):
    same(portal, folder)


def test_applications_through_every_transition(same, portal, folder, other):
    group = other["haver"]
    anna = _apply(group, "anna", created="2023/06/01")  # earlier than her 2024 group
    bo = _apply(group, "bo", seat="staff", department=None)
    carl = _apply(group, "carl")
    same(portal, folder, other)
    _transition(anna, "accept")
    same(portal, folder, other)  # anna's first time moves to 2023, to "andre"
    assert figures(other)["first_time_participants_per_year"] == {"2023": 1}
    assert figures(folder)["first_time_participants_per_year"]["2024"] == 1
    _transition(bo, "accept")
    _transition(carl, "waitlist")
    same(portal, folder, other)
    _transition(carl, "accept")
    _transition(anna, "withdraw")  # her first time goes back to "grupper"
    same(portal, folder, other)
    _transition(bo, "remove")
    same(portal, folder, other)
    assert figures(other)["participants_total"] == 1


def test_declined_and_deleted_applications(same, portal, folder, other):
    group = other["haver"]
    first = _apply(group, "dina")
    second = _apply(group, "emil")
    _transition(first, "decline")
    _transition(second, "accept")
    same(portal, folder, other)
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(obj=second)
        api.content.delete(obj=folder["gaarde"]["a-dina-gaarde"])
    same(portal, folder, other)


def test_anonymisation_and_an_edit(same, portal, folder):
    from threeb.opgavegrupper.participation.retention import anonymise_application

    application = folder["vaskeri"]["a-anna-vaskeri"]
    anonymise_application(application)
    same(portal, folder)  # anna's first time is now her 2026 group
    bo = folder["vaskeri"]["a-bo-vaskeri"]
    bo.department = "Tingbjerg"
    bo.creation_date = DateTime("2026/02/03")
    bo.reindexObject()
    same(portal, folder)


def test_recommendations_through_the_board(same, portal, folder, dataset):
    group = folder["energi"]
    with api.env.adopt_roles(["Manager"]):
        mandate = api.content.create(group, "Mandate", id="k", title="Kommissorium")
    dataset.set_state(mandate, "approved")
    with api.env.adopt_roles(["Manager"]):
        rec = api.content.create(
            group, "Recommendation", id="ny", title="Ny", summary="Kort"
        )
    _transition(rec, "submit")
    same(portal, folder)
    _transition(rec, "adopt", comment="Vedtaget.")
    same(portal, folder)
    rec.implementation_status = "in_progress"
    rec.progress = 55
    rec.reindexObject()
    same(portal, folder)
    r4 = folder["gaarde"]["r4"]
    _transition(r4, "reject", comment="Nej.")
    same(portal, folder)
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(obj=folder["gaarde"]["r3"])
    same(portal, folder)


def test_groups_change_state_start_and_go(same, portal, folder, other, dataset):
    dataset.set_state(folder["energi"], "active")
    group = folder["gaarde"]
    group.start = date(2026, 1, 2)
    group.reindexObject()
    same(portal, folder, other)
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(obj=folder["vaskeri"])
    same(portal, folder, other)
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(obj=other)
    same(portal, folder)


def test_a_rebuild_counts_the_same(same, portal, folder, other):
    from threeb.opgavegrupper.stats.counters import rebuild

    _transition(_apply(other["haver"], "anna"), "accept")
    kept = figures(portal), figures(folder), figures(other)
    assert rebuild(portal) == 4 + 1 + 4 + 7 + 1
    assert (figures(portal), figures(folder), figures(other)) == kept
    same(portal, folder, other)
