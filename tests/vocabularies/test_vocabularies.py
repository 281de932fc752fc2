from plone import api
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory

import pytest


def vocabulary(portal, name):
    return getUtility(IVocabularyFactory, name)(portal)


def test_themes_come_from_the_registry(portal):
    titles = [term.title for term in vocabulary(portal, "threeb.opgavegrupper.Themes")]
    assert "Grøn omstilling" in titles
    assert titles == api.portal.get_registry_record("threeb.opgavegrupper.themes")


def test_theme_tokens_are_ascii_slugs(portal):
    terms = list(vocabulary(portal, "threeb.opgavegrupper.Themes"))
    green = next(term for term in terms if term.value == "Grøn omstilling")
    assert green.token == "gron-omstilling"
    assert all(term.token.isascii() for term in terms)


def test_departments_follow_the_control_panel(portal):
    api.portal.set_registry_record(
        "threeb.opgavegrupper.departments",
        ["Afdeling Ø", " ", "Afdeling Ø", "Afdeling O"],
    )
    terms = list(vocabulary(portal, "threeb.opgavegrupper.Departments"))
    assert [term.value for term in terms] == ["Afdeling Ø", "Afdeling O"]
    # Two values that normalise alike still get distinct tokens.
    assert len({term.token for term in terms}) == 2


def test_missing_record_gives_empty_vocabulary(portal):
    # The settings refuse an empty list (controlpanel/interfaces.py); a site
    # without the record (an uninstall half done) still gets a vocabulary.
    from plone.registry.interfaces import IRegistry
    from zope.component import getUtility
    from zope.schema.interfaces import TooShort

    with pytest.raises(TooShort):
        api.portal.set_registry_record("threeb.opgavegrupper.themes", [])
    del getUtility(IRegistry).records["threeb.opgavegrupper.themes"]
    assert len(vocabulary(portal, "threeb.opgavegrupper.Themes")) == 0


@pytest.mark.parametrize(
    "token",
    ["org_board", "department_board", "resident", "staff", "external"],
)
def test_constituencies(portal, token):
    vocab = vocabulary(portal, "threeb.opgavegrupper.Constituencies")
    assert vocab.getTermByToken(token).value == token
