"""Limits of the add-on's fields, in one place for the schemas.

They bound what a form or a REST client can store: wide enough for any real
group, mandate or meeting, narrow enough that a client cannot fill the
database (a title of 10 MB, 10**20 seats). The REST field deserializers and
the forms both read them from the schemas.
"""

# One line: a title, a place, a name.
LINE_MAX_LENGTH = 200
# Plain text of a few paragraphs: deliverables, consequences, a decision.
TEXT_MAX_LENGTH = 5000
# Rich text, counted in characters of HTML.
RICHTEXT_MAX_LENGTH = 20000
# The minutes of a long meeting.
MINUTES_MAX_LENGTH = 50000
# Entries of a list: questions, attendees, milestones.
LIST_MAX_ITEMS = 100

SEATS_MAX = 1000
VOTES_MAX = 1000
BUDGET_MAX = 1_000_000_000  # DKK
