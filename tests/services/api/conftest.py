"""Real calls against the demo site, checked against the OpenAPI document and
written down as the examples of docs/api.md."""

from pathlib import Path
from threeb.opgavegrupper.services.openapi.get import load_spec

import json
import pytest
import re
import requests


DOC = Path(__file__).parents[3] / "docs" / "api.md"
PASSWORD = "opgave-demo"

# Values that differ from run to run, replaced so the document is stable.
VOLATILE = (
    (re.compile(r"http://localhost:\d+/plone"), "http://localhost:8080/Plone"),
    (re.compile(r"@localhost:\d+"), "@localhost:8080"),
    (re.compile(r"\b\d{8}T\d{6}Z?\b"), "20261127T120000"),
    (re.compile(r"\b[0-9a-f]{32}\b"), "0123456789abcdef0123456789abcdef"),
    (re.compile(r"(application|member)-[0-9a-f]{12,16}"), r"\1-0123456789abcdef"),
    (
        re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)?"),
        "2026-11-27T12:00:00+00:00",
    ),
    (re.compile(r"b_start=\d+"), "b_start=0"),
)


def stable(text):
    for pattern, replacement in VOLATILE:
        text = pattern.sub(replacement, text)
    return text


class Recorder:
    """Calls the API, checks each answer against the spec, keeps examples."""

    def __init__(self, base):
        self.base = base
        self.spec = load_spec()
        self.examples = []

    def call(self, method, path, user=None, body=None, operation=None, note=""):
        response = requests.request(
            method,
            f"{self.base}{path}",
            json=body,
            auth=(user, PASSWORD) if user else None,
            headers={"Accept": "application/json"},
            timeout=60,
        )
        self.check(method, path, response)
        is_json = response.headers.get("Content-Type", "").startswith(
            "application/json"
        )
        self.examples.append(
            {
                "operation": operation,
                "method": method,
                "path": path,
                "user": user,
                "body": body,
                "status": response.status_code,
                "response": (
                    (response.json() if is_json else response.text[:600])
                    if response.content
                    else None
                ),
                "note": note,
            }
        )
        return response

    def operation_for(self, method, path):
        bare = path.split("?")[0]
        for template, operations in self.spec["paths"].items():
            pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"
            if re.match(pattern, bare) and method.lower() in operations:
                return operations[method.lower()]
        raise AssertionError(f"{method} {bare} is not in the OpenAPI document")

    def check(self, method, path, response):
        from jsonschema import Draft202012Validator

        operation = self.operation_for(method, path)
        documented = operation["responses"].get(str(response.status_code))
        assert documented, f"{method} {path}: {response.status_code} is not documented"
        content_type = response.headers.get("Content-Type", "").split(";")[0]
        assert content_type in documented["content"], (
            f"{method} {path}: {content_type} is not documented"
        )
        if content_type == "application/json":
            schema = documented["content"][content_type]["schema"]
            root = {"components": self.spec["components"], **schema}
            Draft202012Validator(root).validate(response.json())


@pytest.fixture
def recorder(acceptance):
    return Recorder(acceptance["portal"].absolute_url() + "/++api++")


def render(recorder):
    spec = recorder.spec
    lines = [
        "# REST API of threeb.opgavegrupper",
        "",
        "<!-- Written by tests/services/api (make test); do not edit. -->",
        "",
        spec["info"]["description"],
        "",
        "The OpenAPI 3.1 document is served at `GET @taskgroups-openapi`. "
        "Every example below is a real call against the demo site, made and "
        "checked against that document by the test suite.",
        "",
    ]
    for template, operations in spec["paths"].items():
        for method, operation in operations.items():
            lines += [f"## `{method.upper()} {template}`", "", operation["summary"], ""]
            for example in recorder.examples:
                if example["operation"] != operation["operationId"]:
                    continue
                who = example["user"] or "anonymous"
                lines += [f"As **{who}**{example['note']}:", "", "```http"]
                lines.append(f"{example['method']} {example['path']} HTTP/1.1")
                lines.append("Accept: application/json")
                if example["body"] is not None:
                    lines += ["Content-Type: application/json", ""]
                    lines.append(
                        json.dumps(example["body"], indent=2, ensure_ascii=False)
                    )
                if isinstance(example["response"], str):
                    # Not JSON (the iCalendar feed): shown as sent.
                    lines += ["```", "", "```text"]
                    lines.append(f"{example['status']}")
                    lines.append(example["response"].replace("\r\n", "\n"))
                else:
                    lines += ["```", "", "```json"]
                    lines.append(f"// {example['status']}")
                    lines.append(
                        json.dumps(
                            example["response"],
                            indent=2,
                            ensure_ascii=False,
                            sort_keys=True,
                        )
                    )
                lines += ["```", ""]
    return stable("\n".join(lines).rstrip() + "\n")


def skeleton(text):
    """The document without the bodies of the answers.

    Answers hold dates and counts of the demo site, which moves with the
    calendar; what must not drift is which calls are documented, as whom,
    with what request and what status.
    """
    kept = []
    in_answer = False
    for line in text.splitlines():
        if line in ("```json", "```text"):
            in_answer = True
            kept.append(line)
            continue
        if in_answer:
            if line == "```":
                in_answer = False
                kept.append(line)
            elif not kept[-1].startswith(("```json", "```text")):
                continue
            else:
                kept.append(line)  # the status line
            continue
        kept.append(line)
    return "\n".join(kept)


def check_doc(recorder):
    """docs/api.md must document the calls just made (see skeleton()).

    UPDATE_API_DOCS=1 make test writes it anew, answers included.
    """
    import os

    text = render(recorder)
    if os.environ.get("UPDATE_API_DOCS"):
        DOC.parent.mkdir(exist_ok=True)
        DOC.write_text(text, encoding="utf-8")
    assert skeleton(DOC.read_text(encoding="utf-8")) == skeleton(text), (
        "docs/api.md is out of date: run UPDATE_API_DOCS=1 make test"
    )
