"""GET @taskgroups-openapi: the OpenAPI 3.1 document of the add-on's endpoints."""

from pathlib import Path
from plone.restapi.services import Service

import json


SPEC = Path(__file__).parent / "openapi.json"


def load_spec(site_url=None):
    spec = json.loads(SPEC.read_text(encoding="utf-8"))
    if site_url:
        spec["servers"] = [{"url": site_url}]
    return spec


class OpenAPIGet(Service):
    def reply(self):
        return load_spec(self.context.absolute_url())
