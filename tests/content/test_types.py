"""Type settings, one row per type, and where each type may be added."""

from datetime import date
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest


TYPES = {
    "TaskGroupFolder": {
        "title": "Task groups",
        "klass": "threeb.opgavegrupper.content.taskgroupfolder.TaskGroupFolder",
        "add_permission": "threeb.opgavegrupper.AddTaskGroupFolder",
        "global_allow": True,
        "allowed": {"TaskGroup"},
        "behaviors": {"plone.basic", "plone.namefromtitle", "plone.shortname"},
    },
    "TaskGroup": {
        "title": "Task group",
        "klass": "threeb.opgavegrupper.content.taskgroup.TaskGroup",
        "add_permission": "threeb.opgavegrupper.AddTaskGroup",
        "global_allow": False,
        "allowed": {
            "Mandate",
            "Meeting",
            "Recommendation",
            "Application",
            "Outcome",
            "Document",
            "File",
            "Image",
            "Link",
        },
        "behaviors": {"plone.namefromtitle", "plone.shortname", "plone.leadimage"},
    },
    "Mandate": {
        "title": "Mandate",
        "klass": "threeb.opgavegrupper.content.mandate.Mandate",
        "add_permission": "threeb.opgavegrupper.AddMandate",
        "global_allow": False,
        "allowed": set(),
        "behaviors": {"plone.namefromtitle", "plone.versioning"},
    },
    "Meeting": {
        "title": "Meeting",
        "klass": "threeb.opgavegrupper.content.meeting.Meeting",
        "add_permission": "threeb.opgavegrupper.AddMeeting",
        "global_allow": False,
        "allowed": {"File", "Image"},
        "behaviors": {"plone.basic", "plone.eventbasic", "plone.namefromtitle"},
    },
    "Recommendation": {
        "title": "Recommendation",
        "klass": "threeb.opgavegrupper.content.recommendation.Recommendation",
        "add_permission": "threeb.opgavegrupper.AddRecommendation",
        "global_allow": False,
        "allowed": set(),
        "behaviors": {"plone.namefromtitle", "plone.versioning"},
    },
    "Application": {
        "title": "Application",
        "klass": "threeb.opgavegrupper.content.application.Application",
        "add_permission": "threeb.opgavegrupper.AddApplication",
        "global_allow": False,
        "allowed": set(),
        "behaviors": {"plone.locking"},
    },
    "Outcome": {
        "title": "Outcome",
        "klass": "threeb.opgavegrupper.content.outcome.Outcome",
        "add_permission": "threeb.opgavegrupper.AddOutcome",
        "global_allow": False,
        "allowed": set(),
        "behaviors": {"plone.namefromtitle", "plone.versioning"},
    },
}


@pytest.mark.parametrize("portal_type,expected", TYPES.items())
def test_fti(get_fti, portal_type, expected):
    fti = get_fti(portal_type)
    assert fti.title == expected["title"]
    assert fti.klass == expected["klass"]
    assert fti.add_permission == expected["add_permission"]
    assert fti.global_allow is expected["global_allow"]
    assert set(fti.allowed_content_types) == expected["allowed"]
    assert expected["behaviors"] <= set(fti.behaviors)


@pytest.fixture
def group(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    folder = api.content.create(portal, "TaskGroupFolder", id="opgavegrupper")
    return api.content.create(
        folder,
        "TaskGroup",
        title="Vaskeri",
        summary="Nye regler for vaskeriet",
        theme="Udlejning",
        start=date(2026, 1, 1),
        deadline=date(2026, 6, 1),
    )


def test_task_group_only_inside_folder(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    with pytest.raises(api.exc.InvalidParameterError):
        api.content.create(portal, "TaskGroup", title="Forkert sted")


def test_one_mandate_per_group(group):
    addable = [fti.getId() for fti in group.allowedContentTypes()]
    assert "Mandate" in addable
    api.content.create(group, "Mandate", title="Kommissorium", questions=["Hvad?"])
    addable = [fti.getId() for fti in group.allowedContentTypes()]
    assert "Mandate" not in addable
    assert "Meeting" in addable
    with pytest.raises((ValueError, api.exc.InvalidParameterError)):
        api.content.create(group, "Mandate", title="Nummer to", questions=["?"])


def test_summary_is_the_description(group):
    assert group.Description() == "Nye regler for vaskeriet"
    brain = api.content.find(UID=group.UID())[0]
    assert brain.Description == "Nye regler for vaskeriet"


def test_catalog_metadata_for_listings(group):
    group.departments = ["Tingbjerg"]
    group.signup_deadline = date(2026, 2, 1)
    group.reindexObject()
    brain = api.content.find(UID=group.UID(), theme="Udlejning")[0]
    assert brain.departments == ("Tingbjerg",)
    assert brain.deadline.strftime("%Y-%m-%d") == "2026-06-01"
    assert brain.signup_deadline.strftime("%Y-%m-%d") == "2026-02-01"
    assert brain.start.strftime("%Y-%m-%d") == "2026-01-01"
    assert brain.end.strftime("%Y-%m-%d") == "2026-06-01"
    assert brain.seats == {
        "org_board": 1,
        "department_board": 2,
        "resident": 4,
        "staff": 1,
        "external": 0,
    }
    assert group.UID() == api.content.find(departments="Tingbjerg")[0].UID


def test_answers_offer_the_mandate_questions(group, portal):
    from zope.component import getUtility
    from zope.schema.interfaces import IVocabularyFactory

    api.content.create(
        group, "Mandate", title="K", questions=["Hvad koster det?", "Hvem?"]
    )
    recommendation = api.content.create(
        group, "Recommendation", title="Forslag", summary="Kort"
    )
    factory = getUtility(IVocabularyFactory, "threeb.opgavegrupper.MandateQuestions")
    assert [t.value for t in factory(recommendation)] == ["Hvad koster det?", "Hvem?"]
    # While adding, the context is the group itself.
    assert len(factory(group)) == 2


def test_contact_is_chosen_among_staff(portal):
    from zope.component import getUtility
    from zope.schema.interfaces import IVocabularyFactory

    api.user.create(
        email="m@example.org",
        username="staffmember",
        properties={"fullname": "Mette Holm"},
    )
    api.user.create(email="j@example.org", username="residentjens")
    api.group.add_user(groupname="medarbejdere", username="staffmember")
    vocabulary = getUtility(IVocabularyFactory, "threeb.opgavegrupper.StaffUsers")(
        portal
    )
    assert [(t.value, t.title) for t in vocabulary] == [("staffmember", "Mette Holm")]
