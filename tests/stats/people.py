"""The people of the insight tests: board, staff, a resident, a group member."""

from plone import api


PASSWORD = "secret-pw-1"
PEOPLE = {
    "staff1": "medarbejdere",
    "board1": "organisationsbestyrelse",
    "resident1": "beboere",
}


def make_people():
    for user_id, group in PEOPLE.items():
        api.user.create(
            email=f"{user_id}@example.org", username=user_id, password=PASSWORD
        )
        api.group.add_user(groupname=group, username=user_id)
