"""GET @taskgroups-openapi: the OpenAPI 3.1 document of the add-on's endpoints."""

from pathlib import Path
from plone.restapi.services import Service
from zope.component import queryUtility
from zope.schema.interfaces import IVocabularyFactory

import json


SPEC = Path(__file__).parent / "openapi.json"

# Vocabularies whose values are the site's public settings; others (the
# staff users of a group's contact) are people and stay a plain string.
PUBLIC_VOCABULARIES = frozenset(
    {"threeb.opgavegrupper.Themes", "threeb.opgavegrupper.Departments"}
)


def load_spec(site_url=None):
    spec = json.loads(SPEC.read_text(encoding="utf-8"))
    if site_url:
        spec["servers"] = [{"url": site_url}]
    return spec


def fill_vocabularies(node, context):
    """Give each ``x-vocabulary`` schema of ``node`` the site's values.

    :param node: a part of the OpenAPI document (dicts and lists), changed
        in place: ``{"type": "string", "x-vocabulary": name}`` gains
        ``"enum": [token, ...]`` when ``name`` is a public vocabulary.
    """
    if isinstance(node, dict):
        name = node.get("x-vocabulary")
        if name in PUBLIC_VOCABULARIES:
            factory = queryUtility(IVocabularyFactory, name=name)
            if factory is not None:
                node["enum"] = [term.token for term in factory(context)]
        for value in node.values():
            fill_vocabularies(value, context)
    elif isinstance(node, list):
        for value in node:
            fill_vocabularies(value, context)


class OpenAPIGet(Service):
    def reply(self):
        spec = load_spec(self.context.absolute_url())
        fill_vocabularies(spec, self.context)
        return spec
