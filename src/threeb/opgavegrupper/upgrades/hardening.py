"""Upgrade to 20261130001: the defences that install sets up on new sites.

JWT tokens stored so that logout revokes them, the followers index holding
keyed hashes instead of user ids, and people listed only to those who manage
groups (threeb.opgavegrupper.hardening.setup).
"""

from plone import api
from threeb.opgavegrupper.hardening import setup as hardening


def upgrade_hardening(context):
    hardening.install(api.portal.get())
