"""@@opgavegrupper-forside: open groups, next meetings, latest decisions, ways on."""

from plone import api
from plone.app.testing import logout
from plone.app.textfield.value import RichTextValue


def front_page(portal):
    return api.content.get_view("opgavegrupper-forside", portal, portal.REQUEST)


def titles(rows):
    return [row["title"] for row in rows]


def test_open_groups_in_the_overview_s_order(portal, folder):
    with api.env.adopt_user(username="resident1"):
        cards, total = front_page(portal).open_groups()
    # Open first by deadline, as the overview filtered on "open" shows them.
    assert titles(cards) == ["Gruppe aaben-snart", "Gruppe aaben-sen"]
    assert total == 2
    assert cards[0]["url"] == folder["aaben-snart"].absolute_url()
    assert cards[0]["signup_deadline"]


def test_next_meetings_are_published_and_not_over(portal, folder):
    logout()
    rows = front_page(portal).meetings()
    # Not the past one, not the internal one, not the draft group's one.
    assert titles(rows) == ["Møde naeste", "Møde senere"]
    assert rows[0]["group"] == "Gruppe arbejder"
    assert rows[0]["group_url"] == folder["arbejder"].absolute_url()
    assert rows[0]["when"]


def test_staff_see_the_draft_group_s_published_meeting(portal, folder):
    with api.env.adopt_user(username="staff1"):
        rows = front_page(portal).meetings()
    assert titles(rows) == ["Møde naeste", "Møde skjult", "Møde senere"]


def test_latest_decisions_newest_first(portal, folder):
    logout()
    rows = front_page(portal).decisions()
    # Not the submitted one, nor one whose record lacks the decision's date.
    assert titles(rows) == ["Anbefaling forkastet", "Anbefaling vedtaget"]
    assert [row["state"] for row in rows] == ["rejected", "adopted"]
    assert rows[0]["date_iso"] == "2026-05-01"
    assert rows[0]["group"] == "Gruppe arbejder"


def test_staff_see_the_decision_in_the_draft_group(portal, folder):
    with api.env.adopt_user(username="staff1"):
        rows = front_page(portal).decisions()
    assert titles(rows)[0] == "Anbefaling hemmelig"


def test_links_to_the_overview_aarshjul_and_calendar(portal, folder):
    logout()
    links = front_page(portal).links()
    url = folder.absolute_url()
    assert links["overview"] == url
    assert links["open"] == f"{url}?open=1"
    assert links["aarshjul"] == f"{url}/@@aarshjul"
    assert links["calendar"] == f"{url}/calendar.ics"
    assert links["webcal"] == "webcal" + f"{url}/calendar.ics"[4:]
    assert links["webcal"].startswith("webcal://")


def test_page_renders_for_anonymous(portal, folder):
    portal.text = RichTextValue("<p>Hvad er en opgavegruppe?</p>", "text/html")
    logout()
    html = api.content.get_view("opgavegrupper-forside", portal, portal.REQUEST)()
    assert "Hvad er en opgavegruppe?" in html
    assert "Boligforeningen 3B" in html
    assert "Gruppe aaben-snart" in html
    assert "Møde naeste" in html
    assert "Møde skjult" not in html
    assert "Anbefaling forkastet" in html
    assert "Anbefaling hemmelig" not in html
    assert f'href="{folder.absolute_url()}/@@aarshjul"' in html
    assert 'href="webcal://' in html


def test_without_text_the_folder_s_description(portal, folder):
    logout()
    html = api.content.get_view("opgavegrupper-forside", portal, portal.REQUEST)()
    assert "Midlertidige arbejdsgrupper." in html


def test_organisation_name_from_the_settings(portal, folder):
    api.portal.set_registry_record(
        "threeb.opgavegrupper.organisation_name", "Boligselskabet Nord"
    )
    logout()
    html = api.content.get_view("opgavegrupper-forside", portal, portal.REQUEST)()
    assert "Boligselskabet Nord" in html


def test_a_site_without_groups(portal):
    logout()
    html = api.content.get_view("opgavegrupper-forside", portal, portal.REQUEST)()
    assert "@@aarshjul" not in html
    assert "calendar.ics" not in html
