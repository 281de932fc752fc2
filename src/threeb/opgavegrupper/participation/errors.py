"""Why a participation rule says no, in words the person can act on."""

from zope.globalrequest import getRequest
from zope.i18n import translate


class ParticipationError(Exception):
    """A rule refuses what someone asked for; nothing was changed.

    ``status`` is the HTTP status a REST client gets (400 bad input, 403 not
    allowed, 409 conflicts with the group's state, e.g. a full constituency);
    ``field`` names the input that was wrong, if one was.
    """

    status = 400

    def __init__(self, message, field=None, status=None):
        super().__init__(message)
        self.message = message
        self.field = field
        if status is not None:
            self.status = status

    def __str__(self):
        return translate(self.message, context=getRequest())


class AlreadyApplied(ParticipationError):
    status = 409


class SeatsFull(ParticipationError):
    status = 409


class NotOpen(ParticipationError):
    status = 409
