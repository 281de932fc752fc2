"""upgrade_registration: a site from before self-registration gets the
resident's member fields (beside its own), the date property and the group."""

from plone import api
from plone.app.users.browser import schemaeditor
from threeb.opgavegrupper.upgrades.registration import upgrade_registration


OLD_FIELDS = """<model xmlns="http://namespaces.plone.org/supermodel/schema"
    xmlns:users="http://namespaces.plone.org/supermodel/users">
  <schema name="member-fields">
    <field name="location" type="zope.schema.TextLine"
        users:forms="In User Profile">
      <title>Location</title>
      <required>False</required>
    </field>
  </schema>
</model>"""
FIELDS = ["department", "address_or_tenancy", "department_board", "privacy_accepted"]


def test_the_upgrade_adds_fields_property_and_group(portal):
    # The site as an earlier version left it.
    schemaeditor.applySchema(OLD_FIELDS)
    api.group.delete(groupname="tilmeldte")
    memberdata = api.portal.get_tool("portal_memberdata")
    memberdata._delProperty("privacy_accepted_on")
    api.portal.set_registry_record("plone.enable_self_reg", False)

    upgrade_registration(portal)

    assert list(schemaeditor.get_ttw_edited_schema()) == ["location", *FIELDS]
    assert memberdata.hasProperty("privacy_accepted_on")
    assert api.group.get(groupname="tilmeldte").getRoles() in ([], ["Authenticated"])
    # The association decides about self-registration, not the upgrade.
    assert api.portal.get_registry_record("plone.enable_self_reg") is False

    # Run twice, it changes nothing.
    upgrade_registration(portal)
    assert list(schemaeditor.get_ttw_edited_schema()) == ["location", *FIELDS]
