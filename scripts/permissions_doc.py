"""Write docs/permissions.md from the permission matrix.

    .venv/bin/python scripts/permissions_doc.py

The matrix (threeb.opgavegrupper.lifecycle.matrix) is the one source: the
tests check every cell of it against a real site, and a test fails when this
file's output differs from the committed docs/permissions.md.
"""

from pathlib import Path
from plone.autoform.interfaces import WRITE_PERMISSIONS_KEY
from plone.supermodel.utils import mergedTaggedValueDict
from threeb.opgavegrupper.content.application import IApplication
from threeb.opgavegrupper.lifecycle.matrix import ACTIONS
from threeb.opgavegrupper.lifecycle.matrix import DELETE
from threeb.opgavegrupper.lifecycle.matrix import MATERIAL
from threeb.opgavegrupper.lifecycle.matrix import MATRIX
from threeb.opgavegrupper.lifecycle.matrix import PERMISSION_ACTIONS
from threeb.opgavegrupper.lifecycle.matrix import ROLES


ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "permissions.md"
PROFILE = ROOT / "src" / "threeb" / "opgavegrupper" / "profiles" / "default"

YES = "✓"
NO = "–"

TITLES = {
    "TaskGroupFolder": "Task group folder (`TaskGroupFolder`, Opgavegrupper)",
    "TaskGroup": "Task group (`TaskGroup`, Opgavegruppe)",
    "Mandate": "Mandate (`Mandate`, Kommissorium)",
    "Meeting": "Meeting (`Meeting`, Møde)",
    "Recommendation": "Recommendation (`Recommendation`, Anbefaling)",
    "Outcome": "Outcome (`Outcome`, Resultat)",
    "Document": (
        "Material in a group: documents, files, images and links (`Document`, "
        "`File`, `Image`, `Link`)"
    ),
}

# The types that share one table: their rows in the matrix are the same.
SECTIONS = (
    ("TaskGroupFolder",),
    ("TaskGroup",),
    ("Mandate",),
    ("Meeting",),
    ("Recommendation",),
    ("Outcome",),
    MATERIAL,
)

NOTES = {
    "TaskGroupFolder": (
        "No workflow: the folder acquires View from the site, so it is public "
        "unless the public-transparency switch is off. Its title and "
        "introduction are public texts that Editor may edit; deleting it "
        "needs Delete objects where it is, as deleting a group does. "
        "`view figures` is the participation figures and the board desk "
        "(the permission View participation figures)."
    ),
    "TaskGroup": (
        "`share` is the sharing page, where staff appoint the chair. Members "
        "come from the applications (next to last section), not from the "
        "sharing page or `@sharing`. `list contents` is the folder contents "
        "page. Staff and the chair may delete what is in an open group "
        "(draft, recruiting, active), nobody but site administrators what is "
        "in a concluded or cancelled one, nor a group itself: staff cancel it. "
        "`edit set-up` is every field but the public texts (summary and "
        "challenge): Editor edits a public group's texts and nothing else, "
        "in the form (the other fields are not shown) and through REST (a "
        "403 naming the field). `view full roster` is every member's name "
        "and address (View full roster); others see the names of those who "
        "consented."
    ),
    "Mandate": "Shown inside a working (`active`) group.",
    "Meeting": (
        "Shown inside a working (`active`) group. Files and images in a meeting "
        "are material (below): internal until made public themselves, then as "
        "public as the meeting."
    ),
    "Recommendation": (
        "Shown inside a working (`active`) group. `edit proposal`, `record "
        "decision` and `record implementation` are the three parts of the form: "
        "the group's proposal, the board's decision, staff's implementation."
    ),
    "Outcome": (
        "The plain-language story of what a group achieved, shown at the end "
        "of its trail, on the overview and the front page and in the feed "
        "`resultater/RSS`, and mailed to members and followers when "
        "published. Shown inside a working (`active`) group; Contributor and "
        "staff also add outcomes to concluded and cancelled groups. Whoever "
        "drafted one (Owner, no column) also edits it while it is a draft."
    ),
    "Document": (
        "Plone's own types keep the site's workflow elsewhere; anywhere inside "
        "a task group, in a meeting too, the placeful workflow policy "
        "`taskgroup_material` gives them `taskgroup_material_workflow`. Shown "
        "inside a working (`active`) group. Whoever added an item (Owner, no "
        "column) also sees it and may edit it while it is internal."
    ),
}

INTRO = f"""\
# Permissions

Who may do what with task groups, per content type and workflow state.
This file is written by `scripts/permissions_doc.py` from the permission matrix
in `src/threeb/opgavegrupper/lifecycle/matrix.py`; the workflows in
`profiles/default/workflows/` implement it, a test checks every cell against a
real site, and another fails when this file is out of date.

## The principle

- **What the association has decided to show is public**: groups open for
  sign-up, working, concluded or cancelled; approved mandates; adopted,
  rejected and implemented recommendations; public meetings. These states
  acquire View from their parent, so they are exactly as public as it: an
  approved mandate in a draft group stays hidden.
- **Drafts and internal material are internal**: draft groups, mandates under
  way, recommendations the board has not decided on, internal meetings, and
  the documents, files, images and links in a group until staff or the chair
  make them public. Only staff, the organisation board and the group's own
  chair and members see them.
- **Each person does their part**: staff set groups up and move them through
  their lifecycle; the chair runs meetings and drafts and submits
  recommendations; members add documents while the group is open; the
  organisation board approves mandates and decides on recommendations; staff
  record the implementation. Once the board has decided, only site
  administrators can change the proposal.
- **Nothing on the record is deleted**: staff and the chair delete meetings,
  drafts and documents while the group is open; a mandate before the board, an
  approved one, a recommendation before the board or decided, anything in a
  concluded or cancelled group and a group itself only site administrators
  delete.
- **Public transparency** (a setting, on by default): when it is off, every
  task-group folder is limited to logged-in users, so the Anonymous column is
  "may not" throughout.

Residents and department board members have no rights here beyond being
logged in: they take part through a group's local roles once accepted.
Plone's editorial roles, given on the sharing page of the task-group folder,
mean what Plone users expect on the public content only: Contributor drafts
outcomes, Editor edits them and a public group's summary and challenge,
Reviewer publishes and retracts outcomes. None of them sees applications,
internal material, full rosters or participation figures, nor changes a
decision record.
`TaskGroupChair` and `TaskGroupMember` are local roles on one group, inherited
by everything in it. Manager may do everything and has no column.

Legend: {YES} may, {NO} may not. The actions view, edit, share and list
contents are the permissions View, Modify portal content, Sharing page:
Delegate roles and List folder contents; {DELETE} is Delete objects on the item
and on what holds it, as Plone's delete action asks; add X is adding an X
inside; an action in code font (`open_signup`) is a workflow transition, listed
only in the states it leaves.
"""


def label(action):
    if action in PERMISSION_ACTIONS or action == DELETE or action.startswith("add "):
        return action
    return f"`{action}`"


def table(portal_type):
    lines = [
        "| state | action | " + " | ".join(ROLES) + " |",
        "| --- | --- | " + " | ".join("---" for _role in ROLES) + " |",
    ]
    for state, cell in MATRIX[portal_type].items():
        for action in ACTIONS[portal_type]:
            roles = cell.get(action, frozenset())
            if not roles:
                continue
            marks = " | ".join(YES if role in roles else NO for role in ROLES)
            lines.append(f"| {state} | {label(action)} | {marks} |")
    return lines


APPLICATION_INTRO = """\
## Applications (`Application`, Tilmelding): who may change what

An application is personal data: the applicant, staff and the group's chair
see it, nobody else (someone else gets the same 404 as for an id that does not
exist). Its fields are written by these people in these states, in the Classic
UI edit form and through `PATCH` alike; a field the caller may not write is
refused with a 403 naming it, and nothing is stored. Decisions are workflow
transitions (accept, waitlist, decline, remove: staff and the chair; withdraw:
the applicant). Membership follows the accepted applications: the seat, the
`TaskGroupMember` role, the roster and "Mine opgavegrupper" change with them
on every road, including deleting an application or an account. Generated from
the schema's write permissions and the application workflow."""

ROLE_NAMES = {"Owner": "the applicant", "TaskGroupChair": "the chair"}


def _workflow_roles(permission):
    """{state: roles} from the application workflow, or None if it does not
    manage the permission."""
    import xml.etree.ElementTree as ET

    path = PROFILE / "workflows" / "application_workflow" / "definition.xml"
    root = ET.parse(path).getroot()  # noqa: S314 (our own profile file)
    if permission not in [p.text for p in root.findall("permission")]:
        return None
    found = {}
    for state in root.findall("state"):
        for mapping in state.findall("permission-map"):
            if mapping.get("name") == permission:
                found[state.get("state_id")] = [
                    role.text for role in mapping.findall("permission-role")
                ]
    return found


def _rolemap_roles(permission):
    import xml.etree.ElementTree as ET

    root = ET.parse(PROFILE / "rolemap.xml").getroot()  # noqa: S314 (ours)
    for node in root.iter("permission"):
        if node.get("name") == permission:
            return [role.get("name") for role in node.findall("role")]
    return []


def _who(roles):
    shown = [ROLE_NAMES.get(role, role) for role in roles if role != "Manager"]
    return ", ".join(shown) if shown else "nobody"


# Permission ids of the schema's write permissions, by their titles.
PERMISSION_TITLES = {
    "cmf.ModifyPortalContent": "Modify portal content",
    "threeb.opgavegrupper.ChangeSeat": "threeb.opgavegrupper: Change seat",
    "threeb.opgavegrupper.EditApplicationRecord": (
        "threeb.opgavegrupper: Edit application record"
    ),
    "threeb.opgavegrupper.ManageMembers": "threeb.opgavegrupper: Manage members",
}


def application_table():
    from zope.schema import getFieldsInOrder

    permissions = mergedTaggedValueDict(IApplication, WRITE_PERMISSIONS_KEY)
    lines = ["| field | may change it | permission |", "| --- | --- | --- |"]
    for name, _field in getFieldsInOrder(IApplication):
        title = PERMISSION_TITLES[permissions.get(name, "cmf.ModifyPortalContent")]
        by_state = _workflow_roles(title)
        if by_state is None:
            who = _who(_rolemap_roles(title))
        else:
            parts = [
                f"{state}: {_who(roles)}" for state, roles in by_state.items() if roles
            ]
            who = "; ".join(parts) if parts else "nobody"
        lines.append(f"| `{name}` | {who} | {title} |")
    return lines


def render():
    lines = [INTRO.rstrip("\n")]
    for types in SECTIONS:
        portal_type = types[0]
        assert all(MATRIX[other] == MATRIX[portal_type] for other in types)
        lines += ["", f"## {TITLES[portal_type]}", "", NOTES[portal_type], ""]
        lines += table(portal_type)
    lines += ["", APPLICATION_INTRO, ""]
    lines += application_table()
    return "\n".join(lines) + "\n"


def main():
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
