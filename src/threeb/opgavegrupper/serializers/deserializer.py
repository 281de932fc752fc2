"""Deserializing the add-on's types in REST: nothing dropped, every error named.

plone.restapi skips a field the caller may not write and answers 204 as if
it were stored, skips a name that is no field at all, and reports a schema
invariant as a bare message. On the add-on's types a client learns instead
which field it may not write (403), which name is no field here (400) and
which field an invariant is about (400), and nothing is stored. The values
of the fields are checked by the field deserializers in fields.py.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone.app.event.dx.behaviors import StartBeforeEnd
from plone.autoform.interfaces import WRITE_PERMISSIONS_KEY
from plone.dexterity.utils import iterSchemata
from plone.restapi.deserializer import json_body
from plone.restapi.deserializer.dxcontent import DeserializeFromJson
from plone.restapi.interfaces import IDeserializeFromJson
from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.serializer.converters import json_compatible
from plone.supermodel.utils import mergedTaggedValueDict
from Products.CMFCore.utils import getToolByName
from threeb.opgavegrupper import _
from threeb.opgavegrupper.content.application import IApplication
from threeb.opgavegrupper.content.mandate import IMandate
from threeb.opgavegrupper.content.meeting import IMeeting
from threeb.opgavegrupper.content.recommendation import IRecommendation
from threeb.opgavegrupper.content.taskgroup import ITaskGroup
from threeb.opgavegrupper.content.taskgroupfolder import ITaskGroupFolder
from threeb.opgavegrupper.interfaces import IBrowserLayer
from threeb.opgavegrupper.serializers.fields import IExportImportRequestMarker
from z3c.form.interfaces import IDataManager
from zExceptions import BadRequest
from zExceptions import Forbidden
from zope.component import adapter
from zope.component import queryMultiAdapter
from zope.container.interfaces import INameChooser
from zope.i18n import translate
from zope.interface import implementer
from zope.interface import Interface
from zope.interface import Invalid
from zope.schema import getFields

import json
import re


try:
    from plone.app.multilingual.interfaces import IPloneAppMultilingualInstalled
except ImportError:  # pragma: no cover -- not part of every Plone

    class IPloneAppMultilingualInstalled(Interface):
        pass


# Names plone.restapi's POST service reads itself, besides the fields.
CREATE_KEYS = {"@type", "id", "title", "UID"}
MULTILINGUAL_KEYS = {"translation_of", "language"}
# Names its content deserializer reads itself, besides the fields.
DESERIALIZER_KEYS = {"layout", "ordering", "sort"}
SORT_ORDERS = ("ascending", "descending", "reverse")
NO_SUCH_FIELD = _("There is no field of this name here.")
DESCRIPTION_IS_SUMMARY = _(
    'The description is the summary here: write it in "summary".'
)


def _same_json(first, second):
    """Equal as JSON: 0 is not false, "1" is not 1 (Python says 0 == False)."""
    return json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


class _Changed:
    """The object as an invariant sees it with some values changed."""

    def __init__(self, context, **changes):
        self.__context__ = context
        self._changes = changes

    def __getattr__(self, name):
        if name in self._changes:
            return self._changes[name]
        return getattr(self.__context__, name)


ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")


def id_problem(container, value, obj=None):
    """Why ``value`` cannot be the id of ``obj`` (a new one: None) in
    ``container``, or None.

    The shortname behavior renames through the folder's name chooser, which
    makes a taken or unusable id into another ("klar-tale-1", "a-b"): a PATCH
    answered 204 with an id that was not the one sent.
    """
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        return _(
            "An id is lowercase letters, digits and hyphens, starting with a "
            "letter or digit, at most 100 characters."
        )
    if value in container.objectIds():
        return _("The id ${id} is already in use here.", mapping={"id": value})
    try:
        INameChooser(container).checkName(value, obj)
    except (ValueError, KeyError, TypeError):
        return _("${id} cannot be used as an id here.", mapping={"id": value})
    return None


@implementer(IDeserializeFromJson)
class AddOnDeserializer(DeserializeFromJson):
    def __call__(
        self, validate_all=False, data=None, create=False, mask_validation_errors=True
    ):
        if data is None:
            data = json_body(self.request)
        if isinstance(data, dict) and not IExportImportRequestMarker.providedBy(
            self.request
        ):
            # plone.exportimport sends a whole exported item on purpose.
            self.refuse_unknown(data, create)
            self.refuse_bad_plone_keys(data)
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
                exception = error.get("error")
                field = getattr(exception, "field", None) or self.invariant_fields.get(
                    type(exception)
                )
                if field and not error.get("field"):
                    error["field"] = field
                if mask_validation_errors:
                    error["error"] = "ValidationError"
            raise BadRequest(errors) from None

    # Invariants of behaviors that do not say which field they are about.
    invariant_fields = {}

    def refuse_unknown(self, data, create):
        """Raise BadRequest naming every name in ``data`` that nothing reads."""
        fields = set()
        for schema in iterSchemata(self.context):
            fields.update(getFields(schema))
        known = fields | DESERIALIZER_KEYS | {"@type"}
        if create:
            known |= CREATE_KEYS
            if IPloneAppMultilingualInstalled.providedBy(self.request):
                known |= MULTILINGUAL_KEYS
        errors = []
        for name in data:
            if name in known:
                continue
            if name == "description" and "summary" in fields:
                message = DESCRIPTION_IS_SUMMARY
            else:
                message = NO_SUCH_FIELD
            errors.append({"field": name, "message": message})
        if not create and data.get("@type", self.context.portal_type) != (
            self.context.portal_type
        ):
            errors.append(
                {"field": "@type", "message": _("The type of an item cannot change.")}
            )
        if errors:
            raise BadRequest(self._translated(errors))

    def refuse_bad_plone_keys(self, data):
        """Check the names plone.restapi reads itself before it uses them."""
        errors = []
        if (
            "id" in data
            and data["id"] is not None
            and data["id"] != self.context.getId()
        ):
            # POST checks it at the door (ids.py), before the object exists.
            container = aq_parent(aq_inner(self.context))
            problem = id_problem(container, data["id"], self.context)
            if problem is not None:
                errors.append({"field": "id", "message": problem})
        if "layout" in data:
            layouts = [
                view_id for view_id, _title in self.context.getAvailableLayouts()
            ]
            if data["layout"] not in layouts:
                errors.append(
                    {
                        "field": "layout",
                        "message": _(
                            "Not a view of this item; it has: ${layouts}.",
                            mapping={"layouts": ", ".join(layouts)},
                        ),
                    }
                )
        if "ordering" in data and not self._good_ordering(data["ordering"]):
            errors.append(
                {
                    "field": "ordering",
                    "message": _(
                        'Must be an object with "obj_id" (an item in here), '
                        '"delta" (a whole number, "top" or "bottom") and '
                        'optionally "subset_ids" (a list of items in here).'
                    ),
                }
            )
        if "sort" in data and not self._good_sort(data["sort"]):
            errors.append(
                {
                    "field": "sort",
                    "message": _(
                        'Must be an object with "on" (an index to sort on) '
                        'and "order" ("ascending" or "descending").'
                    ),
                }
            )
        if errors:
            raise BadRequest(self._translated(errors))

    def _good_ordering(self, ordering):
        if not isinstance(ordering, dict) or set(ordering) - {
            "obj_id",
            "delta",
            "subset_ids",
        }:
            return False
        ids = set(getattr(self.context, "objectIds", lambda: ())())
        delta = ordering.get("delta")
        subset_ids = ordering.get("subset_ids") or []
        return (
            ordering.get("obj_id") in ids
            and (
                delta in ("top", "bottom")
                or (isinstance(delta, int) and not isinstance(delta, bool))
            )
            and isinstance(subset_ids, list)
            and all(isinstance(i, str) and i in ids for i in subset_ids)
        )

    def _good_sort(self, sort):
        if not isinstance(sort, dict) or set(sort) - {"on", "order"}:
            return False
        catalog = getToolByName(self.context, "portal_catalog")
        index = (
            catalog.Indexes.get(sort.get("on"))
            if isinstance(sort.get("on"), str)
            else None
        )
        return (
            index is not None
            and hasattr(index, "documentToKeyMap")
            and sort.get("order", "ascending") in SORT_ORDERS
            and hasattr(self.context, "getOrdering")
        )

    def _translated(self, errors):
        for error in errors:
            error["message"] = translate(error["message"], context=self.request)
        return errors

    def _unchanged(self, field, dm, value):
        """Whether ``value`` is the field's current value, as GET shows it or
        as a client would write it (a vocabulary's token, for example).

        A client that sends back what it read (an edit form built from GET)
        changes nothing by it and is not refused for it.
        """
        if dm is None:
            return False
        try:
            current = dm.get()
            if _same_json(json_compatible(current), value):
                return True
            serializer = queryMultiAdapter(
                (field, self.context, self.request), IFieldSerializer
            )
            return serializer is not None and _same_json(serializer(), value)
        except Exception:  # noqa: BLE001 - a value we cannot compare is a change
            return False

    def refuse_unwritable(self, data):
        """Raise Forbidden naming every field in ``data`` the caller may not
        change (one it sends back unchanged is let through, unwritten)."""
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
                ) and not self._unchanged(field, dm, data[name]):
                    refused.append(name)
        if refused:
            message = translate(
                _("You may not change this field."), context=self.request
            )
            raise Forbidden([{"field": name, "message": message} for name in refused])


@adapter(ITaskGroup, IBrowserLayer)
class TaskGroupDeserializer(AddOnDeserializer):
    def refuse_unwritable(self, data):
        super().refuse_unwritable(data)
        # The behaviours' fields have no write permission of their own: on a
        # group they are set-up, which Plone's Editor may not change.
        from threeb.opgavegrupper.content.taskgroup import setup_fields_refused

        changed = []
        for schema in iterSchemata(self.context):
            for name, field in getFields(schema).items():
                if name not in data or name in changed:
                    continue
                dm = queryMultiAdapter((self.context, field), IDataManager)
                if not self._unchanged(field, dm, data[name]):
                    changed.append(name)
        if "id" in data and data["id"] != self.context.getId():
            changed.append("id")
        refused = setup_fields_refused(self.context, changed)
        if refused:
            message = translate(
                _("You may not change this field."), context=self.request
            )
            raise Forbidden([{"field": name, "message": message} for name in refused])


@adapter(IApplication, IBrowserLayer)
class ApplicationDeserializer(AddOnDeserializer):
    def refuse_unwritable(self, data):
        super().refuse_unwritable(data)
        # plone.restapi writes the fields before it checks the invariants, so
        # the schema's seat_allowed would compare the new seat with itself.
        constituency = data.get("constituency")
        field = IApplication["constituency"]
        dm = queryMultiAdapter((self.context, field), IDataManager)
        if constituency is None or self._unchanged(field, dm, constituency):
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
    # plone.app.event's "End date must be after start date."
    invariant_fields = {StartBeforeEnd: "end"}


@adapter(IRecommendation, IBrowserLayer)
class RecommendationDeserializer(AddOnDeserializer):
    pass


@adapter(ITaskGroupFolder, IBrowserLayer)
class TaskGroupFolderDeserializer(AddOnDeserializer):
    pass
