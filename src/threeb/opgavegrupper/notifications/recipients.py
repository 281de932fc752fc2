"""Who is told: the people around a group, filtered by what they may see."""

from plone import api
from threeb.opgavegrupper.participation.following import followers
from threeb.opgavegrupper.vocabularies.users import users_with_role


CHAIR_ROLE = "TaskGroupChair"
MEMBER_ROLE = "TaskGroupMember"
BOARD_ROLE = "BoardMember"


def with_local_role(group, *roles):
    """User ids holding one of the roles on the group itself.

    The sharing page may give a role to a Plone group; its users count.
    """
    found = []
    for principal, principal_roles in group.get_local_roles():
        if not set(roles) & set(principal_roles):
            continue
        plone_group = api.group.get(groupname=principal)
        if plone_group is None:
            found.append(principal)
        else:
            found.extend(user.getId() for user in api.user.get_users(group=plone_group))
    return found


def chairs(group):
    return with_local_role(group, CHAIR_ROLE)


def members(group):
    """The chairs and members of the group."""
    return with_local_role(group, CHAIR_ROLE, MEMBER_ROLE)


def members_and_followers(group):
    return members(group) + list(followers(group))


def board():
    """The organisation board: whoever holds its role, by whatever group."""
    return [user.getId() for user in users_with_role(BOARD_ROLE)]


def contact(group):
    user_id = getattr(group, "contact", None)
    return [user_id] if user_id else []


def who_may_see(obj, user_ids):
    """[(user id, e-mail address)] of the users who may view obj, once each.

    Nobody gets a mail about something they cannot open: the check runs as
    each user, so workflow state, local roles and the transparency switch all
    count. Users without an e-mail address cannot be told and are skipped.
    """
    found = []
    seen_ids, seen_addresses = set(), set()
    for user_id in user_ids:
        if not user_id or user_id in seen_ids:
            continue
        seen_ids.add(user_id)
        user = api.user.get(userid=user_id)
        if user is None:
            # A local role or follower entry can outlive the account.
            continue
        address = (user.getProperty("email") or "").strip()
        if not address or address.lower() in seen_addresses:
            continue
        if not api.user.has_permission("View", user=user, obj=obj):
            continue
        seen_addresses.add(address.lower())
        found.append((user_id, address))
    return found
