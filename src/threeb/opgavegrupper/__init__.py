"""Task groups (opgavegrupper) for housing associations."""

from zope.i18nmessageid import MessageFactory

import logging


PACKAGE_NAME = "threeb.opgavegrupper"

_ = MessageFactory(PACKAGE_NAME)

logger = logging.getLogger(PACKAGE_NAME)
