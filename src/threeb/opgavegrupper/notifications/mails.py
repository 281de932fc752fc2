"""Writing and sending a notification: in the site's language, text and HTML.

A mail is described once (a ``Mail``: subject, paragraphs, facts, a link)
with translatable messages; ``send`` renders it in the site's default
language, as plain text and as HTML, and puts one message per recipient in
the transaction's outbox. The outbox hands them to Plone's MailHost only
after the transaction has committed: a mail server that is down or refuses
can then neither undo what a person did nor turn it into an error page. A
mail that could not be sent is logged and told to the person who acted (see
``Outbox.tell``).
"""

from dataclasses import dataclass
from dataclasses import field
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
from Products.statusmessages.interfaces import IStatusMessage
from threeb.opgavegrupper import _
from threeb.opgavegrupper import dates
from threeb.opgavegrupper import logger
from ZODB.POSException import ConflictError
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.i18nmessageid import Message

import datetime
import json
import transaction


@dataclass
class Attachment:
    filename: str
    maintype: str
    subtype: str
    data: bytes
    params: dict = field(default_factory=dict)


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

    return run


def sender():
    """The From address: the add-on's setting, else the site's own."""
    address = api.portal.get_registry_record(
        "threeb.opgavegrupper.email_from_address", default=""
    )
    if address:
        name = api.portal.get_registry_record(
            "threeb.opgavegrupper.organisation_name", default=""
        )
    else:
        address = api.portal.get_registry_record("plone.email_from_address", default="")
        name = api.portal.get_registry_record("plone.email_from_name", default="")
    if not address:
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


def _message(subject, text, html, attachments, language, sender_address):
    # SMTP's line ends (CRLF): MailHost writes the message with its policy,
    # and a strict mail server refuses bare newlines as one overlong line.
    message = EmailMessage(policy=policy.SMTP)
    message["Subject"] = subject
    message["Date"] = format_datetime(datetime.datetime.now(datetime.UTC))
    domain = parseaddr(sender_address)[1].rpartition("@")[2] or None
    message["Message-ID"] = make_msgid(domain=domain)
    # RFC 3834: tells auto-responders and vacation replies not to answer.
    message["Auto-Submitted"] = "auto-generated"
    # Quoted-printable and base64 pass any mail server, also one without 8BITMIME.
    message.set_content(text, cte="quoted-printable")
    message.add_alternative(html, subtype="html", cte="quoted-printable")
    for attachment in attachments:
        message.add_attachment(
            attachment.data,
            maintype=attachment.maintype,
            subtype=attachment.subtype,
            filename=attachment.filename,
            params=attachment.params,
        )
    # After the parts: setting the content clears a message's Content-* headers.
    message["Content-Language"] = language
    return message


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

    def deliver(self):
        outgoing, self.outgoing = self.outgoing, []
        mailhost = api.portal.get_tool("MailHost") if outgoing else None
        for mail in outgoing:
            try:
                mailhost.send(
                    mail.message,
                    mto=mail.address,
                    mfrom=mail.sender,
                    charset="utf-8",
                    immediate=True,
                )
            except Exception:
                # One refused address must not keep the others from being told.
                logger.exception(
                    "Could not send %r to %s <%s>; the action itself is saved",
                    mail.subject,
                    mail.user_id,
                    mail.address,
                )
                self.failed.append((mail.subject, mail.user_id, mail.name))
        unsent, self.unsent = self.unsent, []
        if unsent:
            # One line for a whole transaction: building the demo site sends
            # dozens before its sender is set.
            subjects = sorted({subject for subject, _id, _name in unsent})
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

    def warnings(self, failed):
        """One translated text per subject of the mails not sent."""
        by_subject = {}
        for subject, _user_id, name in failed:
            by_subject.setdefault(subject, []).append(name)
        texts = []
        for subject, names in by_subject.items():
            if self.show_names:
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


def send(mail, recipients):
    """Queue the mail to each of [(user id, address)]; returns how many.

    One message per person: residents do not see each other's addresses.
    They go out when the transaction commits (``Outbox``), so a refused or
    retried action sends nothing, or sends once, and a mail server that is
    down cannot undo the action.
    """
    if not recipients:
        return 0
    box = outbox()
    from_address = sender()
    if not from_address:
        # Plone itself counts mail as not set up without a sender address.
        # Nothing can go; after the commit the log says so once and the
        # person who acted learns it.
        box.not_sent(
            _text(mail.subject, api.portal.get_default_language()),
            [(user_id, _name(user_id)) for user_id, _address in recipients],
            _shows_names(),
        )
        return 0
    language = api.portal.get_default_language()
    subject, text, html = render(mail, language)
    show_names = _shows_names()
    for user_id, address in recipients:
        message = _message(
            subject, text, html, mail.attachments, language, from_address
        )
        outgoing = Outgoing(
            user_id, _name(user_id), address, subject, message, from_address
        )
        box.add(outgoing, show_names)
    return len(recipients)
