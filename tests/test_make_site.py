"""`make run`'s set-up, for real: a Zope instance on FileStorage with blobs, a
Danish Classic UI site with the add-on and the demo, reused the second time."""

from pathlib import Path

import os
import pytest
import subprocess
import sys


ROOT = Path(__file__).parent.parent


def make(target, instance, **env):
    environment = dict(os.environ, **env)
    # Run the very Python that runs the tests, whatever .venv it lives in.
    environment["PATH"] = f"{Path(sys.executable).parent}:{environment['PATH']}"
    return subprocess.run(
        [
            "make",
            "-C",
            str(ROOT),
            target,
            f"INSTANCE={instance}",
            f"BIN={Path(sys.executable).parent}",
        ],
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.mark.slow
def test_make_site_creates_then_reuses(tmp_path):
    if not (Path(sys.executable).parent / "zconsole").exists():
        # Under buildout the scripts live elsewhere; the Makefile is pip's way.
        pytest.skip("needs the virtualenv that `make install` builds")
    instance = tmp_path / "instance"
    first = make("site", instance, SITE_ID="Demo3B")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "Created the site Demo3B" in first.stdout

    conf = (instance / "etc" / "zope.conf").read_text()
    assert "<blobstorage>" in conf
    assert (instance / "var" / "filestorage" / "Data.fs").exists()
    assert (instance / "var" / "blobstorage").is_dir()

    second = make("site", instance, SITE_ID="Demo3B")
    assert second.returncode == 0, second.stdout + second.stderr
    assert "The site Demo3B exists; reusing it." in second.stdout

    check = subprocess.run(
        [
            str(Path(sys.executable).parent / "zconsole"),
            "run",
            str(instance / "etc" / "zope.conf"),
            str(ROOT / "tests" / "zconsole_site_facts.py"),
        ],
        env=dict(os.environ, SITE_ID="Demo3B"),
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    facts = dict(
        line.split("=", 1) for line in check.stdout.splitlines() if "=" in line
    )
    # The demo takes the organisation's name from the add-on's settings.
    assert facts["title"] == "Boligforeningen 3B"
    assert facts["language"] == "da"
    assert facts["timezone"] == "Europe/Copenhagen"
    assert facts["installed"] == "True"
    assert facts["demo_user"] == "Mette Holm"
    assert facts["classic"] == "True"
    assert facts["zope_admin"] == "True"
