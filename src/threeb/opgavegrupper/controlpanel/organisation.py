"""The organisation's name is the site's: its title, the logo and the logo's text.

The demo profile sets them at install (setuphandlers/frontpage.py); when the
setting changes later, on the Classic control panel, through
``PATCH @controlpanels/opgavegrupper-settings`` or ``PATCH @registry``, they
follow here: plone.registry notifies a record's change on every road.

- ``plone.site_title`` is what ``<title>`` and the logo's alt text read, and
  the site root's title is what Plone shows of the root elsewhere;
- the logo the add-on drew from the name is drawn again with the new name. A
  logo the association uploaded is its own and is kept;
- ``plone.email_from_name``, the name Plone's own mails (and the add-on's,
  when they go from the site's address) are sent with, follows when it is
  empty (Plone's default) or still says what the site was called: the old
  organisation name, or the site's title as it was before the change (the
  name the site was created with). A sender name chosen on its own, as
  "Sekretariatet", is kept.
"""

from pathlib import Path
from plone import api
from plone.formwidget.namedfile.converter import b64decode_file
from plone.formwidget.namedfile.converter import b64encode_file
from threeb.opgavegrupper.controlpanel.interfaces import check_record
from threeb.opgavegrupper.controlpanel.interfaces import has_text
from xml.sax.saxutils import escape


RECORD = "threeb.opgavegrupper.organisation_name"
SENDER_NAME = "plone.email_from_name"
# The logo's file name, as the demo's first logo (its address is
# @@site-logo/logo.svg); what marks it as drawn is the comment inside.
LOGO_FILENAME = "logo.svg"
DRAWN = b"<!-- Drawn by threeb.opgavegrupper from the organisation's name. -->"
# The demo's logo before it was drawn from the name (3B's name in it):
# a site that still shows it gets the drawn one at the next change.
FIRST_LOGO = Path(__file__).parents[1] / "profiles" / "demo" / "logo.svg"

# A house of three households, as in the demo's first logo; the name beside it.
LOGO = """<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="64" \
viewBox="0 0 {width} 64" role="img" aria-label="{name}">
  {drawn}
  <title>{name}</title>
  <g fill="none" stroke="#1f4e5f" stroke-width="4" stroke-linejoin="round">
    <path d="M6 30 L32 8 L58 30"/>
    <rect x="12" y="28" width="40" height="30" rx="2"/>
  </g>
  <g fill="#2a7f62">
    <circle cx="22" cy="40" r="4"/>
    <circle cx="32" cy="40" r="4"/>
    <circle cx="42" cy="40" r="4"/>
    <rect x="18" y="46" width="8" height="8" rx="2"/>
    <rect x="28" y="46" width="8" height="8" rx="2"/>
    <rect x="38" y="46" width="8" height="8" rx="2"/>
  </g>
{lines}
</svg>
"""
TEXT = (
    '  <text x="70" y="{y}" font-family="Helvetica, Arial, sans-serif" '
    'font-size="{size}"{weight} fill="#1f4e5f">{text}</text>'
)
MIN_WIDTH = 260
TEXT_X = 70
# An average letter of Helvetica is a little over half as wide as it is high.
LETTER_WIDTH = 0.6


def _name_lines(name):
    """The name in one line, or its last word large under the rest (as
    "Boligforeningen" over a large "3B")."""
    words = name.split()
    if len(words) < 2:
        return [(42, 24, True, name)]
    return [(30, 15, False, " ".join(words[:-1])), (54, 24, True, words[-1])]


def logo_svg(name):
    """The organisation's logo with its name, as SVG bytes."""
    name = " ".join(name.split())
    lines = _name_lines(name)
    width = max(
        MIN_WIDTH,
        *(
            TEXT_X + round(len(text) * size * LETTER_WIDTH) + 8
            for _, size, _, text in lines
        ),
    )
    texts = "\n".join(
        TEXT.format(
            y=y,
            size=size,
            weight=' font-weight="bold"' if bold else "",
            text=escape(text),
        )
        for y, size, bold, text in lines
    )
    quoted = escape(name, {'"': "&quot;"})
    return LOGO.format(
        width=width, name=quoted, lines=texts, drawn=DRAWN.decode()
    ).encode("utf-8")


def logo_value(name):
    """The registry value of plone.site_logo for the drawn logo."""
    return b64encode_file(LOGO_FILENAME, logo_svg(name))


def is_drawn_logo(value):
    """Whether plone.site_logo holds a logo the add-on drew (or the demo's
    first logo), not one the association uploaded."""
    if not value:
        return False
    try:
        _filename, data = b64decode_file(value)
    except (ValueError, TypeError, IndexError):
        return False
    return DRAWN in data or data == FIRST_LOGO.read_bytes()


def _plain(text):
    return " ".join((text or "").split())


def follow_sender_name(name, former_names):
    """The sender's name becomes ``name`` when it is empty or one of the
    names the site went by before (``former_names``); else it is kept."""
    current = api.portal.get_registry_record(SENDER_NAME, default=None)
    if current == name:
        return
    former = {_plain(former_name).casefold() for former_name in former_names}
    if _plain(current) and _plain(current).casefold() not in former:
        return
    api.portal.set_registry_record(SENDER_NAME, name)


def follow_name(name, old_name=None):
    """Give the site the organisation's name: its title, a drawn logo and,
    where it still says the old name, the mails' sender name."""
    name = " ".join((name or "").split())
    if not name:
        return
    portal = api.portal.get()
    # Read before they change: the sender's name may still say one of them.
    former = {
        old_name,
        portal.Title(),
        api.portal.get_registry_record("plone.site_title", default=None),
    }
    follow_sender_name(name, former - {None})
    if portal.Title() != name:
        portal.setTitle(name)
        portal.reindexObject()
    if api.portal.get_registry_record("plone.site_title", default=None) != name:
        api.portal.set_registry_record("plone.site_title", name)
    logo = api.portal.get_registry_record("plone.site_logo", default=None)
    if is_drawn_logo(logo):
        drawn = logo_value(name)
        if logo != drawn:
            api.portal.set_registry_record("plone.site_logo", drawn)


def record_modified(event):
    if event.record.__name__ != RECORD:
        return
    # plone.registry's copy of the field has no constraint: @registry writes
    # pass it, and the name is about to become the title and the logo.
    check_record(has_text, event.newValue, RECORD)
    # Notified on every write, also of an unchanged value (the form saved as
    # it was): a title or logo set by hand since is then left alone.
    if event.oldValue == event.newValue:
        return
    follow_name(event.newValue, old_name=event.oldValue)
