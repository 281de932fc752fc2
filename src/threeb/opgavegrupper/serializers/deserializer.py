"""Deserializing the add-on's types in REST: nothing dropped, every error named.

plone.restapi skips a field the caller may not write and answers 204 as if
it were stored, and reports a schema invariant as a bare message. On the
add-on's types a client learns instead which field it may not write (403)
and which field an invariant is about (400), and nothing is stored.
"""

from plone.autoform.interfaces import WRITE_PERMISSIONS_KEY
from plone.dexterity.utils import iterSchemata
from plone.restapi.deserializer import json_body
from plone.restapi.deserializer.dxcontent import DeserializeFromJson
from plone.restapi.interfaces import IDeserializeFromJson
from plone.supermodel.utils import mergedTaggedValueDict
from threeb.opgavegrupper import _
from threeb.opgavegrupper.content.application import IApplication
from threeb.opgavegrupper.content.mandate import IMandate
from threeb.opgavegrupper.content.meeting import IMeeting
from threeb.opgavegrupper.content.recommendation import IRecommendation
from threeb.opgavegrupper.content.taskgroup import ITaskGroup
from threeb.opgavegrupper.content.taskgroupfolder import ITaskGroupFolder
from threeb.opgavegrupper.interfaces import IBrowserLayer
from z3c.form.interfaces import IDataManager
from zExceptions import BadRequest
from zExceptions import Forbidden
from zope.component import adapter
from zope.component import queryMultiAdapter
from zope.i18n import translate
from zope.interface import implementer
from zope.interface import Invalid
from zope.schema import getFields


class _Changed:
    """The object as an invariant sees it with some values changed."""

    def __init__(self, context, **changes):
        self.__context__ = context
        self._changes = changes

    def __getattr__(self, name):
        if name in self._changes:
            return self._changes[name]
        return getattr(self.__context__, name)


@implementer(IDeserializeFromJson)
class AddOnDeserializer(DeserializeFromJson):
    def __call__(
        self, validate_all=False, data=None, create=False, mask_validation_errors=True
    ):
        if data is None:
            data = json_body(self.request)
        if isinstance(data, dict):
            self.refuse_unwritable(data)
        try:
            return super().__call__(
                validate_all=validate_all,
                data=data,
                create=create,
                mask_validation_errors=False,
            )
        except BadRequest as exc:
            errors = exc.args[0] if exc.args else None
            if not isinstance(errors, list):
                raise
            for error in errors:
                if not isinstance(error, dict):
                    continue
                field = getattr(error.get("error"), "field", None)
                if field and not error.get("field"):
                    error["field"] = field
                if mask_validation_errors:
                    error["error"] = "ValidationError"
            raise BadRequest(errors) from None

    def refuse_unwritable(self, data):
        """Raise Forbidden naming every field in ``data`` the caller may not write."""
        refused = []
        for schema in iterSchemata(self.context):
            permissions = mergedTaggedValueDict(schema, WRITE_PERMISSIONS_KEY)
            for name, field in getFields(schema).items():
                if name not in data or name in refused:
                    continue
                dm = queryMultiAdapter((self.context, field), IDataManager)
                if (
                    field.readonly
                    or (dm is not None and not dm.canWrite())
                    or not self.check_permission(permissions.get(name))
                ):
                    refused.append(name)
        if refused:
            message = translate(
                _("You may not change this field."), context=self.request
            )
            raise Forbidden([{"field": name, "message": message} for name in refused])


@adapter(ITaskGroup, IBrowserLayer)
class TaskGroupDeserializer(AddOnDeserializer):
    pass


@adapter(IApplication, IBrowserLayer)
class ApplicationDeserializer(AddOnDeserializer):
    def refuse_unwritable(self, data):
        super().refuse_unwritable(data)
        # plone.restapi writes the fields before it checks the invariants, so
        # the schema's seat_allowed would compare the new seat with itself.
        constituency = data.get("constituency")
        if constituency is None or constituency == self.context.constituency:
            return
        try:
            IApplication.validateInvariants(
                _Changed(self.context, constituency=constituency)
            )
        except Invalid as error:
            raise BadRequest(
                [
                    {
                        "field": "constituency",
                        "message": translate(error.args[0], context=self.request),
                    }
                ]
            ) from None


@adapter(IMandate, IBrowserLayer)
class MandateDeserializer(AddOnDeserializer):
    pass


@adapter(IMeeting, IBrowserLayer)
class MeetingDeserializer(AddOnDeserializer):
    pass


@adapter(IRecommendation, IBrowserLayer)
class RecommendationDeserializer(AddOnDeserializer):
    pass


@adapter(ITaskGroupFolder, IBrowserLayer)
class TaskGroupFolderDeserializer(AddOnDeserializer):
    pass
