"""Task groups (opgavegrupper) for housing associations."""

from zope.i18nmessageid import MessageFactory

import logging


PACKAGE_NAME = "threeb.opgavegrupper"

_ = MessageFactory(PACKAGE_NAME)

logger = logging.getLogger(PACKAGE_NAME)


def initialize(context):
    """Zope's product initialisation: the index type GenericSetup's
    catalog.xml names (indexers/hashed.py)."""
    from threeb.opgavegrupper.indexers.hashed import HashedKeywordIndex
    from threeb.opgavegrupper.indexers.hashed import manage_addHashedKeywordIndex

    context.registerClass(
        HashedKeywordIndex,
        permission="Add Pluggable Index",
        constructors=(manage_addHashedKeywordIndex,),
        visibility=None,
    )
