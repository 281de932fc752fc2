from pathlib import Path
from plone import api

import re
import threeb.opgavegrupper


PROFILE = "threeb.opgavegrupper:default"


def metadata_version():
    metadata = (
        Path(threeb.opgavegrupper.__file__).parent
        / "profiles"
        / "default"
        / "metadata.xml"
    ).read_text()
    return re.search(r"<version>(\d+)</version>", metadata).group(1)


def test_profile_version_is_dated():
    assert re.fullmatch(r"20\d{6}\d{3}", metadata_version())


def test_installed_version_is_the_latest(setup_tool, profile_last_version):
    assert setup_tool.getLastVersionForProfile(PROFILE) == (metadata_version(),)
    assert profile_last_version(PROFILE) == metadata_version()


def test_no_pending_upgrades(setup_tool):
    assert setup_tool.listUpgrades(PROFILE) == []


def test_upgrades_view_lists_profile_as_current(portal):
    setup = api.portal.get_tool("portal_setup")
    profile_info = setup.getProfileInfo(PROFILE)
    assert profile_info["version"] == metadata_version()
