"""LIX, the readability index (læsbarhedsindeks) of a Danish text.

C. H. Björnsson, *Läsbarhet* (Stockholm: Liber, 1968) defined it for
Swedish; Danish libraries, teachers and plain-language writers have used it
since the 1970s (Dansk Sproghistorie, https://www.dansksproghistorie.dk/144)::

    LIX = words / sentences + 100 * long words / words

where a long word has more than six letters. Its two halves are the mean
sentence length in words and the share of long words in percent.

The Danish bands (Dansk Sproghistorie, above; the same in Sprogvaskeriet's
"Tjek din lix", https://sprogvaskeriet.dk/tjek-din-lix/): up to 24 "meget
let", 25-34 "let", 35-44 "middel", 45-54 "svær", 55 and above "meget svær".
(Swedish sites use other limits, 30/40/50/60: these are the Danish ones.)

How this module counts, decided where Björnsson leaves it open:

- **Words** are the runs of characters between spaces (and slashes:
  "og/eller" is two words) that hold a letter or a digit. Quotes, brackets,
  commas and other marks around them are not part of them; a lone dash or
  "%" is no word.
- **Letters** are the word's letters only: digits, hyphens, periods and
  apostrophes are not counted. So a number ("2027", "1.200", "17.30") is one
  word and never long, and a hyphenated compound ("beboer-demokrati") is one
  word, long by its letters (15).
- **Sentences** end at ".", "!", "?", ":" (Björnsson counts the colon) and
  "…" when a space or the end of the text follows; "17:30" and "1.200"
  end nothing. Not ending a sentence:

  - the period of an abbreviation ("bl.a.", "f.eks.", "ca.", "nr.", "kl.",
    see ``ABBREVIATIONS``, and any letters-and-periods word such as
    "a.m.b.a."), except that "osv.", "mv.", "m.m.", "m.fl." and "etc."
    end one when a capital letter begins the next word (they often close a
    sentence; "f.eks. Tingbjerg" does not);
  - the period after a number ("den 17. maj", "kl. 17.30 i salen") unless a
    capital letter begins the next word ("i 2027. Vi").

  A paragraph ends a sentence even without a mark (a blank line in plain
  text; the end of a ``p``, ``li``, heading, table cell or ``div`` in HTML),
  and so does the end of the text: a heading or a list item is read as a
  unit. A text with words has at least one sentence.
- **HTML** (rich text) is read as its text: the tags are dropped (by the
  standard library's HTML parser, which also decodes entities), the content
  of ``script`` and ``style`` is skipped.
- **Empty text** (no word) has no LIX: ``score`` gives ``lix=None`` and
  ``band=None``, so that nothing empty looks easy.
"""

from dataclasses import asdict
from dataclasses import dataclass
from html.parser import HTMLParser

import re


LONG_WORD_LETTERS = 6  # a long word has more letters than this

# (lowest LIX of the band, band name), highest first.
BANDS = (
    (55, "meget svær"),
    (45, "svær"),
    (35, "middel"),
    (25, "let"),
    (float("-inf"), "meget let"),
)
BAND_NAMES = tuple(name for _lowest, name in reversed(BANDS))

# Common Danish abbreviations written with periods (Retskrivningsordbogen's
# usual forms), lower case. Their periods do not end a sentence.
ABBREVIATIONS = frozenset(
    {
        "adr.",
        "afd.",
        "bl.a.",
        "ca.",
        "d.",
        "d.v.s.",
        "dvs.",
        "ekskl.",
        "etc.",
        "evt.",
        "f.eks.",
        "fx.",
        "hhv.",
        "inkl.",
        "jf.",
        "kl.",
        "kr.",
        "m.fl.",
        "m.m.",
        "mht.",
        "mv.",
        "nr.",
        "o.l.",
        "osv.",
        "pga.",
        "pkt.",
        "stk.",
        "tlf.",
        "vedr.",
    }
)
# Abbreviations that often close a sentence: there a capital letter next
# says the sentence ended.
SENTENCE_FINAL_ABBREVIATIONS = frozenset({"etc.", "m.fl.", "m.m.", "mv.", "osv."})
# "a.m.b.a.", "s.u." and the like, not in the list.
DOTTED = re.compile(r"^(?:[^\W\d_]{1,4}\.)+$")

BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "caption",
        "dd",
        "div",
        "dt",
        "figcaption",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "p",
        "pre",
        "section",
        "td",
        "th",
    }
)
SKIPPED_TAGS = frozenset({"script", "style", "template"})

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
OPENING = "\"'«»“”„‘’‚‹›([{<"
CLOSING = "\"'«»“”„‘’‚‹›)]}>,;"
TERMINAL = ".!?:…"


@dataclass(frozen=True)
class Score:
    """The counts of a text and its LIX (one decimal), with the band name."""

    words: int
    sentences: int
    long_words: int
    lix: float | None
    band: str | None

    def as_dict(self):
        return asdict(self)


class _TextOfHTML(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_TAGS:
            self.skipping += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS:
            self.skipping = max(self.skipping - 1, 0)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def text_of_html(html):
    """The text of an HTML fragment, each block as its own paragraph."""
    parser = _TextOfHTML()
    parser.feed(html or "")
    parser.close()
    return "".join(parser.parts)


def band(lix):
    """The Danish band name of a LIX value ("let"), None for None."""
    if lix is None:
        return None
    for lowest, name in BANDS:
        if lix >= lowest:
            return name
    return BAND_NAMES[0]  # pragma: no cover - the last band has no floor


def _words(paragraph):
    """(letters, ends_sentence) per word of one paragraph."""
    pieces = [part for chunk in paragraph.split() for part in chunk.split("/")]
    found = []  # [letters, body, trailing] per word
    ends = []
    for piece in pieces:
        stripped = piece.lstrip(OPENING)
        body = stripped.rstrip(CLOSING + TERMINAL)
        # The marks after the word: "." of "huset.", ")." of "(nr. 3).".
        trailing = "".join(ch for ch in stripped[len(body) :] if ch in TERMINAL)
        if not any(ch.isalnum() for ch in body):
            # "–", "%", a lone "?": no word, but a mark after a space
            # still ends the sentence of the word before it.
            if found and any(mark in trailing for mark in TERMINAL):
                ends[-1] = True
            continue
        found.append((sum(ch.isalpha() for ch in body), body, trailing))
        ends.append(False)
    for index, (_letters, body, trailing) in enumerate(found):
        if not trailing:
            continue
        following = found[index + 1][1] if index + 1 < len(found) else ""
        capital_next = following[:1].isupper() or not following
        if any(mark in trailing for mark in "!?:…") or trailing.startswith(".."):
            ends[index] = True
        elif _is_abbreviation(body + "."):
            if body.lower() + "." in SENTENCE_FINAL_ABBREVIATIONS:
                ends[index] = ends[index] or capital_next
        elif body[-1:].isdigit():
            ends[index] = ends[index] or capital_next
        else:
            ends[index] = True
    return [(letters, end) for (letters, _b, _t), end in zip(found, ends, strict=True)]


def _is_abbreviation(word):
    lowered = word.lower()
    return lowered in ABBREVIATIONS or bool(DOTTED.match(lowered) and "." in word[:-1])


def score(text, html=False):
    """Count ``text`` and give its LIX.

    :param text: plain text, or an HTML fragment with ``html=True``; None
        counts as empty.
    :param html: whether ``text`` is HTML (a RichText field's raw value).
    :returns: a ``Score``; ``lix`` and ``band`` are None when the text has
        no word.
    """
    if html:
        text = text_of_html(text)
    words = sentences = long_words = 0
    for paragraph in PARAGRAPH_BREAK.split(text or ""):
        counted = _words(paragraph)
        if not counted:
            continue
        words += len(counted)
        long_words += sum(1 for letters, _end in counted if letters > LONG_WORD_LETTERS)
        sentences += sum(1 for _letters, end in counted if end)
        if not counted[-1][1]:
            # The paragraph ends the sentence its last mark left open.
            sentences += 1
    if not words:
        return Score(0, 0, 0, None, None)
    lix = round(words / sentences + 100 * long_words / words, 1)
    return Score(words, sentences, long_words, lix, band(lix))
