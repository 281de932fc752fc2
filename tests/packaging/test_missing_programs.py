"""`make test` without Chromium (not root): the browser tests are named as not
run, with the reason; CI (CI=true) collects and runs them all."""

from pathlib import Path

import os
import pytest
import subprocess
import sys


ROOT = Path(__file__).parents[2]
BROWSER_FILE = "tests/browser/e2e/test_way_in.py"


def pytest_run(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k != "CI"}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


@pytest.mark.slow
def test_without_chromium_the_browser_tests_are_named_not_run():
    result = pytest_run(BROWSER_FILE, CHROMIUM="/nonexistent/chromium")
    output = result.stdout + result.stderr
    # Nothing was left to run: pytest's "no tests ran".
    assert result.returncode == 5, output
    assert "NOT RUN: " in output, output
    line = next(line for line in output.splitlines() if "NOT RUN: " in line)
    assert "tests of tests/browser/e2e (test_way_in.py)" in line
    assert "/nonexistent/chromium missing" in line
    assert "install-system-deps.sh" in line
    assert " deselected" in output


@pytest.mark.slow
def test_in_ci_the_browser_tests_are_collected():
    result = pytest_run(
        BROWSER_FILE, "--collect-only", CHROMIUM="/nonexistent/chromium", CI="true"
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "NOT RUN" not in output
    assert "test_way_in.py::" in output
