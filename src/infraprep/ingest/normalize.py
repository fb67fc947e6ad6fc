"""Character-level clean-up shared by every reader.

Text from PDFs, Word files and web pages carries typesetting artefacts that
break matching downstream: "ﬁ" ligatures hide "configuration", non-breaking
spaces split "Node.js 18" oddly, soft hyphens sit inside words, and a word
broken across two lines ("event-" / "driven") reads as two words. Every reader
runs its text through here so the parser sees one clean alphabet.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

_TRANSLATE = str.maketrans({
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st",
    # Spaces that look like spaces but do not split words in a regex.
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ",
    "\u2006": " ", "\u2007": " ", "\u2008": " ", "\u2009": " ", "\u200a": " ",
    "\u202f": " ", "\u205f": " ", "\u3000": " ", "\t": " ",
    # Invisible characters that only get in the way of matching.
    "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None,
    # Hyphen look-alikes that should compare equal to "-".
    "\u2010": "-", "\u2011": "-", "\u2012": "-",
})
# The glyphs every reader takes for a bullet wherever a line starts with one. Each reader
# adds what only its format means: Markdown's "+" and numbers, a PDF's "(cid:7)", Word's
# letter "o" before a capital.
BULLET_GLYPHS = "•▪◦●○■□➢➤►▶✓✔‣⁃∙·"
WORD_O_BULLET = r"o(?=\s+[A-Z])"

_SOFT_HYPHEN_BREAK = re.compile(r"\u00ad[ \t]*\n[ \t]*")
_SPACES = re.compile(r" {2,}")

# Second halves of a line-broken word that mark a real compound ("cloud-based");
# the hyphen stays.
_COMPOUND_TAILS = frozenset({
    "based", "driven", "facing", "oriented", "focused", "scale", "time", "end", "level",
    "native", "side", "friendly", "term", "party", "house", "source", "first", "ready",
    "grade", "critical", "aware", "free", "wide", "owned", "managed", "hosted", "service",
    "tier", "availability", "stack", "call", "premise", "premises", "prem", "to",
})
# First halves that almost always start a compound ("self-", "multi-").
_COMPOUND_HEADS = frozenset({
    "self", "multi", "cross", "non", "co", "re", "pre", "post", "well", "high", "low", "full",
    "real", "long", "short", "large", "mid", "end", "front", "back", "open", "on", "off",
    "event", "cloud", "data", "test", "user", "in", "out", "third", "first", "hands",
    "cutting", "fast", "world", "state", "api", "web", "time",
})
# Endings that show the second half is the rest of a word split by a typesetter
# ("Devel-" / "oping", "imple-" / "mented").
_SUFFIX = re.compile(
    r"^[a-z]{0,4}(?:tion|sion|ment|ing|ed|ly|ity|ities|ness|ance|ence|able|ible|ize|ized|"
    r"ise|ous|ful|ure|ogy|ical|ically|ive|er|ers|ency|ancy|ism|ist|ent|ant|ate|ated|ating|"
    r"ation|ations|ology|ally|ular|ary|ory)s?$",
)


def normalize_text(text: str) -> str:
    """Fix line endings, ligatures, odd spaces and soft hyphens in extracted text.

    Returns text whose lines end in ``\\n`` only. A soft hyphen at a line end
    joins the two halves of the word; anywhere else it is dropped.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_TRANSLATE)
    text = _SOFT_HYPHEN_BREAK.sub("", text).replace("\u00ad", "")
    return unicodedata.normalize("NFC", text)


def clean_line(line: str) -> str:
    """One line of text with runs of whitespace collapsed and the ends trimmed."""
    return _SPACES.sub(" ", normalize_text(line).replace("\n", " ")).strip()


def join_wrapped(left: str, right: str, vocabulary: Container[str] = ()) -> str:
    """Join a line wrapped by the layout onto the line before it.

    A trailing hyphen is ambiguous: "event-" + "driven" is a compound and keeps
    its hyphen, "Devel-" + "oping" is one word split by a typesetter. The
    ``vocabulary`` (lower-cased words seen elsewhere in the same document)
    decides when it can; then small lists of compound halves and word endings.
    When nothing decides, the hyphen stays: "Kuber-netes" is ugly but a
    wrongly glued "cloudbased" loses information.
    """
    left = left.rstrip()
    right = right.lstrip()
    if not left:
        return right
    if not right:
        return left
    if left.endswith("\u00ad"):  # a soft hyphen: the typesetter split one word
        return left[:-1] + right
    match = re.search(r"(\w+)-$", left)
    if match is None or not right[0].islower():
        return f"{left} {right}"
    head = match.group(1)
    tail_match = re.match(r"[\w]+", right)
    tail = tail_match.group(0) if tail_match else ""
    hyphenated = f"{head}-{tail}".lower()
    glued = f"{head}{tail}".lower()
    if hyphenated in vocabulary:
        keep = True
    elif glued in vocabulary:
        keep = False
    elif tail.lower() in _COMPOUND_TAILS or head.lower() in _COMPOUND_HEADS:
        keep = True
    else:
        keep = not _SUFFIX.match(tail.lower())
    return left + right if keep else left[:-1] + right


def vocabulary_of(texts: list[str]) -> frozenset[str]:
    """The lower-cased words (hyphenated compounds kept whole) of a document."""
    words: set[str] = set()
    for text in texts:
        words.update(w.lower() for w in re.findall(r"\w+(?:-\w+)*", text))
    return frozenset(words)
