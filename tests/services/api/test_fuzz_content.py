"""schemathesis on the content roads to the add-on's types.

Creating and changing task groups, mandates, meetings and recommendations
through plone.restapi's content endpoints, with bodies generated from the
OpenAPI document (which comes from the types' schemas): valid bodies and
bodies that break the schema, as anonymous, a resident and staff, on real
objects of the demo site. No 5xx, and no answer outside the document.
Then malformed bodies and content types on each road: a 4xx with the
add-on's error shape.
"""

from hypothesis import given
from hypothesis import HealthCheck
from hypothesis import settings
from schemathesis import GenerationMode
from schemathesis.checks import positive_data_acceptance

import pytest
import requests
import schemathesis


USERS = (None, ("jens", "opgave-demo"), ("mette", "opgave-demo"))
FOLDER = "opgavegrupper"
GROUP = "groenne-gaarde"  # working, with a mandate and meetings
ITEMS = ("kommissorium", "moede-1")
CONTENT_OPERATIONS = (
    "createTaskGroup",
    "createMandateMeetingRecommendation",
    "updateTaskGroup",
    "updateMandateMeetingRecommendation",
)


def _path_parameters(operation):
    names = {parameter.name for parameter in operation.path_parameters}
    values = {"folder": FOLDER, "group": GROUP}
    choices = [{}]
    if "item" in names:
        choices = [{"item": item} for item in ITEMS]
    return [
        {**{key: value for key, value in values.items() if key in names}, **choice}
        for choice in choices
    ]


def test_generated_content_requests_stay_within_the_contract(acceptance):
    base = acceptance["portal"].absolute_url() + "/++api++"
    served = requests.get(
        base + "/@taskgroups-openapi",
        headers={"Accept": "application/json"},
        timeout=60,
    )
    assert served.status_code == 200
    schema = schemathesis.openapi.from_dict(served.json())
    failures = []
    seen = set()
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.definition.raw.get("operationId") not in CONTENT_OPERATIONS:
            continue
        seen.add(operation.definition.raw["operationId"])
        for parameters in _path_parameters(operation):
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                for auth in USERS:
                    run = _runner(operation, base, auth, parameters, mode)
                    try:
                        run()
                    except Exception as error:  # noqa: BLE001 -- report all
                        failures.append(
                            f"{operation.label} {parameters} {mode.value} "
                            f"as {auth and auth[0]}: {error}"
                        )
    assert seen == set(CONTENT_OPERATIONS)
    if failures:
        pytest.fail("\n\n".join(failures))


def _runner(operation, base, auth, parameters, mode):
    @settings(
        max_examples=10,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode, path_parameters=parameters))
    def run(case):
        response = case.call(
            base_url=base, auth=auth, headers={"Accept": "application/json"}
        )
        assert response.status_code < 500, response.text[:500]
        # A body the schema allows may still be refused: a deadline before
        # the start, a field this person may not write. What must hold: no
        # 5xx, every answer documented, and a body the schema forbids is
        # never taken (schemathesis' negative_data_rejection).
        case.validate_response(response, excluded_checks=[positive_data_acceptance])

    return run


MALFORMED_MULTIPART = ("multipart/form-data; boundary=x", b"--x\r\n")
MALFORMED = (
    ("application/json", b"{not json"),
    ("application/json", b"[1]"),
    ("application/json", b"null"),
    ("application/json", b'"text"'),
    ("application/json", b"\xff\xfe{}"),
    ("application/json", b'{"title": "x"' + b" " * 10 + b"}}"),
    ("text/plain", b"title=x"),
    ("application/x-www-form-urlencoded", b"title=x&@type=TaskGroup"),
    # Without a boundary it is the instance's WSGI middleware that answers
    # (tests/services/test_low_level_errors.py).
    MALFORMED_MULTIPART,
    ("application/xml", b"<title>x</title>"),
)

ROADS = (
    ("POST", f"/{FOLDER}"),
    ("PATCH", f"/{FOLDER}/{GROUP}"),
    ("POST", f"/{FOLDER}/{GROUP}"),
    ("PATCH", f"/{FOLDER}/{GROUP}/moede-1"),
)


@pytest.mark.parametrize("method,path", ROADS)
def test_malformed_bodies_answer_400_for_staff(acceptance, method, path):
    base = acceptance["portal"].absolute_url() + "/++api++"
    answers = {}
    for content_type, body in MALFORMED:
        response = requests.request(
            method,
            base + path,
            data=body,
            auth=("mette", "opgave-demo"),
            headers={"Accept": "application/json", "Content-Type": content_type},
            timeout=60,
        )
        answers[(content_type, body)] = (response.status_code, _shape(response))
    expected = dict.fromkeys(answers, (400, "error"))
    # Zope's form parser refuses a broken multipart body before traversal,
    # where the add-on's layer and error view do not yet apply: a 400 in
    # plone.rest's own shape (README, known limits).
    expected[MALFORMED_MULTIPART] = (400, "type")
    assert answers == expected


def _shape(response):
    if not response.headers.get("Content-Type", "").startswith("application/json"):
        return response.text[:300]
    body = response.json()
    if "error" in body:
        return "error" if {"type", "message"} <= set(body["error"]) else body
    return "type" if body.get("type") == "BadRequest" else body
