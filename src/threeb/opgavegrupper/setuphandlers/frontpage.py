"""The demo site's entrance: front page, name and logo from the settings.

The site root shows @@opgavegrupper-forside; its text says what task groups
are, in the association's own words (Boligforeningen 3B's description of
its task groups); the site's title and logo are the organisation's, not
Plone's. Idempotent, and what someone changed since (the root's text, a logo
of their own) is kept when the demo profile runs again.
"""

from plone import api
from plone.app.portlets.utils import assignment_mapping_from_key
from plone.app.textfield.value import RichTextValue
from plone.portlets.constants import CONTEXT_CATEGORY
from threeb.opgavegrupper.controlpanel import organisation


LAYOUT = "opgavegrupper-forside"
PORTLET_NAME = "kommende-moeder"
PORTLET_MANAGER = "plone.rightcolumn"

# From 3B's own description of its task groups (the seed of this product).
INTRO = (
    "3B’s opgavegrupper er midlertidige, hurtigtarbejdende politiske "
    "arbejdsgrupper, der kommer med bud på løsninger på konkrete udfordringer. "
    "En opgavegruppe består af medlemmer fra 3B’s organisationsbestyrelse, "
    "medlemmer af afdelingsbestyrelser, beboere, administrative medarbejdere "
    "fra 3B samt eventuelle udefrakommende som eksempelvis eksterne rådgivere.",
    "Hele formålet med opgavegrupperne er at invitere beboerne ind i "
    "beslutningsrummet og få deres input. Opgavegrupperne bidrager desuden til "
    "at skabe synlighed i beslutningerne, fordi beboerne og "
    "afdelingsbestyrelserne med egne øjne kan se, hvad der foregår i "
    "organisationen.",
    "Opgavegrupperne er en invitation til at deltage med de kompetencer og den "
    "viden beboerne har.",
)


def organisation_name():
    return api.portal.get_registry_record(
        "threeb.opgavegrupper.organisation_name", default=""
    )


def set_title(portal):
    """The site's title is the organisation's name from the add-on's settings."""
    name = organisation_name()
    if not name:
        return
    portal.setTitle(name)
    # The logo's text and the page titles read Plone's own setting.
    api.portal.set_registry_record("plone.site_title", name)


def set_logo():
    """A logo drawn with the organisation's name instead of Plone's, unless
    the site has one of its own; it follows the name (controlpanel/organisation)."""
    if api.portal.get_registry_record("plone.site_logo", default=None):
        return
    name = organisation_name() or api.portal.get().Title()
    api.portal.set_registry_record("plone.site_logo", organisation.logo_value(name))


def set_intro(portal):
    """What task groups are, unless the root already says something."""
    text = getattr(portal, "text", None)
    if text is not None and (text.raw or "").strip():
        return
    html = "".join(f"<p>{paragraph}</p>" for paragraph in INTRO)
    portal.text = RichTextValue(html, "text/html", "text/x-html-safe")


def install(portal):
    set_title(portal)
    set_logo()
    set_intro(portal)
    portal.setLayout(LAYOUT)
    portal.reindexObject()


def uninstall(portal):
    """Give the root a layout that exists without the add-on, and drop the
    add-on's portlet from the root and its entry in the navigation."""
    if portal.getLayout() == LAYOUT:
        portal.setLayout(portal.getDefaultLayout())
    mapping = assignment_mapping_from_key(
        portal, PORTLET_MANAGER, CONTEXT_CATEGORY, "/"
    )
    if PORTLET_NAME in mapping:
        del mapping[PORTLET_NAME]
    displayed = api.portal.get_registry_record("plone.displayed_types", default=())
    if "TaskGroupFolder" in displayed:
        api.portal.set_registry_record(
            "plone.displayed_types",
            tuple(name for name in displayed if name != "TaskGroupFolder"),
        )
