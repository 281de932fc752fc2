"""POST @copy and @move: plone.restapi's, but an application stays put.

The content class refuses to copy an application or move it out of its
group whatever the road; plone.restapi would answer that refusal (or, for
staff, the permission check that comes before it) with a 500. Checked here
first, it is a 400 naming ``source`` that says why, and nothing is changed.
"""

from OFS.CopySupport import CopyError
from plone.restapi.deserializer import json_body
from plone.restapi.services.copymove.copymove import Copy as BaseCopy
from plone.restapi.services.copymove.copymove import Move as BaseMove
from threeb.opgavegrupper.participation import placement
from zExceptions import BadRequest
from zope.i18n import translate
from zope.security import checkPermission


class CheckedCopyMove:
    op = placement.COPY

    def reply(self):
        if not checkPermission("cmf.AddPortalContent", self.context):
            return super().reply()  # plone.restapi's 401 or 403
        data = json_body(self.request)
        source = data.get("source") if isinstance(data, dict) else None
        if source:
            items = source if isinstance(source, list) else [source]
            objects = [
                obj
                for obj in (
                    self.get_object(item) for item in items if isinstance(item, str)
                )
                if obj is not None
            ]
            if placement.refused(self.context, objects, self.op):
                # An exception, not an answer: nothing of the request is kept.
                message = translate(placement.STAYS, context=self.request)
                raise BadRequest([{"field": "source", "message": message}])
        try:
            return super().reply()
        except CopyError as error:
            # The content class's refusal, wrapped by Zope as "Move Error".
            stays = error.__context__
            if not isinstance(stays, placement.ApplicationStays):
                raise
            message = translate(stays.message, context=self.request)
            raise BadRequest([{"field": "source", "message": message}]) from error


class Copy(CheckedCopyMove, BaseCopy):
    op = placement.COPY


class Move(CheckedCopyMove, BaseMove):
    op = placement.MOVE
