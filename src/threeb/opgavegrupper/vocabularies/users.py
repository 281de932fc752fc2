"""Vocabularies of people and of a group's own mandate."""

from plone import api
from plone.app.content.browser.vocabulary import PERMISSIONS
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

import hashlib


STAFF_GROUP = "medarbejdere"
STAFF_USERS = "threeb.opgavegrupper.StaffUsers"

# A list of people is for those who pick people, as plone.app.vocabularies'
# own Users vocabulary is: @vocabularies and @@getVocabulary read this map
# (the default would let anonymous visitors list every staff account). The
# permission's roles are narrowed at install (hardening.setup).
PERMISSIONS[STAFF_USERS] = "List portal members"


@provider(IVocabularyFactory)
def staff_users_vocabulary(context):
    """The members of the staff group, by full name."""
    terms = []
    for user in api.user.get_users(groupname=STAFF_GROUP):
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
