"""What installing and uninstalling does beyond the GenericSetup XML."""

from plone import api
from plone.base.interfaces import INonInstallable
from threeb.opgavegrupper import logger
from threeb.opgavegrupper.hardening import setup as hardening
from threeb.opgavegrupper.outcomes.feed import ensure_feed
from threeb.opgavegrupper.setuphandlers import frontpage
from threeb.opgavegrupper.setuphandlers.groups import create_groups
from threeb.opgavegrupper.setuphandlers.groups import remove_groups
from threeb.opgavegrupper.setuphandlers.groups import remove_roles
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        """Hide the uninstall and demo profiles from the add-ons control panel."""
        return [
            "threeb.opgavegrupper:uninstall",
            "threeb.opgavegrupper:demo",
        ]

    def getNonInstallableProducts(self):
        return []


def post_install(context):
    create_groups()
    hardening.install(api.portal.get())
    ensure_feed(api.portal.get())
    logger.info("threeb.opgavegrupper installed")


def uninstall(context):
    remove_groups()
    remove_roles()
    hardening.uninstall(api.portal.get())
    frontpage.uninstall(api.portal.get())
    logger.info("threeb.opgavegrupper uninstalled")
