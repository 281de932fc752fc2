"""POST @workflow on the add-on's types: plone.restapi's, stricter.

plone.restapi hands ``effective`` and ``expires`` to the content
deserializer, which skips them on types without the publication behavior
(all of the add-on's): an impossible date such as "2027-02-30" was answered
with a 200 and dropped, and so was a valid one. Here the dates are checked
before anything runs (a 400 naming the field) and then set; a ``comment``
or ``include_children`` of the wrong JSON type is refused the same way. A
refused transition changes nothing, the dates included.

On an application, plone.restapi answers every refused transition with a
400, and a transition to the state the object is in already with a 200, as
if it had just been done. Two conflicts are no bad input, and the add-on's
endpoints answer conflicts with a 409:

- accepting into a full constituency (a conflict with the group's seats);
- deciding on an application someone else has just decided on: the
  transition exists, but not from the state the application is in now. Two
  staff pressing "accept" at the same moment both write the application, so
  ZODB makes one of them conflict; Zope retries it, and the retry lands here.
"""

from DateTime import DateTime
from datetime import datetime
from DateTime.interfaces import DateTimeError
from plone.restapi.deserializer import json_body
from plone.restapi.services.workflow.transition import WorkflowTransition
from Products.CMFCore.permissions import ModifyPortalContent
from Products.CMFCore.utils import _checkPermission
from Products.CMFCore.WorkflowCore import WorkflowException
from threeb.opgavegrupper import _
from threeb.opgavegrupper.participation import seats
from threeb.opgavegrupper.participation.applications import group_of
from zExceptions import BadRequest
from zExceptions import Forbidden
from zope.i18n import translate
from zope.i18nmessageid import Message

import transaction


DATE_FIELDS = ("effective", "expires")
# What plone.restapi's @workflow reads; a misspelt "coment" was dropped.
BODY_KEYS = ("comment", "include_children", "effective", "expires")
# The catalog's date indexes hold minutes in a bounded integer.
MIN_YEAR = 1900
MAX_YEAR = 2999


def _refuse(request, field, message, error=BadRequest):
    raise error([{"field": field, "message": translate(message, context=request)}])


def parse_date(value):
    """A DateTime for an ISO 8601 date or date and time, or None if impossible."""
    if not isinstance(value, str):
        return None
    try:
        # fromisoformat knows the calendar: "2027-02-30" is a ValueError.
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        if not MIN_YEAR <= parsed.year <= MAX_YEAR:
            return None
        if parsed.tzinfo is not None:
            # Stored in UTC: 2999-12-31T23:59-12:00 is the year 3000 there.
            utc = parsed - parsed.utcoffset()
            if not MIN_YEAR <= utc.year <= MAX_YEAR:
                return None
        return DateTime(value)
    except (ValueError, DateTimeError):
        return None


class AddOnWorkflowTransition(WorkflowTransition):
    dates = {}

    def reply(self):
        if self.transition is not None:
            self.dates = self._checked_body()
            done = self._done_already()
            if done is not None:
                # plone.restapi answers a transition to the state the object
                # is in already with 200 and the old history entry: a
                # decision text or date sent with it was dropped.
                self.request.response.setStatus(409)
                return {"error": {"type": "Conflict", "message": done}}
        result = super().reply()
        if self.request.response.getStatus() >= 400:
            # plone.restapi answers a refused transition instead of raising:
            # whatever was set on the way (the dates) must not be stored.
            transaction.doom()
        return result

    def _not_offered(self):
        """The transition and the object's state, when the object's workflow
        has the transition but its state does not offer it; else None."""
        for workflow in self.wftool.getWorkflowsFor(self.context):
            transition = workflow.transitions.get(self.transition)
            if transition is None:
                continue
            state = workflow._getWorkflowStateOf(self.context)
            if state is None or self.transition in state.transitions:
                return None
            return transition, state
        return None

    def _naming(self, state, message):
        """``message`` translated, its ``${state}`` the state's title."""
        title = translate(
            state.title or state.getId(), domain="plone", context=self.request
        )
        return translate(
            Message(message, mapping={"state": title}), context=self.request
        )

    def _done_already(self):
        """The message if the object is where the transition leads, else None."""
        found = self._not_offered()
        if found is None:
            return None
        transition, state = found
        if transition.new_state_id != state.getId():
            return None
        return self._naming(
            state,
            _(
                "This is already ${state}: nothing was changed. Reload it "
                "to see who did it and when."
            ),
        )

    def _checked_body(self):
        """The dates to set, after refusing every value of the wrong kind."""
        data = json_body(self.request)
        if isinstance(data, dict):
            for key in data:
                if key not in BODY_KEYS:
                    _refuse(
                        self.request,
                        key[:50],
                        _(
                            "${name} is not read by @workflow. Send ${keys}.",
                            mapping={"name": key[:50], "keys": ", ".join(BODY_KEYS)},
                        ),
                    )
        if not isinstance(data.get("comment", ""), str):
            _refuse(self.request, "comment", _("The comment must be text."))
        if not isinstance(data.get("include_children", False), bool):
            _refuse(
                self.request,
                "include_children",
                _("include_children must be true or false."),
            )
        dates = {}
        for name in DATE_FIELDS:
            if name not in data or data[name] is None:
                continue
            value = parse_date(data[name])
            if value is None:
                _refuse(
                    self.request,
                    name,
                    _(
                        "${field} must be a date that exists, between the "
                        "years ${min} and ${max}, as YYYY-MM-DD or "
                        "YYYY-MM-DDThh:mm:ss with an optional time zone.",
                        mapping={"field": name, "min": MIN_YEAR, "max": MAX_YEAR},
                    ),
                )
            dates[name] = value
        if (
            "effective" in dates
            and "expires" in dates
            and dates["expires"] < dates["effective"]
        ):
            _refuse(
                self.request,
                "expires",
                _("The expiry date must not be before the publishing date."),
            )
        if dates and not _checkPermission(ModifyPortalContent, self.context):
            _refuse(
                self.request,
                sorted(dates)[0],
                _("You may not change the publishing dates of this item."),
                error=Forbidden,
            )
        return dates

    def recurse_transition(
        self, objs, comment, publication_dates, include_children=False
    ):
        # plone.restapi's deserializer would drop the dates on these types:
        # set them here and give it none.
        for obj in objs:
            if self.dates and not _checkPermission(ModifyPortalContent, obj):
                # A child (include_children) the caller may not edit.
                _refuse(
                    self.request,
                    sorted(self.dates)[0],
                    _("You may not change the publishing dates of this item."),
                    error=Forbidden,
                )
            if "effective" in self.dates:
                obj.setEffectiveDate(self.dates["effective"])
            if "expires" in self.dates:
                obj.setExpirationDate(self.dates["expires"])
            if self.dates:
                obj.reindexObject()
        try:
            super().recurse_transition(objs, comment, {}, include_children)
        except WorkflowException as error:
            # plone.restapi translates str(error), which has lost the
            # message's mapping: "No workflow provides the '${action_id}'
            # action." Translate the message itself.
            message = error.args[0] if error.args else ""
            if isinstance(message, Message):
                raise WorkflowException(
                    translate(message, context=self.request)
                ) from error
            raise


class ApplicationWorkflowTransition(AddOnWorkflowTransition):
    def reply(self):
        decided = self._decided_already()
        if decided is not None:
            self.request.response.setStatus(409)
            return {"error": {"type": "Conflict", "message": decided}}
        result = super().reply()
        if (
            self.request.response.getStatus() == 400
            and self.transition == "accept"
            and not seats.is_free(group_of(self.context), self.context.constituency)
        ):
            self.request.response.setStatus(409)
            result["error"]["type"] = "Conflict"
        return result

    def _decided_already(self):
        """The message if the transition exists, but not from the state now.

        None for a transition the workflow does not have at all: that stays
        plone.restapi's 400.
        """
        found = self._not_offered() if self.transition is not None else None
        if found is None:
            return None
        return self._naming(
            found[1],
            _(
                "Someone already decided on this application: it is now "
                "${state}. Reload it to see the decision."
            ),
        )
