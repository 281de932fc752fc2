"""The resident's whole way through a group, over HTTP only, mails included."""

from ..notifications.conftest import mock_mailhost
from ..notifications.conftest import Outbox
from ..participation.conftest import make_group
from ..participation.conftest import make_people
from plone import api
from threeb.opgavegrupper.participation.applications import application_id

import transaction


def test_apply_accept_see_withdraw_over_rest(functional_portal, request_factory):
    make_people()
    group = make_group(functional_portal)
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            group, "Mandate", id="kommissorium", title="Kommissorium", questions=["?"]
        )
    with mock_mailhost(functional_portal) as mailhost:
        transaction.commit()
        outbox = Outbox(mailhost)
        resident = request_factory(basic_auth=("resident1", "secret-pw-1"))
        staff = request_factory(basic_auth=("staff1", "secret-pw-1"))
        path = "/grupper/" + group.getId()
        mandate = f"{path}/kommissorium"

        assert resident.get(mandate).status_code == 401
        response = resident.post(f"{path}/@apply", json={"constituency": "resident"})
        assert response.status_code == 201, response.text
        transaction.begin()
        assert "chair1@example.org" in outbox.recipients
        assert "staff1@example.org" in outbox.recipients
        # The mock keeps its messages in a plain list the server's connection
        # does not see emptied: count on instead of clearing.
        seen = len(outbox.mails)

        application = f"{path}/{application_id(group, 'resident1')}"
        response = staff.post(
            f"{application}/@workflow/accept", json={"comment": "Velkommen til"}
        )
        assert response.status_code == 200, response.text
        transaction.begin()
        (mail,) = outbox.mails[seen:]
        assert mail.to == "resident1@example.org"
        assert "Velkommen til" in mail.text
        assert "Vaskeriet" in mail.subject

        assert resident.get(mandate).status_code == 200

        response = resident.post(f"{application}/@workflow/withdraw")
        assert response.status_code == 200, response.text
        assert resident.get(mandate).status_code == 401
        assert resident.get(application).json()["review_state"] == "withdrawn"
