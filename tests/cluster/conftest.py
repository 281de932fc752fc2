"""A real cluster for the tests in this folder: PostgreSQL, two Zope
instances on one RelStorage database, HAProxy and a mail sink, started by the
project's own script (scripts/cluster/cluster.py) and always stopped again.

The site is made as `make run` makes it, on a FileStorage, with the test's
people and groups, and then copied into PostgreSQL with zodbconvert, as the
README tells an association that outgrows one process to do.
"""

from pathlib import Path

import contextlib
import importlib.util
import os
import pytest
import shutil
import socket
import subprocess
import sys
import tempfile


ROOT = Path(__file__).parent.parent.parent
HERE = Path(__file__).parent
SITE_ID = "Plone"
GROUPS = ("cluster-a", "cluster-b")
RESIDENTS = 100
SEATS = 20
PASSWORD = "cluster-test-password"


def load_cluster_module():
    spec = importlib.util.spec_from_file_location(
        "threeb_cluster", ROOT / "scripts" / "cluster" / "cluster.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def zconsole(conf, script, **env):
    result = subprocess.run(
        [str(Path(sys.executable).parent / "zconsole"), "run", str(conf), str(script)],
        env={**os.environ, "SITE_ID": SITE_ID, **env},
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def make_filestorage_site(module, home, mail_port):
    """`make site`'s instance and demo site, plus the test's people and groups."""
    for sub in ("etc", "var/filestorage", "var/blobstorage", "var/log", "var/cache"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    templates = ROOT / "scripts" / "templates"
    (home / "etc" / "zope.conf").write_text(
        module.render(templates / "zope.conf.in", INSTANCE_HOME=home)
    )
    from AuthEncoding import pw_encrypt

    hashed = pw_encrypt("admin", "SHA")
    hashed = hashed.decode() if isinstance(hashed, bytes) else hashed
    (home / "inituser").write_text(f"admin:{hashed}\n")
    conf = home / "etc" / "zope.conf"
    zconsole(conf, ROOT / "scripts" / "create_site.py", MAIL_PORT=str(mail_port))
    out = zconsole(
        conf,
        HERE / "zconsole_setup.py",
        RESIDENTS=str(RESIDENTS),
        SEATS=str(SEATS),
        GROUPS=",".join(GROUPS),
    )
    assert "ready" in out
    return home / "var" / "filestorage" / "Data.fs", home / "var" / "blobstorage"


@pytest.fixture(scope="package")
def cluster():
    module = load_cluster_module()
    for program in ("initdb", "pg_ctl", "pg_dump", "pg_restore"):
        module.pg_program(program)  # a ClusterError says what to install
    assert shutil.which("haproxy") or Path("/usr/sbin/haproxy").exists(), (
        "haproxy is missing: run scripts/install-system-deps.sh as root"
    )
    # Under /tmp, not pytest's tmp_path: run as root, PostgreSQL runs as the
    # postgres user, which cannot enter root's private pytest folders.
    directory = Path(tempfile.mkdtemp(prefix="threeb-cluster-", dir="/tmp"))
    directory.chmod(0o755)
    mail_port = free_port()
    instance = module.Cluster(
        directory / "cluster",
        # The third instance serves the restored backup (test_backup.py).
        http_ports=(free_port(), free_port(), free_port()),
        proxy_port=free_port(),
        pg_port=free_port(),
        # The socket only: the tests take no PostgreSQL port on the machine.
        pg_listen="",
        site_id=SITE_ID,
        mail_port=mail_port,
    )
    processes = {}
    try:
        datafs, blobs = make_filestorage_site(
            module, directory / "filestorage-instance", mail_port
        )
        instance.directory.mkdir(parents=True)
        instance.convert(datafs, blobs)
        instance.start_mailsink()
        for number in (1, 2):
            instance.write_instance(number)
            processes[number] = instance.start_instance(number, wait=False)
        for number in (1, 2):
            instance.wait_instance(number, processes[number])
        processes["haproxy"] = instance.start_proxy(numbers=(1, 2))
        instance.processes = processes
        instance.groups = GROUPS
        instance.residents = RESIDENTS
        instance.seats = SEATS
        instance.password = PASSWORD
        yield instance
    finally:
        for name in ("haproxy", "instance1", "instance2", "instance3", "mailsink"):
            instance.stop_process(name)
        for process in processes.values():
            if process is not None:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=60)
        with contextlib.suppress(Exception):
            instance.stop_postgres()
        if not os.environ.get("KEEP_CLUSTER"):
            shutil.rmtree(directory, ignore_errors=True)
