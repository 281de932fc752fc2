"""A local SMTP server that keeps every mail it gets as an .eml file.

`make run` starts it next to the demo site, whose MailHost sends to it, so the
demo's mails can be opened in any mail program (or read as text) instead of
going out to real people:

    python scripts/mailsink.py --port 8025 --directory instance/var/mail

With ``--pidfile`` it goes to the background once it listens and writes its
process id there (what `make run` does, to stop it again); a port already
in use is an error at once. Nothing is relayed; the sink accepts any sender
and recipient. Built on aiosmtpd (the `demo` extra). The tests use
``MailSink`` in their own process.
"""

from aiosmtpd.smtp import SMTP
from email import message_from_bytes
from email import policy
from email.utils import getaddresses
from pathlib import Path

import argparse
import asyncio
import datetime
import itertools
import os
import re
import socket
import sys
import threading


UNSAFE = re.compile(r"[^A-Za-z0-9@._-]+")


class Keeper:
    """The aiosmtpd handler: keeps each message, in a folder and/or a list."""

    def __init__(self, directory=None):
        self.directory = Path(directory) if directory else None
        self.messages = []
        # An SMTP reply ("550 5.1.1 ...") to refuse every recipient with.
        self.refuse_with = None
        self._count = itertools.count(1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse_with:
            return self.refuse_with
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content
        self.messages.append(raw)
        if self.directory is not None:
            self.write(raw, envelope.rcpt_tos)
        return "250 Message accepted for delivery"

    def write(self, raw, recipients):
        """One file per message, named by time and recipient, written whole."""
        self.directory.mkdir(parents=True, exist_ok=True)
        message = message_from_bytes(raw, policy=policy.default)
        to = [address for _name, address in getaddresses(message.get_all("To", []))]
        who = UNSAFE.sub("_", (to or recipients or ["unknown"])[0])[:80]
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        name = f"{stamp}-{next(self._count):04d}-{who}.eml"
        # Written aside and renamed: a reader never sees half a mail.
        partial = self.directory / f".{name}.part"
        partial.write_bytes(raw)
        partial.replace(self.directory / name)
        print(f"mailsink: {name}", flush=True)


class MailSink:
    """The sink in a thread of this process: ``start()`` gives the port.

    Port 0 lets the system choose a free one; ``start`` returns once the
    server listens, so a test can send at once.
    """

    def __init__(self, host="127.0.0.1", port=0, directory=None, sock=None):
        self.host = host
        self.port = port
        # A socket already listening (see main): no race for the port.
        self.sock = sock
        self.handler = Keeper(directory)
        self._loop = None
        self._thread = None
        self._listening = threading.Event()
        self._error = None

    @property
    def messages(self):
        return self.handler.messages

    def start(self):
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()
        self._listening.wait()
        if self._error is not None:
            raise self._error
        return self.port

    def _serve(self):
        self._loop = asyncio.new_event_loop()
        try:
            where = (
                {"sock": self.sock}
                if self.sock is not None
                else {"host": self.host, "port": self.port}
            )
            server = self._loop.run_until_complete(
                self._loop.create_server(
                    lambda: SMTP(self.handler, hostname="mailsink"), **where
                )
            )
        except OSError as error:
            self._error = error
            self._listening.set()
            self._loop.close()
            return
        self.port = server.sockets[0].getsockname()[1]
        self._listening.set()
        try:
            self._loop.run_forever()
        finally:
            server.close()
            self._loop.run_until_complete(server.wait_closed())
            self._loop.close()

    def stop(self):
        if self._loop is not None and self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join()


def listen(host, port):
    """The listening socket, made before anything else: a busy port fails here."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        sys.exit(f"mailsink: cannot listen on {host}:{port}: {error.strerror}")
    sock.listen()
    return sock


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8025)
    parser.add_argument("--directory", required=True)
    parser.add_argument(
        "--pidfile", help="go to the background and write the process id here"
    )
    args = parser.parse_args(argv)
    sock = listen(args.host, args.port)
    Path(args.directory).mkdir(parents=True, exist_ok=True)
    print(
        f"mailsink: mails sent to {args.host}:{args.port} are kept in "
        f"{Path(args.directory).resolve()}",
        flush=True,
    )
    if args.pidfile:
        child = os.fork()
        if child:
            # The parent returns once the port listens; the child serves it.
            Path(args.pidfile).write_text(f"{child}\n")
            return
        os.setsid()  # Ctrl-C in the terminal is make's to handle
    sink = MailSink(args.host, args.port, args.directory, sock=sock)
    sink.start()
    try:
        # Until it is killed (or Ctrl-C); the work is in the sink's thread.
        sink._thread.join()
    except KeyboardInterrupt:
        pass
    finally:
        sink.stop()


if __name__ == "__main__":
    main()
