from pytest_plone import fixtures_factory
from threeb.opgavegrupper.testing import ACCEPTANCE_TESTING
from threeb.opgavegrupper.testing import FUNCTIONAL_TESTING
from threeb.opgavegrupper.testing import INTEGRATION_TESTING

import pytest




globals().update(
    fixtures_factory(
        (
            (ACCEPTANCE_TESTING, "acceptance"),
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
        )
    )
)


@pytest.fixture
def package_name() -> str:
    return "threeb.opgavegrupper"
