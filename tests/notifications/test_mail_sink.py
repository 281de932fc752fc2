"""scripts/mailsink.py, the SMTP server `make run` starts: each mail a file."""

from .conftest import load_mailsink
from email import message_from_bytes
from email import policy
from pathlib import Path

import os
import signal
import smtplib
import socket
import subprocess
import sys


SCRIPT = Path(__file__).parents[2] / "scripts" / "mailsink.py"
MAIL = (
    b"From: 3B <opgavegrupper@3b.example.org>\r\n"
    b"To: Jens Nielsen <jens@example.org>\r\n"
    b"Subject: =?utf-8?q?Du_har_f=C3=A5et_en_plads?=\r\n"
    b"\r\n"
    b"Velkommen.\r\n"
)


def send(port, to="jens@example.org"):
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        smtp.sendmail("opgavegrupper@3b.example.org", [to], MAIL)


def test_each_mail_is_an_eml_file_named_by_time_and_recipient(tmp_path):
    sink = load_mailsink().MailSink(directory=tmp_path / "mail")
    port = sink.start()
    try:
        send(port)
        send(port)
    finally:
        sink.stop()
    files = sorted(path.name for path in (tmp_path / "mail").iterdir())
    assert [name[16:] for name in files] == [
        "0001-jens@example.org.eml",
        "0002-jens@example.org.eml",
    ]
    message = message_from_bytes(
        (tmp_path / "mail" / files[0]).read_bytes(), policy=policy.default
    )
    assert message["Subject"] == "Du har fået en plads"
    assert message.get_content().strip() == "Velkommen."


def test_a_refusing_sink_keeps_nothing(tmp_path):
    sink = load_mailsink().MailSink(directory=tmp_path / "mail")
    port = sink.start()
    sink.handler.refuse_with = "550 5.1.1 Mailbox unavailable"
    try:
        try:
            send(port)
        except smtplib.SMTPRecipientsRefused as error:
            assert error.recipients["jens@example.org"][0] == 550
        else:
            raise AssertionError("the mail was taken")
    finally:
        sink.stop()
    assert sink.messages == []


def test_in_the_background_it_listens_before_make_goes_on(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    pidfile = tmp_path / "mailsink.pid"
    # To a file, as to make's terminal: the server in the background keeps
    # writing there, a pipe would not end when the command does.
    output = tmp_path / "output"
    with output.open("w") as out:
        started = subprocess.run(
            [sys.executable, str(SCRIPT), "--port", str(port)]
            + ["--directory", str(tmp_path / "mail"), "--pidfile", str(pidfile)],
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=60,
            check=False,
        )
    assert started.returncode == 0, output.read_text()
    pid = int(pidfile.read_text())
    try:
        # The port listened when the command returned: no waiting.
        send(port)
        (eml,) = (tmp_path / "mail").iterdir()
        assert eml.name.endswith("-0001-jens@example.org.eml")

        busy = subprocess.run(
            [sys.executable, str(SCRIPT), "--port", str(port)]
            + ["--directory", str(tmp_path / "other")],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert busy.returncode == 1
        assert f"mailsink: cannot listen on 127.0.0.1:{port}" in busy.stderr
    finally:
        os.kill(pid, signal.SIGTERM)
