from plone import api
from threeb.opgavegrupper.interfaces import IBrowserLayer

import pytest


PACKAGE = "threeb.opgavegrupper"


class TestInstall:
    def test_product_installed(self, installer):
        assert installer.is_product_installed(PACKAGE) is True

    def test_browserlayer_registered(self, browser_layers):
        assert IBrowserLayer in browser_layers

    def test_restapi_profile_applied_so_jwt_login_works(self, portal):
        plugins = portal.acl_users.objectIds()
        assert "jwt_auth" in plugins

    @pytest.mark.parametrize(
        "role",
        [
            "BoardMember",
            "DepartmentBoardMember",
            "Resident",
            "Staff",
            "TaskGroupChair",
            "TaskGroupMember",
        ],
    )
    def test_role_declared(self, portal, role):
        assert role in portal.valid_roles()

    @pytest.mark.parametrize(
        "group_id,title,role",
        [
            ("organisationsbestyrelse", "Organisationsbestyrelsen", "BoardMember"),
            ("afdelingsbestyrelser", "Afdelingsbestyrelser", "DepartmentBoardMember"),
            ("beboere", "Beboere", "Resident"),
            ("medarbejdere", "Medarbejdere", "Staff"),
        ],
    )
    def test_group_carries_role(self, portal, group_id, title, role):
        group = api.group.get(groupname=group_id)
        assert group is not None
        assert group.getProperty("title") == title
        assert role in group.getRoles()

    def test_member_of_group_gets_role(self, portal):
        api.user.create(email="b@example.org", username="resident1")
        api.group.add_user(groupname="beboere", username="resident1")
        assert "Resident" in api.user.get_roles(username="resident1")

    def test_reinstall_keeps_groups_and_members(self, portal, installer):
        api.user.create(email="b@example.org", username="resident1")
        api.group.add_user(groupname="medarbejdere", username="resident1")
        setup = api.portal.get_tool("portal_setup")
        setup.runAllImportStepsFromProfile("profile-threeb.opgavegrupper:default")
        assert "Staff" in api.user.get_roles(username="resident1")

    def test_controlpanel_configlet(self, controlpanel_actions):
        assert "opgavegrupper-settings" in controlpanel_actions

    @pytest.mark.parametrize(
        "index", ["theme", "departments", "deadline", "signup_deadline"]
    )
    def test_catalog_index(self, portal, index):
        assert index in api.portal.get_tool("portal_catalog").indexes()

    @pytest.mark.parametrize(
        "column", ["theme", "departments", "deadline", "signup_deadline"]
    )
    def test_catalog_metadata(self, portal, column):
        assert column in api.portal.get_tool("portal_catalog").schema()

    def test_hidden_profiles(self, portal):
        from plone.base.interfaces import INonInstallable
        from zope.component import getAllUtilitiesRegisteredFor

        hidden = set()
        for utility in getAllUtilitiesRegisteredFor(INonInstallable):
            hidden.update(utility.getNonInstallableProfiles())
        assert "threeb.opgavegrupper:uninstall" in hidden
        assert "threeb.opgavegrupper:demo" in hidden
