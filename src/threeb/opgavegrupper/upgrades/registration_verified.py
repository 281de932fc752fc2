"""Registrations record when the e-mail address was verified."""

from threeb.opgavegrupper.registration import setup


def upgrade_registration_verified(context):
    """Add the member property ``email_verified_on``.

    People who registered before and still wait have no date: staff see
    them as not verified until they set a password through the mailed link
    (they can ask for a new link on the login form).
    """
    setup.add_date_property()
