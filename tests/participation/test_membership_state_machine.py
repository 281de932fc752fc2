"""Membership follows the applications, whatever road is taken, in any order.

A hypothesis state machine drives one fresh task group per example through
every road that changes who sits in it: applying, the decisions, staff adding
a member, PATCHes of an application and of the group's seats, deleting an
application, ``@sharing`` and local roles set behind the rules, renamed,
deleted and re-created accounts, erasure and retention. Each road is taken by
someone who may and by someone who may not; a refusal must leave nothing
changed. A small model says what should happen; after every step the site
must agree with it, and with ``membership.problems``.
"""

from dataclasses import dataclass
from dataclasses import field
from DateTime import DateTime
from datetime import date
from hypothesis import HealthCheck
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import initialize
from hypothesis.stateful import invariant
from hypothesis.stateful import precondition
from hypothesis.stateful import rule
from hypothesis.stateful import RuleBasedStateMachine
from hypothesis.stateful import run_state_machine_as_test
from plone import api
from plone.app.workflow.events import LocalrolesModifiedEvent
from plone.restapi.interfaces import IDeserializeFromJson
from Products.CMFCore.WorkflowCore import WorkflowException
from threeb.opgavegrupper.interfaces import IBrowserLayer
from threeb.opgavegrupper.participation import applications
from threeb.opgavegrupper.participation import erasure
from threeb.opgavegrupper.participation import following
from threeb.opgavegrupper.participation import membership
from threeb.opgavegrupper.participation import retention
from threeb.opgavegrupper.participation import roster
from threeb.opgavegrupper.participation import seats
from threeb.opgavegrupper.participation.errors import AlreadyApplied
from threeb.opgavegrupper.participation.errors import NotOpen
from threeb.opgavegrupper.participation.errors import ParticipationError
from threeb.opgavegrupper.participation.errors import SeatsFull
from zExceptions import BadRequest
from zExceptions import Forbidden
from zope.annotation.interfaces import IAnnotations
from zope.component import getMultiAdapter
from zope.event import notify
from zope.globalrequest import getRequest
from zope.interface import alsoProvides

import functools
import itertools
import json
import pytest
import transaction


PASSWORD = "secret-pw-1"
# The people who apply, with their Plone groups and the seats those allow.
POOL = {
    "anna": (("beboere",), {"resident"}),
    "bjarke": (("beboere",), {"resident"}),
    "carla": (("afdelingsbestyrelser",), {"department_board", "resident"}),
    "dorte": (("organisationsbestyrelse",), {"org_board", "resident"}),
    "emil": ((), {"external"}),
    "frida": (("beboere",), {"resident"}),
}
STAFF, CHAIR = "staff1", "chair1"
SEATS = {
    "org_board": 1,
    "department_board": 1,
    "resident": 2,
    "staff": 1,
    "external": 1,
}
SEAT_FIELD = {key: f"seats_{key}" for key in SEATS}
CONSTITUENCIES = tuple(SEATS)
LIVE = membership.LIVE_STATES
FROM = {
    "accept": ("pending", "waitlisted"),
    "waitlist": ("pending",),
    "decline": ("pending", "waitlisted"),
    "remove": ("accepted",),
    "withdraw": ("pending", "accepted", "waitlisted"),
}
TO = {
    "accept": "accepted",
    "waitlist": "waitlisted",
    "decline": "declined",
    "remove": "withdrawn",
    "withdraw": "withdrawn",
}
PLACEHOLDER = "Anonymised application"
# Unique across the whole test run, so one person's data never looks like
# another's (zero-padded: "Pool 0003" is no part of "Pool 0031").
NUMBERS = itertools.count(1)
GROUP_NUMBERS = itertools.count(1)


def fresh_identity(login):
    number = next(NUMBERS)
    return (
        f"{login.capitalize()} Pool {number:04d}",
        f"{login}.{number:04d}@example.org",
    )


@dataclass
class Person:
    login: str
    fullname: str
    email: str
    account: bool = True
    # Erased (or deleted) and has done nothing in the group since.
    clean: bool = False
    # Everything of the person that was erased and must not show up again.
    erased_uids: set = field(default_factory=set)
    erased_values: set = field(default_factory=set)


@dataclass
class App:
    uid: str
    applicant: str | None
    constituency: str
    state: str
    # Added by staff without an account: staff hold the Owner role.
    staff_owned: bool = False
    anonymised: bool = False
    values: set = field(default_factory=set)


class Refused(Exception):
    """A service's own permission check said no (401/403 before any code)."""


def request():
    found = getRequest() or api.portal.get().REQUEST
    alsoProvides(found, IBrowserLayer)
    return found


def fresh(method):
    """Run a step as a request of its own.

    Plone caches the local roles it checked on the request
    (borg.localrole); one request for every step would answer from before
    the roles changed.
    """

    @functools.wraps(method)
    def run(self, *args, **kwargs):
        IAnnotations(request()).clear()
        return method(self, *args, **kwargs)

    return run


def as_json_request(body):
    found = request()
    found["BODY"] = json.dumps(body)
    return found


def ensure_account(login, groups, fullname, email):
    if api.user.get(username=login) is None:
        api.user.create(
            email=email,
            username=login,
            password=PASSWORD,
            properties={"fullname": fullname, "email": email},
        )
        for group in groups:
            api.group.add_user(groupname=group, username=login)


def snapshot(group):
    """Everything a refused road must leave as it was."""
    workflow = api.portal.get_tool("portal_workflow")
    apps = {}
    for app in membership.application_objects(group):
        apps[app.UID()] = (
            workflow.getInfoFor(app, "review_state"),
            app.constituency,
            app.applicant,
            app.anonymised,
            app.Title(),
            tuple(getattr(app, name) for name in retention.PERSONAL_FIELDS),
            sorted((p, sorted(r)) for p, r in app.get_local_roles()),
        )
    index = membership.applicants_index(group)
    return {
        "apps": apps,
        "ledger": seats.all_holders(group),
        "roles": sorted((p, sorted(r)) for p, r in group.get_local_roles()),
        "index": dict(index.items()) if index is not None else {},
        "seats": group.seats(),
        "followers": following.followers(group),
    }


class MembershipMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.portal = api.portal.get()
        self.people = {}
        with api.env.adopt_roles(["Manager"]):
            for login, (groups, _seats) in POOL.items():
                fullname, email = fresh_identity(login)
                user = api.user.get(username=login)
                if user is None:
                    ensure_account(login, groups, fullname, email)
                else:
                    user.setMemberProperties({"fullname": fullname, "email": email})
                self.people[login] = Person(login, fullname, email)
            self.group = api.content.create(
                self.portal["grupper"],
                "TaskGroup",
                id=f"gruppe-{next(GROUP_NUMBERS)}",
                title="Vaskeriet",
                summary="Nye regler i vaskeriet",
                theme="Udlejning",
                start=date(2026, 1, 1),
                deadline=date(2026, 6, 1),
                contact=STAFF,
                **{SEAT_FIELD[key]: number for key, number in SEATS.items()},
            )
            api.user.grant_roles(
                username=CHAIR, obj=self.group, roles=["TaskGroupChair"]
            )
            api.content.transition(self.group, transition="open_signup")
        self.apps = {}
        self.order = []
        self.seats = dict(SEATS)
        self.chairs = {CHAIR}
        self.follows = set()
        self.closed = False

    def teardown(self):
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(obj=self.group, check_linkintegrity=False)

    # Helpers -----------------------------------------------------------------

    def _by_uid(self):
        return {app.UID(): app for app in membership.application_objects(self.group)}

    def pick(self, number):
        return self.apps[self.order[number % len(self.order)]] if self.order else None

    def has_account(self, login):
        person = self.people.get(login)
        return login in (STAFF, CHAIR) or (person is not None and person.account)

    def live_of(self, login):
        return [
            app
            for app in self.apps.values()
            if app.applicant == login and app.state in LIVE
        ]

    def taken(self, constituency):
        return sum(
            1
            for app in self.apps.values()
            if app.state == "accepted" and app.constituency == constituency
        )

    def members(self):
        return {
            app.applicant
            for app in self.apps.values()
            if app.state == "accepted"
            and app.applicant
            and self.has_account(app.applicant)
        }

    def may_decide(self, actor):
        return actor == STAFF or actor in self.chairs

    def refused(self, expected, call, rollback=False):
        """Run ``call``: it must raise ``expected`` and leave everything as it was.

        ``rollback`` for the REST roads, whose refusal the publisher aborts
        (plone.restapi writes fields before it validates the invariants).
        """
        before = snapshot(self.group)
        savepoint = transaction.savepoint()
        with pytest.raises(expected) as info:
            call()
        if rollback:
            savepoint.rollback()
        assert snapshot(self.group) == before
        return info.value

    def touch(self, login):
        if login in self.people:
            self.people[login].clean = False

    def erase_in_model(self, login):
        person = self.people[login]
        for app in self.apps.values():
            if app.applicant != login:
                continue
            if app.state in LIVE:
                app.state = "withdrawn"
            app.applicant = None
            app.anonymised = True
            person.erased_uids.add(app.uid)
            person.erased_values |= app.values
        person.erased_values |= {person.fullname, person.email}
        self.chairs.discard(login)
        self.follows.discard(login)
        person.clean = True

    def add_app(self, application, applicant, constituency, state, values, **kw):
        uid = application.UID()
        self.apps[uid] = App(uid, applicant, constituency, state, values=values, **kw)
        self.order.append(uid)

    # Applying and deciding -------------------------------------------------------

    @initialize(
        logins=st.lists(st.sampled_from(sorted(POOL)), unique=True, max_size=5),
        accepted=st.integers(0, 5),
    )
    @fresh
    def some_have_applied(self, logins, accepted):
        """Start most examples with a few applications, some accepted."""
        for login in logins:
            self.apply(login, sorted(POOL[login][1])[-1], False)
        for number in range(min(accepted, len(self.order))):
            self.decide("accept", STAFF, number, True)

    @rule(
        login=st.sampled_from(sorted(POOL)),
        number=st.integers(0, 3),
        consent=st.booleans(),
    )
    @fresh
    def apply_for_a_seat_of_mine(self, login, number, consent):
        mine = sorted(POOL[login][1])
        self.apply(login, mine[number % len(mine)], consent)

    @rule(
        login=st.sampled_from(sorted(POOL)),
        constituency=st.sampled_from(CONSTITUENCIES),
        consent=st.booleans(),
    )
    @fresh
    def apply(self, login, constituency, consent):
        person = self.people[login]
        if not person.account:
            return
        motivation = f"Motivation {next(NUMBERS):04d} of {login}"
        data = {
            "constituency": constituency,
            "motivation": motivation,
            "phone": "12 34 56 78",
            "consent_public": consent,
        }
        user = api.user.get(username=login)

        def call():
            with api.env.adopt_user(user=user):
                return applications.apply(self.group, user, data)

        if self.closed:
            self.refused(NotOpen, call)
        elif constituency not in POOL[login][1]:
            error = self.refused(ParticipationError, call)
            assert type(error) is ParticipationError
            assert error.field == "constituency"
        elif self.live_of(login):
            self.refused(AlreadyApplied, call)
        else:
            application = call()
            values = {motivation, person.fullname, person.email}
            self.add_app(application, login, constituency, "pending", values)
            self.touch(login)

    @rule(
        which=st.integers(0, 3),
        number=st.integers(0, 100),
        comment=st.booleans(),
    )
    @fresh
    def staff_decide(self, which, number, comment):
        """Mostly a decision the application's state allows."""
        app = self.pick(number)
        if app is None:
            return
        possible = sorted(t for t, states in FROM.items() if app.state in states)
        if possible:
            self.decide(possible[which % len(possible)], STAFF, number, comment)

    @rule(
        transition=st.sampled_from(("accept", "remove", "withdraw")),
        number=st.integers(0, 100),
    )
    @fresh
    def applicant_or_chair_decide(self, transition, number):
        actor = CHAIR if transition != "withdraw" else "applicant"
        self.decide(transition, actor, number, False)

    @rule(
        transition=st.sampled_from(sorted(FROM)),
        actor=st.sampled_from((STAFF, CHAIR, "applicant", "anna", "dorte")),
        number=st.integers(0, 100),
        comment=st.booleans(),
    )
    @fresh
    def decide(self, transition, actor, number, comment):
        app = self.pick(number)
        if app is None:
            return
        if actor == "applicant":
            actor = app.applicant
        if not actor or not self.has_account(actor):
            return
        text = f"Besked {next(NUMBERS):04d}" if comment else ""
        if transition == "withdraw":
            allowed = (actor == app.applicant and not app.anonymised) or (
                actor == STAFF and app.staff_owned
            )
        else:
            allowed = self.may_decide(actor)
        allowed = allowed and app.state in FROM[transition]
        if transition == "accept" and allowed:
            allowed = self.taken(app.constituency) < self.seats[app.constituency]
        application = self._by_uid()[app.uid]

        def call():
            workflow = api.portal.get_tool("portal_workflow")
            with api.env.adopt_user(username=actor):
                workflow.doActionFor(application, transition, comment=text)

        if not allowed:
            self.refused(WorkflowException, call)
            return
        call()
        app.state = TO[transition]
        if text and not app.anonymised:
            app.values.add(text)
        self.touch(actor)

    @rule(
        login=st.sampled_from((None, *sorted(POOL))),
        constituency=st.sampled_from((*CONSTITUENCIES, "nowhere")),
    )
    @fresh
    def add_member(self, login, constituency):
        person = self.people.get(login)
        if person is not None:
            fullname, email = person.fullname, person.email
        else:
            number = next(NUMBERS)
            fullname, email = (
                f"Ekstern {number:04d}",
                f"ekstern.{number:04d}@example.org",
            )
        data = {"fullname": fullname, "email": email, "constituency": constituency}

        def call():
            with api.env.adopt_user(username=STAFF):
                return applications.add_member(self.group, data, user_id=login)

        if constituency not in CONSTITUENCIES:
            self.refused(ParticipationError, call)
        elif person is not None and not person.account:
            error = self.refused(ParticipationError, call)
            assert error.field == "user_id"
        elif login and self.live_of(login):
            self.refused(AlreadyApplied, call)
        elif self.taken(constituency) >= self.seats[constituency]:
            self.refused(SeatsFull, call)
        else:
            application = call()
            self.add_app(
                application,
                login,
                constituency,
                "accepted",
                {fullname, email},
                staff_owned=login is None,
            )
            self.touch(login)

    # REST: PATCH an application and the group ------------------------------

    def patch(self, obj, body, actor):
        req = as_json_request(body)
        with api.env.adopt_user(username=actor):
            # What the @content PATCH service checks before the deserializer.
            if not api.user.has_permission("Modify portal content", obj=obj):
                raise Refused(actor)
            getMultiAdapter((obj, req), IDeserializeFromJson)()

    @rule(
        actor=st.sampled_from((STAFF, CHAIR, "applicant")),
        number=st.integers(0, 100),
        constituency=st.sampled_from((*CONSTITUENCIES, "nowhere")),
    )
    @fresh
    def patch_constituency(self, actor, number, constituency):
        app = self.pick(number)
        if app is None:
            return
        if actor == "applicant":
            actor = app.applicant
        if not actor or not self.has_account(actor):
            return
        application = self._by_uid()[app.uid]

        def call():
            self.patch(application, {"constituency": constituency}, actor)

        owner = actor == app.applicant and not app.anonymised
        if not (actor == STAFF or (owner and app.state == "pending")):
            self.refused(Refused, call)
        elif constituency == app.constituency:
            # Sending back the value it has changes nothing and is let through.
            call()
        elif not (actor == STAFF and app.state == "pending"):
            self.refused(Forbidden, call, rollback=True)
        elif constituency not in CONSTITUENCIES or (
            constituency != app.constituency
            and app.applicant
            and self.has_account(app.applicant)
            and constituency not in POOL[app.applicant][1]
        ):
            self.refused(BadRequest, call, rollback=True)
        else:
            call()
            app.constituency = constituency

    @rule(number=st.integers(0, 100), which=st.integers(0, 3))
    @fresh
    def staff_move_a_pending_application(self, number, which):
        """Staff give a pending application another seat its applicant may take."""
        pending = [app for app in self.apps.values() if app.state == "pending"]
        if not pending:
            return
        app = pending[number % len(pending)]
        choices = sorted(POOL[app.applicant][1]) if app.applicant else CONSTITUENCIES
        self.patch_constituency(
            STAFF, self.order.index(app.uid), choices[which % len(choices)]
        )

    @rule(number=st.integers(0, 100))
    @fresh
    def patch_applicant(self, number):
        """Nobody writes who applied by hand, not even staff."""
        app = self.pick(number)
        if app is None:
            return
        application = self._by_uid()[app.uid]
        self.refused(
            Forbidden,
            lambda: self.patch(application, {"applicant": "anna"}, STAFF),
            rollback=True,
        )

    @rule(
        actor=st.sampled_from((STAFF, CHAIR, "bjarke")),
        constituency=st.sampled_from(CONSTITUENCIES),
        number=st.integers(-1, 3),
    )
    @fresh
    def patch_seats(self, actor, constituency, number):
        if not self.has_account(actor):
            return

        def call():
            self.patch(self.group, {SEAT_FIELD[constituency]: number}, actor)

        if actor != STAFF:
            self.refused(Refused, call)
        elif number < 0 or number < self.taken(constituency):
            self.refused(BadRequest, call, rollback=True)
        else:
            call()
            self.seats[constituency] = number

    # Deleting, sharing, local roles -------------------------------------------

    @rule(number=st.integers(0, 100))
    @fresh
    def delete_application(self, number):
        app = self.pick(number)
        if app is None:
            return
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(obj=self._by_uid()[app.uid], check_linkintegrity=False)
        del self.apps[app.uid]
        self.order.remove(app.uid)

    @rule(
        actor=st.sampled_from((STAFF, CHAIR, "anna")),
        principal=st.sampled_from((*sorted(POOL), CHAIR, STAFF)),
        member=st.booleans(),
        chair=st.sampled_from((None, True, False)),
    )
    @fresh
    def sharing(self, actor, principal, member, chair):
        if not (self.has_account(actor) and self.has_account(principal)):
            return
        roles = {"TaskGroupMember": member}
        if chair is not None:
            roles["TaskGroupChair"] = chair
        req = as_json_request(
            {"entries": [{"id": principal, "type": "user", "roles": roles}]}
        )

        def call():
            with api.env.adopt_user(username=actor):
                # What the @sharing POST service checks first.
                if not api.user.has_permission(
                    "Sharing page: Delegate roles", obj=self.group
                ):
                    raise Refused(actor)
                getMultiAdapter(
                    (self.group, req), IDeserializeFromJson, name="local_roles"
                )()

        # Staff manage the chair role: @sharing takes a managed role left out
        # of an entry as not wanted. Nobody else manages any role here.
        wanted = bool(chair) if actor == STAFF else chair
        changes_chair = wanted is not None and wanted != (principal in self.chairs)
        if not self.may_decide(actor) and not self.closed:
            self.refused(Refused, call)
        elif self.closed:
            return
        elif member != (principal in self.members()):
            self.refused(BadRequest, call)
        elif changes_chair and actor != STAFF:
            self.refused(Forbidden, call)
        else:
            call()
            if changes_chair:
                (self.chairs.add if wanted else self.chairs.discard)(principal)
                if wanted:
                    self.touch(principal)

    @rule(
        principal=st.sampled_from((*sorted(POOL), CHAIR, "beboere")),
        grant=st.booleans(),
    )
    @fresh
    def local_roles_behind_the_rules(self, principal, grant):
        group = self.group
        roles = set(group.get_local_roles_for_userid(principal))
        (roles.add if grant else roles.discard)(membership.MEMBER_ROLE)
        with api.env.adopt_roles(["Manager"]):
            if roles:
                group.manage_setLocalRoles(principal, sorted(roles))
            else:
                group.manage_delLocalRoles([principal])
            notify(LocalrolesModifiedEvent(group, request()))

    # Accounts, erasure, retention --------------------------------------------

    @rule(login=st.sampled_from(sorted(POOL)))
    @fresh
    def rename(self, login):
        person = self.people[login]
        if not person.account:
            return
        person.fullname, _email = fresh_identity(login)
        api.user.get(username=login).setMemberProperties({"fullname": person.fullname})

    @precondition(lambda self: sum(not p.account for p in self.people.values()) < 2)
    @rule(login=st.sampled_from(sorted(POOL)))
    @fresh
    def delete_account(self, login):
        person = self.people[login]
        if not person.account:
            return
        with api.env.adopt_roles(["Manager"]):
            api.user.delete(username=login)
        person.account = False
        self.erase_in_model(login)

    @rule(number=st.integers(0, 5))
    @fresh
    def recreate_account(self, number):
        gone = sorted(
            login for login, person in self.people.items() if not person.account
        )
        if not gone:
            return
        login = gone[number % len(gone)]
        person = self.people[login]
        person.fullname, person.email = fresh_identity(login)
        with api.env.adopt_roles(["Manager"]):
            ensure_account(login, POOL[login][0], person.fullname, person.email)
        person.account = True

    @precondition(lambda self: len(self.apps) >= 2)
    @rule(login=st.sampled_from(sorted(POOL)))
    @fresh
    def erase(self, login):
        with api.env.adopt_user(username=STAFF):
            erasure.erase_person(login)
        self.erase_in_model(login)

    @rule(login=st.sampled_from(sorted(POOL)))
    @fresh
    def follow(self, login):
        if not self.people[login].account:
            return
        with api.env.adopt_user(username=login):
            following.follow(self.group, login)
        self.follows.add(login)
        self.touch(login)

    @precondition(
        lambda self: (
            not self.closed
            and sum(app.state in LIVE for app in self.apps.values()) >= 2
        )
    )
    @rule()
    @fresh
    def retention(self):
        workflow = api.portal.get_tool("portal_workflow")
        (chain,) = workflow.getChainFor(self.group)
        with api.env.adopt_roles(["Manager"]):
            workflow.setStatusOf(
                chain,
                self.group,
                {
                    "review_state": "concluded",
                    "action": "conclude",
                    "actor": STAFF,
                    "time": DateTime("2020/01/10 12:00:00 UTC"),
                    "comments": "",
                },
            )
            workflow.getWorkflowById(chain).updateRoleMappingsFor(self.group)
            self.group.reindexObject()
            retention.anonymise(self.portal, now=DateTime())
        self.closed = True
        for app in self.apps.values():
            app.anonymised = True
            app.applicant = None

    # What must hold after every step -------------------------------------------

    @invariant()
    @fresh
    def the_record_holds(self):
        group = self.group
        assert membership.problems(group) == []
        found = self._by_uid()
        assert set(found) == set(self.apps)
        workflow = api.portal.get_tool("portal_workflow")
        for uid, app in self.apps.items():
            obj = found[uid]
            seen = (
                workflow.getInfoFor(obj, "review_state"),
                obj.constituency,
                obj.applicant,
            )
            assert seen == (app.state, app.constituency, app.applicant), uid
            if app.anonymised:
                assert obj.anonymised is True
                for name in retention.PERSONAL_FIELDS:
                    assert getattr(obj, name) is None, name
                for entries in obj.workflow_history.values():
                    assert not any(entry.get("comments") for entry in entries)
        # The roster and a person's page read the catalog, not the objects.
        brains = applications.applications(group)
        assert {
            brain.UID: (brain.review_state, brain.constituency, brain.applicant)
            for brain in brains
        } == {
            uid: (app.state, app.constituency, app.applicant)
            for uid, app in self.apps.items()
        }
        accepted = {
            uid: app.constituency
            for uid, app in self.apps.items()
            if app.state == "accepted"
        }
        assert seats.all_holders(group) == accepted
        assert group.seats() == self.seats
        # Listings show the seats and how many are taken from the catalog.
        catalog = api.portal.get_tool("portal_catalog")
        (brain,) = catalog.unrestrictedSearchResults(UID=group.UID())
        assert brain.seats == self.seats
        assert brain.seats_filled == {key: self.taken(key) for key in CONSTITUENCIES}
        assert membership.member_role_holders(group) == self.members()
        chairs = {
            p for p, roles in group.get_local_roles() if "TaskGroupChair" in roles
        }
        assert chairs == self.chairs
        index = membership.applicants_index(group)
        assert dict(index.items()) == {
            app.applicant: uid
            for uid, app in self.apps.items()
            if app.applicant and app.state in LIVE
        }
        assert set(following.followers(group)) == self.follows

    @invariant()
    @fresh
    def the_roster_is_the_ledger(self):
        found = roster.roster(self.group, user=api.user.get(username=STAFF))
        assert found["full"] is True
        accepted = [app for app in self.apps.values() if app.state == "accepted"]
        assert found["total"] == len(accepted) == len(seats.all_holders(self.group))
        by_key = {
            section["constituency"]: section for section in found["constituencies"]
        }
        for key in CONSTITUENCIES:
            mine = [app for app in accepted if app.constituency == key]
            section = by_key.get(key)
            if section is None:
                assert not mine and not self.seats[key]
                continue
            assert section["filled"] == len(mine) == len(seats.holders(self.group, key))
            assert section["seats"] == self.seats[key]
            assert section["unnamed"] == 0
            assert sorted(
                (member["user_id"] or "", member["name"])
                for member in section["members"]
            ) == sorted((app.applicant or "", self.name_of(app)) for app in mine)

    def name_of(self, app):
        if app.applicant and self.has_account(app.applicant):
            return self.people[app.applicant].fullname
        if app.anonymised:
            return PLACEHOLDER
        return next(value for value in app.values if value.startswith("Ekstern"))

    @invariant()
    @fresh
    def my_page_agrees(self):
        """A person's data (Mine opgavegrupper) shows their part of this group."""
        path = "/".join(self.group.getPhysicalPath())
        for login, person in self.people.items():
            if not person.account:
                continue
            data = roster.export(login)
            mine = {
                item["id"]: item["review_state"]
                for item in data["applications"]
                if item["@id"].startswith(self.group.absolute_url() + "/")
            }
            found = self._by_uid()
            assert mine == {
                found[uid].getId(): app.state
                for uid, app in self.apps.items()
                if app.applicant == login
            }
            roles = {
                tuple(item["roles"])
                for item in roster.memberships(login)
                if item["UID"] == self.group.UID()
            }
            expected = [
                name
                for name, holds in (
                    ("chair", login in self.chairs),
                    ("member", login in self.members()),
                )
                if holds
            ]
            assert roles == ({tuple(expected)} if expected else set()), path

    @invariant()
    @fresh
    def nothing_left_of_the_erased(self):
        found = self._by_uid()
        catalog = api.portal.get_tool("portal_catalog")
        roster_text = json.dumps(
            roster.roster(self.group, user=api.user.get(username=STAFF))
        )
        for login, person in self.people.items():
            for uid in person.erased_uids & set(found):
                obj = found[uid]
                assert obj.applicant is None and obj.anonymised is True
                assert login not in obj.listCreators()
                assert login not in {p for p, _roles in obj.get_local_roles()}
                owner = obj.__dict__.get("_owner")
                assert not owner or owner[1] != login
                for entries in obj.workflow_history.values():
                    for entry in entries:
                        assert entry.get("actor") != login
                        assert not entry.get("comments")
                (brain,) = catalog.unrestrictedSearchResults(UID=uid)
                assert brain.applicant is None and brain.Creator != login
            for value in person.erased_values - {person.fullname, person.email}:
                assert value not in roster_text
            if not person.clean:
                continue
            group = self.group
            assert not group.get_local_roles_for_userid(login)
            assert login not in following.followers(group)
            assert membership.live_uid(group, login) is None
            assert f'"{login}"' not in roster_text
            if person.account:
                data = self.download(login)
                assert data["applications"] == []
                assert data["memberships"] == []
                assert data["following"] == []

    def download(self, login):
        req = request()
        with api.env.adopt_user(username=login):
            view = getMultiAdapter((self.portal, req), name="mine-opgavegrupper")
            view.publishTraverse(req, "data.json")
            return json.loads(view())


def test_membership_follows_the_applications_on_every_road(portal):
    alsoProvides(portal.REQUEST, IBrowserLayer)
    with api.env.adopt_roles(["Manager"]):
        api.content.create(portal, "TaskGroupFolder", id="grupper")
        api.user.create(email="staff1@example.org", username=STAFF, password=PASSWORD)
        api.group.add_user(groupname="medarbejdere", username=STAFF)
        api.user.create(email="chair1@example.org", username=CHAIR, password=PASSWORD)
        api.group.add_user(groupname="beboere", username=CHAIR)
    run_state_machine_as_test(
        MembershipMachine,
        # About a minute of CPU here; a longer hunt (max_examples=100,
        # stateful_step_count=50) is worth a run after changing a road.
        settings=settings(
            max_examples=20,
            stateful_step_count=40,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
