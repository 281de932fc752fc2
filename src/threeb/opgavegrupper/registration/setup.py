"""What install, uninstall and the upgrade do for registration.

The add-on's member fields (``userschema.xml`` beside this module) are
merged into the site's own member fields, the schema Plone's registration
form, personal-information form and ``@users`` use: an association that
added fields of its own keeps them (plone.app.users' ``userschema.xml``
import step would replace them all). Each function may run again.
"""

from pathlib import Path
from plone import api
from plone.app.users.browser import schemaeditor
from plone.app.users.schema import SCHEMATA_KEY
from plone.supermodel.model import finalizeSchemas
from plone.supermodel.model import SchemaClass
from threeb.opgavegrupper import logger

import copy


FIELDS_FILE = Path(__file__).parent / "userschema.xml"
# The group of people who registered and wait for staff. It carries no role:
# until staff approve, the person is only logged in.
PENDING_GROUP = "tilmeldte"
PENDING_TITLE = "Afventer godkendelse"
# When the person accepted the privacy notice (ISO 8601, UTC): a member
# property that is no field of any form, written by the add-on alone.
ACCEPTED_ON = "privacy_accepted_on"
# When the person first set a password while waiting (ISO 8601, UTC): the
# link to do so went to the e-mail address, so the address is theirs.
# Written by the add-on alone, as ACCEPTED_ON.
VERIFIED_ON = "email_verified_on"
PROFILE_ID = "profile-threeb.opgavegrupper:default"
UNINSTALL_PROFILE_ID = "profile-threeb.opgavegrupper:uninstall"


def our_fields():
    """The add-on's member fields, as a schema."""
    return schemaeditor.load_ttw_schema(FIELDS_FILE.read_text(encoding="utf-8"))


def field_names():
    return list(our_fields())


def _apply(fields):
    schema = SchemaClass(SCHEMATA_KEY, attrs=fields)
    finalizeSchemas(schema)
    schemaeditor.applySchema(schemaeditor.serialize_ttw_schema(schema))


def _site_fields():
    current = schemaeditor.get_ttw_edited_schema()
    if not current:
        return {}
    return {name: copy.deepcopy(current[name]) for name in current}


def merge_fields():
    """Add the fields the site lacks; returns their names."""
    fields = _site_fields()
    ours = our_fields()
    added = [name for name in ours if name not in fields]
    if added:
        for name in added:
            fields[name] = copy.deepcopy(ours[name])
        _apply(fields)
    return added


def remove_fields():
    """Take the add-on's fields out of the forms; the site's own stay."""
    fields = _site_fields()
    ours = set(field_names())
    if not ours & set(fields):
        return
    _apply({name: field for name, field in fields.items() if name not in ours})


def add_date_property():
    memberdata = api.portal.get_tool("portal_memberdata")
    for name in (ACCEPTED_ON, VERIFIED_ON):
        if not memberdata.hasProperty(name):
            memberdata._setProperty(name, "", "string")


def create_pending_group():
    if api.group.get(groupname=PENDING_GROUP) is None:
        api.group.create(groupname=PENDING_GROUP, title=PENDING_TITLE, roles=[])


def install(portal=None):
    added = merge_fields()
    add_date_property()
    create_pending_group()
    if added:
        logger.info("Registration: added member fields %s", ", ".join(added))


def uninstall(portal=None):
    """The forms lose the fields and the pending group goes.

    Values people entered stay in their member data until their accounts
    are deleted, as with any member field removed in Plone.
    """
    remove_fields()
    if api.group.get(groupname=PENDING_GROUP) is not None:
        api.group.delete(groupname=PENDING_GROUP)


def profile_imported(event):
    """IProfileImportedEvent: our default profile installs, uninstall undoes."""
    if not event.full_import:
        return
    if event.profile_id == PROFILE_ID:
        install()
    elif event.profile_id == UNINSTALL_PROFILE_ID:
        uninstall()
