"""A task group orders its contents by hand, applications aside (ordering.py)."""

from datetime import date
from plone import api
from plone.folder.default import DefaultOrdering
from threeb.opgavegrupper.content.ordering import drop_applications_from_order
from threeb.opgavegrupper.content.ordering import ORDERING_NAME
from threeb.opgavegrupper.content.ordering import TaskGroupOrdering
from zope.annotation.interfaces import IAnnotations

import pytest
import transaction


def make_group(portal):
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "TaskGroupFolder", id="grupper")
        return api.content.create(
            folder,
            "TaskGroup",
            id="vaskeriet",
            title="Vaskeriet",
            summary="Nye regler i vaskeriet",
            theme="Udlejning",
            start=date(2026, 1, 1),
            deadline=date(2026, 6, 1),
        )


def add(group, portal_type, obj_id):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=group, type=portal_type, id=obj_id, title=obj_id
        )


def order_list(group):
    return list(IAnnotations(group).get(TaskGroupOrdering.ORDER_KEY, []))


@pytest.fixture
def group(portal):
    group = make_group(portal)
    add(group, "Document", "program")
    add(group, "Application", "application-b")
    add(group, "Meeting", "first-meeting")
    add(group, "Application", "application-a")
    add(group, "Document", "minutes")
    return group


def test_the_group_uses_it(group):
    assert group._ordering == ORDERING_NAME
    assert isinstance(group.getOrdering(), TaskGroupOrdering)


def test_applications_stay_out_of_the_order_list(group):
    assert order_list(group) == ["program", "first-meeting", "minutes"]


def test_all_ids_ordered_ones_first(group):
    assert group.objectIds() == [
        "program",
        "first-meeting",
        "minutes",
        "application-a",
        "application-b",
    ]
    assert list(group.keys()) == group.objectIds()
    assert group.getOrdering()[3] == "application-a"


def test_positions(group):
    assert [group.getObjectPosition(i) for i in group.objectIds()] == [0, 1, 2, 3, 4]
    with pytest.raises(ValueError):
        group.getObjectPosition("no-such-thing")


def test_moving_the_ordered_ones(group):
    group.moveObjectsToTop(["minutes"])
    assert order_list(group) == ["minutes", "program", "first-meeting"]
    group.moveObjectsByDelta(["minutes"], 1)
    assert order_list(group) == ["program", "minutes", "first-meeting"]
    group.moveObjectToPosition("first-meeting", 0)
    assert group.objectIds()[:3] == ["first-meeting", "program", "minutes"]
    assert group.getObjectPosition("minutes") == 2
    # A subset that names applications too (folder_contents sends all ids).
    group.moveObjectsByDelta(
        ["program"], -1, subset_ids=["first-meeting", "application-a", "program"]
    )
    assert order_list(group) == ["program", "first-meeting", "minutes"]


def test_applications_do_not_move(group):
    assert group.moveObjectToPosition("application-b", 0) == 0
    assert group.moveObjectsToTop(["application-b"]) == 0
    assert order_list(group) == ["program", "first-meeting", "minutes"]
    assert group.objectIds()[-2:] == ["application-a", "application-b"]


def test_removing(group):
    pos = IAnnotations(group)[TaskGroupOrdering.POS_KEY]
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(group["application-a"])
        assert dict(pos) == {"program": 0, "first-meeting": 1, "minutes": 2}
        api.content.delete(group["program"])
    assert order_list(group) == ["first-meeting", "minutes"]
    assert dict(pos) == {"first-meeting": 0, "minutes": 1}
    assert group.objectIds() == ["first-meeting", "minutes", "application-b"]


def test_rename_keeps_the_place(group):
    with api.env.adopt_roles(["Manager"]):
        api.content.rename(group["first-meeting"], new_id="kickoff")
        api.content.rename(group["application-b"], new_id="application-c")
    assert order_list(group) == ["program", "kickoff", "minutes"]
    assert "application-c" in group.objectIds()


def test_the_catalog_lists_every_child_in_order(group):
    # plone.restapi's "items" of a folder sort on getObjPositionInParent; an
    # item without a value there would be left out of that listing.
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        path={"query": "/".join(group.getPhysicalPath()), "depth": 1},
        sort_on="getObjPositionInParent",
    )
    ids = [brain.getId for brain in brains]
    assert ids[:3] == ["program", "first-meeting", "minutes"]
    assert sorted(ids[3:]) == ["application-a", "application-b"]


def test_drop_applications_from_an_old_order_list(portal):
    group = make_group(portal)
    # A group from before: plone.folder's ordering put every id in the list.
    old = DefaultOrdering(group)
    for portal_type, obj_id in (
        ("Document", "program"),
        ("Application", "application-b"),
        ("Meeting", "first-meeting"),
        ("Application", "application-a"),
    ):
        add(group, portal_type, obj_id)
        if obj_id not in old._pos():
            old.notifyAdded(obj_id)
    assert order_list(group) == [
        "program",
        "application-b",
        "first-meeting",
        "application-a",
    ]
    # Before the upgrade the group works, applications counted as ordered.
    assert group.objectIds() == order_list(group)

    assert drop_applications_from_order(group) == 2

    assert order_list(group) == ["program", "first-meeting"]
    assert dict(IAnnotations(group)[TaskGroupOrdering.POS_KEY]) == {
        "program": 0,
        "first-meeting": 1,
    }
    assert group.objectIds() == [
        "program",
        "first-meeting",
        "application-a",
        "application-b",
    ]
    assert drop_applications_from_order(group) == 0


def test_a_new_group_is_ready_for_the_first_sign_ups(portal):
    # BTreeFolder2's per-meta-type index has the applications' entry already,
    # so the first applications at the same moment do not all make it.
    group = make_group(portal)
    assert list(group._mt_index.keys()) == ["Dexterity Item"]
    add(group, "Application", "application-a")
    assert group.objectIds(spec="Dexterity Item") == ["application-a"]
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(group["application-a"])
    assert group.objectIds() == []


def test_drop_on_a_group_without_order_list(portal):
    group = make_group(portal)
    assert drop_applications_from_order(group) == 0
    assert TaskGroupOrdering.ORDER_KEY not in IAnnotations(group)


# With commits: the modified date is what the stored group says.


@pytest.fixture
def stored_group(functional_portal):
    group = make_group(functional_portal)
    add(group, "Document", "program")
    transaction.commit()
    return group


def test_an_application_leaves_the_group_unmodified(stored_group):
    before = stored_group.modified()
    add(stored_group, "Application", "application-a")
    assert stored_group._p_changed is False
    transaction.commit()
    assert stored_group.modified() == before
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(UID=stored_group.UID())
    assert brain.modified == before


def test_other_content_still_modifies_the_group(stored_group):
    before = stored_group.modified()
    add(stored_group, "Document", "minutes")
    transaction.commit()
    assert stored_group.modified() > before


def test_an_edit_with_an_application_is_kept(stored_group):
    """A group changed in the same transaction stays changed, date and all."""
    before = stored_group.modified()
    stored_group.title = "Vaskeriet og tørrerummet"
    add(stored_group, "Application", "application-a")
    transaction.commit()
    transaction.begin()
    assert stored_group.title == "Vaskeriet og tørrerummet"
    assert stored_group.modified() > before
