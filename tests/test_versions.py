"""constraints.txt (pip) and versions.cfg (buildout) must pin the same things."""

from pathlib import Path

import configparser
import importlib.util
import re


ROOT = Path(__file__).parent.parent


def load_generator():
    spec = importlib.util.spec_from_file_location(
        "constraints_to_versions", ROOT / "scripts" / "constraints_to_versions.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def buildout_versions():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(ROOT / "versions.cfg", encoding="utf-8")
    return dict(parser["versions"])


def test_versions_cfg_matches_constraints():
    generator = load_generator()
    pins = generator.read_constraints(ROOT / "constraints.txt")
    versions = buildout_versions()
    for name, version in pins.items():
        assert versions.get(name) == version, f"{name}: run `make versions`"
    extra = set(versions) - set(pins) - set(generator.BUILDOUT_PINS)
    assert not extra, f"versions.cfg pins what constraints.txt does not: {extra}"


def test_versions_cfg_is_what_the_generator_writes():
    generator = load_generator()
    expected = generator.render(generator.read_constraints(ROOT / "constraints.txt"))
    assert (ROOT / "versions.cfg").read_text(encoding="utf-8") == expected


def test_plone_and_layout_pinned():
    pins = load_generator().read_constraints(ROOT / "constraints.txt")
    assert pins["Plone"] == "6.2.2"
    assert re.fullmatch(r"6\.0\.\d+", pins["plone.app.layout"])


def test_every_line_of_constraints_is_an_exact_pin():
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*==\S+", line), line


def test_buildout_has_no_remote_extends():
    text = (ROOT / "buildout.cfg").read_text()
    assert "http://" not in text
    assert "https://" not in text
    assert "versions.cfg" in text
