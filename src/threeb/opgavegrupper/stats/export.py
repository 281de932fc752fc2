"""The figures as CSV: one row per number, so a spreadsheet can chart any of them."""

import csv
import io


HEADER = ("figure", "key", "value")


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


def to_csv(data):
    """The figures as CSV text, with a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows(data))
    return out.getvalue()


def csv_response(request, data, filename="participation.csv"):
    """Set the headers of a CSV download on the response; returns the body."""
    response = request.response
    response.setHeader("Content-Type", "text/csv; charset=utf-8")
    response.setHeader("Content-Disposition", f'attachment; filename="{filename}"')
    return to_csv(data).encode("utf-8")
