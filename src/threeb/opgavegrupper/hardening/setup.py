"""What install does for these defences, and what upgrades call on old sites.

Each function may be run again on a site where it already ran.
"""

from BTrees.OOBTree import OOBTree
from plone import api
from threeb.opgavegrupper import logger
from threeb.opgavegrupper.participation import following


JWT_PLUGIN = "jwt_auth"
FOLLOWERS_INDEX = "followers"
LIST_MEMBERS = "List portal members"
# Those who manage groups: they pick people for seats, contacts and roles.
# Plone gives the permission to every Member, so any logged-in person (an
# external adviser too) could list every account through the Users,
# Principals and Groups vocabularies, @@member-search and
# portal_membership/searchForMembers.
PEOPLE_LISTERS = ("Manager", "Site Administrator", "Staff")


def configure_jwt(portal):
    """Make plone.restapi's JWT plugin keep the tokens it hands out.

    Only a stored token authenticates, and ``@logout`` (and ``@login-renew``)
    delete theirs, so a token stops working when its owner logs out. Tokens
    handed out before this ran were not stored: their holders log in again.
    Returns False if the site has no JWT plugin.
    """
    plugin = portal.acl_users.get(JWT_PLUGIN)
    if plugin is None:
        logger.warning("No %s plugin: logout cannot revoke tokens", JWT_PLUGIN)
        return False
    if not plugin.store_tokens:
        plugin.store_tokens = True
    if plugin._tokens is None:
        plugin._tokens = OOBTree()
    return True


def reindex_followers(portal):
    """Index every group's followers as keyed hashes (see participation.following).

    Sites that indexed plain user ids get the secret made and their groups
    reindexed; the followers themselves (on the groups) do not change.
    Returns how many groups were reindexed.
    """
    following.secret(create=True)
    catalog = api.portal.get_tool("portal_catalog")
    if FOLLOWERS_INDEX not in catalog.indexes():
        return 0
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type="TaskGroup"):
        group = brain._unrestrictedGetObject()
        group.reindexObject(idxs=[FOLLOWERS_INDEX])
        count += 1
    logger.info("Reindexed the followers of %d groups as keyed hashes", count)
    return count


def restrict_member_listing(portal):
    """Only those who manage groups may list the site's people."""
    portal.manage_permission(LIST_MEMBERS, roles=list(PEOPLE_LISTERS), acquire=True)


def install(portal):
    configure_jwt(portal)
    reindex_followers(portal)
    restrict_member_listing(portal)
