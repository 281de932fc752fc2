"""decision-memo: one page that puts a recommendation before the board."""

from plone import api
from Products.Five.browser import BrowserView
from threeb.opgavegrupper.browser.insight import labels
from threeb.opgavegrupper.browser.insight.printable import Printable
from threeb.opgavegrupper.dates import date_text


def _html(field):
    return field.output if field is not None else ""


class DecisionMemoView(Printable, BrowserView):
    def memo(self):
        obj = self.context
        group = obj.__parent__
        state = api.content.get_state(obj=obj)
        return {
            "group": group.Title(),
            "title": obj.Title(),
            "state": labels.state_title(self.request, state, "Recommendation"),
            "summary": obj.summary,
            "recommendation": _html(obj.recommendation),
            "rationale": _html(getattr(obj, "rationale", None)),
            "consequences": [
                (label, text)
                for label, text in (
                    ("economy", obj.consequences_economy),
                    ("residents", obj.consequences_residents),
                    ("departments", obj.consequences_departments),
                )
                if text
            ],
            "answers": list(obj.answers or ()),
            "minority": _html(getattr(obj, "minority_statement", None)),
            "decision_text": obj.decision_text,
            "decision_date": obj.decision_date,
            "decision_date_text": date_text(obj.decision_date),
            "votes": (obj.votes_for, obj.votes_against, obj.votes_abstain),
            "has_votes": any(
                v is not None
                for v in (obj.votes_for, obj.votes_against, obj.votes_abstain)
            ),
        }
