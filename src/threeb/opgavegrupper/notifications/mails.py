"""Writing and sending a notification: in the site's language, text and HTML.

A mail is described once (a ``Mail``: subject, paragraphs, facts, a link)
with translatable messages; ``send`` renders it in the site's default
language, as plain text and as HTML, and hands one message per recipient to
Plone's MailHost.
"""

from dataclasses import dataclass
from dataclasses import field
from DateTime import DateTime
from email.message import EmailMessage
from email.utils import format_datetime
from email.utils import formataddr
from email.utils import make_msgid
from email.utils import parseaddr
from functools import wraps
from html import escape
from plone import api
from plone.base.i18nl10n import ulocalized_time
from threeb.opgavegrupper import _
from threeb.opgavegrupper import logger
from ZODB.POSException import ConflictError
from zope.i18n import translate
from zope.i18nmessageid import Message

import datetime


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
    """A date or time written the way the site writes them, in the language.

    DateTime.strftime writes the server's time zone; a naive wall-clock value
    reads back unchanged, so a meeting at 17:00 in Copenhagen says 17:00
    whichever zone the server runs in.
    """
    if isinstance(value, datetime.datetime):
        naive = value.replace(tzinfo=None)
    else:
        naive = datetime.datetime(value.year, value.month, value.day)
    return ulocalized_time(
        DateTime(naive),
        long_format=long_format,
        time_only=time_only,
        context=api.portal.get(),
        target_language=language,
    )


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
    message = EmailMessage()
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


def send(mail, recipients):
    """Send the mail to each of [(user id, address)]; returns how many went.

    One message per person: residents do not see each other's addresses.
    The MailHost queues it until the transaction commits, so a refused or
    retried action sends nothing, or sends once.
    """
    if not recipients:
        return 0
    from_address = sender()
    if not from_address:
        # Plone itself counts mail as not set up without a sender address.
        # It is also why building the demo site (scripts/create_site.py sets
        # none) mails none of its demo people.
        logger.info("No sender address is set; not sending %r", mail.subject)
        return 0
    language = api.portal.get_default_language()
    subject, text, html = render(mail, language)
    mailhost = api.portal.get_tool("MailHost")
    sent = 0
    for user_id, address in recipients:
        try:
            message = _message(
                subject, text, html, mail.attachments, language, from_address
            )
            mailhost.send(message, mto=address, mfrom=from_address, charset="utf-8")
        except ConflictError:
            raise
        except Exception:
            # One bad address must not keep the others from being told.
            logger.exception("Could not send %r to %s", subject, user_id)
        else:
            sent += 1
    return sent
