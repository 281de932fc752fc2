"""Sentences with a number read right in Danish for 0, 1 and many (issue #12).

"1 opgavegrupper fundet" and "Alle 1 grupper" were one message for every
number; each is now a message with a plural form (browser/counts.py).
"""

from .. import helpers
from datetime import date
from plone import api
from plone.testing.zope import Browser
from threeb.opgavegrupper.browser import counts
from types import SimpleNamespace
from urllib.parse import urlencode
from zope.component.hooks import setSite
from zope.i18n import translate
from zope.interface import Invalid

import pytest
import transaction


def danish(message):
    return translate(message, target_language="da")


def english(message):
    return translate(message, target_language="en")


@pytest.mark.parametrize(
    "build,zero,one,many",
    [
        (
            counts.groups_found_message,
            "0 opgavegrupper fundet",
            "1 opgavegruppe fundet",
            "2 opgavegrupper fundet",
        ),
        (
            counts.open_groups_link_message,
            "Alle 0 grupper, der er åbne for tilmelding",
            "Den 1 gruppe, der er åben for tilmelding",
            "Alle 2 grupper, der er åbne for tilmelding",
        ),
        (
            counts.applications_anonymised_message,
            "0 tilmeldinger er anonymiseret.",
            "1 tilmelding er anonymiseret.",
            "2 tilmeldinger er anonymiseret.",
        ),
        (
            counts.applications_due_message,
            "Klar til anonymisering nu: 0 tilmeldinger.",
            "Klar til anonymisering nu: 1 tilmelding.",
            "Klar til anonymisering nu: 2 tilmeldinger.",
        ),
    ],
)
def test_danish_counts(portal, build, zero, one, many):
    assert [danish(build(n)) for n in (0, 1, 2)] == [zero, one, many]


def test_the_retention_rule_counts_its_days(portal):
    assert danish(counts.retention_message(1)).startswith(
        "Tilmeldinger anonymiseres 1 dag efter, at gruppen"
    )
    assert danish(counts.retention_message(180)).startswith(
        "Tilmeldinger anonymiseres 180 dage efter, at gruppen"
    )


def test_english_keeps_its_own_plural(portal):
    assert english(counts.groups_found_message(1)) == "1 task group found"
    assert english(counts.groups_found_message(3)) == "3 task groups found"
    assert english(counts.applications_due_message(1)) == "Due now: 1 application."


def test_list_limits_count_their_entries(portal):
    from threeb.opgavegrupper.serializers.fields import at_most_entries
    from threeb.opgavegrupper.serializers.fields import explain
    from zope.schema import List
    from zope.schema import TextLine
    from zope.schema._bootstrapinterfaces import TooShort

    assert danish(at_most_entries(1)) == "Højst 1 element."
    assert danish(at_most_entries(5)) == "Højst 5 elementer."
    field = List(value_type=TextLine(), min_length=1)
    assert danish(explain(field, TooShort([], 1))) == "Mindst 1 element."
    field = List(value_type=TextLine(), min_length=2)
    assert danish(explain(field, TooShort([], 2))) == "Mindst 2 elementer."


def test_one_member_holds_a_seat(portal):
    """Lowering the seats below the one taken: "1 medlem har en plads"."""
    from threeb.opgavegrupper.content.taskgroup import FewerSeatsThanTaken
    from threeb.opgavegrupper.content.taskgroup import ITaskGroup
    from threeb.opgavegrupper.participation import applications

    helpers.make_people({"anna": (None, "beboere")})
    folder = helpers.make_folder(portal)
    group = helpers.make_group(
        folder, start=date(2026, 1, 1), deadline=date(2026, 12, 1), seats_resident=2
    )
    with api.env.adopt_roles(["Manager"]):
        application = applications.apply(
            group, api.user.get(username="anna"), {"constituency": "resident"}
        )
        api.content.transition(application, transition="accept")

    # What z3c.form hands an invariant: the values, and the group edited.
    data = SimpleNamespace(__context__=group, seats_resident=0)
    errors = []
    with pytest.raises(Invalid):
        ITaskGroup.validateInvariants(data, errors)
    messages = [
        danish(error.args[0])
        for error in errors
        if isinstance(error, FewerSeatsThanTaken)
    ]
    assert messages == [
        "1 medlem har en plads af denne slags; der kan ikke være færre pladser. "
        "Fjern først et medlem."
    ]


# The pages, rendered in Danish --------------------------------------------------

PASSWORD = "opgave-demo"


@pytest.fixture
def danish_demo(acceptance):
    setSite(acceptance["portal"])
    api.portal.set_registry_record("plone.default_language", "da")
    api.portal.set_registry_record("plone.available_languages", ["da"])
    transaction.commit()
    return acceptance


def open_page(layer, path, user_id=None):
    browser = Browser(layer["app"])
    browser.handleErrors = False
    if user_id:
        browser.addHeader("Authorization", f"Basic {user_id}:{PASSWORD}")
    browser.addHeader("Accept-Language", "da")
    browser.open(f"{layer['portal'].absolute_url()}/{path}")
    assert browser.headers["status"] == "200 OK"
    return " ".join(browser.contents.split())


@pytest.mark.slow
@pytest.mark.parametrize(
    "theme,found",
    [
        ("Udlejning", "1 opgavegruppe fundet"),
        ("Økonomi", "0 opgavegrupper fundet"),
        ("Grøn omstilling", "2 opgavegrupper fundet"),
    ],
)
def test_overview_counts_the_groups_found(danish_demo, theme, found):
    html = open_page(danish_demo, "opgavegrupper?" + urlencode({"theme": theme}))
    assert found in html
    assert "1 opgavegrupper" not in html


@pytest.mark.slow
def test_front_page_with_one_open_group(danish_demo, in_state):
    catalog = api.portal.get_tool("portal_catalog")
    recruiting = catalog(portal_type="TaskGroup", review_state="recruiting")
    assert len(recruiting) == 2  # the demo's two open groups
    in_state(recruiting[0].getObject(), "active")
    transaction.commit()
    html = open_page(danish_demo, "")
    assert "Den 1 gruppe, der er åben for tilmelding" in html
    assert "Alle 1 grupper" not in html


@pytest.fixture
def due_application(functional_portal):
    """One accepted application in a group concluded 200 days ago."""
    from DateTime import DateTime
    from threeb.opgavegrupper.participation import applications

    portal = functional_portal
    api.portal.set_registry_record("plone.default_language", "da")
    api.portal.set_registry_record("plone.available_languages", ["da"])
    helpers.make_people(
        {"anna": (None, "beboere"), "staff1": (None, "medarbejdere")}, PASSWORD
    )
    folder = helpers.make_folder(portal)
    group = helpers.make_group(
        folder, start=date(2025, 6, 1), deadline=date(2025, 12, 1), seats_resident=2
    )
    with api.env.adopt_roles(["Manager"]):
        application = applications.apply(
            group, api.user.get(username="anna"), {"constituency": "resident"}
        )
        api.content.transition(application, transition="accept")
    workflow = api.portal.get_tool("portal_workflow")
    (chain,) = workflow.getChainFor(group)
    workflow.setStatusOf(
        chain,
        group,
        {
            "review_state": "concluded",
            "action": "conclude",
            "actor": "staff1",
            "time": DateTime() - 200,
            "comments": "",
        },
    )
    group.reindexObject()
    transaction.commit()
    return folder


@pytest.mark.slow
def test_retention_page_counts_one_application(functional, due_application):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic staff1:{PASSWORD}")
    browser.addHeader("Accept-Language", "da")
    browser.open(f"{functional['portal'].absolute_url()}/@@anonymise-applications")
    html = " ".join(browser.contents.split())
    assert "Klar til anonymisering nu: 1 tilmelding." in html
    assert "1 tilmeldinger" not in html
    browser.getForm(action="anonymise-applications").submit()
    html = " ".join(browser.contents.split())
    assert "1 tilmelding er anonymiseret." in html
    assert "1 tilmeldinger" not in html
