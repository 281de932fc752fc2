"""The permission matrix: who may do what, per type and workflow state.

One table, three uses: the workflows in profiles/default/workflows implement
it, tests/security asserts every cell against a real site, and
scripts/permissions_doc.py writes docs/permissions.md from it.

A cell lists the roles that may do the action; an action missing from a state
is allowed to nobody (but Manager, who may do everything and has no column).
Content inside a group is described as it is in a working (``active``) group
with public transparency on.

Plone's editorial roles, given on the task-group folder (its sharing page),
mean there what Plone users expect, on the public content only: Contributor
drafts outcomes, Editor edits them and a group's public texts (summary and
challenge, not its set-up), Reviewer publishes and retracts outcomes. None of
them sees applications, internal material or personal data, nor changes a
decision record.

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
CONTRIBUTOR = "Contributor"
EDITOR = "Editor"
REVIEWER = "Reviewer"

ROLES = (
    ANONYMOUS,
    AUTHENTICATED,
    RESIDENT,
    DEPARTMENT_BOARD,
    BOARD,
    STAFF,
    CHAIR,
    MEMBER,
    CONTRIBUTOR,
    EDITOR,
    REVIEWER,
    SITE_ADMIN,
)

EVERYONE = frozenset(ROLES)
INTERNAL = frozenset({BOARD, STAFF, CHAIR, MEMBER, SITE_ADMIN})
GROUP = frozenset({STAFF, CHAIR, MEMBER, SITE_ADMIN})
STAFF_AND_CHAIR = frozenset({STAFF, CHAIR, SITE_ADMIN})
STAFF_ONLY = frozenset({STAFF, SITE_ADMIN})
BOARD_ONLY = frozenset({BOARD, SITE_ADMIN})
ADMIN_ONLY = frozenset({SITE_ADMIN})
EDITORIAL = frozenset({CONTRIBUTOR, EDITOR, REVIEWER})
# Who writes a group's public texts and outcomes, who drafts, who publishes.
STAFF_AND_EDITOR = frozenset({STAFF, EDITOR, SITE_ADMIN})
STAFF_AND_CONTRIBUTOR = frozenset({STAFF, CONTRIBUTOR, SITE_ADMIN})
STAFF_AND_REVIEWER = frozenset({STAFF, REVIEWER, SITE_ADMIN})
BOARD_AND_STAFF = frozenset({BOARD, STAFF, SITE_ADMIN})

NO_WORKFLOW = "(no workflow)"
MATERIAL = ("Document", "File", "Image", "Link")

# Actions that are a permission on the object itself.
PERMISSION_ACTIONS = {
    "view": "View",
    "edit": "Modify portal content",
    "edit set-up": "threeb.opgavegrupper: Edit group set-up",
    "share": "Sharing page: Delegate roles",
    "list contents": "List folder contents",
    "edit proposal": "threeb.opgavegrupper: Edit proposal",
    "edit minority statement": "threeb.opgavegrupper: Edit minority statement",
    "record decision": "threeb.opgavegrupper: Record decision",
    "record implementation": "threeb.opgavegrupper: Record implementation",
    "view full roster": "threeb.opgavegrupper: View full roster",
    "view figures": "threeb.opgavegrupper: View participation figures",
}
# "add <type>" is adding that type inside the object; "delete" is deleting the
# object: "Delete objects" on it and on its parent, as Plone's delete action
# asks (lifecycle/deletion.py makes deleting a group ask for both everywhere);
# any other action is a workflow transition id.
ADD_PREFIX = "add "
DELETE = "delete"

ACTIONS = {
    "TaskGroupFolder": ("view", "view figures", "edit", "delete", "add TaskGroup"),
    "TaskGroup": (
        "view",
        "view full roster",
        "edit",
        "edit set-up",
        "delete",
        "share",
        "list contents",
        "add Mandate",
        "add Meeting",
        "add Recommendation",
        "add Outcome",
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
        "edit minority statement",
        "record decision",
        "record implementation",
        "submit",
        "adopt",
        "reject",
        "send_back",
        "mark_implemented",
    ),
    "Outcome": ("view", "edit", "delete", "publish", "retract"),
}
for _portal_type in MATERIAL:
    ACTIONS[_portal_type] = ("view", "edit", "delete", "publish", "retract")


def _group_state(view, documents, recommendations, exits, editors, outcomes):
    """An open task group: staff edit it and move it on, the group adds content.

    Plone's Editor edits a public group's summary and challenge (``edit``
    without ``edit set-up``); Contributor adds outcomes once it works.
    """
    cell = {
        "view": view,
        "view full roster": INTERNAL,
        "edit": editors,
        "edit set-up": STAFF_ONLY,
        # Only site administrators delete a group (they also may in its
        # folder); staff cancel it. Staff and the chair delete inside it.
        "delete": ADMIN_ONLY,
        "share": STAFF_AND_CHAIR,
        "list contents": GROUP,
        "add Mandate": STAFF_AND_CHAIR,
        "add Meeting": STAFF_AND_CHAIR,
        "add Recommendation": recommendations,
        "add Outcome": outcomes,
    }
    for portal_type in ("Document", "File", "Image", "Link"):
        cell[f"add {portal_type}"] = documents
    cell.update(dict.fromkeys(exits, STAFF_ONLY))
    return cell


def _closed_group():
    """A concluded or cancelled group: a public record that only staff set up.

    Nothing in it may be deleted but by site administrators. Its public texts
    stay Editor's, and its outcomes are written now, so they may be added.
    """
    cell = {
        "view": EVERYONE,
        "view full roster": INTERNAL,
        "edit": STAFF_AND_EDITOR,
        "edit set-up": STAFF_ONLY,
        "delete": ADMIN_ONLY,
        "share": STAFF_AND_CHAIR,
        "list contents": GROUP,
    }
    for action in ACTIONS["TaskGroup"]:
        if action.startswith(ADD_PREFIX):
            cell[action] = ADMIN_ONLY
    cell["add Outcome"] = STAFF_AND_CONTRIBUTOR
    return cell


def _adopted_recommendation(*exits):
    """An adopted recommendation, implemented or not: a public decision.

    Staff keep its implementation up to date; its proposal and decision are
    a record that only site administrators change.
    """
    cell = {
        "view": EVERYONE,
        "edit": STAFF_ONLY,
        "delete": ADMIN_ONLY,
        "edit proposal": ADMIN_ONLY,
        "edit minority statement": ADMIN_ONLY,
        "record decision": ADMIN_ONLY,
        "record implementation": STAFF_ONLY,
    }
    cell.update(dict.fromkeys(exits, STAFF_ONLY))
    return cell


MATRIX = {
    "TaskGroupFolder": {
        NO_WORKFLOW: {
            "view": EVERYONE,
            "view figures": BOARD_AND_STAFF,
            # Its title and introduction are public texts: Plone's Editor,
            # given the role here, edits them.
            "edit": frozenset({EDITOR, SITE_ADMIN}),
            "delete": ADMIN_ONLY,
            "add TaskGroup": STAFF_ONLY,
        },
    },
    "TaskGroup": {
        # Members join from recruiting on; they add documents while it is open.
        # Editors edit public groups only: a draft is staff's.
        "draft": _group_state(
            INTERNAL,
            STAFF_AND_CHAIR,
            ADMIN_ONLY,
            ("open_signup", "cancel"),
            editors=STAFF_ONLY,
            outcomes=ADMIN_ONLY,
        ),
        "recruiting": _group_state(
            EVERYONE,
            GROUP,
            ADMIN_ONLY,
            ("back_to_draft", "start_work", "cancel"),
            editors=STAFF_AND_EDITOR,
            outcomes=ADMIN_ONLY,
        ),
        "active": _group_state(
            EVERYONE,
            GROUP,
            STAFF_AND_CHAIR,
            ("conclude", "cancel"),
            editors=STAFF_AND_EDITOR,
            outcomes=STAFF_AND_CONTRIBUTOR,
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
            "edit minority statement": STAFF_AND_CHAIR,
            "record decision": ADMIN_ONLY,
            "record implementation": ADMIN_ONLY,
            "submit": STAFF_AND_CHAIR,
        },
        "submitted": {
            "view": INTERNAL,
            "edit": BOARD_ONLY,
            "delete": ADMIN_ONLY,
            "edit proposal": ADMIN_ONLY,
            "edit minority statement": BOARD_ONLY,
            "record decision": BOARD_ONLY,
            "record implementation": ADMIN_ONLY,
            "adopt": BOARD_ONLY,
            "reject": BOARD_ONLY,
            "send_back": BOARD_ONLY,
        },
        "adopted": _adopted_recommendation("mark_implemented"),
        "rejected": {
            "view": EVERYONE,
            "edit": ADMIN_ONLY,
            "delete": ADMIN_ONLY,
            "edit proposal": ADMIN_ONLY,
            "edit minority statement": ADMIN_ONLY,
            "record decision": ADMIN_ONLY,
            "record implementation": ADMIN_ONLY,
        },
        "implemented": _adopted_recommendation(),
    },
}

# Outcomes: drafted by Contributor (or staff), edited by Editor, published and
# retracted by Reviewer; while not public, the editorial roles see them too.
# Whoever drafted one (Owner, no column) may also edit it while it is a draft.
MATRIX["Outcome"] = {
    "draft": {
        "view": INTERNAL | EDITORIAL,
        "edit": STAFF_AND_EDITOR,
        "delete": STAFF_ONLY,
        "publish": STAFF_AND_REVIEWER,
    },
    "published": {
        "view": EVERYONE,
        "edit": STAFF_AND_EDITOR,
        "delete": ADMIN_ONLY,
        "retract": STAFF_AND_REVIEWER,
    },
    "retracted": {
        "view": INTERNAL | EDITORIAL,
        "edit": STAFF_AND_EDITOR,
        "delete": ADMIN_ONLY,
        "publish": STAFF_AND_REVIEWER,
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
