"""Plone's own content inside a task group: documents, files, images, links.

On the rest of the site these types keep the site's workflow (on a real site
simple publication for documents and links, none for files and images). Inside
a task group the placeful workflow policy ``taskgroup_material``
(profiles/default/portal_placeful_workflow/) binds them to
``taskgroup_material_workflow``: internal to staff, the board and the group
until staff or the chair make them public, then as public as the group or
meeting that holds them. Every other type keeps its own chain there.

The policy is set *below* every task group: when a group is added, and for
the groups that exist whenever the add-on's profile (or its workflow steps)
is imported.
"""

from Acquisition import aq_base
from Acquisition import aq_chain
from Acquisition import aq_inner
from plone import api
from Products.CMFPlacefulWorkflow.PlacefulWorkflowTool import WorkflowPolicyConfig_id
from Products.CMFPlacefulWorkflow.WorkflowPolicyConfig import WorkflowPolicyConfig
from threeb.opgavegrupper.content.taskgroup import ITaskGroup


POLICY = "taskgroup_material"
WORKFLOW = "taskgroup_material_workflow"
TYPES = ("Document", "File", "Image", "Link")
PROFILE = "threeb.opgavegrupper:default"


def policy_config(group):
    """The group's placeful workflow configuration, or None."""
    return getattr(aq_base(group), WorkflowPolicyConfig_id, None)


def apply_policy(group):
    """Put the material policy below ``group``; True if it was not there yet."""
    config = policy_config(group)
    if config is None:
        # Stored as an attribute, where CMFPlacefulWorkflow looks for it, not
        # as a contained object as its own add form does: then it is never
        # one of the group's items (listings, ordering, plone.restapi's
        # include_children, which would choke on it).
        setattr(
            aq_base(group),
            WorkflowPolicyConfig_id,
            WorkflowPolicyConfig(workflow_policy_below=POLICY),
        )
        return True
    if config.getPolicyBelowId() != POLICY:
        config.setPolicyBelow(POLICY)
        return True
    return False


def group_added(group, event):
    """A new group: its material gets the material workflow from the start."""
    apply_policy(group)


def in_task_group(obj):
    return any(ITaskGroup.providedBy(item) for item in aq_chain(aq_inner(obj)))


def material_moved(obj, event):
    """Moved into a group: internal there, whatever it was where it came from.

    A copy starts over in its new workflow, a moved object keeps the
    permission settings of its old state: a page published on the site and
    moved into a draft group would stay visible to everyone. Its state in the
    material workflow (``internal`` if it never had one) decides instead.
    """
    if event.oldParent is None or event.newParent is None:
        return  # added or removed, not moved
    if aq_base(event.oldParent) is aq_base(event.newParent):
        return  # renamed
    if obj.portal_type not in TYPES or not in_task_group(obj):
        return
    wftool = api.portal.get_tool("portal_workflow")
    for workflow in wftool.getWorkflowsFor(obj):
        workflow.updateRoleMappingsFor(obj)
    obj.reindexObject(idxs=["allowedRolesAndUsers", "review_state"])


def update_group(group):
    """The policy on an existing group, and everything in it brought up to date.

    The material in it may just have changed workflow, and any workflow's
    permission settings may have changed with a new version of the add-on.
    """
    apply_policy(group)
    # Recomputes the permission settings of the group and everything in it
    # from their workflows.
    getattr(group, WorkflowPolicyConfig_id).setPolicyBelow(POLICY, update_security=True)
    # What is inside acquires from what changed: reindex all of it.
    group.reindexObjectSecurity()
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type=TYPES, path="/".join(group.getPhysicalPath())
    ):
        brain._unrestrictedGetObject().reindexObject(idxs=["review_state"])


def update_everywhere():
    catalog = api.portal.get_tool("portal_catalog")
    # Unrestricted: every group counts, whoever runs the import.
    for brain in catalog.unrestrictedSearchResults(portal_type="TaskGroup"):
        update_group(brain._unrestrictedGetObject())


def profile_imported(event):
    """After the add-on's profile, or its workflow steps, are imported."""
    profile_id = (event.profile_id or "").removeprefix("profile-")
    if profile_id != PROFILE:
        return
    steps = set(event.steps or ())
    if event.full_import or steps & {"workflow", "placeful_workflow"}:
        update_everywhere()
