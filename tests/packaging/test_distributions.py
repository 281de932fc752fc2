"""The wheel and the sdist carry every file of the package: ZCML, XML, page
templates, translations, CSS, JavaScript, SVG, the OpenAPI document."""

from .conftest import source_files

import tarfile
import zipfile


# What is made from the sources, never shipped: compiled Python and the .mo
# catalogues Zope compiles from the .po files at start-up.
NOT_SHIPPED = (".pyc", ".mo")


def package_files():
    return {
        name.removeprefix("src/")
        for name in source_files()
        if name.startswith("src/threeb/") and not name.endswith(NOT_SHIPPED)
    }


def test_data_files_of_every_kind_are_in_the_package():
    suffixes = {name.rsplit(".", 1)[-1] for name in package_files()}
    assert {"zcml", "xml", "pt", "po", "pot", "css", "js", "svg", "json"} <= suffixes


def test_wheel_carries_every_file_of_the_package(distributions):
    with zipfile.ZipFile(distributions["wheel"]) as wheel:
        shipped = {name for name in wheel.namelist() if name.startswith("threeb/")}
    assert sorted(package_files() - shipped) == []
    # and nothing else: no tests, no stray build files
    assert sorted(shipped - package_files()) == []


def test_sdist_carries_the_package_and_what_builds_it(distributions):
    with tarfile.open(distributions["sdist"]) as sdist:
        (top,) = {name.split("/", 1)[0] for name in sdist.getnames()}
        shipped = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    wanted = {f"src/{name}" for name in package_files()} | {
        "setup.py",
        "pyproject.toml",
        "MANIFEST.in",
        "README.md",
        "CHANGES.md",
        "constraints.txt",
        "news/.changelog_template.jinja",
    }
    assert sorted(wanted - shipped) == []
    assert top == distributions["sdist"].name.removesuffix(".tar.gz")
