"""Horizontal bar charts as data for a page template to draw as SVG.

Geometry is worked out here so the template only places rectangles and
text; the numbers stay in the SVG as text, and the same rows fill the table
that is the chart's text alternative.
"""

LABEL_WIDTH = 200
BAR_WIDTH = 300
ROW_HEIGHT = 28
BAR_HEIGHT = 18


def bar_chart(chart_id, title, rows, unit=""):
    """rows: (label, value) pairs; returns what charts.pt needs."""
    highest = max((value for _label, value in rows if value), default=0)
    drawn = []
    for index, (label, value) in enumerate(rows):
        number = value or 0
        width = round(BAR_WIDTH * number / highest) if highest else 0
        drawn.append(
            {
                "label": label,
                "value": value,
                "text": "–" if value is None else f"{_format(number)}{unit}",
                "y": index * ROW_HEIGHT,
                "text_y": index * ROW_HEIGHT + BAR_HEIGHT - 4,
                # A zero still shows a sliver, so "none" reads as a bar too.
                "width": max(width, 2),
                "value_x": LABEL_WIDTH + max(width, 2) + 6,
            }
        )
    return {
        "id": chart_id,
        "title": title,
        "rows": drawn,
        "label_width": LABEL_WIDTH,
        "label_x": LABEL_WIDTH - 8,
        "width": LABEL_WIDTH + BAR_WIDTH + 80,
        "height": max(len(drawn), 1) * ROW_HEIGHT,
        "bar_height": BAR_HEIGHT,
    }


def _format(number):
    if isinstance(number, float) and not number.is_integer():
        return f"{number:.1f}".replace(".", ",")
    return str(int(number))
