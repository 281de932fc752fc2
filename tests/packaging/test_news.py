"""News fragments are named so towncrier reads them, and a changelog can be
written from them (`make changelog`, `make release`).

towncrier reads ``<issue>.<type>`` and, for a second fragment of the same
issue and type, ``<issue>.<type>.<number>``; a word instead of the number
counts as 0, so two such files of one issue and type break the build
("multiple files for 9.bugfix"). A fragment of no issue starts with ``+``.
"""

from .conftest import ROOT
from collections import defaultdict

import re
import subprocess
import sys
import tomllib


NEWS = ROOT / "news"


def fragment_types():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return [entry["directory"] for entry in config["tool"]["towncrier"]["type"]]


def fragments():
    return sorted(path.name for path in NEWS.iterdir() if not path.name.startswith("."))


def test_every_fragment_names_an_issue_and_a_type():
    types = "|".join(fragment_types())
    pattern = re.compile(rf"(\d+|\+[a-z0-9-]+)\.({types})(\.[A-Za-z0-9-]+)?")
    wrong = [name for name in fragments() if not pattern.fullmatch(name)]
    assert wrong == [], (
        "name news fragments <issue>.<type>[.<number>] or +<slug>.<type>, "
        f"types: {types}"
    )


def test_no_two_fragments_are_the_same_for_towncrier():
    seen = defaultdict(list)
    for name in fragments():
        issue, kind, *rest = name.split(".", 2)
        counter = int(rest[0]) if rest and rest[0].isdigit() else 0
        if not issue.startswith("+"):
            seen[issue, kind, counter].append(name)
    same = {key: names for key, names in seen.items() if len(names) > 1}
    assert same == {}, "give each a different number: 15.bugfix.1, 15.bugfix.2"


def test_towncrier_writes_a_changelog_of_every_fragment():
    result = subprocess.run(
        [sys.executable, "-m", "towncrier", "build", "--draft", "--version", "next"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    entries = [line for line in result.stdout.splitlines() if line.startswith("- ")]
    assert len(entries) == len(fragments())
