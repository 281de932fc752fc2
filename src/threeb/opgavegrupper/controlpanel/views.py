"""The "Opgavegrupper" control panel in Site Setup."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.z3cform import layout
from threeb.opgavegrupper import _
from threeb.opgavegrupper.controlpanel.interfaces import IOpgavegrupperSettings


class OpgavegrupperSettingsForm(RegistryEditForm):
    schema = IOpgavegrupperSettings
    schema_prefix = "threeb.opgavegrupper"
    label = _("Task groups settings")


OpgavegrupperSettingsView = layout.wrap_form(
    OpgavegrupperSettingsForm, ControlPanelFormWrapper
)
