"""Vocabularies whose terms an association sets in the control panel."""

from plone import api
from plone.i18n.normalizer import idnormalizer
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def _from_registry(name):
    # Values are the Danish words staff typed; tokens are readable ASCII slugs
    # so that URLs, form ids and REST clients never carry raw æ/ø/å.
    values = api.portal.get_registry_record(
        f"threeb.opgavegrupper.{name}", default=None
    )
    terms = []
    values_seen = set()
    tokens_seen = set()
    for value in values or ():
        value = (value or "").strip()
        if not value or value in values_seen:
            continue
        token = base = idnormalizer.normalize(value) or "term"
        counter = 1
        while token in tokens_seen:
            counter += 1
            token = f"{base}-{counter}"
        values_seen.add(value)
        tokens_seen.add(token)
        terms.append(SimpleTerm(value=value, token=token, title=value))
    return SimpleVocabulary(terms)


@provider(IVocabularyFactory)
def themes_vocabulary(context):
    return _from_registry("themes")


@provider(IVocabularyFactory)
def departments_vocabulary(context):
    return _from_registry("departments")
