"""Residents register themselves: the member fields and the pending group."""

from threeb.opgavegrupper.registration import setup


def upgrade_registration(context):
    """Merge the resident's member fields into the site's own, add the
    member property for the date the privacy notice was accepted, and make
    the group ``tilmeldte`` of people waiting for staff.

    Self-registration itself stays as the site has it: the association
    decides (Site setup > Security).
    """
    setup.install()
