"""Write buildout's versions.cfg from pip's constraints.txt.

    python scripts/constraints_to_versions.py constraints.txt versions.cfg

constraints.txt is the one source of truth; tests/test_versions.py fails
when versions.cfg says anything else.
"""

from pathlib import Path

import re
import sys


PIN = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([^\s;#]+)")

# Buildout itself and its recipes are pinned too, although pip never installs
# them: a buildout deployment must be as reproducible as `make run`.
BUILDOUT_PINS = {
    "zc.buildout": "6.0.1",
    # zc.buildout's own requirements; keep requirements-buildout.txt in line.
    "pip": "26.3",
    "platformdirs": "4.14.8",
    "wheel": "0.48.0",
    "zc.recipe.egg": "6.0.0",
    "zc.recipe.testrunner": "5.0",
    "plone.recipe.zope2instance": "9.1.0",
    # plone.recipe.zope2instance's requirements that a pip install lacks.
    "python-dotenv": "1.2.4",
    "ZEO": "6.2",
    "zdaemon": "5.2.1",
}


def read_constraints(path):
    pins = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            pins[match.group(1)] = match.group(2)
    return pins


def render(pins):
    lines = [
        "# Generated from constraints.txt by `make versions`; do not edit.",
        "[versions]",
    ]
    for name in sorted(pins, key=str.lower):
        lines.append(f"{name} = {pins[name]}")
    lines.append("")
    lines.append("# Buildout and its recipes (not installed by pip).")
    for name in sorted(BUILDOUT_PINS, key=str.lower):
        if name not in pins:
            lines.append(f"{name} = {BUILDOUT_PINS[name]}")
    return "\n".join(lines) + "\n"


def main(constraints, versions):
    Path(versions).write_text(render(read_constraints(constraints)), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:3])
