"""Name the field behind a cross-field (invariant) error in REST responses.

plone.restapi reports a schema invariant as a bare message; a client that
highlights the wrong input needs the field too, as it gets for field errors.
"""

from plone.restapi.deserializer.dxcontent import DeserializeFromJson
from plone.restapi.interfaces import IDeserializeFromJson
from threeb.opgavegrupper.content.taskgroup import ITaskGroup
from threeb.opgavegrupper.interfaces import IBrowserLayer
from zExceptions import BadRequest
from zope.component import adapter
from zope.interface import implementer


@implementer(IDeserializeFromJson)
@adapter(ITaskGroup, IBrowserLayer)
class TaskGroupDeserializer(DeserializeFromJson):
    def __call__(
        self, validate_all=False, data=None, create=False, mask_validation_errors=True
    ):
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
