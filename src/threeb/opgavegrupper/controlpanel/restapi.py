"""Exposes the settings through plone.restapi's @controlpanels.

plone.restapi's control panel deserializer turns text into the field's type
(``"maybe"`` into false for a yes/no setting, ``"5"`` into 5) and wraps a
lone value into a list; it skips names the schema does not know. Here a
setting takes only its own JSON type (JSON booleans for yes/no, numbers for
numbers, a list of texts for a list, text for text), and an unknown name is
refused: a 400 naming the field, before anything is stored. The limits and
constraints are then checked by plone.restapi with the schema's fields.
"""

from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.restapi.deserializer import json_body
from plone.restapi.deserializer.controlpanels import ControlpanelDeserializeFromJson
from plone.restapi.interfaces import IDeserializeFromJson
from threeb.opgavegrupper import _
from threeb.opgavegrupper.controlpanel.interfaces import IOpgavegrupperSettings
from threeb.opgavegrupper.interfaces import IBrowserLayer
from zExceptions import BadRequest
from zope.component import adapter
from zope.i18n import translate
from zope.interface import implementer
from zope.interface import Interface
from zope.schema import getFields
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IInt
from zope.schema.interfaces import IList
from zope.schema.interfaces import ITextLine


class IOpgavegrupperSettingsPanel(Interface):
    """Marker: the add-on's control panel in @controlpanels."""


@implementer(IOpgavegrupperSettingsPanel)
@adapter(Interface, IBrowserLayer)
class OpgavegrupperSettingsConfigletPanel(RegistryConfigletPanel):
    schema = IOpgavegrupperSettings
    schema_prefix = "threeb.opgavegrupper"
    configlet_id = "opgavegrupper-settings"
    configlet_category_id = "Products"


def wrong_json_type(field, value):
    """The message if ``value`` is not of the JSON type ``field`` takes."""
    if IBool.providedBy(field):
        if not isinstance(value, bool):
            return _("Must be true or false (a JSON boolean).")
    elif IInt.providedBy(field):
        if isinstance(value, bool) or not isinstance(value, int):
            return _("Must be a whole number.")
    elif IList.providedBy(field):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return _("Must be a list of texts.")
    elif ITextLine.providedBy(field) and not isinstance(value, str):
        # An optional text GETs as null when empty: it may be PATCHed back.
        if value is None and not field.required:
            return None
        return _("Must be text.")
    return None


@implementer(IDeserializeFromJson)
@adapter(IOpgavegrupperSettingsPanel)
class OpgavegrupperSettingsDeserializer(ControlpanelDeserializeFromJson):
    def __call__(self, mask_validation_errors=True):
        data = json_body(self.request)
        fields = getFields(self.schema)
        errors = []
        for name, value in data.items():
            if name not in fields:
                message = _("There is no setting of this name.")
            else:
                message = wrong_json_type(fields[name], value)
            if message is not None:
                errors.append(
                    {
                        "field": name,
                        "message": translate(message, context=self.request),
                        "error": "ValidationError",
                    }
                )
        if errors:
            raise BadRequest(errors)
        return super().__call__(mask_validation_errors=mask_validation_errors)
