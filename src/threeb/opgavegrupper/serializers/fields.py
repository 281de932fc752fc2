"""REST field deserializers of the add-on's types: JSON type, limits and
vocabulary are checked before a value is used.

plone.restapi's own deserializers coerce (``"yes"`` is false, ``"3"`` is 3,
``true`` is 1, a lone value becomes a list) or fail on a value of the wrong
JSON type (a list for a choice, a number for rich text, a text for a table):
a 500. These take only the JSON type a field holds and answer anything else
with a FieldValueError, a zope.schema ValidationError that plone.restapi's
content deserializer reports as a 400 naming the field. The limits are the
schemas' (content/limits.py); a field of a Plone behavior, which has none,
gets the add-on's limit for its kind.

They are registered for (field, IAddOnContent, IBrowserLayer), IAddOnContent
being a marker the add-on's classes get in configure.zcml: Plone's own content
keeps plone.restapi's deserializers. A content import by plone.exportimport,
which sends its own representation of files and dates, gets the deserializer
that would answer without the add-on.
"""

from binascii import Error as BinasciiError
from datetime import date
from datetime import datetime
from plone import api
from plone.app.textfield.interfaces import IRichText
from plone.namedfile.interfaces import INamedField
from plone.namedfile.interfaces import INamedImageField
from plone.restapi.deserializer.dxfields import DatetimeFieldDeserializer
from plone.restapi.deserializer.dxfields import NamedFieldDeserializer
from plone.restapi.deserializer.dxfields import RichTextFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from threeb.opgavegrupper import _
from threeb.opgavegrupper.content.limits import LINE_MAX_LENGTH
from threeb.opgavegrupper.content.limits import LIST_MAX_ITEMS
from threeb.opgavegrupper.content.limits import RICHTEXT_MAX_LENGTH
from threeb.opgavegrupper.content.limits import TEXT_MAX_LENGTH
from threeb.opgavegrupper.interfaces import IBrowserLayer
from zope.component import adapter
from zope.component import getMultiAdapter
from zope.component import getSiteManager
from zope.i18n import translate
from zope.interface import implementer
from zope.interface import Interface
from zope.interface import providedBy
from zope.schema import getFields
from zope.schema.interfaces import ConstraintNotSatisfied
from zope.schema.interfaces import IASCIILine
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IDatetime
from zope.schema.interfaces import IField
from zope.schema.interfaces import IInt
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine
from zope.schema.interfaces import IVocabularyTokenized
from zope.schema.interfaces import NotUnique
from zope.schema.interfaces import RequiredMissing
from zope.schema.interfaces import TooBig
from zope.schema.interfaces import TooLong
from zope.schema.interfaces import TooShort
from zope.schema.interfaces import TooSmall
from zope.schema.interfaces import ValidationError

import base64
import contextlib
import html
import re


try:
    from plone.exportimport.interfaces import IExportImportRequestMarker
except ImportError:  # pragma: no cover -- plone.exportimport is in Plone 6.1+

    class IExportImportRequestMarker(Interface):
        pass


try:
    from collective.z3cform.datagridfield.interfaces import IRow
except ImportError:  # pragma: no cover -- a dependency of the add-on

    class IRow(Interface):
        pass


class IAddOnContent(Interface):
    """Marker of the add-on's content classes (serializers/configure.zcml)."""


# Dates a group, a meeting or a decision can have; a year like 1 or 9999
# breaks time zone arithmetic and the catalog's date indexes.
FIRST_DATE = date(1900, 1, 1)
LAST_DATE = date(2999, 12, 31)

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
UTF8 = ("utf8", "utf-8")

MUST_BE_BOOLEAN = _("Must be true or false (a JSON boolean).")
MUST_BE_WHOLE_NUMBER = _("Must be a whole number.")
MUST_BE_TEXT = _("Must be text.")
MUST_BE_ONE_LINE = _("Must be one line of text.")
MUST_BE_LIST = _("Must be a list (a JSON array).")
NOT_A_CHOICE = _("Not one of the choices for this field.")
REQUIRED = _("This field is required.")
MUST_BE_DATE = _("Must be a date written as YYYY-MM-DD, for example 2026-03-01.")
MUST_BE_DATETIME = _(
    "Must be a date and time in ISO 8601, for example 2026-03-10T17:00:00+01:00."
)
RICH_TEXT = _(
    'Must be text, or an object with the text in "data" and optionally '
    '"content-type" and "encoding" ("utf8").'
)
FILE = _(
    'Must be an object with the file in "data", "encoding": "base64", '
    '"filename" and "content-type".'
)
NOT_VALID = _("Not a valid value for this field.")


class FieldValueError(ValidationError):
    """A value the field cannot take; ``doc()`` is the message to the client."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def doc(self):
        return self.message


def _limit(value):
    return value.isoformat() if isinstance(value, date) else value


def at_most_entries(maximum):
    """The message "At most 3 entries.", in the number's plural form."""
    return _(
        "At most ${max} entry.",
        msgid_plural="At most ${max} entries.",
        number=maximum,
        mapping={"max": maximum},
    )


def explain(field, error):
    """The add-on's message for ``error``, raised validating ``field``."""
    if isinstance(error, FieldValueError):
        return error.message
    if isinstance(error, RequiredMissing):
        return REQUIRED
    if isinstance(error, TooLong):
        if ICollection.providedBy(field):
            return at_most_entries(field.max_length)
        return _(
            "At most ${max} characters, please.", mapping={"max": field.max_length}
        )
    if isinstance(error, TooShort):
        if ICollection.providedBy(field):
            return _(
                "At least ${min} entry.",
                msgid_plural="At least ${min} entries.",
                number=field.min_length,
                mapping={"min": field.min_length},
            )
        return _("At least ${min} characters.", mapping={"min": field.min_length})
    if isinstance(error, TooBig):
        return _("At most ${max}.", mapping={"max": _limit(field.max)})
    if isinstance(error, TooSmall):
        return _("At least ${min}.", mapping={"min": _limit(field.min)})
    if isinstance(error, NotUnique):
        return _("Each value at most once.")
    if type(error) is ConstraintNotSatisfied:
        if IChoice.providedBy(field):
            return NOT_A_CHOICE
        if ITextLine.providedBy(field) or IASCIILine.providedBy(field):
            return MUST_BE_ONE_LINE
        return NOT_VALID
    if type(error).__module__.startswith("zope.schema"):
        # WrongType, InvalidValue, ...: zope.schema's words name Python types.
        return NOT_VALID
    # A constraint of the add-on's (a phone number, an e-mail address), or
    # a library's own error, with its own message.
    return error.doc()


def _without_addon(field, context, request):
    """The deserializer that would answer if the add-on registered none."""
    spec = providedBy(context) - IAddOnContent
    factory = getSiteManager().adapters.lookup(
        (providedBy(field), spec, providedBy(request)), IFieldDeserializer
    )
    return factory(field, context, request)


@implementer(IFieldDeserializer)
class FieldDeserializer:
    """Base: ``convert`` checks the JSON value, then the field its own rules."""

    def __new__(cls, field, context, request):
        if IExportImportRequestMarker.providedBy(request):
            return _without_addon(field, context, request)
        return super().__new__(cls)

    def __init__(self, field, context, request):
        self.field = field.bind(context) if IField.providedBy(field) else field
        self.context = context
        self.request = request

    def __call__(self, value):
        try:
            value = self.field.missing_value if value is None else self.convert(value)
            self.field.validate(value)
        except FieldValueError:
            raise
        except ValidationError as error:
            raise FieldValueError(explain(self.field, error)) from None
        return value

    def convert(self, value):
        """The field's value for the JSON ``value``, or FieldValueError."""
        return value

    def fail(self, message):
        raise FieldValueError(message)


@adapter(IBool, IAddOnContent, IBrowserLayer)
class BoolDeserializer(FieldDeserializer):
    def convert(self, value):
        if not isinstance(value, bool):
            self.fail(MUST_BE_BOOLEAN)
        return value


@adapter(IInt, IAddOnContent, IBrowserLayer)
class IntDeserializer(FieldDeserializer):
    def convert(self, value):
        # JSON true is a Python int; "3" is text.
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(MUST_BE_WHOLE_NUMBER)
        return value


@adapter(IText, IAddOnContent, IBrowserLayer)
class TextDeserializer(FieldDeserializer):
    """Text, TextLine and ASCIILine (ITextLine and IASCIILine extend IText)."""

    def convert(self, value):
        if not isinstance(value, str):
            self.fail(MUST_BE_TEXT)
        one_line = ITextLine.providedBy(self.field) or IASCIILine.providedBy(self.field)
        if one_line:
            # As plone.restapi and the forms: no blanks around a line.
            value = value.strip()
        if not value.strip():
            # As the forms: an empty text is no text (a required one is
            # missing).
            return self.field.missing_value
        default = LINE_MAX_LENGTH if one_line else TEXT_MAX_LENGTH
        maximum = self.field.max_length or default
        if len(value) > maximum:
            self.fail(_("At most ${max} characters, please.", mapping={"max": maximum}))
        return value


@adapter(ITextLine, IAddOnContent, IBrowserLayer)
class TextLineDeserializer(TextDeserializer):
    """Registered for ITextLine too: plone.restapi's is registered for it."""


@adapter(IChoice, IAddOnContent, IBrowserLayer)
class ChoiceDeserializer(FieldDeserializer):
    """A token or value of the vocabulary, as text (or {"token": ...})."""

    def convert(self, value):
        if isinstance(value, dict):
            if "token" not in value or set(value) - {"token", "title"}:
                self.fail(NOT_A_CHOICE)
            value = value["token"]
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            self.fail(NOT_A_CHOICE)
        vocabulary = self.field.vocabulary
        if isinstance(value, str) and IVocabularyTokenized.providedBy(vocabulary):
            with contextlib.suppress(LookupError):
                value = vocabulary.getTermByToken(value).value
        return value


@adapter(ICollection, IAddOnContent, IBrowserLayer)
class CollectionDeserializer(FieldDeserializer):
    """A JSON array; each entry by the deserializer of the entries' field."""

    def convert(self, value):
        if not isinstance(value, list):
            self.fail(MUST_BE_LIST)
        maximum = self.field.max_length or LIST_MAX_ITEMS
        if len(value) > maximum:
            self.fail(at_most_entries(maximum))
        value_type = self.field.value_type
        if not IField.providedBy(value_type):
            return self.field._type(value)
        deserializer = getMultiAdapter(
            (value_type, self.context, self.request), IFieldDeserializer
        )
        entries = []
        for number, entry in enumerate(value, 1):
            try:
                entries.append(deserializer(entry))
            except (ValidationError, ValueError) as error:
                message = (
                    explain(value_type, error)
                    if isinstance(error, ValidationError)
                    else str(error)
                )
                self.fail(
                    _(
                        "Entry ${number}: ${message}",
                        mapping={
                            "number": number,
                            "message": translate(message, context=self.request),
                        },
                    )
                )
        return self.field._type(entries)


@adapter(IRow, IAddOnContent, IBrowserLayer)
class RowDeserializer(FieldDeserializer):
    """A row of a table (datagrid): an object with the row's columns."""

    def convert(self, value):
        columns = getFields(self.field.schema)
        names = ", ".join(columns)
        if not isinstance(value, dict):
            self.fail(
                _(
                    "Must be an object with the columns ${columns}.",
                    mapping={"columns": names},
                )
            )
        unknown = sorted(set(value) - set(columns))
        if unknown:
            self.fail(
                _(
                    "No column ${name}; the columns are ${columns}.",
                    mapping={"name": unknown[0], "columns": names},
                )
            )
        row = {}
        for name, column in columns.items():
            column = column.bind(self.context)
            try:
                if value.get(name) is None:
                    row[name] = (
                        column.default if name not in value else column.missing_value
                    )
                    column.validate(row[name])
                else:
                    deserializer = getMultiAdapter(
                        (column, self.context, self.request), IFieldDeserializer
                    )
                    row[name] = deserializer(value[name])
            except ValidationError as error:
                message = translate(explain(column, error), context=self.request)
                self.fail(
                    _(
                        "Column ${column}: ${message}",
                        mapping={"column": name, "message": message},
                    )
                )
        return row


@adapter(IDate, IAddOnContent, IBrowserLayer)
class DateDeserializer(FieldDeserializer):
    def convert(self, value):
        if not isinstance(value, str) or not ISO_DATE.match(value):
            self.fail(MUST_BE_DATE)
        try:
            value = date.fromisoformat(value)
        except ValueError:
            self.fail(_("There is no such day: ${date}.", mapping={"date": value}))
        check_date_range(self, value)
        return value


def check_date_range(deserializer, day):
    """A date without limits of its own lies between FIRST_DATE and LAST_DATE."""
    field = deserializer.field
    if field.min is None and day < FIRST_DATE:
        deserializer.fail(
            _("At least ${min}.", mapping={"min": FIRST_DATE.isoformat()})
        )
    if field.max is None and day > LAST_DATE:
        deserializer.fail(_("At most ${max}.", mapping={"max": LAST_DATE.isoformat()}))


@adapter(IDatetime, IAddOnContent, IBrowserLayer)
class DatetimeDeserializer(FieldDeserializer):
    """ISO 8601 text; plone.restapi then matches the stored time zone."""

    def parse(self, value):
        """The datetime (naive or aware) the ISO 8601 text says, or fail."""
        if not isinstance(value, str):
            self.fail(MUST_BE_DATETIME)
        try:
            return datetime.fromisoformat(value.strip())
        except ValueError:
            self.fail(MUST_BE_DATETIME)

    def convert(self, value):
        parsed = self.parse(value)
        check_date_range(self, parsed.date())
        try:
            return DatetimeFieldDeserializer.__call__(self, value.strip())
        except (ValueError, OverflowError):
            self.fail(MUST_BE_DATETIME)


@adapter(IRichText, IAddOnContent, IBrowserLayer)
class RichTextDeserializer(FieldDeserializer):
    """Text (HTML), or {"data", "content-type", "encoding"} as GET gives it."""

    def convert(self, value):
        field = self.field
        content_type = field.default_mime_type
        if isinstance(value, str):
            data = value
        elif isinstance(value, dict):
            if set(value) - {"data", "content-type", "encoding"}:
                self.fail(RICH_TEXT)
            data = value.get("data", "")
            content_type = value.get("content-type", content_type)
            encoding = value.get("encoding", "utf8")
            if not isinstance(data, str) or not isinstance(content_type, str):
                self.fail(RICH_TEXT)
            if not isinstance(encoding, str) or encoding.lower() not in UTF8:
                self.fail(RICH_TEXT)
            if content_type not in self.allowed_types():
                self.fail(
                    _(
                        "Rich text can be of the types ${types}.",
                        mapping={"types": ", ".join(sorted(self.allowed_types()))},
                    )
                )
        else:
            self.fail(RICH_TEXT)
        if not data.strip():
            # As the forms: an empty text is no text.
            return field.missing_value
        # Checked here: RichText reports a text too long as a bare Invalid,
        # which plone.restapi does not catch.
        maximum = field.max_length or RICHTEXT_MAX_LENGTH
        if len(html.unescape(data)) > maximum:
            self.fail(_("At most ${max} characters, please.", mapping={"max": maximum}))
        plain = {"data": data, "content-type": content_type, "encoding": "utf8"}
        return RichTextFieldDeserializer.__call__(self, plain)

    def allowed_types(self):
        """What the field, or the site's markup settings, allow."""
        if self.field.allowed_mime_types:
            return set(self.field.allowed_mime_types)
        allowed = api.portal.get_registry_record("plone.allowed_types", default=())
        return {self.field.default_mime_type, "text/html", "text/plain", *allowed}


@adapter(INamedField, IAddOnContent, IBrowserLayer)
class NamedFileDeserializer(FieldDeserializer):
    """A file or image: {"data" (base64), "encoding", "filename", "content-type"}.

    The representation GET gives ({"download": ..., ...}, without data) keeps
    the stored file, as plone.restapi does.
    """

    def convert(self, value):
        if isinstance(value, dict) and "data" not in value and "download" in value:
            return getattr(self.context, self.field.__name__, None)
        if not isinstance(value, dict) or set(value) - {
            "data",
            "encoding",
            "filename",
            "content-type",
        }:
            self.fail(FILE)
        data = value.get("data")
        filename = value.get("filename")
        content_type = value.get("content-type", "application/octet-stream")
        if not isinstance(data, str) or value.get("encoding") != "base64":
            self.fail(FILE)
        if not isinstance(content_type, str) or not (
            filename is None or isinstance(filename, str)
        ):
            self.fail(FILE)
        if filename is not None and len(filename) > LINE_MAX_LENGTH:
            self.fail(FILE)
        try:
            base64.b64decode(data, validate=True)
        except (BinasciiError, ValueError):
            self.fail(_('The file\'s "data" is not valid base64.'))
        if not data:
            return self.field.missing_value
        try:
            stored = NamedFieldDeserializer.__call__(self, value)
        except ValidationError as error:
            self.fail(explain(self.field, error))
        except (ValueError, TypeError):
            self.fail(FILE)
        if INamedImageField.providedBy(self.field) and stored.getImageSize() == (
            -1,
            -1,
        ):
            # plone.namedfile only logs a warning and stores it.
            self.fail(_("Not an image the site can show (PNG, JPEG, GIF, ...)."))
        return stored
