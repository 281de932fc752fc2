"""The årshjul prints on one A4 page, logged in (toolbar hidden) or not.

Headless Chromium (the run's one: tests/browser/conftest.py) prints the page in print media to
PDF, and the PDF's pages are counted. Logged in, Plone's toolbar and the
room the body keeps for it (``body.plone-toolbar-left``) would otherwise
narrow the sheet and push the table onto a second page.
"""

from datetime import date
from datetime import timedelta
from plone import api

import base64
import pytest
import re
import transaction


pytestmark = pytest.mark.slow

# A page object of a PDF, not the /Pages tree that holds them.
PDF_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
TIMEOUT_MS = 120_000


@pytest.fixture
def full_year(folder, dataset):
    """A full page of the wheel: twenty groups running in 2026."""
    with api.env.adopt_roles(["Manager"]):
        for number in range(20):
            group = api.content.create(
                folder,
                "TaskGroup",
                id=f"gruppe-{number:02d}",
                title=f"Opgavegruppe med et ret langt navn nummer {number:02d}",
                summary="Om",
                theme="Udlejning",
                start=date(2026, 1, 5) + timedelta(days=9 * number),
                deadline=date(2026, 6, 1) + timedelta(days=7 * number),
                signup_deadline=date(2026, 1, 2) + timedelta(days=9 * number),
            )
            dataset.set_state(group, "recruiting")
    transaction.commit()
    return folder


def open_wheel(chromium, url, user_id):
    from ...stats.people import PASSWORD

    # Sent with every request: Plone asks for no login on a public page.
    headers = {}
    if user_id:
        token = base64.b64encode(f"{user_id}:{PASSWORD}".encode()).decode()
        headers["Authorization"] = f"Basic {token}"
    context = chromium.new_context(
        viewport={"width": 1280, "height": 900}, extra_http_headers=headers
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    response = page.goto(url)
    assert response is not None and response.status == 200
    return context, page


@pytest.mark.parametrize("user_id", [None, "staff1", "board1"])
def test_the_aarshjul_prints_on_one_a4_page(chromium, full_year, user_id):
    url = f"{full_year.absolute_url()}/@@aarshjul?year=2026"
    assert url.startswith("http://localhost:")  # themed (DESIGN.md)
    context, page = open_wheel(chromium, url, user_id)
    try:
        assert page.locator("path.aarshjul-arc").count() == 20
        logged_in = page.evaluate(
            "document.body.classList.contains('plone-toolbar-left')"
        )
        assert logged_in == bool(user_id)
        page.emulate_media(media="print")
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
        assert len(PDF_PAGE.findall(pdf)) == 1
        found = page.evaluate(
            """() => {
                const zone = document.querySelector('#edit-zone');
                const body = getComputedStyle(document.body);
                return [zone ? getComputedStyle(zone).display : 'none',
                        body.paddingLeft, body.paddingTop];
            }"""
        )
        assert found == ["none", "0px", "0px"]
    finally:
        context.close()
