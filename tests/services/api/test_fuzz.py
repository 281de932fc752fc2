"""Property-based run of schemathesis against the OpenAPI document.

Generated requests for every operation, as anonymous, a resident and staff:
no 5xx, and no answer outside the document (status, content type, schema).
"""

from hypothesis import given
from hypothesis import HealthCheck
from hypothesis import settings
from threeb.opgavegrupper.services.openapi.get import load_spec

import pytest
import schemathesis


USERS = (None, ("jens", "opgave-demo"), ("mette", "opgave-demo"))


def test_generated_requests_stay_within_the_contract(acceptance):
    base = acceptance["portal"].absolute_url() + "/++api++"
    schema = schemathesis.openapi.from_dict(load_spec(base))
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()
        for auth in USERS:
            run = _runner(operation, base, auth)
            try:
                run()
            except Exception as error:  # noqa: BLE001 -- collect, report all
                failures.append(f"{operation.label} as {auth and auth[0]}: {error}")
    if failures:
        pytest.fail("\n\n".join(failures))


def _runner(operation, base, auth):
    @settings(
        max_examples=12,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def run(case):
        response = case.call(
            base_url=base, auth=auth, headers={"Accept": "application/json"}
        )
        case.validate_response(response)

    return run
