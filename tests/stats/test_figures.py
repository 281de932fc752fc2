"""The participation figures, counted by hand from the data set."""

import pytest


@pytest.fixture
def folder(portal, dataset):
    return dataset.build(portal)


@pytest.fixture
def figures(folder):
    from threeb.opgavegrupper.stats.figures import figures

    return figures(folder)


def test_groups_by_state_count_drafts_too(figures):
    assert figures["groups_by_state"] == {
        "active": 1,
        "concluded": 1,
        "draft": 1,
        "recruiting": 1,
    }


def test_only_accepted_applications_are_participants(figures):
    assert figures["participants_total"] == 5
    assert figures["participants_by_constituency"] == {
        "department_board": 1,
        "resident": 3,
        "staff": 1,
    }


def test_participants_without_department_count_under_none(figures):
    assert figures["participants_by_department"] == {
        "Hvidovre": 2,
        "Tingbjerg": 2,
        "none": 1,
    }


def test_first_time_participants_counted_in_the_year_of_their_first_group(figures):
    # anna first took part in 2024 (vaskeri); her 2026 group is not a first.
    assert figures["first_time_participants_per_year"] == {
        "2024": 2,
        "2025": 1,
        "2026": 1,
    }


def test_applications_per_month_count_every_application(figures):
    assert figures["applications_per_month"] == {
        "2024-12": 2,
        "2025-01": 1,
        "2026-01": 3,
        "2026-02": 1,
    }


def test_days_from_start_to_recommendation_and_decision(figures):
    # vaskeri: start 2025-01-10, first submitted 04-10 (90 days), decided 05-01 (111)
    # gaarde: start 2026-02-01, first submitted 03-03 (30 days), decided 04-02 (60)
    days = figures["days_from_start"]
    assert days["to_first_recommendation"] == {"count": 2, "median": 60.0, "mean": 60.0}
    assert days["to_decision"] == {"count": 2, "median": 85.5, "mean": 85.5}


def test_adopted_counts_implemented_too(figures):
    assert figures["decisions"] == {"adopted": 2, "rejected": 1}


def test_implementation_progress_of_adopted_recommendations(figures):
    assert figures["implementation"] == {
        "count": 2,
        "status": {"not_started": 0, "in_progress": 1, "done": 1},
        "average_progress": 70.0,
    }


def test_the_metadata_comes_from_the_new_columns(folder):
    from plone import api

    (brain,) = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="Recommendation", id="r3"
    )
    assert brain.decision_date.isoformat() == "2026-04-02"
    assert brain.submitted_date.isoformat() == "2026-03-03"
    assert (brain.implementation_status, brain.progress) == ("in_progress", 40)


def test_figures_of_a_folder_leave_out_other_folders(portal, folder):
    from plone import api
    from threeb.opgavegrupper.stats.figures import figures

    with api.env.adopt_roles(["Manager"]):
        other = api.content.create(portal, "TaskGroupFolder", id="andre")
    assert figures(other)["participants_total"] == 0
    assert figures(portal)["participants_total"] == 5


def test_csv_has_a_row_per_number(figures):
    from threeb.opgavegrupper.stats.export import to_csv

    lines = to_csv(figures).splitlines()
    assert lines[0] == "figure,key,value"
    assert "participants_by_department,none,1" in lines
    assert "days_from_start.to_decision,median,85.5" in lines
    assert "implementation,average_progress,70.0" in lines


def test_real_transitions_fill_the_metadata(portal, dataset):
    """Submitting and adopting through the workflow updates the new columns."""
    from plone import api
    from plone.app.event.base import localized_today

    folder = dataset.build(portal)
    group = folder["energi"]
    with api.env.adopt_roles(["Manager"]):
        mandate = api.content.create(group, "Mandate", id="k", title="Kommissorium")
        dataset.set_state(mandate, "approved")
        rec = api.content.create(
            group, "Recommendation", id="ny", title="Ny", summary="Kort"
        )
        api.content.transition(rec, transition="submit")
        catalog = api.portal.get_tool("portal_catalog")
        (brain,) = catalog.unrestrictedSearchResults(UID=rec.UID())
        assert brain.submitted_date == localized_today(rec)
        assert brain.decision_date is None
        api.content.transition(rec, transition="adopt", comment="Vedtaget.")
    (brain,) = catalog.unrestrictedSearchResults(UID=rec.UID())
    assert brain.decision_date == localized_today(rec)
    assert brain.review_state == "adopted"
