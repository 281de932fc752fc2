"""Writing and sending a notification: in the site's language, text and HTML.

A mail is described once (a ``Mail``: subject, paragraphs, facts, a link)
with translatable messages; ``send`` renders it in the site's default
language, as plain text and as HTML, and puts one message per recipient in
the transaction's outbox. The outbox hands them to Plone's MailHost only
after the transaction has committed: a mail server that is down or refuses
can then neither undo what a person did nor turn it into an error page. A
mail that could not be sent is logged and told to the person who acted (see
``Outbox.tell``), and so is one that could not even be written (a text the
encoder refuses, a failing calendar file, a notification that failed).

All mails of a transaction go over one SMTP connection, with a short
timeout (``SMTP_TIMEOUT``, 5 seconds for connecting and for each answer):
they are sent inside the person's request, after its commit. After the
first failure of the connection itself (a server that does not answer, is
down or drops the line) the rest of the transaction's mails are not tried;
all of them count as not sent and the log says so once. A refused address
(550) only fails its own mail.
"""

from Acquisition import aq_base
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from email.utils import formataddr
from email.utils import make_msgid
from email.utils import parseaddr
from functools import wraps
from html import escape
from plone import api
from plone.rest.interfaces import IAPIRequest
from Products.MailHost.MailHost import MailHost
from Products.statusmessages.interfaces import IStatusMessage
from threeb.opgavegrupper import _
from threeb.opgavegrupper import dates
from threeb.opgavegrupper import logger
from threeb.opgavegrupper.controlpanel.interfaces import is_sender_address
from threeb.opgavegrupper.controlpanel.interfaces import SettingError
from ZODB.POSException import ConflictError
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.i18nmessageid import Message

import datetime
import json
import smtplib
import transaction


# Seconds to wait for the mail server to connect and for each of its
# answers: the mails go out while the person who acted waits for the page.
SMTP_TIMEOUT = 5


@dataclass
class Attachment:
    filename: str
    maintype: str
    subtype: str
    data: bytes
    params: dict = field(default_factory=dict)


@dataclass
class Invitation:
    """A calendar file (iTIP) carried the way mail programs recognise it
    (iMIP, RFC 6047): a ``text/calendar; method=...`` part next to the text
    and HTML, and the same file as an attachment for those that only open
    files."""

    method: str
    data: bytes
    filename: str


@dataclass
class Mail:
    """What to say; every text may be a translatable message."""

    subject: Message
    paragraphs: list = field(default_factory=list)
    # (label, value) pairs; a value may have several lines.
    facts: list = field(default_factory=list)
    # (url, label): where to read more.
    link: tuple | None = None
    # Why this person gets the mail, said at the end.
    reason: Message | None = None
    attachments: list = field(default_factory=list)
    calendar: Invitation | None = None


def guarded(handler):
    """Run an event subscriber so that a failing mail never undoes the action.

    A conflict error still goes up: Zope retries the whole request then.
    """

    @wraps(handler)
    def run(*args, **kwargs):
        try:
            return handler(*args, **kwargs)
        except ConflictError:
            raise
        except Exception:
            logger.exception(
                "Notification %s.%s failed; nothing was sent",
                handler.__module__,
                handler.__name__,
            )
            # Told like a mail that did not go: nobody learns it otherwise.
            try:
                outbox().not_written(None, [(None, None)], False)
            except Exception:
                logger.exception("Could not record the failed notification")

    return run


def _valid_sender(address, record):
    if not address:
        return False
    try:
        return is_sender_address(address)
    except SettingError:
        # Stored before the settings checked it: "<x@y.dk>" gave "From: <>"
        # and an empty envelope sender.
        logger.warning("The sender address in %s is no address: %r", record, address)
        return False


def sender():
    """The From address: the add-on's setting, else the site's own; None if
    neither is a (valid) address."""
    record = "threeb.opgavegrupper.email_from_address"
    address = api.portal.get_registry_record(record, default="")
    if _valid_sender(address, record):
        name = api.portal.get_registry_record(
            "threeb.opgavegrupper.organisation_name", default=""
        )
    else:
        record = "plone.email_from_address"
        address = api.portal.get_registry_record(record, default="")
        name = api.portal.get_registry_record("plone.email_from_name", default="")
        if not _valid_sender(address, record):
            return None
    return formataddr((name or "", address))


def localized_time(value, language, long_format=False, time_only=False):
    """A date or time as the pages write it (dates.py), in the language:
    in the site's time zone, "30. november 2026" or, with ``long_format``,
    "30. november 2026 kl. 17.00"; ``time_only`` gives "17.00"."""
    if time_only:
        return dates.time_text(value, language)
    if long_format:
        return dates.datetime_text(value, language)
    return dates.date_text(value, language)


def _text(value, language):
    if isinstance(value, Message):
        return translate(value, target_language=language)
    return "" if value is None else str(value)


def render(mail, language):
    """(subject, plain text, HTML) of the mail in the language."""
    organisation = api.portal.get_registry_record(
        "threeb.opgavegrupper.organisation_name", default=""
    )
    subject = _text(mail.subject, language)
    paragraphs = [_text(p, language) for p in mail.paragraphs]
    facts = [(_text(k, language), _text(v, language)) for k, v in mail.facts]
    footer = [
        _text(
            _(
                "This is an automatic message from ${organisation}.",
                mapping={"organisation": organisation},
            ),
            language,
        )
    ]
    if mail.reason:
        footer.append(_text(mail.reason, language))

    text = [*paragraphs]
    text += [f"{label}:\n{value}" for label, value in facts]
    html = [f"<p>{_html(p)}</p>" for p in paragraphs]
    if facts:
        html.append("<dl>")
        for label, value in facts:
            html.append(f"<dt><strong>{escape(label)}</strong></dt>")
            html.append(f"<dd>{_html(value)}</dd>")
        html.append("</dl>")
    if mail.link:
        url, label = mail.link[0], _text(mail.link[1], language)
        text.append(f"{label}:\n{url}")
        html.append(f'<p><a href="{escape(url)}">{escape(label)}</a></p>')
    # "-- " is the signature separator mail programs recognise.
    text.append("-- \n" + "\n".join(footer))
    html.append(f"<hr><p><small>{'<br>'.join(escape(f) for f in footer)}</small></p>")
    page = (
        f'<!DOCTYPE html>\n<html lang="{escape(language)}">\n<head>\n'
        f'<meta charset="utf-8">\n<title>{escape(subject)}</title>\n</head>\n'
        "<body>\n" + "\n".join(html) + "\n</body>\n</html>\n"
    )
    return subject, "\n\n".join(text) + "\n", page


def _html(value):
    return escape(value).replace("\n", "<br>\n")


# Python's email package folds a long header between two encoded words
# ("kommer =?utf-8?q?ogs=C3=A5?= =?utf-8?q?p=C3=A5?="), and a reader joins
# adjacent encoded words without their space (RFC 2047, 6.2): "også på"
# became "ogsåpå" in every mail program. Headers are written on one line,
# up to the 998 characters RFC 5322 allows; the parts are already encoded.
HEADERS_UNFOLDED = policy.SMTP.clone(max_line_length=998)


def _message(mail, subject, text, html, language, sender_address, to_address):
    """The message as it goes out, already serialised: a text the SMTP
    encoder cannot encode fails here, where the person can be told."""
    # SMTP's line ends (CRLF): a strict mail server refuses bare newlines as
    # one overlong line.
    message = EmailMessage(policy=policy.SMTP)
    message["Subject"] = subject
    message["From"] = sender_address
    message["To"] = to_address
    message["Date"] = format_datetime(datetime.datetime.now(datetime.UTC))
    domain = parseaddr(sender_address)[1].rpartition("@")[2] or None
    message["Message-ID"] = make_msgid(domain=domain)
    # RFC 3834: tells auto-responders and vacation replies not to answer.
    message["Auto-Submitted"] = "auto-generated"
    # Quoted-printable and base64 pass any mail server, also one without 8BITMIME.
    message.set_content(text, cte="quoted-printable")
    message.add_alternative(html, subtype="html", cte="quoted-printable")
    if mail.calendar is not None:
        # iMIP: the invitation is an alternative of the text, with its METHOD,
        # so Outlook, Gmail and Apple Mail show it as one.
        message.add_alternative(
            mail.calendar.data.decode("utf-8"),
            subtype="calendar",
            params={"method": mail.calendar.method},
            cte="quoted-printable",
        )
        # And the file, for programs that only open attachments; not
        # text/calendar, or some would show the invitation twice.
        message.add_attachment(
            mail.calendar.data,
            maintype="application",
            subtype="ics",
            filename=mail.calendar.filename,
        )
    for attachment in mail.attachments:
        message.add_attachment(
            attachment.data,
            maintype=attachment.maintype,
            subtype=attachment.subtype,
            filename=attachment.filename,
            params=attachment.params,
        )
    # After the parts: setting the content clears a message's Content-* headers.
    message["Content-Language"] = language
    return message, message.as_bytes(policy=HEADERS_UNFOLDED)


# Who is told the names of the people a mail did not reach: those who may
# see the people of every group anyway. Others hear only that a mail failed.
NAMES_FOR_ROLES = {"Staff", "Manager", "Site Administrator"}
# The response header that says, also on a REST answer without a body (204),
# how many notification mails could not be sent.
WARNING_HEADER = "X-Opgavegrupper-Mail-Not-Sent"
WARNING_TYPE = "mail_not_sent"


@dataclass
class Outgoing:
    user_id: str
    name: str
    address: str
    subject: str
    message: EmailMessage
    sender: str
    # The message as bytes, as the mail server gets it.
    data: bytes = b""


def _sends_itself(mailhost):
    """Whether the MailHost is Plone's own, whose settings we send with.

    Another one (a test double, a MailHost of another product) gets each
    mail through its own ``send``.
    """
    kind = type(aq_base(mailhost))
    return (
        isinstance(mailhost, MailHost)
        and kind.send is MailHost.send
        and kind._send is MailHost._send
    )


class Connection:
    """One SMTP connection for all mails of a transaction, made with the
    MailHost's settings (Plone's mail settings: server, port, user, TLS) as
    its own mailer would, but with ``SMTP_TIMEOUT``."""

    def __init__(self, mailhost):
        self.mailhost = mailhost
        self.smtp = None

    def open(self):
        # Here, not in __init__: settings that fail count as a failed
        # connection, told like one.
        mailer = self.mailhost._makeMailer()
        factory = smtplib.SMTP_SSL if mailer.implicit_tls else smtplib.SMTP
        smtp = factory(mailer.hostname, int(mailer.port), timeout=SMTP_TIMEOUT)
        self.smtp = smtp
        code, response = smtp.ehlo()
        if not 200 <= code < 300:
            code, response = smtp.helo()
            if not 200 <= code < 300:
                raise smtplib.SMTPHeloError(code, response)
        if not mailer.implicit_tls:
            has_tls = smtp.has_extn("starttls")
            if not has_tls and mailer.force_tls:
                raise smtplib.SMTPNotSupportedError(
                    "TLS is not available but TLS is required"
                )
            if has_tls and not mailer.no_tls:
                smtp.starttls()
                smtp.ehlo()
        if mailer.username and mailer.password:
            smtp.login(mailer.username, mailer.password)

    def send(self, mail):
        if self.smtp is None:
            self.open()
        envelope_from = parseaddr(mail.sender)[1]
        self.smtp.sendmail(envelope_from, [mail.address], mail.data)

    def close(self):
        if self.smtp is None:
            return
        smtp, self.smtp = self.smtp, None
        try:
            smtp.quit()
        except Exception:
            # Quitting a line that hangs or broke: let it go.
            smtp.close()


# Errors the server answered for one mail: the connection goes on.
MAIL_REFUSED = (
    smtplib.SMTPRecipientsRefused,
    smtplib.SMTPSenderRefused,
    smtplib.SMTPDataError,
)


class Outbox:
    """The mails of one transaction: sent after it has committed, or never.

    Our own after-commit hook rather than the MailHost's ``immediate=False``:
    that one (zope.sendmail's DirectMailDelivery) connects to the mail server
    when the transaction votes, so a server that is down aborts the
    transaction and loses what the person did, and a failure when it finishes
    is only logged. Here each mail is sent on its own after the commit; what
    fails is logged and told (``tell``), and nothing of the action is undone.
    """

    def __init__(self, request):
        self.request = request
        self.outgoing = []
        # (subject, user id, name) of the mails that could not be sent, and
        # of those that could not even be written: no sender address is set.
        self.failed = []
        self.unsent = []
        self.show_names = False

    def add(self, outgoing, show_names):
        self.outgoing.append(outgoing)
        self.show_names = self.show_names or show_names

    def not_sent(self, subject, people, show_names):
        """Mails that cannot even be queued (no sender): told like failures."""
        self.unsent.extend((subject, user_id, name) for user_id, name in people)
        self.show_names = self.show_names or show_names

    def after_commit(self, committed):
        # An aborted or failed transaction sends nothing: the action is not
        # done, so nobody is told it was.
        if committed:
            self.deliver()

    def not_written(self, subject, people, show_names):
        """Mails that could not be written: told like failures."""
        self.failed.extend((subject, user_id, name) for user_id, name in people)
        self.show_names = self.show_names or show_names

    def deliver(self):
        outgoing, self.outgoing = self.outgoing, []
        mailhost = api.portal.get_tool("MailHost") if outgoing else None
        if outgoing and _sends_itself(mailhost):
            self._send_all(Connection(mailhost), outgoing)
        else:
            for mail in outgoing:
                self._send_one(mailhost, mail)
        unsent, self.unsent = self.unsent, []
        if unsent:
            # One line for a whole transaction: building the demo site sends
            # dozens before its sender is set.
            subjects = sorted({subject or "?" for subject, _id, _name in unsent})
            logger.warning(
                "No sender address is set (Site setup > Mail): %d notification "
                "mails were not sent (%s)",
                len(unsent),
                "; ".join(subjects[:3]) + ("; …" if len(subjects) > 3 else ""),
            )
        failed, self.failed = self.failed + unsent, []
        if failed:
            try:
                self.tell(failed)
            except Exception:
                logger.exception("Could not tell that %d mails failed", len(failed))

    def _failed(self, mail):
        self.failed.append((mail.subject, mail.user_id, mail.name))

    def _log_failure(self, mail):
        logger.exception(
            "Could not send %r to %s <%s>; the action itself is saved",
            mail.subject,
            mail.user_id,
            mail.address,
        )

    def _send_all(self, connection, outgoing):
        """All mails over one connection; after the connection itself failed
        (no answer, refused, dropped) the rest are not tried."""
        try:
            for number, mail in enumerate(outgoing):
                try:
                    connection.send(mail)
                except MAIL_REFUSED:
                    # One refused address must not keep the others from
                    # being told.
                    self._log_failure(mail)
                    self._failed(mail)
                except Exception:
                    self._log_failure(mail)
                    rest = outgoing[number:]
                    for skipped in rest:
                        self._failed(skipped)
                    if len(rest) > 1:
                        logger.warning(
                            "The mail server failed; %d further mails of this "
                            "transaction were not tried",
                            len(rest) - 1,
                        )
                    return
        finally:
            connection.close()

    def _send_one(self, mailhost, mail):
        try:
            mailhost.send(
                mail.message,
                mto=mail.address,
                mfrom=mail.sender,
                charset="utf-8",
                immediate=True,
            )
        except Exception:
            self._log_failure(mail)
            self._failed(mail)

    def warnings(self, failed):
        """One translated text per subject of the mails not sent."""
        by_subject = {}
        for subject, _user_id, name in failed:
            by_subject.setdefault(subject, []).append(name)
        texts = []
        for subject, names in by_subject.items():
            if subject is None:
                # A notification that failed before it had a subject.
                message = _(
                    "An e-mail notification could not be written. What you "
                    "did is saved."
                )
            elif self.show_names:
                message = _(
                    'The e-mail "${subject}" could not be sent to ${names}. '
                    "What you did is saved; please tell them another way.",
                    mapping={"subject": subject, "names": ", ".join(names)},
                )
            else:
                message = _(
                    'An e-mail notification ("${subject}") could not be '
                    "sent. What you did is saved.",
                    mapping={"subject": subject},
                )
            texts.append(translate(message, context=self.request))
        return texts

    def tell(self, failed):
        """Tell the person who acted, on the answer to their request.

        The transaction is committed but the answer not yet sent: a status
        message (a cookie) shows on the next page they see in Classic UI; a
        REST answer gets a header and, when its body is a JSON object,
        ``warnings``.
        """
        request = self.request
        if request is None or getattr(request, "response", None) is None:
            # A script: the log says it all.
            return
        texts = self.warnings(failed)
        response = request.response
        if not IAPIRequest.providedBy(request):
            for text in texts:
                IStatusMessage(request).add(text, type="warning")
            return
        response.setHeader(WARNING_HEADER, str(len(failed)))
        body = response.body
        try:
            data = json.loads(body) if body else None
        except ValueError:
            return
        if isinstance(data, dict):
            data.setdefault("warnings", []).extend(
                {"type": WARNING_TYPE, "message": text} for text in texts
            )
            response.setBody(json.dumps(data, indent=2, sort_keys=True))


_OUTBOX = object()  # the key of the outbox in the transaction's data


def outbox():
    """The current transaction's outbox, made (and hooked up) on first use."""
    txn = transaction.get()
    try:
        return txn.data(_OUTBOX)
    except KeyError:
        box = Outbox(getRequest())
        txn.set_data(_OUTBOX, box)
        txn.addAfterCommitHook(box.after_commit)
        return box


def _shows_names():
    try:
        return bool(NAMES_FOR_ROLES & set(api.user.get_roles()))
    except Exception:
        # Anonymous, or no site: the names stay in the log.
        return False


def _name(user_id):
    user = api.user.get(userid=user_id)
    return (user and user.getProperty("fullname")) or user_id


def send(mail, recipients, personal=None):
    """Queue the mail to each of [(user id, address)]; returns how many.

    One message per person: residents do not see each other's addresses.
    ``personal(user_id, address)`` gives the fields of the Mail that differ
    per person (a calendar file naming them). They go out when the
    transaction commits (``Outbox``), so a refused or retried action sends
    nothing, or sends once, and a mail server that is down cannot undo the
    action. A mail that cannot be written is logged and told as not sent.
    """
    recipients = list(recipients)
    if not recipients:
        return 0
    box = outbox()
    language = api.portal.get_default_language()
    show_names = _shows_names()
    people = [(user_id, _name(user_id)) for user_id, _address in recipients]
    try:
        subject = _text(mail.subject, language)
    except ConflictError:
        raise
    except Exception:
        subject = None
    from_address = sender()
    if not from_address:
        # Plone itself counts mail as not set up without a sender address.
        # Nothing can go; after the commit the log says so once and the
        # person who acted learns it.
        box.not_sent(subject, people, show_names)
        return 0
    try:
        subject, text, html = render(mail, language)
    except ConflictError:
        raise
    except Exception:
        logger.exception("Could not write %r; nothing was sent", subject)
        box.not_written(subject, people, show_names)
        return 0
    queued = 0
    for (user_id, address), (_id, name) in zip(recipients, people, strict=True):
        try:
            own = replace(mail, **personal(user_id, address)) if personal else mail
            message, data = _message(
                own, subject, text, html, language, from_address, address
            )
        except ConflictError:
            raise
        except Exception:
            logger.exception(
                "Could not write %r to %s <%s>; it was not sent",
                subject,
                user_id,
                address,
            )
            box.not_written(subject, [(user_id, name)], show_names)
            continue
        box.add(
            Outgoing(user_id, name, address, subject, message, from_address, data),
            show_names,
        )
        queued += 1
    return queued
