"""Classic UI: a refused transition is a status message, not an error page."""

from plone.app.content.browser.content_status_modify import (
    ContentStatusModifyView as BaseContentStatusModifyView,
)
from Products.statusmessages.interfaces import IStatusMessage
from threeb.opgavegrupper.lifecycle.errors import TransitionRefused

import transaction


class ContentStatusModifyView(BaseContentStatusModifyView):
    def __call__(
        self,
        workflow_action=None,
        comment="",
        effective_date=None,
        expiration_date=None,
        **kwargs,
    ):
        try:
            return super().__call__(
                workflow_action,
                comment,
                effective_date=effective_date,
                expiration_date=expiration_date,
                **kwargs,
            )
        except TransitionRefused as error:
            # TransitionRefused has doomed the transaction already: Plone's
            # view may have set the effective date, and a refused transition
            # must leave nothing behind. The status message lives in a
            # cookie, so it survives the abort.
            transaction.doom()
            IStatusMessage(self.request).add(error.message, type="error")
            return self.request.response.redirect(self.context.absolute_url())
