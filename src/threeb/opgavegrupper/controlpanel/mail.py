"""Plone's own mail settings take only a real sender address.

Plone's ``@@mail-controlpanel`` (and ``@controlpanels/mail-controlpanel``)
accept any text as the site's "From" address; the notifications would then
go out with a sender no mail server takes. The add-on adds what Plone lacks,
on both roads, without replacing Plone's form:

- a z3c.form validator for that one field on the add-on's browser layer: the
  Classic UI form shows the error under the field and stores nothing;
- a subscriber to the registry record's change that refuses the value with a
  ``ValidationError``: plone.restapi's control panel deserializer turns it
  into a 400 naming the field, and a script or profile cannot store it either.

The check is the add-on's own setting's (``is_sender_address``): a bare
address. The field is required in Plone's form; over REST (@controlpanels,
@registry) an empty value is refused too, as plone.restapi lets "" through a
required field. A script may still clear it: mail is then not set up, and
staff are told that nothing was sent.
"""

from plone.registry.interfaces import IRegistry
from plone.rest.interfaces import IAPIRequest
from Products.CMFPlone.controlpanel.browser.mail import MailControlPanelForm
from threeb.opgavegrupper.controlpanel.interfaces import check_record
from threeb.opgavegrupper.controlpanel.interfaces import is_sender_address
from threeb.opgavegrupper.interfaces import IBrowserLayer
from z3c.form import validator
from zope.component import queryUtility
from zope.globalrequest import getRequest
from zope.schema.interfaces import IASCIILine


RECORD = "plone.email_from_address"
# Present only in a site with the add-on installed: other sites of the same
# Zope keep Plone's behaviour.
ADDON_RECORD = "threeb.opgavegrupper.email_from_address"


class SenderAddressValidator(validator.SimpleFieldValidator):
    def validate(self, value):
        super().validate(value)
        if self.field.__name__ == "email_from_address":
            is_sender_address(value, required=True)


# Discriminated by Plone's form and the field's type, not by the field
# itself: z3c.form would mark Plone's schema field with an interface of its
# own, and plone.registry then no longer stores it when a new site is made.
validator.WidgetValidatorDiscriminators(
    SenderAddressValidator,
    request=IBrowserLayer,
    view=MailControlPanelForm,
    field=IASCIILine,
)


def refuse_bad_sender(event):
    if event.record.__name__ != RECORD:
        return
    registry = queryUtility(IRegistry)
    if registry is None or ADDON_RECORD not in registry:
        return
    # A person over REST may not clear it; a script may (see above).
    required = IAPIRequest.providedBy(getRequest())
    check_record(
        lambda value: is_sender_address(value, required=required),
        event.newValue,
        RECORD,
    )
