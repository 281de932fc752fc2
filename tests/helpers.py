"""People and task groups for the tests, made as the site makes them.

One place for what six conftest.py files each wrote their own way: each folder
keeps its own cast (``PEOPLE``) and its group's fields, and makes them here::

    from ..helpers import make_group
    from ..helpers import make_people
"""

from datetime import date
from plone import api

import importlib


PASSWORD = "secret-pw-1"
# A ceiling for one request to a test server, not a wait: a loaded machine
# (the suite five times slower than on an idle one) takes its time.
REQUEST_TIMEOUT = 300

# The way from draft to each state a test starts in.
TRANSITIONS = {
    "draft": (),
    "recruiting": ("open_signup",),
    "active": ("open_signup", "start_work"),
}


def make_people(people, password=PASSWORD):
    """Create users from ``{user_id: (full name, Plone groups)}``.

    :param people: the full name may be None ("Anna Hansen" for "anna"); the
        groups (giving the global roles) a group id, a list of them, or None.
    :returns: ``people``
    """
    for user_id, (fullname, groups) in people.items():
        api.user.create(
            email=f"{user_id}@example.org",
            username=user_id,
            password=password,
            properties={"fullname": fullname or f"{user_id.capitalize()} Hansen"},
        )
        if isinstance(groups, str):
            groups = [groups]
        for group_id in groups or ():
            api.group.add_user(groupname=group_id, username=user_id)
    return people


def make_folder(portal, folder_id="grupper", **fields):
    """The site's folder of task groups, made the first time it is asked for."""
    if folder_id in portal.objectIds():
        return portal[folder_id]
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(portal, "TaskGroupFolder", id=folder_id, **fields)


def make_group(folder, title="Vaskeriet", state="recruiting", roles=None, **fields):
    """A task group in ``folder``, put through its workflow to ``state``, as Manager.

    :param roles: local roles given before the workflow moves it,
        ``{user_id: ["TaskGroupChair"]}``.
    :param fields: the group's fields (``id=`` too), over the defaults: a
        summary, a theme, a start in January and a deadline in June 2026.
    """
    values = {
        "summary": f"Om {title}",
        "theme": "Udlejning",
        "start": date(2026, 1, 1),
        "deadline": date(2026, 6, 1),
        **fields,
    }
    with api.env.adopt_roles(["Manager"]):
        group = api.content.create(folder, "TaskGroup", title=title, **values)
        for user_id, local_roles in (roles or {}).items():
            api.user.grant_roles(username=user_id, obj=group, roles=local_roles)
        for transition in TRANSITIONS[state]:
            api.content.transition(group, transition=transition)
    return group


def notification_helpers():
    """tests/notifications/conftest.py as a module: its SMTP sink
    (``sink_mailhost``), mail reader (``read``) and ``Outbox``.

    A conftest is not imported by other folders' tests. This imports it under
    the name pytest gives it (``--import-mode=importlib`` makes ``tests`` a
    package), so a run has one copy of it and one SMTP sink, whether pytest
    loaded it first or not. tests/browser/e2e, a package of its own, reaches
    this function through its conftest's ``mail_helpers``.
    """
    return importlib.import_module("tests.notifications.conftest")
