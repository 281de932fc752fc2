"""The department a resident registers with is the one the sign-up form
shows chosen: from @@register, through the mailed link and staff's
approval, to @@apply. Over the real server, by the pages people use."""

from .conftest import make_group
from .conftest import PASSWORD
from .conftest import sink_mailhost
from lxml import html as lxml_html
from plone import api

import pytest
import re
import transaction


TOKEN = re.compile(r'name="_authenticator"\s+(?:type="hidden"\s+)?value="([^"]+)"')
LINK = re.compile(r"(http://\S+/passwordreset/[0-9a-f]+)\S*")


@pytest.fixture
def site(functional_portal):
    api.user.create(email="staff1@example.org", username="staff1", password=PASSWORD)
    api.group.add_user(groupname="medarbejdere", username="staff1")
    api.portal.set_registry_record("plone.enable_self_reg", True)
    make_group(functional_portal)
    with sink_mailhost(functional_portal) as outbox:
        transaction.commit()
        yield outbox


def token(session, path):
    page = session.get(path)
    assert page.status_code == 200, page.text[:2000]
    match = TOKEN.search(page.text)
    assert match, "no _authenticator on the page"
    return match.group(1)


def test_the_registered_department_reaches_the_sign_up_form(request_factory, site):
    visitor = request_factory(api=False)
    form = {
        "form.widgets.fullname": "Anna Hansen",
        "form.widgets.email": "anna@example.org",
        "form.widgets.username": "anna",
        "form.widgets.department:list": "tingbjerg",
        "form.widgets.address_or_tenancy": "Ruten 12, 2. tv.",
        "form.widgets.privacy_accepted:list": "selected",
        "form.buttons.register": "Register",
        "_authenticator": token(visitor, "/@@register"),
    }
    page = visitor.post("/@@register", data=form)
    assert page.status_code == 200, page.text[:2000]

    # The mailed link: choosing a password there verifies the address.
    (mail,) = [m for m in site.messages if b"anna@example.org" in m]
    link = LINK.search(mail.decode("utf-8", "replace").replace("=\r\n", ""))
    assert link, mail[:3000]
    path = "/passwordreset/" + link.group(1).rsplit("/", 1)[1]
    page = visitor.post(
        path,
        data={
            "userid": "anna",
            "password": "Bel-vedere-2026",
            "password2": "Bel-vedere-2026",
            "form.submitted": "1",
        },
    )
    assert page.status_code == 200, page.text[:2000]

    staff = request_factory(basic_auth=("staff1", PASSWORD), api=False)
    page = staff.post(
        "/@@registration-requests",
        data={
            "user_id": "anna",
            "decision": "approve_resident",
            "_authenticator": token(staff, "/@@registration-requests"),
        },
    )
    assert page.status_code == 200, page.text[:2000]

    anna = request_factory(basic_auth=("anna", "Bel-vedere-2026"), api=False)
    page = anna.get("/grupper/vaskeriet/@@apply")
    assert page.status_code == 200, page.text[:2000]
    doc = lxml_html.fromstring(page.text)
    (form,) = (f for f in doc.forms if (f.action or "").endswith("@@apply"))
    assert form.inputs["form.widgets.department:list"].value == "tingbjerg"
