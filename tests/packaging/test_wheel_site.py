"""The built wheel, installed with the constraints into a fresh virtualenv,
makes the demo site and serves it: the front page in Danish, the OpenAPI
document (a data file of the wheel) over REST.

Nothing here waits a fixed time: the server is asked for its port (it listens
on port 0 and logs where) and for pages only once it has said so; every step
has a generous deadline for a loaded machine.
"""

from .conftest import ROOT

import contextlib
import json
import os
import pytest
import re
import subprocess
import sys
import time
import urllib.request


DEADLINE = 900  # seconds, for each step on a busy machine
SITE_ID = "Plone"
SERVING = re.compile(r"Serving on http://127\.0\.0\.1:(\d+)")
ZOPE_INI = """\
[app:zope]
use = egg:Zope#main
zope_conf = %(here)s/zope.conf

[filter:refuse_unreadable]
use = call:threeb.opgavegrupper.wsgi:filter_factory

[pipeline:main]
pipeline =
    egg:Zope#httpexceptions
    refuse_unreadable
    zope

[server:main]
use = egg:waitress#main
# Any free port; waitress logs which (no race for a port chosen beforehand).
listen = 127.0.0.1:0
threads = 2

[loggers]
keys = root, waitress

[handlers]
keys = console

[formatters]
keys = plain

[logger_root]
level = INFO
handlers = console

[logger_waitress]
level = INFO
handlers = console
qualname = waitress
propagate = 0

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = plain

[formatter_plain]
format = %(levelname)s [%(name)s] %(message)s
"""


def run(command, env, **kwargs):
    result = subprocess.run(
        [str(part) for part in command],
        env=env,
        capture_output=True,
        text=True,
        timeout=DEADLINE,
        check=False,
        **kwargs,
    )
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def clean_environment(venv):
    """The fresh virtualenv's programs first; nothing of the tests' own."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")
    }
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["SITE_ID"] = SITE_ID
    return env


def wait_for_port(server, log):
    """The port the server logged, read until it says so, exits, or the deadline."""
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        found = SERVING.search(log.read_text(errors="replace"))
        if found:
            return int(found.group(1))
        if server.poll() is not None:
            break
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.wait(timeout=1)  # wakes at once if the server ends
    pytest.fail(f"the server did not start:\n{log.read_text(errors='replace')}")


def get(url, accept="text/html"):
    request = urllib.request.Request(url, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=DEADLINE) as response:
        return response.status, response.read().decode("utf-8")


@pytest.mark.slow
def test_wheel_serves_the_demo_site_from_a_fresh_virtualenv(distributions, tmp_path):
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", venv], env=os.environ)
    env = clean_environment(venv)
    python = venv / "bin" / "python"
    run(
        [
            python,
            "-m",
            "pip",
            "install",
            "--quiet",
            "-c",
            ROOT / "constraints.txt",
            f"{distributions['wheel']}[demo]",
        ],
        env=env,
    )
    # Installed from the wheel, not from the checkout.
    location = run(
        [python, "-c", "import threeb.opgavegrupper as p; print(p.__file__)"],
        env=env,
        cwd=tmp_path,
    )
    assert location.startswith(str(venv)), location

    instance = tmp_path / "instance"
    run([venv / "bin" / "mkwsgiinstance", "-d", instance, "-u", "admin:admin"], env)
    for sub in ("var/filestorage", "var/blobstorage", "var/log", "var/cache"):
        (instance / sub).mkdir(parents=True, exist_ok=True)
    template = (ROOT / "scripts" / "templates" / "zope.conf.in").read_text()
    conf = instance / "etc" / "zope.conf"
    conf.write_text(template.replace("<<INSTANCE_HOME>>", str(instance)))
    (instance / "etc" / "zope.ini").write_text(ZOPE_INI)
    created = run(
        [venv / "bin" / "zconsole", "run", conf, ROOT / "scripts" / "create_site.py"],
        env,
        cwd=tmp_path,
    )
    assert f"Created the site {SITE_ID}" in created

    log = tmp_path / "server.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [venv / "bin" / "runwsgi", instance / "etc" / "zope.ini"],
            env=env,
            cwd=tmp_path,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        port = wait_for_port(server, log)
        site = f"http://127.0.0.1:{port}/{SITE_ID}"

        status, page = get(site)
        assert status == 200
        assert re.search(r'<html[^>]* lang="da"', page)
        assert "invitere beboerne ind i beslutningsrummet" in page
        assert "Boligforeningen 3B" in page

        status, body = get(f"{site}/@taskgroups-openapi", accept="application/json")
        assert status == 200
        assert json.loads(body)["info"]["title"] == "threeb.opgavegrupper REST API"
    finally:
        server.terminate()
        try:
            server.wait(timeout=120)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
