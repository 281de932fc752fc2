"""The page after registering says what happens next, in Danish.

Plone's own page says only "you are registered"; a resident reads there
that the e-mail address is confirmed through the mailed link, that staff
approve the registration, and what they can do until then. Over the real
server.
"""

from .conftest import FIELDS
from .test_forms import register_form
from .test_forms import site  # noqa: F401 - fixture
from .test_forms import token
from plone import api
from threeb.opgavegrupper.registration import requests

import html
import pytest
import re
import transaction


STEPS = [
    "Velkommen",
    "Du er registreret. Før du kan søge en plads, der kræver en rolle, skal du "
    "bekræfte din e-mailadresse, og en medarbejder skal godkende din registrering.",
    "Hvad sker der nu?",
    "Bekræft din e-mailadresse.",
    "En medarbejder godkender din registrering.",
    "Medarbejderen kan først godkende din registrering, når du har bekræftet "
    "din e-mailadresse.",
    "Indtil din registrering er godkendt:",
    # The seats the rules open to a person without a role, by their title.
    "Du kan logge ind, følge opgavegrupper og søge de pladser, der ikke "
    "kræver en rolle: Ekstern rådgiver.",
]
MAILED = re.compile(
    r"Åbn den e-mail, vi lige har sendt til anna@example\.org, og følg linket "
    r"for at vælge din adgangskode\. Linket virker indtil "
    r"\d{1,2}\. [a-zæøå]+ \d{4} kl\. \d{2}\.\d{2}\. Derefter kan du bede om et "
    r'nyt via "Problemer med at logge ind\?" på login-siden\.'
)
BOARD = "Du har oplyst, at du sidder i din afdelingsbestyrelse"


@pytest.fixture
def danish(site):  # noqa: F811
    api.portal.set_registry_record("plone.default_language", "da")
    api.portal.set_registry_record("plone.available_languages", ["da"])
    transaction.commit()
    return site


def text(page):
    """What a person reads in the content area: no tags, one space."""
    content = re.search(r"<main[^>]*>(.*)</main>", page, re.S)
    assert content, page[:2000]
    words = re.sub(r"<[^>]+>", " ", content.group(1))
    return " ".join(html.unescape(words).split())


def registered(request_factory, **extra):
    browser = request_factory(api=False)
    browser.headers["Accept-Language"] = "da"
    values = {
        "fullname": FIELDS["fullname"],
        "email": "anna@example.org",
        "username": "anna",
        "department": "tingbjerg",
        "address_or_tenancy": FIELDS["address_or_tenancy"],
        "privacy_accepted": "selected",
        **extra,
    }
    form = register_form(values)
    form["_authenticator"] = token(browser, "/@@register")
    page = browser.post("/@@register", data=form)
    assert page.status_code == 200
    transaction.begin()  # see what the server committed
    assert requests.is_pending("anna")
    return text(page.text)


def test_the_page_names_the_steps(request_factory, danish):
    page = registered(request_factory)
    for step in STEPS:
        assert step in page, step
    assert MAILED.search(page), page
    assert BOARD not in page
    # Plone's page said this much and no more.
    assert "Du er nu registreret som bruger" not in page
    for english in ("What happens now", "Welcome", "staff", "External adviser"):
        assert english not in page


def test_a_board_member_reads_that_staff_confirm_the_seat(request_factory, danish):
    page = registered(request_factory, department_board="selected")
    assert (
        f"{BOARD}: det bekræfter medarbejderen også, før du kan få en plads som "
        "afdelingsbestyrelsesmedlem." in page
    )


def test_with_passwords_chosen_on_the_form_the_link_is_asked_for(
    request_factory, danish
):
    api.portal.set_registry_record("plone.enable_user_pwd_choice", True)
    transaction.commit()
    page = registered(
        request_factory, password="a-new-secret-9", password_ctl="a-new-secret-9"
    )
    assert (
        'Bed om et link via "Problemer med at logge ind?" på login-siden: det '
        "sendes til anna@example.org. Når du vælger din adgangskode via linket, "
        "er adressen bekræftet." in page
    )
    assert not MAILED.search(page)
    for step in STEPS:
        assert step in page, step
