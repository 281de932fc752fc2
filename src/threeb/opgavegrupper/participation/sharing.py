"""The sharing page and ``@sharing`` on a task group do not make members.

Membership follows the applications (``membership``): a person becomes a
member when staff or the chair accept an application or add them directly,
and stops being one when the application is withdrawn or removed. So the
``TaskGroupMember`` role is not offered on the sharing page (sharing.xml),
and ``@sharing`` refuses a request that would give or take it, pointing to
the applications instead of storing a member that no seat or roster knows
of. Whatever still reaches the local roles (another add-on, the ZMI) is put
right by the ``ILocalrolesModifiedEvent`` subscriber.

On every add-on type, a role for a user or group that does not exist is
refused (plone.restapi would store it for a principal nobody can log in as,
and a typo in an id would go unnoticed); taking roles away from a principal
that is gone stays possible, to tidy up.
"""

from plone import api
from plone.restapi.deserializer import json_body
from plone.restapi.deserializer.local_roles import DeserializeFromJson
from threeb.opgavegrupper import _
from threeb.opgavegrupper.content.taskgroup import ITaskGroup
from threeb.opgavegrupper.interfaces import IBrowserLayer
from threeb.opgavegrupper.participation.membership import MEMBER_ROLE
from zExceptions import BadRequest
from zExceptions import Forbidden
from zope.component import adapter
from zope.component import getMultiAdapter
from zope.globalrequest import getRequest
from zope.i18n import translate


# What plone.restapi's local roles deserializer reads; anything else was
# dropped without a word.
SHARING_KEYS = ("entries", "inherit")


def _refuse(message, field="entries"):
    raise BadRequest(
        [{"field": field, "message": translate(message, context=getRequest())}]
    )


def principal_exists(principal_id):
    if api.portal.get_tool("acl_users").getUserById(principal_id) is not None:
        return True
    return api.portal.get_tool("portal_groups").getGroupById(principal_id) is not None


@adapter(ITaskGroup, IBrowserLayer)
class TaskGroupLocalRolesDeserializer(DeserializeFromJson):
    def __call__(self):
        try:
            data = json_body(self.request)
        except Exception:
            data = None
        if not isinstance(data, dict):
            _refuse(_("Send the sharing settings as a JSON object."), field="body")
        for key in data:
            if key not in SHARING_KEYS:
                _refuse(
                    _(
                        "${name} is not a sharing setting. Send ${keys}.",
                        mapping={"name": key[:50], "keys": ", ".join(SHARING_KEYS)},
                    ),
                    field=key[:50],
                )
        if "inherit" in data and not isinstance(data["inherit"], bool):
            _refuse(_("'inherit' must be true or false."), field="inherit")
        entries = data.get("entries")
        if entries is not None:
            self._check_entries(entries)
            self._check_principals(entries)
            self._check_delegable(entries)
        return super().__call__()

    def _check_delegable(self, entries):
        """A role the caller may not hand out is refused, not silently dropped."""
        sharing = getMultiAdapter((self.context, self.request), name="sharing")
        managed = {role["id"] for role in sharing.roles()}
        for entry in entries:
            current = set(self.context.get_local_roles_for_userid(entry["id"]))
            for role, wanted in entry["roles"].items():
                if role in managed or role == MEMBER_ROLE:
                    continue
                if bool(wanted) != (role in current):
                    raise Forbidden(
                        [
                            {
                                "field": "entries",
                                "message": translate(
                                    _(
                                        "You may not give or take the role "
                                        "${role} here.",
                                        mapping={"role": role},
                                    ),
                                    context=getRequest(),
                                ),
                            }
                        ]
                    )

    def _check_principals(self, entries):
        """A role for a user or group that does not exist is refused."""
        for entry in entries:
            if not any(entry["roles"].values()):
                continue
            if not principal_exists(entry["id"]):
                _refuse(
                    _(
                        "There is no user or group with the id ${id}.",
                        mapping={"id": entry["id"]},
                    )
                )

    def _check_entries(self, entries):
        if not isinstance(entries, list):
            _refuse(_("'entries' must be a list of {id, type, roles}."))
        for entry in entries:
            if (
                not isinstance(entry, dict)
                or not isinstance(entry.get("id"), str)
                or not entry["id"]
                or not isinstance(entry.get("roles"), dict)
            ):
                _refuse(_("Each entry needs an 'id' (text) and 'roles' (an object)."))
            if entry.get("type", "user") not in ("user", "group"):
                _refuse(_('An entry\'s \'type\' is "user" or "group".'))
            # plone.restapi gives a role for any value that is not false:
            # "false" and "no" gave it. Only JSON's true and false count.
            if not all(isinstance(v, bool) for v in entry["roles"].values()):
                _refuse(_("Each role is true or false."))
            if MEMBER_ROLE not in entry["roles"]:
                continue
            wanted = entry["roles"][MEMBER_ROLE]
            holds = MEMBER_ROLE in self.context.get_local_roles_for_userid(entry["id"])
            if wanted != holds:
                _refuse(
                    _(
                        "Members of a task group come from its applications: "
                        "accept an application, or add the member on the "
                        "group's applications page (@@manage-applications)."
                    )
                )


class AddOnLocalRolesDeserializer(TaskGroupLocalRolesDeserializer):
    """The same checks on the add-on's other types (registered in ZCML for
    their interfaces): no role for a principal that does not exist, no role
    dropped without a word, no member made outside the applications."""
