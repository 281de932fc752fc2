"""Build the benchmark's site: task groups with applications, through plone.api.

Run by scripts/bench.py through Zope's console on a throwaway FileStorage:

    BENCH_GROUPS=1000 zconsole run var/bench/1000/zope.conf scripts/bench_build.py

The data is what a real site would hold: every object made by the add-on's
own functions (plone.api, the sign-up and decision code), catalogued, with
the seat ledger, applicants index and member roles kept by its subscribers.
Groups are in every state; most had applicants, some of them accepted.
Besides the folder ``grupper`` of BENCH_GROUPS groups, the folder
``maaling`` holds two recruiting groups with 10 and 1,000 pending
applications, for timing a decision on an application.
"""

from datetime import date
from datetime import timedelta
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.base.utils import get_installer
from Products.CMFPlone.factory import addPloneSite
from threeb.opgavegrupper.participation import applications
from threeb.opgavegrupper.setuphandlers.demo_content import meeting_time
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
    """Residents, plus one administrator, staff member and board member."""
    for user_id, group_id, roles in (
        ("bench-admin", None, ["Manager"]),
        ("bench-staff", "medarbejdere", []),
        ("bench-board", "organisationsbestyrelse", []),
    ):
        api.user.create(
            email=f"{user_id}@example.org",
            username=user_id,
            password=PASSWORD,
            properties={"fullname": user_id},
        )
        if roles:
            api.user.grant_roles(username=user_id, roles=roles)
        if group_id:
            api.group.add_user(groupname=group_id, username=user_id)
    residents = []
    for number in range(1, count + 1):
        user_id = f"bench-r{number:05d}"
        api.user.create(
            email=f"{user_id}@example.org",
            username=user_id,
            password=PASSWORD,
            properties={"fullname": f"Beboer {number}"},
        )
        api.group.add_user(groupname="beboere", username=user_id)
        residents.append(user_id)
        if number % 500 == 0:
            transaction.commit()
    transaction.commit()
    return residents


def sign_up(group, user_ids, users):
    made = []
    for user_id in user_ids:
        made.append(
            applications.apply(
                group,
                users[user_id],
                {
                    "constituency": "resident",
                    "motivation": "Jeg vil gerne være med.",
                    "consent_public": True,
                },
            )
        )
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


def decide(group, made, rng, state):
    """Staff decide as a real group would: seats filled, a waiting list."""
    free = group.seats()["resident"]
    for application in made:
        if free:
            api.content.transition(application, transition="accept")
            free -= 1
        elif state == "recruiting" and rng.random() < 0.5:
            continue  # still pending
        else:
            api.content.transition(application, transition="waitlist")


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
        api.content.transition(mandate, transition="submit_for_approval")
        api.content.transition(mandate, transition="approve")
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
        api.content.transition(meeting, transition="publish")
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
        api.content.transition(recommendation, transition="submit")
        if state == "concluded":
            recommendation.decision_text = "Bestyrelsen vedtager anbefalingen."
            recommendation.decision_date = group.deadline
            recommendation.votes_for = 7
            api.content.transition(recommendation, transition="adopt")


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
            api.content.transition(group, transition=path[0])
            # One resident appears in a few groups only, as people do.
            people = rng.sample(residents[1:], rng.randrange(0, 10))
            if number <= 5:
                people.append(residents[0])
            made = sign_up(group, people, users)
            applied += len(made)
            decide(group, made, rng, state)
            for transition in path[1:]:
                api.content.transition(group, transition=transition)
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
        api.content.transition(group, transition="open_signup")
        for begin in range(0, size, 100):
            sign_up(group, residents[begin : min(size, begin + 100)], users)
            transaction.commit()
    transaction.commit()


def main(app):
    count = int(os.environ.get("BENCH_GROUPS") or sys.exit("Set BENCH_GROUPS"))
    # The site has no sender address, so no mail goes out; the add-on says
    # so for every one, which is no news here.
    logging.getLogger(PACKAGE).setLevel(logging.ERROR)
    rng = random.Random(count)  # noqa: S311 (the same data every build)
    began = time.time()
    site = make_site(app)
    with api.env.adopt_roles(["Manager"]):
        residents = make_people(max(1000, count // 5))
        log(f"{len(residents)} residents")
        users = {user_id: api.user.get(userid=user_id) for user_id in residents}
        applied = make_groups(site, count, residents, users, rng)
        make_decision_groups(site, residents, users)
    app._p_jar.db().pack()
    log(
        f"built {count} groups with {applied} applications "
        f"in {time.time() - began:.0f} s"
    )


if __name__ == "__main__":
    main(globals().get("app") or sys.exit("Run me with: zconsole run zope.conf"))
