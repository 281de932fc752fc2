"""Danish first: every message has its Danish translation, and Plone uses it."""

from pathlib import Path
from zope.i18n import translate

import re
import shutil
import subprocess
import sys
import threeb.opgavegrupper


PACKAGE_DIR = Path(threeb.opgavegrupper.__file__).parent
LOCALES = PACKAGE_DIR / "locales"
DOMAIN = "threeb.opgavegrupper"
# A plural message is read by its singular msgid and first form.
ENTRY = re.compile(
    r'^msgid "(.*)"\n(?:msgid_plural ".*"\n)?msgstr(?:\[0\])? "(.*)"$', re.MULTILINE
)


def entries(path):
    return {
        msgid: msgstr
        for msgid, msgstr in ENTRY.findall(path.read_text(encoding="utf-8"))
        if msgid
    }


def test_every_message_has_a_danish_translation():
    pot = entries(LOCALES / f"{DOMAIN}.pot")
    danish = entries(LOCALES / "da" / "LC_MESSAGES" / f"{DOMAIN}.po")
    missing = sorted(msgid for msgid in pot if not danish.get(msgid))
    assert missing == [], "run `make i18n` and translate these"


def test_pot_holds_every_message_in_the_code(tmp_path):
    i18ndude = shutil.which("i18ndude", path=str(Path(sys.executable).parent))
    assert i18ndude, "i18ndude comes with the dev extra that `make test` installs"
    fresh = tmp_path / f"{DOMAIN}.pot"
    subprocess.run(
        [
            i18ndude,
            "rebuild-pot",
            "--pot",
            str(fresh),
            "--create",
            DOMAIN,
            str(PACKAGE_DIR),
        ],
        check=True,
        capture_output=True,
    )
    committed = set(entries(LOCALES / f"{DOMAIN}.pot"))
    missing = sorted(set(entries(fresh)) - committed)
    assert missing == [], "run `make i18n`"


def test_plone_translates_to_danish(portal):
    assert translate("Themes", domain=DOMAIN, target_language="da") == "Temaer"
    assert (
        translate("External adviser", domain=DOMAIN, target_language="da")
        == "Ekstern rådgiver"
    )


def test_plural_forms_follow_the_number(portal):
    from threeb.opgavegrupper.participation.roster import seats_message

    def seats(filled, seats):
        message = seats_message({"filled": filled, "seats": seats})
        return translate(message, target_language="da")

    assert seats(0, 1) == "0 af 1 plads besat"
    assert seats(1, 4) == "1 af 4 pladser besat"
