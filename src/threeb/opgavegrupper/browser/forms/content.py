"""The Classic UI add and edit forms of the add-on's types, and the sharing
page of a task group: a refused request never says it succeeded.

plone.protect aborts a write sent without the ``_authenticator`` token only
after the form has run, so Plone's forms said "Changes saved" (or "Item
created") while nothing was kept. These are plone.dexterity's forms that
check the token first, as the add-on's own forms do (``csrf``): without it,
the answer is a 403 with the form again and an error saying nothing was
saved.

Plone's sharing page stores only the roles it offers, and it does not offer
``TaskGroupMember`` (members come from the applications, see
``participation.sharing``): a post that tries to give or take it had that
part dropped and was told "Changes saved". On a task group it is refused
with a message that points to the applications, and nothing is stored.
"""

from plone import api
from plone.app.workflow.browser.sharing import SharingView as BaseSharingView
from plone.dexterity.browser.add import DefaultAddForm
from plone.dexterity.browser.add import DefaultAddView
from plone.dexterity.browser.edit import DefaultEditForm
from plone.z3cform import layout
from Products.statusmessages.interfaces import IStatusMessage
from threeb.opgavegrupper import _
from threeb.opgavegrupper.browser import csrf
from threeb.opgavegrupper.content.taskgroup import ITaskGroup
from threeb.opgavegrupper.content.taskgroup import setup_fields_refused
from threeb.opgavegrupper.participation.membership import MEMBER_ROLE


SAVE = "form.buttons.save"

MEMBERS_FROM_APPLICATIONS = _(
    "Members of a task group come from its applications: accept an "
    "application, or add the member on the group's applications page "
    "(@@manage-applications)."
)


class TokenChecked:
    """Refuse the save button of a request without a valid token."""

    def update(self):
        if SAVE in self.request.form and not csrf.token_valid(self.request):
            # Not pressed, as far as the form is concerned: nothing is
            # written and nothing says it was; the form is shown again.
            self.request.form.pop(SAVE, None)
            self.request.other.pop(SAVE, None)
            csrf.refuse(self.request)
        super().update()


class EditForm(TokenChecked, DefaultEditForm):
    def updateFields(self):
        super().updateFields()
        if ITaskGroup.providedBy(self.context):
            _setup_fields_shown_only(self)


def _setup_fields_shown_only(form):
    """On a group, the fields its set-up holds (the behaviours' included,
    which carry no write permission) are shown, not offered, to someone who
    may edit only its public texts (Plone's Editor)."""
    from z3c.form.interfaces import DISPLAY_MODE

    for fields in [form.fields] + [group.fields for group in form.groups]:
        names = {field.field.__name__: key for key, field in fields.items()}
        for name in setup_fields_refused(form.context, list(names)):
            fields[names[name]].mode = DISPLAY_MODE


EditView = layout.wrap_form(EditForm)


class AddForm(TokenChecked, DefaultAddForm):
    pass


class AddView(DefaultAddView):
    form = AddForm


def _wanted(value):
    """A checkbox's value as the publisher gives it."""
    if isinstance(value, str):
        return value.strip().lower() not in ("", "0", "false", "off", "no")
    return bool(value)


class TaskGroupSharingView(BaseSharingView):
    """The sharing page of a task group."""

    def _may_list_people(self):
        # A chair may delegate the member role but not list the site's
        # people (hardening/setup.py): their search finds nobody; those
        # already with a role here stay listed.
        return api.user.has_permission("List portal members", obj=api.portal.get())

    def user_search_results(self):
        return super().user_search_results() if self._may_list_people() else []

    def group_search_results(self):
        return super().group_search_results() if self._may_list_people() else []

    def member_role_changed(self):
        """Whether the posted entries give or take ``TaskGroupMember``."""
        for entry in self.request.form.get("entries", None) or []:
            key = f"role_{MEMBER_ROLE}"
            if not hasattr(entry, "get") or key not in entry:
                continue
            holds = MEMBER_ROLE in self.context.get_local_roles_for_userid(
                entry.get("id")
            )
            if _wanted(entry[key]) != holds:
                return True
        return False

    def handle_form(self):
        form = self.request.form
        saving = (
            form.get("form.submitted", False)
            and form.get("form.button.Save", None) is not None
            and form.get("form.button.Cancel", None) is None
        )
        if (
            saving
            and self.request.get("REQUEST_METHOD") == "POST"
            and csrf.token_valid(self.request)
            and self.member_role_changed()
        ):
            IStatusMessage(self.request).add(MEMBERS_FROM_APPLICATIONS, type="error")
            self.request.response.setStatus(400)
            return True
        return super().handle_form()
