from pathlib import Path
from plone import api
from threeb.opgavegrupper.interfaces import IBrowserLayer

import pytest
import re


PACKAGE = "threeb.opgavegrupper"
# Every index and column the default profile adds (Plone's own are not in it).
_CATALOG = (
    Path(__file__).parents[2] / "src/threeb/opgavegrupper/profiles/default/catalog.xml"
).read_text()
ADDED_INDEXES = sorted(re.findall(r'<index[^>]*\sname="([^"]+)"', _CATALOG))
ADDED_COLUMNS = sorted(re.findall(r'<column value="([^"]+)"', _CATALOG))


class TestUninstall:
    @pytest.fixture(autouse=True)
    def uninstalled(self, installer):
        installer.uninstall_product(PACKAGE)

    def test_product_uninstalled(self, installer):
        assert installer.is_product_installed(PACKAGE) is False

    def test_browserlayer_removed(self, browser_layers):
        assert IBrowserLayer not in browser_layers

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
    def test_role_removed(self, portal, role):
        assert role not in portal.valid_roles()

    @pytest.mark.parametrize(
        "group_id",
        ["organisationsbestyrelse", "afdelingsbestyrelser", "beboere", "medarbejdere"],
    )
    def test_group_removed(self, portal, group_id):
        assert api.group.get(groupname=group_id) is None

    def test_registry_records_removed(self, portal):
        registry = api.portal.get_tool("portal_registry")
        ours = [key for key in registry.records if key.startswith(PACKAGE)]
        assert ours == []

    def test_configlet_removed(self, controlpanel_actions):
        assert "opgavegrupper-settings" not in controlpanel_actions

    @pytest.mark.parametrize("index", ADDED_INDEXES)
    def test_catalog_index_removed(self, portal, index):
        assert index not in api.portal.get_tool("portal_catalog").indexes()

    @pytest.mark.parametrize("column", ADDED_COLUMNS)
    def test_catalog_metadata_removed(self, portal, column):
        assert column not in api.portal.get_tool("portal_catalog").schema()

    def test_plone_indexes_kept(self, portal):
        indexes = api.portal.get_tool("portal_catalog").indexes()
        assert {"start", "end", "review_state", "portal_type"} <= set(indexes)

    def test_jwt_plugin_as_plone_has_it(self, portal):
        plugin = portal.acl_users["jwt_auth"]
        assert plugin.store_tokens is False
        assert plugin._tokens is None

    def test_member_listing_as_plone_has_it(self, portal):
        roles = {
            setting["name"]
            for setting in portal.rolesOfPermission("List portal members")
            if setting["selected"]
        }
        assert roles == {"Manager", "Site Administrator", "Member"}

    def test_site_annotations_removed(self, portal):
        from zope.annotation.interfaces import IAnnotations

        ours = [key for key in IAnnotations(portal) if key.startswith(PACKAGE)]
        assert ours == []

    def test_reinstall_after_uninstall(self, installer, portal):
        installer.install_product(PACKAGE)
        assert installer.is_product_installed(PACKAGE) is True
        assert api.group.get(groupname="beboere") is not None
        assert "Resident" in portal.valid_roles()


@pytest.mark.parametrize(
    "portal_type",
    [
        "TaskGroupFolder",
        "TaskGroup",
        "Mandate",
        "Meeting",
        "Recommendation",
        "Application",
    ],
)
def test_type_removed(installer, portal, portal_type):
    installer.uninstall_product(PACKAGE)
    assert portal_type not in api.portal.get_tool("portal_types").objectIds()


def test_sharing_roles_removed(installer, portal):
    from plone.app.workflow.interfaces import ISharingPageRole
    from zope.component import queryUtility

    installer.uninstall_product(PACKAGE)
    assert queryUtility(ISharingPageRole, name="TaskGroupChair") is None
    assert queryUtility(ISharingPageRole, name="TaskGroupMember") is None


def test_uninstall_keeps_token_storage_the_site_had(installer, portal):
    installer.uninstall_product(PACKAGE)
    plugin = portal.acl_users["jwt_auth"]
    plugin.store_tokens = True  # the site's own choice, before the add-on
    installer.install_product(PACKAGE)
    installer.uninstall_product(PACKAGE)
    assert plugin.store_tokens is True
