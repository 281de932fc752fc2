"""The same site on RelStorage/PostgreSQL, served by several Zope instances.

`make run` serves one instance on an embedded FileStorage. This script runs
the production way on one machine instead (README: "Running several
instances"): a PostgreSQL cluster of its own (Debian's `postgresql`, started
with pg_ctl, not the system service), one RelStorage database in it, two or
more Zope instances on that database and HAProxy in front of them.

    python scripts/cluster/cluster.py start      # everything, the site once
    python scripts/cluster/cluster.py stop
    python scripts/cluster/cluster.py status
    python scripts/cluster/cluster.py convert --filestorage instance/var/filestorage/Data.fs --blobstorage instance/var/blobstorage
    python scripts/cluster/cluster.py backup --to backups/
    python scripts/cluster/cluster.py restore backups/threeb-....dump --database threeb_restored

Everything lives in one directory (``--directory``, default var/cluster):
``postgres/`` (data, socket, log), ``instance1/``, ``instance2/``... (each
with etc/zope.conf and etc/zope.ini, logs and its own blob cache),
``haproxy.cfg`` and a ``.pid`` file per process. PostgreSQL refuses to run as
root: run as root, its files belong to the ``postgres`` user (``nobody`` if
there is none), which must be able to reach that directory.

The tests (tests/cluster) drive the same ``Cluster`` class.
"""

from pathlib import Path

import argparse
import contextlib
import datetime
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request


ROOT = Path(__file__).resolve().parent.parent.parent
TEMPLATES = ROOT / "scripts" / "templates"
BIN = Path(sys.executable).parent
DB_USER = "zodb"
# Generous: a loaded CI machine starts Plone slowly. Waiting polls; it is
# never a sleep that hopes something is done by then.
READY_TIMEOUT = 600


class ClusterError(Exception):
    """Something the person running the cluster has to fix; says what."""


def pg_program(name):
    """A PostgreSQL server program, from Debian's newest version first."""
    found = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda path: (
            int(Path(path).parent.parent.name.split(".")[0])
            if Path(path).parent.parent.name.split(".")[0].isdigit()
            else 0
        ),
    )
    if found:
        return found[-1]
    program = shutil.which(name)
    if program is None:
        raise ClusterError(
            f"{name} not found: install PostgreSQL "
            "(scripts/install-system-deps.sh, Debian's `postgresql`)."
        )
    return program


def pg_account():
    """(uid, gid) to run PostgreSQL as, or None to run it as ourselves."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            continue
        return entry.pw_uid, entry.pw_gid
    raise ClusterError("Running as root, and there is no postgres or nobody user.")


def wait_for(what, check, timeout=READY_TIMEOUT, process=None, log=None):
    """Poll ``check()`` until it is true; fail early if ``process`` died."""
    deadline = time.monotonic() + timeout
    while True:
        if check():
            return
        if process is not None and process.poll() is not None:
            raise ClusterError(
                f"{what} exited with {process.returncode} before it was ready."
                + (f"\n{tail(log)}" if log else "")
            )
        if time.monotonic() > deadline:
            raise ClusterError(
                f"{what} was not ready after {timeout} s."
                + (f"\n{tail(log)}" if log else "")
            )
        time.sleep(0.2)


def tail(path, lines=30):
    try:
        text = Path(path).read_text(errors="replace").splitlines()
    except OSError:
        return ""
    return "\n".join(text[-lines:])


def answers(url, timeout=5):
    """True when ``url`` answers with a status below 500."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
            return response.status < 500
    except urllib.error.HTTPError as error:
        return error.code < 500
    except (OSError, ValueError):
        return False


def render(template, **values):
    text = Path(template).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"<<{key}>>", str(value))
    return text


def pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Cluster:
    """PostgreSQL, the RelStorage database, Zope instances and HAProxy."""

    def __init__(
        self,
        directory,
        *,
        http_ports=(8091, 8092),
        proxy_port=8090,
        pg_port=5433,
        pg_listen="",
        host="127.0.0.1",
        database="threeb",
        site_id="Plone",
        admin_password="admin",  # noqa: S107 -- the demo's, as `make run`
        mail_port=None,
    ):
        self.directory = Path(directory).resolve()
        self.http_ports = tuple(int(port) for port in http_ports)
        self.proxy_port = int(proxy_port) if proxy_port else None
        self.pg_port = int(pg_port)
        # "" listens on the unix socket only (the tests: no TCP port taken).
        self.pg_listen = pg_listen
        self.host = host
        self.database = database
        self.site_id = site_id
        self.admin_password = admin_password
        self.mail_port = mail_port

    # Paths -----------------------------------------------------------------

    @property
    def pg_home(self):
        return self.directory / "postgres"

    @property
    def pg_data(self):
        return self.pg_home / "data"

    @property
    def pg_socket_dir(self):
        return self.pg_home / "run"

    @property
    def pg_log(self):
        return self.pg_home / "postgres.log"

    def instance_home(self, number):
        return self.directory / f"instance{number}"

    def instance_url(self, number):
        return f"http://{self.host}:{self.http_ports[number - 1]}"

    @property
    def proxy_url(self):
        return f"http://{self.host}:{self.proxy_port}"

    @property
    def instances(self):
        return range(1, len(self.http_ports) + 1)

    def pidfile(self, name):
        return self.directory / f"{name}.pid"

    # PostgreSQL ------------------------------------------------------------

    def _pg(self, *args, check=True):
        """Run a PostgreSQL server program as the account that owns the data."""
        account = pg_account()
        kwargs = {}
        if account is not None:
            kwargs = {"user": account[0], "group": account[1], "extra_groups": []}
        return subprocess.run(
            [pg_program(args[0]), *args[1:]],
            cwd="/",
            env={**os.environ, "LC_ALL": "C"},
            capture_output=True,
            text=True,
            check=check,
            **kwargs,
        )

    def _client(self, program, *args, database="postgres", check=True, **kwargs):
        """A PostgreSQL client program, connected through the socket."""
        return subprocess.run(
            [
                pg_program(program),
                "-h",
                str(self.pg_socket_dir),
                "-p",
                str(self.pg_port),
                "-U",
                DB_USER,
                *args,
                *(["-d", database] if database else []),
            ],
            capture_output=True,
            text=True,
            check=check,
            **kwargs,
        )

    def init_postgres(self):
        if (self.pg_data / "PG_VERSION").exists():
            return
        self.pg_socket_dir.mkdir(parents=True, exist_ok=True)
        self.pg_data.mkdir(mode=0o700, exist_ok=True)
        account = pg_account()
        if account is not None:
            for path in (self.pg_home, self.pg_data, self.pg_socket_dir):
                os.chown(path, *account)
        result = self._pg(
            "initdb",
            "-D",
            str(self.pg_data),
            "-U",
            DB_USER,
            # Local connections only (the socket, 127.0.0.1): see the README
            # for a password on a real server.
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-locale",
            check=False,
        )
        if result.returncode:
            raise ClusterError(
                f"initdb failed for {self.pg_data}:\n{result.stdout}{result.stderr}"
                + (
                    "\nPostgreSQL runs as the postgres user here: it must be able "
                    "to reach that directory (or choose another with --directory)."
                    if account
                    else ""
                )
            )

    def postgres_running(self):
        return (
            self.pg_data.exists()
            and self._pg(
                "pg_ctl", "status", "-D", str(self.pg_data), check=False
            ).returncode
            == 0
        )

    def start_postgres(self):
        self.init_postgres()
        if self.postgres_running():
            return
        options = (
            f"-p {self.pg_port} -k {self.pg_socket_dir} "
            f"-c listen_addresses='{self.pg_listen}' -c max_connections=100 "
            # Trust authentication: only the account that runs the cluster
            # (and root) may reach the socket; no TCP unless asked for.
            "-c unix_socket_permissions=0700"
        )
        result = self._pg(
            "pg_ctl",
            "start",
            "-D",
            str(self.pg_data),
            "-l",
            str(self.pg_log),
            "-o",
            options,
            "-w",
            "-t",
            str(READY_TIMEOUT),
            check=False,
        )
        if result.returncode:
            raise ClusterError(
                f"PostgreSQL did not start:\n{result.stdout}{result.stderr}\n"
                f"{tail(self.pg_log)}"
            )

    def stop_postgres(self):
        if self.postgres_running():
            self._pg(
                "pg_ctl",
                "stop",
                "-D",
                str(self.pg_data),
                "-m",
                "fast",
                "-w",
                "-t",
                "120",
            )

    def database_exists(self, name=None):
        # psql quotes the name itself (:'name'), read from standard input.
        result = self._client(
            "psql",
            "-tA",
            "-v",
            f"name={name or self.database}",
            input="SELECT 1 FROM pg_database WHERE datname = :'name';\n",
        )
        return result.stdout.strip() == "1"

    def create_database(self, name=None):
        """Create the (empty) database; RelStorage makes its tables."""
        name = name or self.database
        if not self.database_exists(name):
            self._client("createdb", name, database=None)

    def dsn(self, database=None):
        return (
            f"dbname='{database or self.database}' user='{DB_USER}' "
            f"host='{self.pg_socket_dir}' port='{self.pg_port}'"
        )

    # Zope instances -----------------------------------------------------------

    def write_instance(self, number, database=None):
        """etc/zope.conf (RelStorage) and etc/zope.ini of instance ``number``."""
        home = self.instance_home(number)
        for sub in ("etc", "var/log", "var/cache", "var/blobcache"):
            (home / sub).mkdir(parents=True, exist_ok=True)
        (home / "etc" / "zope.conf").write_text(
            render(
                TEMPLATES / "cluster" / "zope.conf.in",
                INSTANCE_HOME=home,
                DSN=self.dsn(database),
            )
        )
        (home / "etc" / "zope.ini").write_text(
            render(TEMPLATES / "zope.ini.in", INSTANCE_HOME=home)
        )
        # Zope makes this user in a new database's root when it first opens
        # it (and then removes the file); afterwards it is ignored.
        if not (home / "inituser").exists():
            from AuthEncoding import pw_encrypt

            hashed = pw_encrypt(self.admin_password, "SHA")
            if isinstance(hashed, bytes):
                hashed = hashed.decode()
            (home / "inituser").write_text(f"admin:{hashed}\n")
            (home / "inituser").chmod(0o600)
        return home / "etc" / "zope.conf"

    def zconsole(self, script, number=1, env=None, timeout=READY_TIMEOUT * 2):
        """Run a zconsole script on the database, through instance ``number``."""
        result = subprocess.run(
            [
                str(BIN / "zconsole"),
                "run",
                str(self.instance_home(number) / "etc" / "zope.conf"),
                str(script),
            ],
            env={
                **os.environ,
                "SITE_ID": self.site_id,
                **({"MAIL_PORT": str(self.mail_port)} if self.mail_port else {}),
                **(env or {}),
            },
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if result.returncode:
            raise ClusterError(
                f"zconsole run {script} failed:\n{result.stdout}{result.stderr}"
            )
        return result.stdout

    def create_site(self):
        """The demo site, as `make site` makes it; an existing one is reused."""
        return self.zconsole(ROOT / "scripts" / "create_site.py")

    def start_instance(self, number, wait=True):
        home = self.instance_home(number)
        if self._running(f"instance{number}"):
            return None
        log = home / "var" / "log" / "console.log"
        with open(log, "ab") as output:
            process = subprocess.Popen(
                [
                    str(BIN / "runwsgi"),
                    str(home / "etc" / "zope.ini"),
                    f"http_host={self.host}",
                    f"http_port={self.http_ports[number - 1]}",
                ],
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                # Its own process group: stopped (or killed) whole, and not by
                # a Ctrl-C meant for the command that started it.
                start_new_session=True,
            )
        self.pidfile(f"instance{number}").write_text(f"{process.pid}\n")
        if wait:
            self.wait_instance(number, process)
        return process

    def wait_instance(self, number, process=None):
        wait_for(
            f"Zope instance {number} on port {self.http_ports[number - 1]}",
            lambda: answers(self.instance_url(number) + "/@@ok"),
            process=process,
            log=self.instance_home(number) / "var" / "log" / "console.log",
        )

    # HAProxy and the mail sink ---------------------------------------------

    def write_proxy(self, numbers=None):
        """haproxy.cfg for instances ``numbers`` (default: all of them)."""
        servers = "\n".join(
            f"    server instance{number} {self.host}:{self.http_ports[number - 1]} check"
            for number in numbers or self.instances
        )
        path = self.directory / "haproxy.cfg"
        path.write_text(
            render(
                TEMPLATES / "cluster" / "haproxy.cfg.in",
                PROXY_BIND=f"{self.host}:{self.proxy_port}",
                SERVERS=servers,
            )
        )
        return path

    def start_proxy(self, wait=True, numbers=None):
        if not self.proxy_port or self._running("haproxy"):
            return None
        haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
        if not Path(haproxy).exists():
            raise ClusterError(
                "haproxy not found: install it (scripts/install-system-deps.sh)."
            )
        config = self.write_proxy(numbers)
        check = subprocess.run(
            [haproxy, "-c", "-q", "-f", str(config)],
            capture_output=True,
            text=True,
            check=False,
        )
        if check.returncode:
            raise ClusterError(f"haproxy refuses {config}:\n{check.stderr}")
        log = self.directory / "haproxy.log"
        with open(log, "ab") as output:
            process = subprocess.Popen(
                [haproxy, "-db", "-f", str(config)],
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.pidfile("haproxy").write_text(f"{process.pid}\n")
        if wait:
            wait_for(
                f"HAProxy on port {self.proxy_port}",
                lambda: answers(self.proxy_url + "/@@ok"),
                process=process,
                log=log,
            )
        return process

    def start_mailsink(self):
        if not self.mail_port or self._running("mailsink"):
            return
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", int(self.mail_port))) == 0:
                # `make run`'s sink (or a real server) is there: mail goes to it.
                print(f"Port {self.mail_port} already takes mail; using it.")
                return
        # Its output into a file: the sink stays in the background, and would
        # keep a pipe of whoever started us open.
        with open(self.directory / "mailsink.log", "ab") as output:
            subprocess.run(
                [
                    str(BIN / "python"),
                    str(ROOT / "scripts" / "mailsink.py"),
                    "--port",
                    str(self.mail_port),
                    "--directory",
                    str(self.directory / "mail"),
                    "--pidfile",
                    str(self.pidfile("mailsink")),
                ],
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                check=True,
            )

    # Processes ---------------------------------------------------------------

    def _pid(self, name):
        try:
            return int(self.pidfile(name).read_text().strip())
        except (OSError, ValueError):
            return None

    def _running(self, name):
        pid = self._pid(name)
        return pid is not None and pid_alive(pid)

    def stop_process(self, name, sig=signal.SIGTERM, timeout=60):
        """Stop the process (its whole group) of ``name.pid``; True if it ran."""
        pid = self._pid(name)
        if pid is None or not pid_alive(pid):
            self.pidfile(name).unlink(missing_ok=True)
            return False
        try:
            os.killpg(pid, sig)
        except ProcessLookupError:
            pass
        except PermissionError:
            os.kill(pid, sig)
        deadline = time.monotonic() + timeout
        while pid_alive(pid) and time.monotonic() < deadline:
            try:
                # Our own child (the tests): reap it, or it stays a zombie.
                if os.waitpid(pid, os.WNOHANG)[0] == pid:
                    break
            except ChildProcessError:
                pass
            time.sleep(0.1)
        if pid_alive(pid):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
        self.pidfile(name).unlink(missing_ok=True)
        return True

    # The whole ----------------------------------------------------------------

    def start(self, site=True):
        self.directory.mkdir(parents=True, exist_ok=True)
        self.start_postgres()
        self.create_database()
        for number in self.instances:
            self.write_instance(number)
        self.start_mailsink()
        if site:
            print(self.create_site().strip())
        processes = [self.start_instance(n, wait=False) for n in self.instances]
        for number, process in zip(self.instances, processes, strict=True):
            self.wait_instance(number, process)
        self.start_proxy()

    def running_instances(self):
        """Numbers of the instances with a pid file, whatever ports were given."""
        numbers = set(self.instances)
        for path in self.directory.glob("instance*.pid"):
            suffix = path.stem.removeprefix("instance")
            if suffix.isdigit():
                numbers.add(int(suffix))
        return sorted(numbers)

    def stop(self):
        self.stop_process("haproxy")
        # Also instances started with more ports than this stop was given.
        for number in self.running_instances():
            self.stop_process(f"instance{number}")
        self.stop_process("mailsink")
        self.stop_postgres()

    def status(self):
        lines = [
            f"PostgreSQL  {'running' if self.postgres_running() else 'stopped'}"
            f"  (socket {self.pg_socket_dir}, port {self.pg_port})"
        ]
        for number in self.instances:
            state = "running" if self._running(f"instance{number}") else "stopped"
            lines.append(f"instance{number}   {state}  {self.instance_url(number)}")
        if self.proxy_port:
            state = "running" if self._running("haproxy") else "stopped"
            lines.append(f"HAProxy     {state}  {self.proxy_url}/{self.site_id}")
        return "\n".join(lines)

    # FileStorage to RelStorage, backup and restore ------------------------------

    def convert(self, filestorage, blobstorage=None, clear=False):
        """Copy a FileStorage (and its blobs) into the RelStorage database."""
        filestorage = Path(filestorage).resolve()
        if not filestorage.exists():
            raise ClusterError(f"No FileStorage at {filestorage}.")
        serving = [n for n in self.running_instances() if self._running(f"instance{n}")]
        if serving:
            raise ClusterError(
                "Instances are serving this database: stop the cluster first "
                "(make cluster-stop). Converting replaces what they serve."
            )
        self.start_postgres()
        self.create_database()
        home = self.instance_home(1)
        self.write_instance(1)
        blobs = f"  blob-dir {Path(blobstorage).resolve()}\n" if blobstorage else ""
        config = self.directory / "zodbconvert.conf"
        config.write_text(
            "%import relstorage\n"
            "<filestorage source>\n"
            f"  path {filestorage}\n"
            f"{blobs}"
            "  read-only true\n"
            "</filestorage>\n"
            "<relstorage destination>\n"
            "  keep-history false\n"
            "  shared-blob-dir false\n"
            f"  blob-dir {home / 'var' / 'blobcache'}\n"
            "  <postgresql>\n"
            f"    dsn {self.dsn()}\n"
            "  </postgresql>\n"
            "</relstorage>\n"
        )
        result = subprocess.run(
            [str(BIN / "zodbconvert"), *(["--clear"] if clear else []), str(config)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode:
            hint = (
                "\nThe database is not empty. `make convert CLEAR=1` (or --clear) "
                "deletes everything in it, the site it serves included, before "
                "copying: back it up first (make cluster-backup)."
                if "has data" in result.stdout + result.stderr
                else ""
            )
            raise ClusterError(
                f"zodbconvert failed:\n{result.stdout}{result.stderr}{hint}"
            )
        return result.stdout + result.stderr

    def backup(self, target_dir):
        """pg_dump of the whole database, blobs included; returns the file."""
        self.start_postgres()
        target_dir = Path(target_dir)
        # A backup holds people's data (applications, e-mail addresses).
        target_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = target_dir / f"{self.database}-{stamp}.dump"
        target.touch(mode=0o600)
        self._client("pg_dump", "-Fc", "-f", str(target), database=self.database)
        target.chmod(0o600)
        return target

    def restore(self, dump, database):
        """Restore a backup into a new database (an existing one is refused)."""
        self.start_postgres()
        if self.database_exists(database):
            raise ClusterError(
                f"The database {database} exists; restore into a new one "
                "(or drop it first: dropdb)."
            )
        self.create_database(database)
        self._client(
            "pg_restore", "--no-owner", "--exit-on-error", str(dump), database=database
        )


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--directory", default=str(ROOT / "var" / "cluster"))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--ports", default="8091,8092", help="one per instance")
    parser.add_argument("--proxy-port", type=int, default=8090)
    parser.add_argument("--pg-port", type=int, default=5433)
    parser.add_argument("--database", default="threeb")
    parser.add_argument("--site-id", default=os.environ.get("SITE_ID") or "Plone")
    parser.add_argument(
        "--admin-password", default=os.environ.get("ADMIN_PASSWORD") or "admin"
    )
    parser.add_argument("--mail-port", type=int, default=None)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("start", help="PostgreSQL, the site, instances, HAProxy")
    commands.add_parser("stop", help="stop all of it")
    commands.add_parser("status")
    convert = commands.add_parser("convert", help="FileStorage into the database")
    convert.add_argument("--filestorage", required=True)
    convert.add_argument("--blobstorage")
    convert.add_argument(
        "--clear", action="store_true", help="empty the database first"
    )
    backup = commands.add_parser("backup", help="pg_dump, blobs included")
    backup.add_argument("--to", default=str(ROOT / "var" / "backups"))
    restore = commands.add_parser("restore", help="a backup into a new database")
    restore.add_argument("dump")
    restore.add_argument("--database", required=True)
    return parser.parse_args(argv)


def main(argv=None):
    args = parse(argv)
    cluster = Cluster(
        args.directory,
        http_ports=[int(port) for port in args.ports.split(",") if port],
        proxy_port=args.proxy_port,
        pg_port=args.pg_port,
        host=args.host,
        database=args.database,
        site_id=args.site_id,
        admin_password=args.admin_password,
        mail_port=args.mail_port,
    )
    try:
        if args.command == "start":
            cluster.start()
            print(cluster.status())
        elif args.command == "stop":
            cluster.stop()
            print(cluster.status())
        elif args.command == "status":
            print(cluster.status())
        elif args.command == "convert":
            print(cluster.convert(args.filestorage, args.blobstorage, args.clear))
            print(f"Copied {args.filestorage} into the database {args.database}.")
        elif args.command == "backup":
            print(f"Backup written to {cluster.backup(args.to)}")
        elif args.command == "restore":
            cluster.restore(args.dump, args.database)
            print(f"Restored {args.dump} into the new database {args.database}.")
    except ClusterError as error:
        sys.exit(f"cluster: {error}")
    except subprocess.CalledProcessError as error:
        sys.exit(f"cluster: {' '.join(error.cmd)} failed:\n{error.stderr or ''}")


if __name__ == "__main__":
    main()
