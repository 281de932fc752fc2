"""LIX against hand-counted Danish texts (readability/lix.py says the rules).

Each text's count is written out word by word below: letters in brackets,
L marks a long word (more than six letters), | a sentence end.
"""

from threeb.opgavegrupper.readability.lix import band
from threeb.opgavegrupper.readability.lix import score
from threeb.opgavegrupper.readability.lix import text_of_html

import pytest


# Vi(2) vil(3) gerne(5) have(4) flere(5) grønne(6) gårde(5) |
# Børnene(7 L) skal(4) kunne(5) lege(4) ude(3) |
# Hvem(4) vil(3) hjælpe(6) |
# 15 words, 3 sentences, 1 long: 15/3 + 100*1/15 = 5 + 6.67 = 11.7
EASY = "Vi vil gerne have flere grønne gårde. Børnene skal kunne lege ude. Hvem vil hjælpe?"

# Abbreviations and numbers end no sentence; "17.30." and "4." do, since a
# capital letter follows; "kr." ends the text.
# Opgavegruppen(13 L) mødes(5) bl.a.(3) i(1) Beboerhuset(11 L) f.eks.(4)
# tirsdag(7 L) kl.(2) 17.30(0) |
# Der(3) er(2) plads(5) til(3) ca.(2) 1.200(0) beboere(7 L) i(1) afd.(3)
# nr.(2) 4(0) |
# Budgettet(9 L) for(3) 2027(0) er(2) 250.000(0) kr.(2) |
# 26 words (9 + 11 + 6), 3 sentences, 5 long:
# 26/3 + 100*5/26 = 8.67 + 19.23 = 27.9
ABBREVIATIONS_AND_NUMBERS = (
    "Opgavegruppen mødes bl.a. i Beboerhuset, f.eks. tirsdag kl. 17.30. "
    "Der er plads til ca. 1.200 beboere i afd. nr. 4. "
    "Budgettet for 2027 er 250.000 kr."
)

# Administrationen(16 L) anbefaler(9 L) at(2) organisationsbestyrelsen(24 L)
# godkender(9 L) kommissoriet(12 L) for(3) opgavegruppen(13 L)
# vedrørende(10 L) energibesparelser(17 L) i(1) afdelingerne(12 L) |
# 12 words, 1 sentence, 9 long: 12/1 + 100*9/12 = 12 + 75 = 87.0
OFFICIAL = (
    "Administrationen anbefaler, at organisationsbestyrelsen godkender "
    "kommissoriet for opgavegruppen vedrørende energibesparelser i afdelingerne."
)

# Opgavegruppen(13 L) skal(4) finde(5) ud(2) af(2) hvordan(7 L) vi(2) kan(3)
# få(2) flere(5) unge(4) med(3) i(1) beboerdemokratiet(17 L) |
# Gruppen(7 L) mødes(5) hver(4) anden(5) tirsdag(7 L) og(2) kommer(6)
# med(3) forslag(7 L) til(3) organisationsbestyrelsen(24 L) i(1)
# foråret(7 L) |
# 27 words (14 + 13), 2 sentences, 8 long (3 + 5):
# 27/2 + 100*8/27 = 13.5 + 29.63 = 43.1
SUMMARY = (
    "Opgavegruppen skal finde ud af, hvordan vi kan få flere unge med i "
    "beboerdemokratiet. Gruppen mødes hver anden tirsdag og kommer med "
    "forslag til organisationsbestyrelsen i foråret."
)

# "osv." ends a sentence before a capital letter; "17." before "maj" does
# not; "10." ends the text.
# Vi(2) rydder(6) op(2) i(1) kældre(6) cykelskure(10 L) osv.(3) |
# Det(3) sker(4) den(3) 17(0) maj(3) kl.(2) 10(0) |
# 14 words, 2 sentences, 1 long: 14/2 + 100*1/14 = 7 + 7.14 = 14.1
ORDINALS = "Vi rydder op i kældre, cykelskure osv. Det sker den 17. maj kl. 10."

# Rich text: each heading, list item and paragraph is a unit; "&amp;" is
# no word; the hyphenated compound is one word counted by its letters.
# Grøn(4) omstilling(10 L) |
# Vi(2) vil(3) spare(5) på(2) varmen(6) vandet(6) |
# Nye(3) vinduer(7 L) |
# Solceller(9 L) på(2) taget(5) |
# Beboer-mødet(11 L) er(2) åbent(5) for(3) alle(4) | kom(3) og(2) vær(3) med(3) |
# 22 words, 6 sentences, 4 long: 22/6 + 100*4/22 = 3.67 + 18.18 = 21.8
RICH = (
    "<h2>Grøn omstilling</h2>"
    "<p>Vi vil spare på varmen &amp; vandet.</p>"
    "<ul><li>Nye vinduer</li><li>Solceller på taget</li></ul>"
    "<p>Beboer-mødet er åbent for alle: kom og vær med!</p>"
)


@pytest.mark.parametrize(
    "text,html,words,sentences,long_words,lix,band_name",
    [
        (EASY, False, 15, 3, 1, 11.7, "meget let"),
        (ABBREVIATIONS_AND_NUMBERS, False, 26, 3, 5, 27.9, "let"),
        (SUMMARY, False, 27, 2, 8, 43.1, "middel"),
        (OFFICIAL, False, 12, 1, 9, 87.0, "meget svær"),
        (ORDINALS, False, 14, 2, 1, 14.1, "meget let"),
        (RICH, True, 22, 6, 4, 21.8, "meget let"),
    ],
    ids=["easy", "abbreviations-numbers", "summary", "official", "ordinals", "rich"],
)
def test_hand_counted_texts(text, html, words, sentences, long_words, lix, band_name):
    result = score(text, html=html)
    assert (result.words, result.sentences, result.long_words) == (
        words,
        sentences,
        long_words,
    )
    assert result.lix == lix
    assert result.band == band_name


@pytest.mark.parametrize("text", ["", None, "   ", "– % ?", "\n\n"])
def test_empty_text_has_no_lix(text):
    assert score(text).as_dict() == {
        "words": 0,
        "sentences": 0,
        "long_words": 0,
        "lix": None,
        "band": None,
    }


def test_empty_rich_text_has_no_lix():
    assert score("<p>&nbsp;</p><p><br></p>", html=True).lix is None


def test_text_without_a_mark_is_one_sentence():
    # Flere(5) grønne(6) gårde(5): 3 words, 1 sentence, 0 long = 3.0
    result = score("Flere grønne gårde")
    assert (result.words, result.sentences, result.lix) == (3, 1, 3.0)


def test_a_blank_line_ends_a_sentence_a_line_break_does_not():
    # Mål(3) | Flere(5) unge(4) med(3) |  and  Mål(3) Flere(5) unge(4) med(3) |
    assert score("Mål\n\nFlere unge med").sentences == 2
    assert score("Mål\nFlere unge med").sentences == 1


def test_slash_parts_are_words_and_times_end_nothing():
    # og(2) eller(5) Mødet(5) er(2) 17:30(0) |: 5 words, 1 sentence
    result = score("og/eller Mødet er 17:30")
    assert (result.words, result.sentences) == (5, 1)


def test_script_and_style_are_not_text():
    assert text_of_html("<p>Hej</p><script>var x = 1;</script><style>p{}</style>") == (
        "\n\nHej\n\n"
    )


@pytest.mark.parametrize(
    "lix,name",
    [
        (0, "meget let"),
        (24.9, "meget let"),
        (25, "let"),
        (34.9, "let"),
        (35, "middel"),
        (44.9, "middel"),
        (45, "svær"),
        (54.9, "svær"),
        (55, "meget svær"),
        (120, "meget svær"),
        (None, None),
    ],
)
def test_danish_bands(lix, name):
    assert band(lix) == name
