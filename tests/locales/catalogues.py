"""Which English texts have no Danish: read from the installed catalogues.

Every gettext catalogue of the installed packages is read: the templates
(.pot) and English catalogues give the English text of each message (its
msgid and its ``Default:``), the Danish catalogues (.po, also the add-on's
own for other domains) whether it has a translation. A text on a Danish page
that is the English text of a message without a Danish translation is a
text a person reads in English.

No list of words: whatever Plone, z3c.form, zope.schema or a widget shows
untranslated is found, as long as it is a message of a catalogue.
"""

from functools import cache
from pathlib import Path

import re
import site
import threeb.opgavegrupper


PACKAGE_LOCALES = Path(threeb.opgavegrupper.__file__).parent / "locales"
PLACEHOLDER = re.compile(r"\$\{[^}]*\}")
LETTER = re.compile(r"[^\W\d_]{2}")


def _unquote(text):
    return (
        text.replace('\\"', '"')
        .replace("\\n", "\n")
        .replace("\\t", "\t")
        .replace("\\\\", "\\")
    )


def parse(path):
    """The entries of a .po/.pot file: dicts of msgid, default, msgstr, fuzzy.

    ``msgstr`` is the first form's translation of a plural message.
    """
    entries = []
    entry = {}
    key = None

    def close():
        if "msgid" in entry:
            entries.append(dict(entry))
        entry.clear()

    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.strip()
        if not line:
            close()
            key = None
            continue
        if line.startswith("#. Default:"):
            if "msgid" in entry:
                close()
            entry["default"] = _unquote(line[len("#. Default:") :].strip().strip('"'))
            key = None
            continue
        if line.startswith("#,") and "fuzzy" in line:
            if "msgid" in entry:
                close()
            entry["fuzzy"] = True
            continue
        if line.startswith("#"):
            continue
        match = re.match(
            r'^(msgid_plural|msgid|msgstr(?:\[0\])?|msgstr\[\d+\]|msgctxt)\s+"(.*)"$',
            line,
        )
        if match:
            name, value = match.groups()
            if name == "msgid" and "msgid" in entry:
                close()
            key = {"msgstr[0]": "msgstr"}.get(name, name)
            if key.startswith("msgstr["):
                key = None  # only the first form is read
                continue
            entry[key] = _unquote(value)
            continue
        if line.startswith('"') and key:
            entry[key] = entry.get(key, "") + _unquote(line.strip('"'))
    close()
    return entries


def _roots():
    roots = [Path(path) for path in site.getsitepackages()]
    return [root for root in roots if root.is_dir()]


@cache
def catalogue_files():
    """(domain, language or None for a template, path) of every catalogue."""
    found = []
    for root in [*_roots(), PACKAGE_LOCALES.parents[2]]:
        for path in root.rglob("locales/*.pot"):
            found.append((path.stem, None, path))
        for path in root.rglob("locales/*/LC_MESSAGES/*.po"):
            found.append((path.stem, path.parent.parent.name, path))
    # A template named plone-manual.pot holds messages of the `plone` domain.
    return [
        (re.sub(r"-(manual|generated)$", "", domain), language, path)
        for domain, language, path in found
        if "/tests/" not in str(path)
    ]


def _normal(text):
    return " ".join(text.split())


def english_texts(entry):
    """The English a person would read when this message is not translated."""
    texts = set()
    for text in (entry.get("default"), entry.get("msgid")):
        if not text:
            continue
        text = _normal(text)
        texts.add(text)
        # "by ${author}" shows "by" next to a link: the parts around the
        # placeholders are texts of their own on the page.
        for part in PLACEHOLDER.split(text):
            part = part.strip(" .,:;–-")
            if LETTER.search(part):
                texts.add(part)
    return {text for text in texts if LETTER.search(text) and "${" not in text}


@cache
def untranslated_english():
    """{English text: [(domain, msgid), ...]} of messages without Danish."""
    danish = {}
    danish_texts = set()
    english = {}
    for domain, language, path in catalogue_files():
        entries = parse(path)
        if language == "da":
            for entry in entries:
                if (
                    entry.get("msgid")
                    and entry.get("msgstr")
                    and not entry.get("fuzzy")
                ):
                    danish.setdefault(domain, set()).add(entry["msgid"])
                    danish_texts.add(_normal(entry["msgstr"]))
                    for part in PLACEHOLDER.split(entry["msgstr"]):
                        danish_texts.add(_normal(part).strip(" .,:;–-"))
        elif language in (None, "en"):
            for entry in entries:
                if entry.get("msgid"):
                    english.setdefault(domain, {})[entry["msgid"]] = entry
    missing = {}
    for domain, messages in english.items():
        translated = danish.get(domain, set())
        for msgid, entry in messages.items():
            if msgid in translated:
                continue
            for text in english_texts(entry):
                # A word that is the same in both languages ("Status",
                # "Plone") is Danish too.
                if text not in danish_texts:
                    missing.setdefault(text, []).append((domain, msgid))
    return missing


HIDDEN_TAGS = {"script", "style", "template", "noscript", "head"}
READ_ATTRIBUTES = ("title", "alt", "placeholder", "aria-label")


def _hidden(element):
    return element.tag in HIDDEN_TAGS or element.get("hidden") is not None


def _within_hidden(element):
    return any(_hidden(e) for e in (element, *element.iterancestors()))


def visible_texts(html):
    """The texts a person reads or hears on the page: text nodes, labels in
    attributes, the words on buttons. Scripts and hidden elements are not read."""
    from lxml import html as lxml_html

    document = lxml_html.fromstring(html)
    texts = []
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        parent = element.getparent()
        tail = element.tail if parent is not None else None
        if tail and tail.strip() and not _within_hidden(parent):
            texts.append(_normal(tail))
        if _within_hidden(element):
            continue
        if element.text and element.text.strip():
            texts.append(_normal(element.text))
        texts.extend(
            _normal(element.get(name)) for name in READ_ATTRIBUTES if element.get(name)
        )
        button = element.tag == "input" and element.get("type") in ("submit", "button")
        if button and element.get("value"):
            texts.append(_normal(element.get("value")))
    return texts


def english_on(html):
    """The texts of the page that are English messages without Danish."""
    missing = untranslated_english()
    found = {}
    for text in visible_texts(html):
        candidates = [text, text.strip(" .,:;–-()")]
        for candidate in candidates:
            if candidate in missing:
                found[candidate] = missing[candidate][:3]
                break
    return found
