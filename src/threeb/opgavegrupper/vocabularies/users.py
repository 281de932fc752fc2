"""Vocabularies of people and of a group's own mandate."""

from plone import api
from plone.app.content.browser.vocabulary import PERMISSIONS
from Products.PluggableAuthService.interfaces.plugins import IRoleAssignerPlugin
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

import hashlib


STAFF_ROLE = "Staff"
STAFF_USERS = "threeb.opgavegrupper.StaffUsers"

# A list of people is for those who pick people, as plone.app.vocabularies'
# own Users vocabulary is: @vocabularies and @@getVocabulary read this map
# (the default would let anonymous visitors list every staff account). The
# permission's roles are narrowed at install (hardening.setup).
PERMISSIONS[STAFF_USERS] = "List portal members"


def users_with_role(role):
    """The users who hold a global role, given to them or to a group of theirs.

    Asked of the site's role assigners (acl_users), so whichever group an
    association gives the role to, or a user source such as LDAP, counts;
    nothing here knows a group's name. Each user once, by user id.
    """
    acl_users = api.portal.get_tool("acl_users")
    groups = api.portal.get_tool("portal_groups")
    principal_ids = []
    for _id, plugin in acl_users.plugins.listPlugins(IRoleAssignerPlugin):
        if hasattr(plugin, "listAssignedPrincipals"):
            principal_ids.extend(pid for pid, _t in plugin.listAssignedPrincipals(role))
    users, seen = [], set()
    while principal_ids:
        principal_id = principal_ids.pop()
        if principal_id in seen:
            continue
        seen.add(principal_id)
        if groups.getGroupById(principal_id) is not None:
            # Ids only: a group's members (groups too) are not woken here.
            principal_ids.extend(groups.getGroupMembers(principal_id))
            continue
        user = api.user.get(userid=principal_id)
        if user is not None:
            users.append(user)
    return sorted(users, key=lambda user: user.getId())


@provider(IVocabularyFactory)
def staff_users_vocabulary(context):
    """The users with the Staff role, by full name."""
    terms = []
    for user in users_with_role(STAFF_ROLE):
        user_id = user.getId()
        title = user.getProperty("fullname") or user_id
        terms.append(SimpleTerm(value=user_id, token=user_id, title=title))
    terms.sort(key=lambda term: term.title.lower())
    return SimpleVocabulary(terms)


def question_token(question):
    # Questions are free text in Danish; the token must be form- and URL-safe
    # and stay the same as long as the question's wording does.
    return hashlib.sha256(question.encode("utf-8")).hexdigest()[:16]


def _task_group(context):
    from threeb.opgavegrupper.content.taskgroup import ITaskGroup

    obj = context
    while obj is not None:
        if ITaskGroup.providedBy(obj):
            return obj
        obj = getattr(obj, "__parent__", None)
    return None


@provider(IVocabularyFactory)
def mandate_questions_vocabulary(context):
    """The questions of the mandate of the group that holds the context."""
    group = _task_group(context)
    terms = []
    if group is not None:
        seen = set()
        path = "/".join(group.getPhysicalPath())
        brains = group.portal_catalog.unrestrictedSearchResults(
            portal_type="Mandate", path={"query": path, "depth": 1}
        )
        for brain in brains:
            mandate = brain._unrestrictedGetObject()
            for question in getattr(mandate, "questions", None) or ():
                if question and question not in seen:
                    seen.add(question)
                    terms.append(
                        SimpleTerm(
                            value=question,
                            token=question_token(question),
                            title=question,
                        )
                    )
    return SimpleVocabulary(terms)
