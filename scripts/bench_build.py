"""Build the benchmark's site: task groups with applications, fast but real.

Run by scripts/bench.py through Zope's console on a throwaway FileStorage:

    BENCH_GROUPS=1000 zconsole run var/bench/1000/zope.conf scripts/bench_build.py

The data is what a real site would hold: every object made by
api.content.create (its events: UID, owner, workflow, the applicants
index), the applicant's ownership and the seat ledger set by the add-on's
own functions, every object catalogued and the counters kept by the
indexing queue. Groups are in every state; most had applicants, some of
them accepted. Besides the folder ``grupper`` of BENCH_GROUPS groups, the
folder ``maaling`` holds two recruiting groups with 10 and 1,000 pending
applications, for timing a decision on an application.

What makes it fast (profiled: 0.4 groups a second through the pages' own
roads, where each decision searched the catalog, which flushed the
indexing queue, so every object was catalogued three or four times over,
and rendered mails nobody would get):

- decisions are recorded as the workflow would leave them (history, role
  mappings, seat, member role) without the searches of the decision code, so
  the queue indexes each object once, when the batch is committed;
- the notification subscribers are switched off while building (no mail
  would go out: the site has no sender address);
- accounts go straight into PAS's user, property and group plugins.

At the end ``check`` asks the add-on's own invariants (membership.problems
for groups, the counters against a recount) and stops the build if the data
disagree.
"""

from DateTime import DateTime
from datetime import date
from datetime import timedelta
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.base.utils import get_installer
from Products.CMFCore.indexing import processQueue
from Products.CMFPlone.factory import addPloneSite
from threeb.opgavegrupper.participation import applications
from threeb.opgavegrupper.participation import membership
from threeb.opgavegrupper.participation import seats
from threeb.opgavegrupper.setuphandlers.demo_content import meeting_time
from threeb.opgavegrupper.stats import counters
from threeb.opgavegrupper.stats.figures import figures
from zope.component import getGlobalSiteManager
from zope.component.hooks import setSite

import logging
import os
import random
import sys
import time
import transaction


PACKAGE = "threeb.opgavegrupper"
SITE_ID = "Plone"
PASSWORD = "bench-secret-1"  # noqa: S105 (throwaway accounts of the bench)
# Groups between commits (about 700 objects); the indexing queue is
# processed when a batch commits, once for each object.
COMMIT_EVERY = 100
WORDS = [
    "Vaskeri",
    "Gårdlaug",
    "Energi",
    "Affald",
    "Legeplads",
    "Cykelskur",
    "Beboerhus",
    "Nabohjælp",
    "Udlejning",
    "Trivsel",
    "Festudvalg",
    "Haver",
    "Parkering",
    "Renovering",
    "Tryghed",
]
# State of a group and how often it occurs; draft groups have no applicants.
STATES = (
    ("draft", 10, ()),
    ("recruiting", 30, ("open_signup",)),
    ("active", 35, ("open_signup", "start_work")),
    ("concluded", 20, ("open_signup", "start_work", "conclude")),
    ("cancelled", 5, ("open_signup", "cancel")),
)


def log(message):
    print(f"[bench build {time.strftime('%H:%M:%S')}] {message}", flush=True)


def html(text):
    return RichTextValue(f"<p>{text}</p>", "text/html", "text/x-html-safe")


def make_site(app):
    site = addPloneSite(
        app,
        SITE_ID,
        distribution_name="classic",
        title="Måling",
        default_language="da",
        portal_timezone="Europe/Copenhagen",
        setup_content=False,
    )
    setSite(site)
    get_installer(site).install_product(PACKAGE)
    transaction.commit()
    return site


def make_people(count):
    """Residents, plus one administrator, staff member and board member.

    Straight into PAS's plugins (user, properties, groups): what
    api.user.create leaves behind, without its look-ups for each account.
    """
    pas = api.portal.get().acl_users
    everyone = [
        ("bench-admin", "bench-admin", None),
        ("bench-staff", "bench-staff", "medarbejdere"),
        ("bench-board", "bench-board", "organisationsbestyrelse"),
    ]
    residents = [f"bench-r{number:05d}" for number in range(1, count + 1)]
    everyone += [
        (user_id, f"Beboer {number}", "beboere")
        for number, user_id in enumerate(residents, 1)
    ]
    for user_id, fullname, group_id in everyone:
        pas.source_users.doAddUser(user_id, PASSWORD)
        pas.mutable_properties._storage.insert(
            user_id,
            {"email": f"{user_id}@example.org", "fullname": fullname, "isGroup": None},
        )
        if group_id:
            pas.source_groups.addPrincipalToGroup(user_id, group_id)
    api.user.grant_roles(username="bench-admin", roles=["Manager"])
    transaction.commit()
    return residents


def mute_notifications():
    """Switch off the add-on's mail subscribers for this process.

    The site has no sender address, so none of their mails would go out; they
    would only be written (and logged as unsent) for every decision.
    """
    registry = getGlobalSiteManager()
    muted = 0
    for registration in list(registry.registeredHandlers()):
        module = getattr(registration.factory, "__module__", "") or ""
        if module.startswith(f"{PACKAGE}.notifications"):
            registry.unregisterHandler(
                registration.factory, registration.required, registration.name
            )
            muted += 1
    return muted


def walk(obj, transitions, actor="bench-admin", comment=""):
    """Take ``obj`` through ``transitions`` as DCWorkflow records them.

    The history, the state and the role mappings as ``doActionFor`` leaves
    them; the object goes into the indexing queue once for all of them.
    """
    wftool = api.portal.get_tool("portal_workflow")
    (workflow,) = wftool.getWorkflowsFor(obj)
    state = workflow._getWorkflowStateOf(obj, id_only=True)
    for transition in transitions:
        state = workflow.transitions[transition].new_state_id or state
        wftool.setStatusOf(
            workflow.getId(),
            obj,
            {
                "action": transition,
                "review_state": state,
                "actor": actor,
                "comments": comment,
                "time": DateTime(),
            },
        )
    workflow.updateRoleMappingsFor(obj)
    obj.reindexObject()


def sign_up(group, user_ids, users):
    """Applications as ``applications.apply`` makes them, checks aside.

    The checks (open, not applied yet) search the catalog, which would
    process the indexing queue for every application; the data here are new.
    """
    made = []
    for user_id in user_ids:
        user = users[user_id]
        values = applications.validate(
            group,
            user,
            {
                "constituency": "resident",
                "motivation": "Jeg vil gerne være med.",
                "consent_public": True,
            },
        )
        fullname = user.getProperty("fullname") or user_id
        application = api.content.create(
            container=group,
            type="Application",
            id=applications.new_application_id(),
            title=fullname,
            applicant=user_id,
            fullname=fullname,
            email=user.getProperty("email") or None,
            **values,
        )
        membership.register(group, user_id, application.UID())
        applications._make_owner(application, user_id)
        made.append(application)
    return made


def make_group(folder, number, rng, themes, departments, state, transitions):
    start = date(2016, 1, 1) + timedelta(days=rng.randrange(0, 11 * 365))
    deadline = start + timedelta(days=rng.randrange(60, 400))
    group = api.content.create(
        folder,
        "TaskGroup",
        id=f"gruppe-{number:05d}",
        safe_id=False,
        title=f"{rng.choice(WORDS)} {number}",
        summary=f"Gruppe {number} arbejder med {rng.choice(WORDS).lower()}.",
        challenge=html("Hvordan gør vi det bedre for beboerne?"),
        theme=rng.choice(themes),
        departments=rng.sample(departments, rng.randrange(0, 3)),
        start=start,
        deadline=deadline,
        signup_deadline=(start - timedelta(days=14)) if state == "recruiting" else None,
    )
    return group


def accept(group, application):
    """What accepting leaves: the state, the seat and the member role."""
    walk(application, ["accept"])
    application.decision_message = None
    seats.take(group, application.constituency, application.UID())
    user_id = application.applicant
    roles = set(group.get_local_roles_for_userid(user_id))
    group.manage_setLocalRoles(user_id, sorted(roles | {membership.MEMBER_ROLE}))
    group.reindexObject()


def decide(group, made, rng, state):
    """Staff decide as a real group would: seats filled, a waiting list."""
    free = group.seats()["resident"]
    for application in made:
        if free:
            accept(group, application)
            free -= 1
        elif state == "recruiting" and rng.random() < 0.5:
            continue  # still pending
        else:
            walk(application, ["waitlist"])
            application.decision_message = None


def add_trail(group, number, rng, state):
    if state in ("active", "concluded"):
        mandate = api.content.create(
            group,
            "Mandate",
            id="kommissorium",
            safe_id=False,
            title="Kommissorium",
            purpose=html("Find bedre løsninger."),
            questions=["Hvad virker?"],
            budget=25000,
        )
        # As lifecycle.mandate records an approval.
        mandate.approval_date = group.start
        walk(mandate, ["submit_for_approval", "approve"])
        start, end = meeting_time(group.start + timedelta(days=14))
        meeting = api.content.create(
            group,
            "Meeting",
            id="moede-1",
            safe_id=False,
            title="Første møde",
            start=start,
            end=end,
            location="Beboerhuset",
            agenda=html("Velkomst og plan"),
        )
        walk(meeting, ["publish"])
    waiting = state == "active" and rng.random() < 0.05
    if state == "concluded" or waiting:
        recommendation = api.content.create(
            group,
            "Recommendation",
            id="anbefaling",
            safe_id=False,
            title=f"Anbefaling fra gruppe {number}",
            summary="Gruppen anbefaler en ny ordning.",
            recommendation=html("Indfør den nye ordning."),
        )
        path = ["submit"]
        if state == "concluded":
            recommendation.decision_text = "Bestyrelsen vedtager anbefalingen."
            recommendation.decision_date = group.deadline
            recommendation.votes_for = 7
            path.append("adopt")
        walk(recommendation, path)


def make_groups(site, count, residents, users, rng):
    folder = api.content.create(
        site, "TaskGroupFolder", id="grupper", title="Opgavegrupper"
    )
    themes = list(api.portal.get_registry_record("threeb.opgavegrupper.themes"))
    departments = list(
        api.portal.get_registry_record("threeb.opgavegrupper.departments")
    )
    states = [state for state, weight, _path in STATES for _ in range(weight)]
    paths = {state: path for state, _weight, path in STATES}
    applied = 0
    began = time.time()
    for number in range(1, count + 1):
        state = rng.choice(states)
        group = make_group(
            folder, number, rng, themes, departments, state, paths[state]
        )
        path = paths[state]
        if path:
            walk(group, path[:1])
            # One resident appears in a few groups only, as people do; 1 to
            # 11 applicants a group give the 50,000 applications at
            # 10,000 groups (nine in ten groups were opened for sign-up).
            people = rng.sample(residents[1:], rng.randrange(1, 12))
            if number <= 5:
                people.append(residents[0])
            made = sign_up(group, people, users)
            applied += len(made)
            decide(group, made, rng, state)
            if path[1:]:
                walk(group, path[1:])
            add_trail(group, number, rng, state)
        if number % COMMIT_EVERY == 0:
            transaction.commit()
            rate = number / (time.time() - began)
            log(f"{number} groups, {applied} applications ({rate:.1f} groups/s)")
    transaction.commit()
    return applied


def make_decision_groups(site, residents, users):
    """Two recruiting groups with 10 and 1,000 pending applications."""
    folder = api.content.create(site, "TaskGroupFolder", id="maaling", title="Måling")
    theme = api.portal.get_registry_record("threeb.opgavegrupper.themes")[0]
    for size in (10, 1000):
        group = api.content.create(
            folder,
            "TaskGroup",
            id=f"g{size}",
            safe_id=False,
            title=f"Gruppe med {size} ansøgninger",
            summary="Til måling af en afgørelse.",
            theme=theme,
            start=date(2026, 1, 1),
            deadline=date(2026, 12, 1),
            seats_resident=1000,
        )
        walk(group, ["open_signup"])
        for begin in range(0, size, 100):
            sign_up(group, residents[begin : min(size, begin + 100)], users)
            transaction.commit()
    transaction.commit()


def check(site, sample):
    """Stop the build if the data disagree with the add-on's own record.

    ``membership.problems`` for every ``sample``-th group and the decision
    groups (seats, ledger, member roles, live applications), the counters
    against a recount from the objects, and every object catalogued.
    """
    processQueue()
    groups = [
        group
        for number, group in enumerate(site["grupper"].objectValues())
        if number % sample == 0
    ] + list(site["maaling"].objectValues())
    for group in groups:
        found = membership.problems(group)
        if found:
            sys.exit(f"{group.getId()}: {found}")
    catalog = api.portal.get_tool("portal_catalog")
    for group in groups:
        path = "/".join(group.getPhysicalPath())
        catalogued = len(catalog.unrestrictedSearchResults(path=path))
        if catalogued != len(group.objectIds()) + 1:
            sys.exit(f"{group.getId()}: {catalogued} catalogued")
    kept = figures(site), figures(site["grupper"])
    counters.rebuild(site)
    recounted = figures(site), figures(site["grupper"])
    # The recount is thrown away: the site keeps the counters it built.
    transaction.abort()
    if kept != recounted:
        sys.exit(f"counters {kept} != recount {recounted}")
    log(f"checked {len(groups)} groups and the counters")


def main(app):
    count = int(os.environ.get("BENCH_GROUPS") or sys.exit("Set BENCH_GROUPS"))
    # The site has no sender address, so no mail goes out; the add-on says
    # so for every one, which is no news here.
    logging.getLogger(PACKAGE).setLevel(logging.ERROR)
    rng = random.Random(count)  # noqa: S311 (the same data every build)
    began = time.time()
    mute_notifications()
    site = make_site(app)
    with api.env.adopt_roles(["Manager"]):
        residents = make_people(max(1000, count // 5))
        log(f"{len(residents)} residents")
        users = {user_id: api.user.get(userid=user_id) for user_id in residents}
        applied = make_groups(site, count, residents, users, rng)
        make_decision_groups(site, residents, users)
        log(f"built {count} groups with {applied} applications")
        check(site, sample=max(1, count // 200))
    app._p_jar.db().pack()
    log(
        f"built {count} groups with {applied} applications "
        f"in {time.time() - began:.0f} s"
    )


if __name__ == "__main__":
    main(globals().get("app") or sys.exit("Run me with: zconsole run zope.conf"))
