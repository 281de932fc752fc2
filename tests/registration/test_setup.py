"""Install merges the resident's member fields into the site's own."""

from plone import api
from plone.app.users.browser import schemaeditor
from threeb.opgavegrupper.registration import setup


FIELDS = ["department", "address_or_tenancy", "department_board", "privacy_accepted"]
OWN_FIELD = """<model xmlns="http://namespaces.plone.org/supermodel/schema"
    xmlns:users="http://namespaces.plone.org/supermodel/users">
  <schema name="member-fields">
    <field name="phone_at_work" type="zope.schema.TextLine"
        users:forms="In User Profile">
      <title>Phone at work</title>
      <required>False</required>
    </field>
  </schema>
</model>"""


def site_fields():
    return list(schemaeditor.get_ttw_edited_schema() or [])


def test_install_adds_the_fields_the_group_and_the_property(portal):
    # After Plone's own (home page, description, location, portrait).
    fields = site_fields()
    assert fields[-4:] == FIELDS
    assert {"home_page", "location", "portrait"} <= set(fields)
    group = api.group.get(groupname="tilmeldte")
    assert group.getProperty("title") == "Afventer godkendelse"
    assert set(group.getRoles()) <= {"Authenticated"}
    memberdata = api.portal.get_tool("portal_memberdata")
    for name in [*FIELDS, "privacy_accepted_on"]:
        assert memberdata.hasProperty(name), name


def test_the_fields_are_on_the_registration_form_only_where_they_belong(portal):
    fields = schemaeditor.get_ttw_edited_schema()
    assert fields["department"].forms_selection == [
        "On Registration",
        "In User Profile",
    ]
    assert fields["privacy_accepted"].forms_selection == ["On Registration"]
    assert fields["department"].vocabularyName == "threeb.opgavegrupper.Departments"


def test_the_site_keeps_its_own_member_fields(portal):
    schemaeditor.applySchema(OWN_FIELD)
    assert site_fields() == ["phone_at_work"]
    setup.install()
    assert site_fields() == ["phone_at_work", *FIELDS]
    # Again: nothing changes.
    setup.install()
    assert site_fields() == ["phone_at_work", *FIELDS]


def test_uninstall_takes_out_only_the_add_ons_fields(portal):
    schemaeditor.applySchema(OWN_FIELD)
    setup.install()
    setup.uninstall()
    assert site_fields() == ["phone_at_work"]
    assert api.group.get(groupname="tilmeldte") is None
