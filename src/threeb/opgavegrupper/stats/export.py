"""The figures as CSV: one row per number, so a spreadsheet can chart any of them.

Two dialects:

- ``excel`` (the default download): for a person who double-clicks the
  file in Danish Excel. UTF-8 with a byte-order mark (without it Excel reads
  "Nøjsomhed" as "NÃ¸jsomhed"), ``;`` between cells (Danish Excel's list
  separator), CRLF line ends, headings, figures and keys in the request's
  language, numbers with a decimal comma and whole numbers without ".0".
- ``machine``: for programs. The English keys of GET @participation's JSON,
  ``,`` between cells, no byte-order mark, numbers as Python writes them.

In both, text that starts like a formula is prefixed with an apostrophe,
so a department called "=HYPERLINK(...)" stays text (OWASP CSV injection).
"""

from threeb.opgavegrupper import _
from threeb.opgavegrupper.browser.insight import labels
from threeb.opgavegrupper.numbers import split

import csv
import io


DIALECTS = ("excel", "machine")
DEFAULT_DIALECT = "excel"

HEADER = ("figure", "key", "value")
EXCEL_HEADER = (_("Figure"), _("Breakdown"), _("Value"))

# Characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

FIGURE_TITLES = {
    "groups_by_state": _("Groups by state"),
    "participants_total": _("Participants in all"),
    "participants_by_constituency": _("Participants by seat"),
    "participants_by_department": _("Participants by department"),
    "first_time_participants_per_year": _("First-time participants per year"),
    "applications_per_month": _("Applications per month"),
    "days_from_start.to_first_recommendation": _(
        "Days from the group's start to the first recommendation"
    ),
    "days_from_start.to_decision": _(
        "Days from the group's start to the board's decision"
    ),
    "decisions": _("The board's decisions"),
    "implementation": _("Implementation of adopted recommendations"),
    "implementation.status": _("Implementation of adopted recommendations"),
}

SUMMARY_KEYS = {
    "median": _("Median"),
    "mean": _("Mean"),
    "count": _("Number of groups"),
}

IMPLEMENTATION_KEYS = {
    "count": _("Adopted recommendations"),
    "average_progress": _("Average progress (%)"),
}


def rows(data):
    """(figure, key, value) for every number; nested figures get dotted names."""
    for figure, value in data.items():
        if isinstance(value, dict):
            yield from _nested(figure, value)
        else:
            yield (figure, "", value)


def _nested(figure, values):
    for key, value in values.items():
        if isinstance(value, dict):
            yield from _nested(f"{figure}.{key}", value)
        else:
            yield (figure, key, "" if value is None else value)


def safe(cell):
    """``cell`` as a spreadsheet keeps it as text: formulas get an apostrophe."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return f"'{cell}"
    return cell


def to_csv(data):
    """The figures as machine-readable CSV text, with a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows([safe(cell) for cell in row] for row in rows(data))
    return out.getvalue()


def excel_number(value):
    """A number as Danish Excel reads it: "240", "240,5"; None → ""."""
    if value is None or value == "":
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    whole, fraction = split(value)
    # Danish Excel's decimal symbol, whatever the page's language.
    return f"{whole},{fraction}" if fraction else whole


def _key_title(request, figure, key):
    """The key of one row in words; unknown keys are written as they are."""
    if figure == "groups_by_state":
        return labels.state_title(request, key, "TaskGroup")
    if figure == "participants_by_constituency":
        return labels.constituency_title(request, key)
    if figure == "participants_by_department":
        # Any other key is a department's name, typed by a person.
        return labels.tr(request, labels.OTHER[key]) if key in labels.OTHER else key
    if figure == "applications_per_month":
        return labels.month_of(request, key)
    if figure == "decisions":
        return labels.state_title(request, key, "Recommendation")
    if figure == "implementation.status":
        return labels.implementation_title(request, key)
    if figure.startswith("days_from_start.") and key in SUMMARY_KEYS:
        return labels.tr(request, SUMMARY_KEYS[key])
    if figure == "implementation" and key in IMPLEMENTATION_KEYS:
        return labels.tr(request, IMPLEMENTATION_KEYS[key])
    return key


def excel_rows(request, data):
    """The rows of the excel dialect: titles and values for people."""
    for figure, key, value in rows(data):
        title = FIGURE_TITLES.get(figure)
        # Only the words are guarded: a negative number stays a number.
        yield (
            safe(labels.tr(request, title) if title is not None else figure),
            safe(_key_title(request, figure, key) if key else ""),
            excel_number(value),
        )


def to_excel_csv(request, data):
    """The figures as text for Danish Excel (the byte-order mark is added
    when the text is encoded, see ``encode``)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([labels.tr(request, heading) for heading in EXCEL_HEADER])
    writer.writerows(excel_rows(request, data))
    return out.getvalue()


def encode(request, data, dialect=DEFAULT_DIALECT):
    """The CSV file's bytes in ``dialect`` (one of DIALECTS)."""
    if dialect == "machine":
        return to_csv(data).encode("utf-8")
    if dialect == "excel":
        # "utf-8-sig" writes the byte-order mark Excel needs to read UTF-8.
        return to_excel_csv(request, data).encode("utf-8-sig")
    raise ValueError(f"unknown CSV dialect {dialect!r}; valid: {', '.join(DIALECTS)}")


def csv_response(request, data, filename="participation.csv", dialect=DEFAULT_DIALECT):
    """Set the headers of a CSV download on the response; returns the body."""
    body = encode(request, data, dialect)
    response = request.response
    response.setHeader("Content-Type", "text/csv; charset=utf-8")
    response.setHeader("Content-Disposition", f'attachment; filename="{filename}"')
    return body
