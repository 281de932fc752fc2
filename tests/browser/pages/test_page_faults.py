"""The faults people met on the group's pages (issue 12), each shown mended."""

from .conftest import browser_for
from .conftest import COPENHAGEN
from datetime import date
from datetime import datetime
from plone import api
from zope.component.hooks import setSite

import re
import transaction


def _danish(portal):
    setSite(portal)
    api.portal.set_registry_record("plone.default_language", "da")
    transaction.commit()


def _trail(page):
    return page[page.index('class="opgavegrupper-trail') :]


def test_read_the_minutes_only_where_minutes_are(functional_app, trail_group):
    with api.env.adopt_roles(["Manager"]):
        bare = api.content.create(
            trail_group,
            "Meeting",
            id="moede-uden-referat",
            title="Møde uden referat",
            start=COPENHAGEN.localize(datetime(2026, 3, 3, 17, 0)),
            end=COPENHAGEN.localize(datetime(2026, 3, 3, 19, 0)),
        )
        api.content.transition(bare, transition="publish")
    transaction.commit()
    browser = browser_for(functional_app)
    browser.open(trail_group.absolute_url())
    trail = _trail(browser.contents)
    assert trail_group["moede-1"].minutes.output  # the fixture's has minutes
    assert "moede-1#minutes" in trail
    assert "moede-uden-referat#minutes" not in trail
    assert trail.count("Read the minutes") == 1
    # The link's anchor is there on the meeting's page.
    browser.open(f"{trail_group.absolute_url()}/moede-1")
    assert 'id="minutes"' in browser.contents


def test_kind_is_not_repeated_by_a_title_that_says_it(
    functional_app, functional_portal, trail_group
):
    _danish(functional_portal)
    trail_group["kommissorium"].title = "Kommissorium"
    trail_group["kommissorium"].reindexObject()
    transaction.commit()
    browser = browser_for(functional_app)
    browser.open(trail_group.absolute_url())
    trail = _trail(browser.contents)
    text = re.sub(r"<[^>]+>|\s+", " ", trail)
    assert "Kommissorium : Kommissorium" not in text
    assert "Kommissorium" in text
    # Other entries still say what they are.
    assert re.search(r"Møde\s*:\s*Møde 10\. februar", text)


def test_trail_is_in_date_order(functional_app, trail_group):
    # A mandate approved after the first meeting stands after it.
    mandate = trail_group["kommissorium"]
    mandate.approval_date = date(2026, 2, 20)
    mandate.reindexObject()
    transaction.commit()
    browser = browser_for(functional_app)
    browser.open(trail_group.absolute_url())
    trail = _trail(browser.contents)
    dates = re.findall(r'<time datetime="(\d{4}-\d{2}-\d{2})', trail)
    assert dates == sorted(dates[:-1]) + dates[-1:]
    assert trail.index("Møde 10. februar") < trail.index("Kommissorium for vaskeriet")


def test_sign_up_box_only_on_the_group_page(functional_app, folder, people):
    from .conftest import make_group

    group = make_group(folder, "Cykelværksted", seats_department_board=2)
    transaction.commit()
    browser = browser_for(functional_app, "resident1")
    browser.open(group.absolute_url())
    assert browser.contents.count("opgavegrupper-participation") == 1
    browser.open(f"{group.absolute_url()}/@@apply")
    assert "opgavegrupper-participation" not in browser.contents
    # The form's own button is its primary action.
    button = re.search(r'<button[^>]*id="form-buttons-apply"[^>]*>', browser.contents)
    assert "btn-primary" in button.group(0)
    assert "btn-secondary" not in button.group(0)


def test_empty_department_is_not_no_value(functional_app, functional_portal, folder):
    from .conftest import make_group

    _danish(functional_portal)
    group = make_group(folder, "Cykelværksted")
    transaction.commit()
    browser = browser_for(functional_app, "resident1")
    browser.open(f"{group.absolute_url()}/@@apply")
    option = re.search(
        r'<option id="form-widgets-department-novalue"[^>]*>([^<]*)</option>',
        browser.contents,
    )
    assert option.group(1) == "Ingen afdeling valgt"


def test_chair_without_a_seat_is_on_the_roster(functional_app, trail_group):
    # chair1 holds the chair role and no accepted application.
    browser = browser_for(functional_app)
    browser.open(f"{trail_group.absolute_url()}/@@roster")
    page = browser.contents
    assert "Chair without a seat" in page
    assert "Chair1 Hansen" in page
    # Publicly the name only; the group itself also sees the address.
    assert "chair1@example.org" not in page
    staff = browser_for(functional_app, "staff1")
    staff.open(f"{trail_group.absolute_url()}/@@roster")
    assert "Chair1 Hansen" in staff.contents
    assert "mailto:chair1@example.org" in staff.contents


def test_seats_in_their_plural_form(functional_app, functional_portal, folder):
    from .conftest import make_group

    _danish(functional_portal)
    group = make_group(folder, "Cykelværksted", seats_resident=4, seats_staff=1)
    transaction.commit()
    browser = browser_for(functional_app)
    browser.open(f"{group.absolute_url()}/@@roster")
    assert "0 af 1 plads besat" in browser.contents
    assert "0 af 4 pladser besat" in browser.contents
    assert "0 af 1 pladser besat" not in browser.contents
