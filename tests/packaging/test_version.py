"""The version is written in one place, setup.py, where zest.releaser bumps it.

Code that needs it asks the installed metadata
(``importlib.metadata.version("threeb.opgavegrupper")``). The OpenAPI
document's ``info.version`` is the version of the API description, not of the
package, and the profile's metadata.xml has its own dated version.
"""

from .conftest import ROOT
from .conftest import source_files

import ast
import importlib.metadata


def setup_py_version():
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "version":
            return ast.literal_eval(node.value)
    raise AssertionError("setup.py has no version=")


def test_version_is_written_only_in_setup_py():
    version = setup_py_version()
    # CHANGES.md names released versions in its headings (towncrier).
    elsewhere = [
        name
        for name in source_files()
        if name not in ("setup.py", "CHANGES.md")
        and not name.endswith((".png", ".jpg", ".fs"))
        and version in (ROOT / name).read_text(encoding="utf-8", errors="replace")
    ]
    assert elsewhere == []


def test_installed_metadata_has_the_version_of_setup_py():
    # A stale install (`make install` not run after a release) shows here.
    assert importlib.metadata.version("threeb.opgavegrupper") == setup_py_version()


def test_wheel_has_the_version_of_setup_py(distributions):
    assert f"-{setup_py_version()}-" in distributions["wheel"].name
