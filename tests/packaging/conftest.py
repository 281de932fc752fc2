"""The sdist and the wheel, built once for this folder from a copy of the
source tree (so the checkout gets no build/ or egg-info of the build)."""

from pathlib import Path

import pytest
import shutil
import subprocess
import sys


ROOT = Path(__file__).parents[2]


def source_files():
    """The project's files as git sees them: tracked, and new ones not ignored."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return sorted(
        name for name in listed.split("\0") if name and (ROOT / name).is_file()
    )


@pytest.fixture(scope="package")
def distributions(tmp_path_factory):
    """{"sdist": path, "wheel": path}; the wheel is built from the sdist, as
    `python -m build` does, so a file the sdist lacks is missing there too."""
    source = tmp_path_factory.mktemp("source")
    for name in source_files():
        target = source / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    dist = tmp_path_factory.mktemp("dist")
    # No isolation: the pinned setuptools of the virtualenv, nothing fetched.
    result = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist)],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (sdist,) = dist.glob("*.tar.gz")
    (wheel,) = dist.glob("*.whl")
    return {"sdist": sdist, "wheel": wheel, "source": source}
