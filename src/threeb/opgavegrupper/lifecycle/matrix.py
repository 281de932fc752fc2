"""The permission matrix: who may do what, per type and workflow state.

One table, three uses: the workflows in profiles/default/workflows implement
it, tests/security asserts every cell against a real site, and
scripts/permissions_doc.py writes docs/permissions.md from it.

A cell lists the roles that may do the action; an action missing from a state
is allowed to nobody (but Manager, who may do everything and has no column).
Content inside a group is described as it is in a working (``active``) group
with public transparency on.
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

# Actions that are a permission on the object itself.
PERMISSION_ACTIONS = {
    "view": "View",
    "edit": "Modify portal content",
    "share": "Sharing page: Delegate roles",
    "edit proposal": "threeb.opgavegrupper: Edit proposal",
    "record decision": "threeb.opgavegrupper: Record decision",
    "record implementation": "threeb.opgavegrupper: Record implementation",
}
# "add <type>" is adding that type inside the object; any other action is a
# workflow transition id.
ADD_PREFIX = "add "

ACTIONS = {
    "TaskGroupFolder": ("view", "edit", "add TaskGroup"),
    "TaskGroup": (
        "view",
        "edit",
        "share",
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
    "Mandate": ("view", "edit", "submit_for_approval", "approve", "send_back"),
    "Meeting": ("view", "edit", "add File", "add Image", "publish", "retract"),
    "Recommendation": (
        "view",
        "edit",
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


def _group_state(view, documents, recommendations, exits):
    """An open task group: staff edit it and move it on, the group adds content."""
    cell = {
        "view": view,
        "edit": STAFF_ONLY,
        "share": STAFF_AND_CHAIR,
        "add Mandate": STAFF_AND_CHAIR,
        "add Meeting": STAFF_AND_CHAIR,
        "add Recommendation": recommendations,
    }
    for portal_type in ("Document", "File", "Image", "Link"):
        cell[f"add {portal_type}"] = documents
    cell.update(dict.fromkeys(exits, STAFF_ONLY))
    return cell


def _closed_group():
    """A concluded or cancelled group: a public record that only staff edit."""
    cell = {"view": EVERYONE, "edit": STAFF_ONLY, "share": STAFF_AND_CHAIR}
    for action in ACTIONS["TaskGroup"]:
        if action.startswith(ADD_PREFIX):
            cell[action] = ADMIN_ONLY
    return cell


MATRIX = {
    "TaskGroupFolder": {
        NO_WORKFLOW: {
            "view": EVERYONE,
            "edit": ADMIN_ONLY,
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
            "submit_for_approval": STAFF_AND_CHAIR,
        },
        "pending_approval": {
            "view": INTERNAL,
            "edit": ADMIN_ONLY,
            "approve": BOARD_ONLY,
            "send_back": BOARD_ONLY,
        },
        "approved": {"view": EVERYONE, "edit": ADMIN_ONLY},
    },
    "Meeting": {
        "internal": {
            "view": INTERNAL,
            "edit": STAFF_AND_CHAIR,
            "add File": STAFF_AND_CHAIR,
            "add Image": STAFF_AND_CHAIR,
            "publish": STAFF_AND_CHAIR,
        },
        "published": {
            "view": EVERYONE,
            "edit": STAFF_AND_CHAIR,
            "add File": STAFF_AND_CHAIR,
            "add Image": STAFF_AND_CHAIR,
            "retract": STAFF_AND_CHAIR,
        },
    },
    "Recommendation": {
        "draft": {
            "view": INTERNAL,
            "edit": STAFF_AND_CHAIR,
            "edit proposal": STAFF_AND_CHAIR,
            "record decision": ADMIN_ONLY,
            "record implementation": ADMIN_ONLY,
            "submit": STAFF_AND_CHAIR,
        },
        "submitted": {
            "view": INTERNAL,
            "edit": BOARD_ONLY,
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
            "edit proposal": ADMIN_ONLY,
            "record decision": ADMIN_ONLY,
            "record implementation": STAFF_ONLY,
            "mark_implemented": STAFF_ONLY,
        },
        "rejected": {
            "view": EVERYONE,
            "edit": ADMIN_ONLY,
            "edit proposal": ADMIN_ONLY,
            "record decision": ADMIN_ONLY,
            "record implementation": ADMIN_ONLY,
        },
        "implemented": {
            "view": EVERYONE,
            "edit": STAFF_ONLY,
            "edit proposal": ADMIN_ONLY,
            "record decision": ADMIN_ONLY,
            "record implementation": STAFF_ONLY,
        },
    },
}


def expected(portal_type, state, role):
    """The actions ``role`` may take on ``portal_type`` in ``state``, as a dict."""
    cell = MATRIX[portal_type][state]
    return {action: role in cell.get(action, ()) for action in ACTIONS[portal_type]}
