"""upgrade_rolemap: a permission new in rolemap.xml reaches an existing site."""

from threeb.opgavegrupper.upgrades.rolemap import upgrade_rolemap


PERMISSION = "threeb.opgavegrupper: Edit workflow record"


def roles_of(portal, permission):
    return {
        setting["name"]
        for setting in portal.rolesOfPermission(permission)
        if setting["selected"]
    }


def test_new_permission_settings_reach_an_old_site(portal):
    # As a site from before: Zope's default for a new permission (Manager).
    portal.manage_permission(PERMISSION, roles=["Manager"], acquire=True)
    upgrade_rolemap(None)
    assert roles_of(portal, PERMISSION) == set()
    assert not portal.acquiredRolesAreUsedBy(PERMISSION)
