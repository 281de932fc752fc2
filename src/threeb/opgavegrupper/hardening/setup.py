"""What install does for these defences, and what upgrades call on old sites.

Each function may be run again on a site where it already ran.
"""

from BTrees.OOBTree import OOBTree
from plone import api
from threeb.opgavegrupper import logger
from threeb.opgavegrupper.participation import following
from zope.annotation.interfaces import IAnnotations


JWT_PLUGIN = "jwt_auth"
FOLLOWERS_INDEX = "followers"
LIST_MEMBERS = "List portal members"
# Those who manage groups: they pick people for seats, contacts and roles.
# Plone gives the permission to every Member, so any logged-in person (an
# external adviser too) could list every account through the Users,
# Principals and Groups vocabularies, @@member-search and
# portal_membership/searchForMembers.
PEOPLE_LISTERS = ("Manager", "Site Administrator", "Staff")
# What the site had before install, put back by uninstall.
BEFORE_KEY = "threeb.opgavegrupper.before-install"
# Plone's own (Products.CMFPlone profiles/default/rolemap.xml), for a site
# installed before the add-on remembered what it changed.
PLONE_LISTERS = ("Manager", "Site Administrator", "Member")
# Everything the add-on keeps on the site object starts with this.
ANNOTATION_PREFIX = "threeb.opgavegrupper."


def _remember(portal, name, value):
    before = IAnnotations(portal).setdefault(BEFORE_KEY, {})
    if name not in before:
        before[name] = value
        IAnnotations(portal)[BEFORE_KEY] = before


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
    _remember(portal, "store_tokens", bool(plugin.store_tokens))
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
    roles = [
        setting["name"]
        for setting in portal.rolesOfPermission(LIST_MEMBERS)
        if setting["selected"]
    ]
    _remember(portal, "list_members", roles)
    portal.manage_permission(LIST_MEMBERS, roles=list(PEOPLE_LISTERS), acquire=True)


def install(portal):
    configure_jwt(portal)
    reindex_followers(portal)
    restrict_member_listing(portal)


def uninstall(portal):
    """Give the site back what install changed, and drop what the add-on kept.

    The JWT plugin stores tokens again only if it did before install (its
    stored tokens go: Plone's plugin then accepts any token it signed until
    it expires); "List portal members" gets the roles it had (Plone's own
    for a site installed before this was remembered); the followers secret,
    the figures and the other annotations of the add-on on the site go.
    """
    annotations = IAnnotations(portal)
    before = annotations.get(BEFORE_KEY, {})
    plugin = portal.acl_users.get(JWT_PLUGIN)
    if plugin is not None and not before.get("store_tokens", False):
        plugin.store_tokens = False
        plugin._tokens = None
    portal.manage_permission(
        LIST_MEMBERS,
        roles=list(before.get("list_members", PLONE_LISTERS)),
        acquire=True,
    )
    for key in [key for key in annotations if str(key).startswith(ANNOTATION_PREFIX)]:
        del annotations[key]
