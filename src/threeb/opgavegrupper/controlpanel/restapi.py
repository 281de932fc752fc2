"""Exposes the settings through plone.restapi's @controlpanels."""

from plone.restapi.controlpanels import RegistryConfigletPanel
from threeb.opgavegrupper.controlpanel.interfaces import IOpgavegrupperSettings
from threeb.opgavegrupper.interfaces import IBrowserLayer
from zope.component import adapter
from zope.interface import Interface


@adapter(Interface, IBrowserLayer)
class OpgavegrupperSettingsConfigletPanel(RegistryConfigletPanel):
    schema = IOpgavegrupperSettings
    schema_prefix = "threeb.opgavegrupper"
    configlet_id = "opgavegrupper-settings"
    configlet_category_id = "Products"
