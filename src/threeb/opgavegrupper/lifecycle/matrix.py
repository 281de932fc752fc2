"""The permission matrix: who may do what, per type and workflow state.

One table, three uses: the workflows in profiles/default/workflows implement
it, tests/security asserts every cell against a real site, and
scripts/permissions_doc.py writes docs/permissions.md from it.

A cell lists the roles that may do the action; an action missing from a state
is allowed to nobody (but Manager, who may do everything and has no column).
Content inside a group is described as it is in a working (``active``) group
with public transparency on.

Documents, files, images and links ("material") are Plone's own types: inside
a task group a placeful workflow policy gives them the material workflow
(lifecycle/material.py), elsewhere they keep the site's. Their rows are the
ones inside a group.
"""

ANONYMOUS = "Anonymous"
AUTHENTICATED = "Authenticated"
RESIDENT = "Resident"
DEPARTMENT_BOARD = "DepartmentBoardMember"
BOARD = "BoardMember"
STAFF = "Staff"
CHAIR = "TaskGroupChair"
MEMBER = "TaskGroupMember"
SITE_ADMIN = "Site Administrator"

ROLES = (
    ANONYMOUS,
    AUTHENTICATED,
    RESIDENT,
    DEPARTMENT_BOARD,
    BOARD,
    STAFF,
    CHAIR,
    MEMBER,
    SITE_ADMIN,
)

EVERYONE = frozenset(ROLES)
INTERNAL = frozenset({BOARD, STAFF, CHAIR, MEMBER, SITE_ADMIN})
GROUP = frozenset({STAFF, CHAIR, MEMBER, SITE_ADMIN})
STAFF_AND_CHAIR = frozenset({STAFF, CHAIR, SITE_ADMIN})
STAFF_ONLY = frozenset({STAFF, SITE_ADMIN})
BOARD_ONLY = frozenset({BOARD, SITE_ADMIN})
ADMIN_ONLY = frozenset({SITE_ADMIN})

NO_WORKFLOW = "(no workflow)"
MATERIAL = ("Document", "File", "Image", "Link")

# Actions that are a permission on the object itself.
PERMISSION_ACTIONS = {
    "view": "View",
    "edit": "Modify portal content",
    "share": "Sharing page: Delegate roles",
    "list contents": "List folder contents",
    "edit proposal": "threeb.opgavegrupper: Edit proposal",
    "record decision": "threeb.opgavegrupper: Record decision",
    "record implementation": "threeb.opgavegrupper: Record implementation",
}
# "add <type>" is adding that type inside the object; "delete" is deleting the
# object: "Delete objects" on it and on its parent, as Plone's delete action
# asks (lifecycle/deletion.py makes deleting a group ask for both everywhere);
# any other action is a workflow transition id.
ADD_PREFIX = "add "
DELETE = "delete"

ACTIONS = {
    "TaskGroupFolder": ("view", "edit", "delete", "add TaskGroup"),
    "TaskGroup": (
        "view",
        "edit",
        "delete",
        "share",
        "list contents",
        "add Mandate",
        "add Meeting",
        "add Recommendation",
        "add Document",
        "add File",
        "add Image",
        "add Link",
        "open_signup",
        "back_to_draft",
        "start_work",
        "conclude",
        "cancel",
    ),
    "Mandate": (
        "view",
        "edit",
        "delete",
        "submit_for_approval",
        "approve",
        "send_back",
    ),
    "Meeting": (
        "view",
        "edit",
        "delete",
        "add File",
        "add Image",
        "publish",
        "retract",
    ),
    "Recommendation": (
        "view",
        "edit",
        "delete",
        "edit proposal",
        "record decision",
        "record implementation",
        "submit",
        "adopt",
        "reject",
        "send_back",
        "mark_implemented",
    ),
}
for _portal_type in MATERIAL:
    ACTIONS[_portal_type] = ("view", "edit", "delete", "publish", "retract")


def _group_state(view, documents, recommendations, exits):
    """An open task group: staff edit it and move it on, the group adds content."""
    cell = {
        "view": view,
        "edit": STAFF_ONLY,
        # Only site administrators delete a group (they also may in its
        # folder); staff cancel it. Staff and the chair delete inside it.
        "delete": ADMIN_ONLY,
        "share": STAFF_AND_CHAIR,
        "list contents": GROUP,
        "add Mandate": STAFF_AND_CHAIR,
        "add Meeting": STAFF_AND_CHAIR,
        "add Recommendation": recommendations,
    }
    for portal_type in ("Document", "File", "Image", "Link"):
        cell[f"add {portal_type}"] = documents
    cell.update(dict.fromkeys(exits, STAFF_ONLY))
    return cell


def _closed_group():
    """A concluded or cancelled group: a public record that only staff edit.

    Nothing in it may be deleted but by site administrators.
    """
    cell = {
        "view": EVERYONE,
        "edit": STAFF_ONLY,
        "delete": ADMIN_ONLY,
        "share": STAFF_AND_CHAIR,
        "list contents": GROUP,
    }
    for action in ACTIONS["TaskGroup"]:
        if action.startswith(ADD_PREFIX):
            cell[action] = ADMIN_ONLY
    return cell


MATRIX = {
    "TaskGroupFolder": {
        NO_WORKFLOW: {
            "view": EVERYONE,
            "edit": ADMIN_ONLY,
            "delete": ADMIN_ONLY,
            "add TaskGroup": STAFF_ONLY,
        },
    },
    "TaskGroup": {
        # Members join from recruiting on; they add documents while it is open.
        "draft": _group_state(
            INTERNAL, STAFF_AND_CHAIR, ADMIN_ONLY, ("open_signup", "cancel")
        ),
        "recruiting": _group_state(
            EVERYONE, GROUP, ADMIN_ONLY, ("back_to_draft", "start_work", "cancel")
        ),
        "active": _group_state(
            EVERYONE, GROUP, STAFF_AND_CHAIR, ("conclude", "cancel")
        ),
        "concluded": _closed_group(),
        "cancelled": _closed_group(),
    },
    "Mandate": {
        "draft": {
            "view": INTERNAL,
            "edit": STAFF_AND_CHAIR,
            "delete": STAFF_AND_CHAIR,
            "submit_for_approval": STAFF_AND_CHAIR,
        },
        "pending_approval": {
            "view": INTERNAL,
            "edit": ADMIN_ONLY,
            "delete": ADMIN_ONLY,
            "approve": BOARD_ONLY,
            "send_back": BOARD_ONLY,
        },
        "approved": {"view": EVERYONE, "edit": ADMIN_ONLY, "delete": ADMIN_ONLY},
    },
    "Meeting": {
        "internal": {
            "view": INTERNAL,
            "edit": STAFF_AND_CHAIR,
            "delete": STAFF_AND_CHAIR,
            "add File": STAFF_AND_CHAIR,
            "add Image": STAFF_AND_CHAIR,
            "publish": STAFF_AND_CHAIR,
        },
        "published": {
            "view": EVERYONE,
            "edit": STAFF_AND_CHAIR,
            "delete": STAFF_AND_CHAIR,
            "add File": STAFF_AND_CHAIR,
            "add Image": STAFF_AND_CHAIR,
            "retract": STAFF_AND_CHAIR,
        },
    },
    "Recommendation": {
        "draft": {
            "view": INTERNAL,
            "edit": STAFF_AND_CHAIR,
            "delete": STAFF_AND_CHAIR,
            "edit proposal": STAFF_AND_CHAIR,
            "record decision": ADMIN_ONLY,
            "record implementation": ADMIN_ONLY,
            "submit": STAFF_AND_CHAIR,
        },
        "submitted": {
            "view": INTERNAL,
            "edit": BOARD_ONLY,
            "delete": ADMIN_ONLY,
            "edit proposal": ADMIN_ONLY,
            "record decision": BOARD_ONLY,
            "record implementation": ADMIN_ONLY,
            "adopt": BOARD_ONLY,
            "reject": BOARD_ONLY,
            "send_back": BOARD_ONLY,
        },
        "adopted": {
            "view": EVERYONE,
            "edit": STAFF_ONLY,
            "delete": ADMIN_ONLY,
            "edit proposal": ADMIN_ONLY,
            "record decision": ADMIN_ONLY,
            "record implementation": STAFF_ONLY,
            "mark_implemented": STAFF_ONLY,
        },
        "rejected": {
            "view": EVERYONE,
            "edit": ADMIN_ONLY,
            "delete": ADMIN_ONLY,
            "edit proposal": ADMIN_ONLY,
            "record decision": ADMIN_ONLY,
            "record implementation": ADMIN_ONLY,
        },
        "implemented": {
            "view": EVERYONE,
            "edit": STAFF_ONLY,
            "delete": ADMIN_ONLY,
            "edit proposal": ADMIN_ONLY,
            "record decision": ADMIN_ONLY,
            "record implementation": STAFF_ONLY,
        },
    },
}

# Documents, files, images and links in a group: internal until staff or the
# chair make them public, then as public as the group or meeting holding them.
# Whoever added one (Owner, no column) may also see and edit it while internal.
_MATERIAL = {
    "internal": {
        "view": INTERNAL,
        "edit": STAFF_AND_CHAIR,
        "delete": STAFF_AND_CHAIR,
        "publish": STAFF_AND_CHAIR,
    },
    "published": {
        "view": EVERYONE,
        "edit": STAFF_AND_CHAIR,
        "delete": STAFF_AND_CHAIR,
        "retract": STAFF_AND_CHAIR,
    },
}
for _portal_type in MATERIAL:
    MATRIX[_portal_type] = _MATERIAL


def expected(portal_type, state, role):
    """The actions ``role`` may take on ``portal_type`` in ``state``, as a dict."""
    cell = MATRIX[portal_type][state]
    return {action: role in cell.get(action, ()) for action in ACTIONS[portal_type]}
