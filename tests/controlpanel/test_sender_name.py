"""The name the site's mail is sent with follows the organisation's name
where it still says what the site was called: on the Classic control panel,
through PATCH @controlpanels and PATCH @registry. A sender name chosen on
its own is kept."""

from .test_organisation_name import admin  # noqa: F401 - a fixture
from .test_organisation_name import browser_for
from .test_organisation_name import NEW_NAME
from .test_organisation_name import RECORD
from .test_organisation_name import registry_value
from .test_organisation_name import site  # noqa: F401 - a fixture
from pathlib import Path
from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

import importlib.util
import pytest
import transaction


SENDER_NAME = "plone.email_from_name"
OLD_NAME = "Boligforeningen 3B"


def set_sender_name(value):
    # plone.api refuses None, the record's value on a new Plone site.
    getUtility(IRegistry)[SENDER_NAME] = value
    transaction.commit()


def by_control_panel(app, portal, name):
    browser = browser_for(app)
    browser.open(portal.absolute_url() + "/@@opgavegrupper-settings")
    browser.getControl(name="form.widgets.organisation_name").value = name
    browser.getControl(name="form.buttons.save").click()


def by_controlpanels(client, name):
    response = client.patch(
        "/@controlpanels/opgavegrupper-settings", json={"organisation_name": name}
    )
    assert response.status_code == 204


def by_registry(client, name):
    response = client.patch("/@registry", json={RECORD: name})
    assert response.status_code == 204


@pytest.fixture(params=["control panel", "@controlpanels", "@registry"])
def rename(request, functional_app, site, admin):  # noqa: F811
    """Change the organisation's name on one of the three roads."""
    if request.param == "control panel":
        return lambda name: by_control_panel(functional_app, site, name)
    if request.param == "@controlpanels":
        return lambda name: by_controlpanels(admin, name)
    return lambda name: by_registry(admin, name)


def test_the_old_name_follows(rename):
    set_sender_name(OLD_NAME)
    rename(NEW_NAME)
    assert registry_value(RECORD) == NEW_NAME
    assert registry_value(SENDER_NAME) == NEW_NAME


def test_plone_s_empty_default_follows(rename):
    set_sender_name(None)
    rename(NEW_NAME)
    assert registry_value(SENDER_NAME) == NEW_NAME


def test_the_site_s_old_title_follows(rename, site):  # noqa: F811
    """A site made as "3B Opgavegrupper" sent its mail in that name."""
    site.setTitle("3B Opgavegrupper")
    api.portal.set_registry_record("plone.site_title", "3B Opgavegrupper")
    set_sender_name("3B Opgavegrupper")
    rename(NEW_NAME)
    assert registry_value(SENDER_NAME) == NEW_NAME
    assert registry_value("plone.site_title") == NEW_NAME


def test_a_sender_name_of_its_own_is_kept(rename):
    set_sender_name("Sekretariatet")
    rename(NEW_NAME)
    assert registry_value(RECORD) == NEW_NAME
    assert registry_value(SENDER_NAME) == "Sekretariatet"


def test_a_refused_name_changes_no_sender(site, admin):  # noqa: F811
    set_sender_name(OLD_NAME)
    response = admin.patch(
        "/@controlpanels/opgavegrupper-settings", json={"organisation_name": ""}
    )
    assert response.status_code == 400
    assert registry_value(SENDER_NAME) == OLD_NAME


def test_the_mail_goes_out_in_the_new_name(site, admin):  # noqa: F811
    from threeb.opgavegrupper.notifications import mails

    api.portal.set_registry_record("plone.email_from_address", "post@example.org")
    set_sender_name(OLD_NAME)
    by_registry(admin, NEW_NAME)
    assert registry_value(SENDER_NAME) == NEW_NAME  # and a fresh registry
    assert mails.sender() == f"{NEW_NAME} <post@example.org>"


def load_create_site():
    """scripts/create_site.py, which `make run` runs, as a module."""
    path = Path(__file__).parents[2] / "scripts" / "create_site.py"
    spec = importlib.util.spec_from_file_location("create_site", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_demo_site_sends_in_the_organisation_s_name(site):  # noqa: F811
    api.portal.set_registry_record("plone.smtp_host", "localhost")
    api.portal.set_registry_record("plone.smtp_port", 25)
    load_create_site().configure_demo_mail()
    assert registry_value(SENDER_NAME) == OLD_NAME == site.Title()
