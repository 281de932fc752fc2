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
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
        )
    )
)
# The demo layer stacks on the add-on's layer; kept up for the whole session
# its users would show up in the integration tests' site too.
globals().update(
    fixtures_factory(((ACCEPTANCE_TESTING, "acceptance"),), keep_session=False)
)


@pytest.fixture
def package_name() -> str:
    return "threeb.opgavegrupper"
