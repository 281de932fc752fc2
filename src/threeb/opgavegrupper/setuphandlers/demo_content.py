"""The demo task groups of Boligforeningen 3B: every state, a public trail.

Dates are counted from the day the demo is created, so that a group that is
recruiting has its sign-up deadline ahead of it whenever someone looks. What
the demo creates today is dated as if it happened in order: applications
before the work they were for, the mandate approved before sign-up, a
recommendation sent to the board before it was decided, a group's sign-up
opened, work started and group ended on the days its own dates say; only
meetings that have taken place have minutes.
"""

from DateTime import DateTime
from datetime import date
from datetime import datetime
from datetime import timedelta
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.i18n.normalizer.interfaces import IURLNormalizer
from threeb.opgavegrupper.participation import applications
from zope.component import getUtility

import pytz


TZ = pytz.timezone("Europe/Copenhagen")

# The seat each demo person takes when they sit in a group.
SEAT_OF = {
    "ole": "org_board",
    "fatima": "department_board",
    "jens": "resident",
    "aisha": "resident",
    "karin": "external",
    "mette": "staff",
}
FOLDER_ID = "opgavegrupper"


def html(text):
    paragraphs = "".join(f"<p>{part}</p>" for part in text.split("\n\n"))
    return RichTextValue(paragraphs, "text/html", "text/x-html-safe")


def meeting_time(day, hour=17):
    start = TZ.localize(datetime(day.year, day.month, day.day, hour, 0))
    return start, start + timedelta(hours=2)


def _transition(obj, *transitions, comment=""):
    for transition in transitions:
        api.content.transition(obj=obj, transition=transition, comment=comment)


def _at(day, hour):
    return DateTime(TZ.localize(datetime(day.year, day.month, day.day, hour, 0)))


def _backdate(obj, created, *days):
    """Date the object as if made on ``created`` and moved on later days.

    The workflow writes the moment the demo is built into the history and
    the creation date; the demo's story happened earlier. The history's
    first entry is the creation; each later entry gets the next of ``days``
    (the last one repeated), an hour apart, so the order stays as it was.
    """
    last = _at(created, 9)
    for workflow_id, entries in list(obj.workflow_history.items()):
        dated = []
        for index, entry in enumerate(entries):
            day = created if index == 0 else days[min(index, len(days)) - 1]
            time = _at(day, min(9 + index, 20))
            dated.append(dict(entry, time=time))
            last = max(last, time)
        obj.workflow_history[workflow_id] = tuple(dated)
    obj.creation_date = _at(created, 9)
    # A full reindex would set the modification date to now again.
    obj.reindexObject()
    obj.modification_date = last
    obj.reindexObject(idxs=["modified"])


# Each group: fields, state path, local roles, mandate, meetings, recommendations.
def groups(today):
    def days(n):
        return today + timedelta(days=n)

    return [
        {
            "id": "udlejningshjul",
            "title": "Udlejningshjul: synlig udlejning",
            "summary": (
                "Hvordan viser vi ventelisten og udlejningen, så alle kan forstå "
                "den? Gruppen udviklede udlejningshjulet."
            ),
            "challenge": (
                "Beboere og boligsøgende forstod ikke, hvordan og hvornår "
                "boligerne bliver udlejet i de forskellige kommuner.\n\n"
                "Gruppen skulle finde en måde at vise udlejningen på, der kan "
                "ses frem for læses."
            ),
            "theme": "Udlejning",
            "departments": ["Bellahøj", "Tingbjerg"],
            "start": days(-320),
            "signup_deadline": days(-330),
            "deadline": days(-150),
            "seats": (1, 2, 3, 1, 0),
            "cadence": "Hver anden tirsdag kl. 17",
            "transitions": ("open_signup", "start_work", "conclude"),
            "roles": {"ole": "TaskGroupChair", "jens": "TaskGroupMember"},
            "mandate": {
                "state": ("submit_for_approval", "approve"),
                "questions": [
                    "Hvordan viser vi udlejningen i de enkelte kommuner?",
                    "Hvor skal oversigten stå, så beboerne finder den?",
                ],
            },
            "meetings": [
                (days(-300), "Første møde", True),
                (days(-260), "Skitser til udlejningshjulet", True),
                (days(-200), "Afslutning og anbefaling", True),
            ],
            "recommendations": [
                {
                    "title": "Udlejningshjul på hjemmesiden",
                    "summary": (
                        "Et hjul pr. kommune viser, hvornår boligerne bliver "
                        "udlejet, og hvor mange der venter."
                    ),
                    "answers": 2,
                    "state": ("submit", "adopt", "mark_implemented"),
                    "decision": "Organisationsbestyrelsen vedtager anbefalingen.",
                    "votes": (9, 0, 1),
                    "implementation": ("done", 100),
                },
            ],
            # Written by an editor for residents, published (content/outcome.py).
            "outcomes": [
                {
                    "title": "Nu kan du se, hvornår boligerne bliver udlejet",
                    "summary": (
                        "Udlejningshjulet viser for hver kommune, hvornår "
                        "boligerne bliver udlejet, og hvor mange der venter."
                    ),
                    "proposed": (
                        "Gruppen foreslog et hjul pr. kommune i stedet for "
                        "lange tekster om ventelister."
                    ),
                    "decided": (
                        "Organisationsbestyrelsen sagde ja, og hjulene er lavet."
                    ),
                    "next_steps": (
                        "Hjulene bliver opdateret hvert kvartal. Sig til, hvis "
                        "noget er svært at forstå."
                    ),
                    "next_date": days(-60),
                },
            ],
        },
        {
            "id": "groenne-gaarde",
            "title": "Grønne gårde og biodiversitet",
            "summary": (
                "Mere vild natur og færre plæner i gårdene, uden at det bliver "
                "dyrere at passe."
            ),
            "challenge": (
                "Gårdene er grønne, men der lever ikke meget i dem. Beboerne "
                "vil have mere natur, driften vil have enkle løsninger."
            ),
            "theme": "Grøn omstilling",
            "departments": ["Kildevæld", "Hvidovre"],
            "start": days(-240),
            "signup_deadline": days(-250),
            "deadline": days(40),
            "seats": (1, 2, 4, 1, 1),
            "cadence": "Første mandag i måneden kl. 18",
            "transitions": ("open_signup", "start_work"),
            "roles": {
                "ole": "TaskGroupChair",
                "jens": "TaskGroupMember",
                "fatima": "TaskGroupMember",
                "karin": "TaskGroupMember",
            },
            "mandate": {
                "state": ("submit_for_approval", "approve"),
                "questions": [
                    "Hvilke dele af gårdene kan blive vild natur?",
                    "Hvad koster det at passe, sammenlignet med i dag?",
                    "Hvordan tager vi beboerne med i beslutningen?",
                ],
            },
            "meetings": [
                (days(-220), "Opstart og gårdvandring", True),
                (days(-150), "Besøg fra naturrådgiveren", True),
                (days(14), "Næste skridt for kompost", False),
            ],
            "recommendations": [
                {
                    "title": "Vild natur i en tredjedel af gårdene",
                    "summary": (
                        "En tredjedel af plænerne bliver til blomstereng og "
                        "krat; driften slår resten som i dag."
                    ),
                    "answers": 2,
                    "state": ("submit", "adopt"),
                    "decision": (
                        "Vedtaget med den ændring, at afdelingsmødet i hver "
                        "afdeling vælger, hvilke gårde der begynder."
                    ),
                    "votes": (7, 2, 1),
                    "minority": (
                        "Et mindretal ønsker at begynde med én afdeling som "
                        "forsøg, før alle afdelinger følger efter."
                    ),
                    "implementation": ("in_progress", 40),
                    "milestones": [
                        {
                            "title": "Afdelingsmøder vælger gårde",
                            "due": days(-20),
                            "done": True,
                        },
                        {
                            "title": "Såning af blomstereng",
                            "due": days(120),
                            "done": False,
                        },
                    ],
                },
                {
                    "title": "Fælles kompost i alle gårde",
                    "summary": "Kompostbeholdere i alle gårde, passet af beboerne.",
                    "answers": 1,
                    "state": ("submit", "reject"),
                    "decision": (
                        "Forkastet: det kræver en frivillig ordning, som ikke "
                        "findes endnu. Gruppen bedes komme med et forslag til den."
                    ),
                    "votes": (3, 6, 1),
                },
            ],
        },
        {
            "id": "klar-tale",
            "title": "Klar tale fra administrationen",
            "summary": (
                "Breve og opslag, som alle beboere kan forstå første gang, de "
                "læser dem."
            ),
            "challenge": (
                "Mange breve fra administrationen er skrevet til fagfolk. "
                "Gruppen skal gøre dem klare, korte og venlige."
            ),
            "theme": "Kommunikation",
            "departments": ["Lundtoftegade", "Nøjsomhed"],
            "start": days(-100),
            "signup_deadline": days(-110),
            "deadline": days(90),
            "seats": (1, 1, 3, 2, 0),
            "cadence": "Hver tredje torsdag kl. 16.30",
            "transitions": ("open_signup", "start_work"),
            "roles": {"fatima": "TaskGroupChair", "aisha": "TaskGroupMember"},
            "mandate": {
                "state": ("submit_for_approval", "approve"),
                "questions": [
                    "Hvilke breve får flest spørgsmål fra beboerne?",
                    "Hvordan tester vi et brev med beboerne, før det sendes?",
                ],
            },
            "meetings": [
                (days(-90), "Hvilke breve skal vi begynde med?", True),
                (days(-40), "Test af brev om varmeregnskab", True),
                # Published and ahead: the front page's next meetings, the
                # Kommende møder portlet and the calendar show it.
                (days(21), "Gennemlæsning af de nye breve", True),
            ],
            "recommendations": [
                {
                    "title": "Breve i et klart sprog",
                    "summary": (
                        "Alle standardbreve skrives om efter en fælles "
                        "skabelon og testes med tre beboere."
                    ),
                    "answers": 2,
                    "state": ("submit",),
                },
                {
                    "title": "Sms før varsling",
                    "summary": "En kort sms, før et varslingsbrev kommer.",
                    "answers": 1,
                    "state": (),
                },
            ],
        },
        {
            "id": "faellesskab-paa-tvaers",
            "title": "Fællesskab på tværs af afdelinger",
            "summary": (
                "Hvordan mødes beboere fra forskellige afdelinger? Vi søger "
                "beboere, der vil være med."
            ),
            "challenge": (
                "Afdelingerne lever hver for sig. Gruppen skal foreslå, hvordan "
                "beboere møder hinanden på tværs."
            ),
            "theme": "Fællesskab og trivsel",
            "departments": [],
            # The one external seat is taken by an adviser staff added, so
            # Karin waits for a seat; resident seats are free.
            "members": [("Lars Bjerre", "lars@example.org", "external")],
            "applications": [
                ("jens", "resident", ()),
                ("aisha", "resident", ("accept",)),
                ("fatima", "department_board", ("accept",)),
                ("karin", "external", ("waitlist",)),
            ],
            "start": days(45),
            "signup_deadline": days(21),
            "deadline": days(200),
            "seats": (1, 3, 5, 1, 1),
            "cadence": "En gang om måneden",
            "transitions": ("open_signup",),
            "roles": {},
            "mandate": {
                "state": ("submit_for_approval",),
                "questions": [
                    "Hvilke aktiviteter samler beboere på tværs?",
                    "Hvilke lokaler kan vi bruge?",
                ],
            },
            "meetings": [],
            "recommendations": [],
        },
        {
            "id": "energi-i-opgangene",
            "title": "Energibesparelser i opgangene",
            "summary": "Lys, varme og døre i opgangene: hvor kan vi spare?",
            "challenge": "Opgangene bruger meget energi, også når ingen er der.",
            "theme": "Grøn omstilling",
            "departments": ["Tingbjerg"],
            "start": days(60),
            "signup_deadline": days(30),
            "deadline": days(240),
            "seats": (1, 2, 4, 1, 1),
            "cadence": "Hver anden onsdag kl. 17",
            "transitions": ("open_signup",),
            "roles": {},
            "mandate": {
                "state": (),
                "questions": ["Hvor bruger opgangene mest energi?"],
            },
            "meetings": [],
            "recommendations": [],
        },
        {
            "id": "huslejen-forklaret",
            "title": "Huslejens sammensætning forklaret",
            "summary": "Hvad betaler beboerne for? Et forslag til en enkel oversigt.",
            "challenge": "Få beboere ved, hvad huslejen går til.",
            "theme": "Økonomi",
            "departments": ["Bellahøj"],
            "start": days(100),
            "signup_deadline": days(70),
            "deadline": days(280),
            "seats": (2, 2, 3, 1, 0),
            "cadence": "",
            "transitions": (),
            "roles": {},
            "mandate": {"state": (), "questions": ["Hvad går huslejen til?"]},
            "meetings": [],
            "recommendations": [],
        },
        {
            "id": "beboerlokaler",
            "title": "Udlån af beboerlokaler",
            "summary": (
                "Regler for udlån af beboerlokaler. Aflyst: opgaven blev løst af "
                "den nye fælles bookingordning."
            ),
            "challenge": "Reglerne for udlån er forskellige i hver afdeling.",
            "theme": "Fællesskab og trivsel",
            "departments": ["Hvidovre"],
            "start": days(-200),
            "signup_deadline": days(-210),
            "deadline": days(-30),
            "seats": (1, 2, 3, 1, 0),
            "cadence": "",
            "transitions": ("open_signup", "cancel"),
            "roles": {},
            "mandate": None,
            "meetings": [],
            "recommendations": [],
        },
    ]


def _id_for(title):
    """The id Plone would choose from the title, given at creation.

    Created without an id, the object gets a random one and is renamed
    before it was ever cataloged: `uncatalogObject` logs an ERROR for each.
    """
    return getUtility(IURLNormalizer).normalize(title)


def _held(spec, today):
    """The days of the group's published meetings that have taken place."""
    return [
        day for day, _title, published in spec["meetings"] if published and day < today
    ]


def _decision_day(spec, today):
    """The board decides a few weeks after the group's last meeting so far."""
    return max(_held(spec, today), default=spec["start"]) + timedelta(days=21)


def _sent_day(spec, rec, today):
    """The day a recommendation went to the board: two weeks before the
    board decided, or a week after the last meeting for one still waiting."""
    if "decision" in rec:
        return _decision_day(spec, today) - timedelta(days=14)
    return max(_held(spec, today), default=spec["start"]) + timedelta(days=7)


def _application_days(spec, today, count):
    """When each of ``count`` people applied, and when staff decided.

    Before the sign-up deadline and the start: a group that has not
    started yet got its applications in the weeks before today.
    """
    deadline = spec["signup_deadline"]
    if deadline < today:
        decided = deadline + timedelta(days=3)
        last = deadline
    else:
        decided = today - timedelta(days=2)
        last = today - timedelta(days=5)
    applied = [last - timedelta(days=2 * (count - 1 - i)) for i in range(count)]
    return applied, min(decided, spec["start"] - timedelta(days=1))


def _group_days(spec, today, first_applied):
    """When the group was created and when it took each of its transitions.

    Sign-up opened four weeks before its deadline, and before anyone
    applied; the work started on ``start``; the group concluded at its
    deadline, or when the board decided on its last recommendation if that
    came later; a cancelled group was cancelled at its deadline. Nothing
    that happened is dated today or later. The group was made before its
    mandate (drafted seven weeks before the sign-up deadline).
    """
    yesterday = today - timedelta(days=1)
    opened = spec["signup_deadline"] - timedelta(days=28)
    if first_applied is not None:
        opened = min(opened, first_applied - timedelta(days=1))
    opened = min(opened, yesterday)
    decisions = [
        _decision_day(spec, today)
        for rec in spec["recommendations"]
        if "decision" in rec
    ]
    ended = min(max([spec["deadline"], *decisions]), yesterday)
    on = {
        "open_signup": opened,
        "start_work": min(spec["start"], yesterday),
        "conclude": ended,
        "cancel": ended,
    }
    created = min(
        spec["signup_deadline"] - timedelta(days=56),
        opened - timedelta(days=7),
        today - timedelta(days=7),
    )
    return created, [on[transition] for transition in spec["transitions"]]


def _create_group(folder, spec, today):
    org, dept, resident, staff, external = spec["seats"]
    group = api.content.create(
        folder,
        "TaskGroup",
        id=spec["id"],
        title=spec["title"],
        summary=spec["summary"],
        challenge=html(spec["challenge"]),
        theme=spec["theme"],
        departments=spec["departments"],
        start=spec["start"],
        deadline=spec["deadline"],
        signup_deadline=spec["signup_deadline"],
        seats_org_board=org,
        seats_department_board=dept,
        seats_resident=resident,
        seats_staff=staff,
        seats_external=external,
        meeting_cadence=spec["cadence"] or None,
        contact="mette",
    )
    for user_id, role in spec["roles"].items():
        if role == "TaskGroupChair":
            api.user.grant_roles(username=user_id, obj=group, roles=[role])
    group.reindexObjectSecurity()
    # Members hold a seat: an accepted application, as if staff had added them.
    people = len(spec["roles"]) + len(spec.get("members", ()))
    people += len(spec.get("applications", ()))
    applied, decided = _application_days(spec, today, people)
    first_applied = min(applied, default=None)
    applied = iter(applied)
    for user_id in spec["roles"]:
        user = api.user.get(username=user_id)
        member = applications.add_member(
            group,
            {
                "fullname": user.getProperty("fullname"),
                "email": user.getProperty("email"),
                "constituency": SEAT_OF[user_id],
                "consent_public": user_id != "karin",
            },
            user_id=user_id,
        )
        _backdate(member, next(applied), decided)

    questions = []
    if spec["mandate"]:
        questions = spec["mandate"]["questions"]
        mandate = api.content.create(
            group,
            "Mandate",
            id="kommissorium",
            title="Kommissorium",
            background=html(spec["challenge"]),
            purpose=html(f"Gruppen skal komme med forslag til: {spec['title']}."),
            questions=questions,
            deliverables="En anbefaling til organisationsbestyrelsen.",
            composition="Organisationsbestyrelse, afdelingsbestyrelser, beboere og administration.",
            milestones=[
                {"title": "Første møde", "date": spec["start"]},
                {"title": "Anbefaling til bestyrelsen", "date": spec["deadline"]},
            ],
            budget=25000,
            authority="recommend",
        )
        _transition(mandate, *spec["mandate"]["state"])
        if mandate.approval_date:
            # The approve transition writes today; the demo's groups started
            # long ago, on a mandate approved before their sign-up opened.
            approved = spec["signup_deadline"] - timedelta(days=30)
            mandate.approval_date = approved
            _backdate(
                mandate,
                approved - timedelta(days=21),
                approved - timedelta(days=7),
                approved,
            )

    for number, (day, title, published) in enumerate(spec["meetings"], start=1):
        start, end = meeting_time(day)
        # Minutes and attendees only of a meeting that has taken place.
        held = day < today
        meeting = api.content.create(
            group,
            "Meeting",
            id=f"moede-{number}",
            title=title,
            start=start,
            end=end,
            location="Beboerhuset",
            agenda=html("1. Velkomst\n\n2. Status\n\n3. Næste skridt"),
            minutes=(
                html(f"Referat: {title}. Gruppen aftalte næste skridt.")
                if held
                else None
            ),
            attendees=(["Ole Rasmussen", "Jens Nielsen", "Mette Holm"] if held else []),
        )
        if published:
            _transition(meeting, "publish")

    for rec in spec["recommendations"]:
        fields = {
            "title": rec["title"],
            "summary": rec["summary"],
            "recommendation": html(rec["summary"]),
            "rationale": html("Gruppen har drøftet forslaget på sine møder."),
            "consequences_economy": "Holdes inden for afdelingernes budgetter.",
            "consequences_residents": "Beboerne får mere at sige.",
            "answers": questions[: rec["answers"]],
        }
        if rec.get("minority"):
            fields["minority_statement"] = html(rec["minority"])
        recommendation = api.content.create(
            group, "Recommendation", id=_id_for(rec["title"]), **fields
        )
        if "decision" in rec:
            recommendation.decision_text = rec["decision"]
            # Decided after the work it decides on: the transition keeps a
            # date that is set (lifecycle/recommendation.py).
            recommendation.decision_date = _decision_day(spec, today)
            votes_for, against, abstain = rec["votes"]
            recommendation.votes_for = votes_for
            recommendation.votes_against = against
            recommendation.votes_abstain = abstain
        if "implementation" in rec:
            status, progress = rec["implementation"]
            recommendation.implementation_status = status
            recommendation.progress = progress
            recommendation.implementation_milestones = rec.get("milestones", [])
        _transition(recommendation, *rec["state"])
        # Written after a meeting, sent, decided and (for one) carried out.
        sent = _sent_day(spec, rec, today)
        decision = getattr(recommendation, "decision_date", None) or sent
        carried_out = min(decision + timedelta(days=60), today - timedelta(days=1))
        _backdate(recommendation, sent - timedelta(days=7), sent, decision, carried_out)

    _transition(group, *spec["transitions"])
    for fields in spec.get("outcomes", ()):
        outcome = api.content.create(
            group, "Outcome", id=_id_for(fields["title"]), **fields
        )
        # Told when the decided work was carried out, not the day the demo
        # was built: publishing keeps an effective date that is set.
        told = min(
            _decision_day(spec, today) + timedelta(days=74),
            today - timedelta(days=1),
        )
        outcome.setEffectiveDate(_at(told, 10))
        _transition(outcome, "publish")
        _backdate(outcome, told - timedelta(days=3), told)
    for fullname, email, constituency in spec.get("members", ()):
        member = applications.add_member(
            group,
            {
                "fullname": fullname,
                "email": email,
                "constituency": constituency,
                "consent_public": True,
            },
        )
        _backdate(member, next(applied), decided)
    for user_id, constituency, transitions in spec.get("applications", ()):
        application = applications.apply(
            group,
            api.user.get(username=user_id),
            {
                "constituency": constituency,
                "motivation": "Jeg vil gerne være med, fordi emnet optager mig.",
                "consent_public": True,
            },
        )
        _transition(application, *transitions)
        _backdate(application, next(applied), decided)
    # Last, once its content is added: the group's history is what the
    # retention page (retention.ended_on) reads for the day it ended.
    created, moved = _group_days(spec, today, first_applied)
    _backdate(group, created, *moved)
    return group


def create_content(today=None):
    """Create the folder and its groups once; a second run changes nothing."""
    portal = api.portal.get()
    if FOLDER_ID in portal.objectIds():
        return portal[FOLDER_ID]
    folder = api.content.create(
        portal,
        "TaskGroupFolder",
        id=FOLDER_ID,
        title="Opgavegrupper",
        description=(
            "Midlertidige arbejdsgrupper, der tager én konkret udfordring op og "
            "kommer med forslag til organisationsbestyrelsen."
        ),
    )
    today = today or date.today()
    for spec in groups(today):
        _create_group(folder, spec, today)
    return folder
