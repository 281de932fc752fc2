"""Demo users and content for Boligforeningen 3B.

Everything here is idempotent: running the demo profile again on a site that
has it changes nothing, so `make run` can reuse a site.
"""

from plone import api
from threeb.opgavegrupper import logger
from threeb.opgavegrupper.setuphandlers import frontpage
from threeb.opgavegrupper.setuphandlers.demo_content import create_content


DEMO_PASSWORD = "opgave-demo"  # noqa: S105 -- shown on the demo site's README

# user id, full name, e-mail, group (None: no global role), what they are.
DEMO_USERS = (
    ("mette", "Mette Holm", "mette@example.org", "medarbejdere", "Staff"),
    (
        "ole",
        "Ole Rasmussen",
        "ole@example.org",
        "organisationsbestyrelse",
        "BoardMember",
    ),
    (
        "fatima",
        "Fatima Ali",
        "fatima@example.org",
        "afdelingsbestyrelser",
        "DepartmentBoardMember",
    ),
    ("jens", "Jens Nielsen", "jens@example.org", "beboere", "Resident"),
    ("aisha", "Aisha Yilmaz", "aisha@example.org", "beboere", "Resident"),
    ("karin", "Karin Madsen", "karin@example.org", None, "External adviser"),
)


def create_users():
    for user_id, fullname, email, group, _what in DEMO_USERS:
        user = api.user.get(username=user_id)
        if user is None:
            user = api.user.create(
                username=user_id,
                email=email,
                password=DEMO_PASSWORD,
                properties={"fullname": fullname},
            )
        if group and user_id not in [
            member.getId() for member in api.user.get_users(groupname=group)
        ]:
            api.group.add_user(groupname=group, username=user_id)


def post_install(context):
    create_users()
    # Runs as the installing Manager; the demo users exist before their roles.
    with api.env.adopt_roles(["Manager"]):
        create_content()
        frontpage.install(api.portal.get())
    logger.info("threeb.opgavegrupper demo content installed")
