"""The Applications table of docs/permissions.md holds on a real site.

For every field of an application and every state of its workflow, the
roles that hold the field's write permission on a real application are the
ones the generated table names (Manager aside, as in the table).
"""

from AccessControl.PermissionRole import rolesForPermissionOn
from plone import api
from threeb.opgavegrupper.participation import applications

import importlib.util
import pytest


def script():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location(
        "permissions_doc", root / "scripts" / "permissions_doc.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def table():
    """{field: {state or None: set(roles)}} as the document says it."""
    doc = script()
    rows = {}
    for line in doc.application_table()[2:]:
        field, who, _permission = (cell.strip() for cell in line.strip("|").split("|"))
        names = {value: key for key, value in doc.ROLE_NAMES.items()}
        parsed = {}
        for part in who.split("; "):
            state, _, roles = part.rpartition(": ")
            parsed[state or None] = (
                set()
                if roles == "nobody"
                else {names.get(role, role) for role in roles.split(", ")}
            )
        rows[field.strip("`")] = parsed
    return rows


STATES = ("pending", "accepted", "waitlisted", "declined", "withdrawn")


@pytest.fixture
def application(portal):
    from datetime import date

    api.user.create(email="anna@example.org", username="anna", password="pw-12345678")
    api.group.add_user(groupname="beboere", username="anna")
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "TaskGroupFolder", id="grupper")
        group = api.content.create(
            folder,
            "TaskGroup",
            id="vaskeri",
            title="Vaskeri",
            summary="S",
            theme="Udlejning",
            start=date(2026, 1, 1),
            deadline=date(2026, 6, 1),
        )
        api.content.transition(group, transition="open_signup")
    return applications.apply(
        group, api.user.get(username="anna"), {"constituency": "resident"}
    )


@pytest.mark.parametrize("state", STATES)
def test_the_table_holds_in_every_state(application, in_state, state):
    from plone.autoform.interfaces import WRITE_PERMISSIONS_KEY
    from plone.supermodel.utils import mergedTaggedValueDict
    from threeb.opgavegrupper.content.application import IApplication

    doc = script()
    in_state(application, state)
    permissions = mergedTaggedValueDict(IApplication, WRITE_PERMISSIONS_KEY)
    for field, by_state in table().items():
        title = doc.PERMISSION_TITLES[permissions.get(field, "cmf.ModifyPortalContent")]
        expected = by_state.get(state, by_state.get(None, set()))
        held = set(rolesForPermissionOn(title, application)) - {"Manager"}
        assert held == expected, (field, state, held, expected)
