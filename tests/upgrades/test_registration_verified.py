"""upgrade_registration_verified: the member property for the date the
e-mail address was verified, once."""

from plone import api
from threeb.opgavegrupper.upgrades.registration_verified import (
    upgrade_registration_verified,
)


def test_the_upgrade_adds_the_property(portal):
    memberdata = api.portal.get_tool("portal_memberdata")
    memberdata._delProperty("email_verified_on")
    assert not memberdata.hasProperty("email_verified_on")

    upgrade_registration_verified(portal)
    upgrade_registration_verified(portal)

    assert memberdata.hasProperty("email_verified_on")
    assert memberdata.hasProperty("privacy_accepted_on")
