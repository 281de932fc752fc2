import os


# Compile the committed .po files to .mo when the ZCML registers them, as the
# instance's zope.conf does, so the tests see the real Danish catalogue.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")

from pytest_plone import fixtures_factory  # noqa: E402
from threeb.opgavegrupper.testing import ACCEPTANCE_TESTING  # noqa: E402
from threeb.opgavegrupper.testing import FUNCTIONAL_TESTING  # noqa: E402
from threeb.opgavegrupper.testing import INTEGRATION_TESTING  # noqa: E402

import pytest  # noqa: E402


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
