"""The LIX of a text under its field, on the add and edit forms.

Server-side, so it works without JavaScript: when z3c.form has updated the
widget of a readable field (fields.READABLE_FIELDS) on a Dexterity add or
edit form, the widget's description gains a status region with the text's
score, its band, a one-line explanation and, above the control panel's
limit, a warning. The text is the widget's own value: the stored text on an
edit form, the text just sent when a form comes back with an error. Plone's
widget template shows ``widget.description`` below the field, so no form or
template of another package changes.

``static/readability.js`` (optional) asks ``POST @readability`` while the
person types and rewrites the region; it is a ``role="status"`` region, so
screen readers announce the new score politely.
"""

from html import escape
from plone import api
from plone.app.textfield.interfaces import IRichText
from plone.dexterity.browser.add import DefaultAddForm
from plone.dexterity.browser.edit import DefaultEditForm
from threeb.opgavegrupper import _
from threeb.opgavegrupper.numbers import number_text
from threeb.opgavegrupper.readability.fields import readable_fields
from threeb.opgavegrupper.readability.fields import threshold
from threeb.opgavegrupper.readability.lix import score
from zope.i18n import translate


SCRIPT = "++resource++threeb.opgavegrupper.readability/readability.js"
SCRIPT_FLAG = "threeb.opgavegrupper.readability.script"

EXPLANATION = _(
    "LIX measures how easy a text is to read: words per sentence plus the "
    "share of words over six letters, in percent. The lower, the easier."
)
SCORE = _("LIX ${lix}: ${band}.")
NO_SCORE = _("The LIX is shown when the text has words.")
WARNING = _(
    "Harder than the limit of ${limit}: write shorter sentences and use shorter words."
)


def _form_of(widget):
    """The Dexterity add or edit form a widget belongs to, or None."""
    form = getattr(widget, "form", None)
    # A widget in a fieldset belongs to the fieldset's group form.
    form = getattr(form, "parentForm", None) or form
    if isinstance(form, (DefaultAddForm, DefaultEditForm)):
        return form
    return None


def _tr(message, request):
    return translate(message, context=request)


def hint_html(widget, request):
    """The status region of the widget's text: score, band, explanation."""
    limit = threshold()
    html = IRichText.providedBy(widget.field)
    # A rich text widget's value is the HTML, or a RichTextValue holding it.
    text = getattr(widget.value, "raw", widget.value)
    result = score(text if isinstance(text, str) else None, html=html)
    if result.lix is None:
        headline = _tr(NO_SCORE, request)
    else:
        headline = _tr(
            _(
                SCORE,
                mapping={"lix": number_text(result.lix), "band": result.band},
            ),
            request,
        )
    warning = _tr(_(WARNING, mapping={"limit": limit}), request)
    above = result.lix is not None and result.lix > limit
    # Scored where the form is (the object, or the folder it is added to):
    # a local Editor or Contributor may score there (post.py).
    form = _form_of(widget)
    portal_url = api.portal.get().absolute_url()
    context = getattr(form, "context", None) or api.portal.get()
    data = {
        # By name: Plone's rich text textarea has no id.
        "data-readability-for": widget.name,
        "data-readability-url": f"{context.absolute_url()}/++api++/@readability",
        "data-readability-html": "true" if html else "false",
        "data-readability-threshold": str(limit),
        "data-text-score": _tr(SCORE, request),
        "data-text-empty": _tr(NO_SCORE, request),
        "data-text-warning": warning,
    }
    attributes = " ".join(f'{key}="{escape(value)}"' for key, value in data.items())
    parts = [
        f'<div class="opgavegrupper-readability" id="{escape(widget.id)}-readability"'
        f' role="status" {attributes}>',
        f'<strong class="readability-score">{escape(headline)}</strong> ',
        f'<span class="readability-explanation">{escape(_tr(EXPLANATION, request))}</span>',
        f'<strong class="readability-warning"{"" if above else " hidden"}>'
        f" {escape(warning)}</strong>",
        "</div>",
    ]
    annotations = request.other
    if not annotations.get(SCRIPT_FLAG):
        # Once per page, however many fields are scored.
        annotations[SCRIPT_FLAG] = True
        parts.append(f'<script defer src="{escape(portal_url)}/{SCRIPT}"></script>')
    return "".join(parts)


def add_hint(event):
    """Subscriber of z3c.form's IAfterWidgetUpdateEvent (of every widget)."""
    widget = event.widget
    field = getattr(widget, "field", None)
    name = getattr(field, "__name__", None)
    if not name or getattr(widget, "mode", None) != "input":
        return
    form = _form_of(widget)
    if form is None or name not in readable_fields(getattr(form, "portal_type", None)):
        return
    request = widget.request
    description = getattr(widget, "description", None) or field.description
    before = escape(_tr(description, request)) if description else ""
    widget.description = (before + " " if before else "") + hint_html(widget, request)
