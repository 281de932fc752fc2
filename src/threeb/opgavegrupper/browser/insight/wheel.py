"""The geometry of the årshjul: days of a year as angles on a wheel.

The year runs clockwise from the top (1 January) like a clock face. Each
group gets its own ring (lane), so overlapping groups never hide each other.
"""

from datetime import date

import math


SIZE = 600
CENTRE = SIZE / 2
MONTH_OUTER = 290
MONTH_INNER = 250
LANES_OUTER = 240
LANES_INNER = 60
MAX_LANE_WIDTH = 18

# Colour and dash pattern per state: the pattern and the legend's words
# carry the state too, for those who do not tell the colours apart.
STATE_STYLE = {
    "draft": ("#6c757d", "3 3"),
    "recruiting": ("#1a7f37", "none"),
    "active": ("#0b5394", "14 4"),
    "concluded": ("#5a3e99", "2 4"),
    "cancelled": ("#a4262c", "1 8"),
}


def days_in(year):
    return (date(year + 1, 1, 1) - date(year, 1, 1)).days


def angle(day, year):
    """The angle (radians, 0 at the top, clockwise) of a day in the year."""
    fraction = (day - date(year, 1, 1)).days / days_in(year)
    return 2 * math.pi * fraction - math.pi / 2


def point(radius, theta):
    return (
        round(CENTRE + radius * math.cos(theta), 2),
        round(CENTRE + radius * math.sin(theta), 2),
    )


def arc_path(radius, start, end, year):
    """An SVG path along the circle from start to end (both in the year)."""
    a1 = angle(start, year)
    # The end day counts in full; a whole year stops just short of closing,
    # which one SVG arc cannot draw.
    a2 = min(angle(end, year) + 2 * math.pi / days_in(year), a1 + 2 * math.pi - 0.01)
    x1, y1 = point(radius, a1)
    x2, y2 = point(radius, a2)
    large = 1 if a2 - a1 > math.pi else 0
    return f"M {x1} {y1} A {radius} {radius} 0 {large} 1 {x2} {y2}"


def sector_path(month, year):
    """The ring sector of a month, between MONTH_INNER and MONTH_OUTER."""
    first = date(year, month, 1)
    after = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    a1, a2 = angle(first, year), angle(after, year)
    if month == 12:
        a2 = 1.5 * math.pi
    o1, o2 = point(MONTH_OUTER, a1), point(MONTH_OUTER, a2)
    i1, i2 = point(MONTH_INNER, a2), point(MONTH_INNER, a1)
    return (
        f"M {o1[0]} {o1[1]} A {MONTH_OUTER} {MONTH_OUTER} 0 0 1 {o2[0]} {o2[1]} "
        f"L {i1[0]} {i1[1]} A {MONTH_INNER} {MONTH_INNER} 0 0 0 {i2[0]} {i2[1]} Z"
    )


def month_label_point(month, year):
    first = date(year, month, 1)
    middle = angle(first, year) + math.pi / 12
    return point((MONTH_OUTER + MONTH_INNER) / 2, middle)


def lane_radii(count):
    """The radius and stroke width of each lane, outermost first."""
    if not count:
        return [], MAX_LANE_WIDTH
    width = min(MAX_LANE_WIDTH, (LANES_OUTER - LANES_INNER) / count)
    return [LANES_OUTER - width * (i + 0.5) for i in range(count)], width * 0.8


def clip(day, year):
    """The day, moved into the year if it lies before or after it."""
    return min(max(day, date(year, 1, 1)), date(year, 12, 31))
