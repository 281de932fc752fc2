"""A site with public and draft texts of known LIX, and its people."""

from .. import helpers
from ..helpers import PASSWORD
from plone import api

import pytest
import transaction


PEOPLE = {
    "staff1": "medarbejdere",
    "board1": "organisationsbestyrelse",
    "resident1": "beboere",
    "chair1": "beboere",
}

# Vi(2) vil(3) have(4) flere(5) unge(4) med(3) |: 6 words, 1 sentence, 0 long = 6.0
EASY = "Vi vil have flere unge med."
# tests/readability/test_lix.py counts it: 12 words, 1 sentence, 9 long = 87.0
OFFICIAL = (
    "Administrationen anbefaler, at organisationsbestyrelsen godkender "
    "kommissoriet for opgavegruppen vedrørende energibesparelser i afdelingerne."
)
# Beboerne(8 L) bestemmer(9 L) selv |: 3 words, 1 sentence, 2 long = 3 + 66.7 = 69.7
HARD = "Beboerne bestemmer selv."
# Gruppen(7 L) foreslår(8 L) nye(3) vaskemaskiner(13 L) |
# 4 words, 1 sentence, 3 long: 4 + 75 = 79.0
PROPOSAL = "Gruppen foreslår nye vaskemaskiner."


def make_group(folder, group_id, summary, challenge=None, open_signup=True):
    """A group whose summary (and challenge) are the texts a test scores."""
    return helpers.make_group(
        folder,
        title=group_id.capitalize(),
        state="recruiting" if open_signup else "draft",
        id=group_id,
        summary=summary,
        challenge=challenge,
    )


@pytest.fixture
def texts(functional_portal):
    """/grupper: "vaskeri" public, "kladde" a draft group; in "vaskeri" an
    adopted recommendation and a draft one; chair1 chairs "vaskeri"."""
    from plone.app.textfield.value import RichTextValue

    helpers.make_people(
        {user_id: (None, plone_group) for user_id, plone_group in PEOPLE.items()}
    )
    folder = helpers.make_folder(functional_portal)
    with api.env.adopt_roles(["Manager"]):
        group = make_group(
            folder,
            "vaskeri",
            EASY,
            RichTextValue(f"<p>{OFFICIAL}</p>", "text/html", "text/x-html-safe"),
        )
        make_group(folder, "kladde", HARD, open_signup=False)
        mandate = api.content.create(
            group, "Mandate", id="kommissorium", title="K", questions=["Hvad?"]
        )
        api.content.transition(mandate, transition="submit_for_approval")
        api.content.transition(mandate, transition="approve")
        api.content.transition(group, transition="start_work")
        adopted = api.content.create(
            group,
            "Recommendation",
            id="forslag",
            title="Forslag",
            summary=PROPOSAL,
            recommendation=RichTextValue("<p>Nye maskiner.</p>"),
            decision_text="Vedtaget.",
        )
        api.content.transition(adopted, transition="submit")
        api.content.transition(adopted, transition="adopt")
        api.content.create(
            group,
            "Recommendation",
            id="udkast",
            title="Udkast",
            summary=HARD,
            recommendation=RichTextValue("<p>Udkast.</p>"),
        )
    api.user.grant_roles(username="chair1", obj=group, roles=["TaskGroupChair"])
    transaction.commit()
    return folder


@pytest.fixture
def session_as(request_factory, texts):
    """A REST session (``api=True``) or a Classic UI one, as a user or anonymous."""

    def session(user_id=None, api=True):
        auth = (user_id, PASSWORD) if user_id else None
        browser = request_factory(api=api, basic_auth=auth)
        if not api:
            browser.headers["Accept"] = "text/html"
        return browser

    return session
