"""Words and crude stems of a line, for weighing how much two lines say the same.

The fit compares a requirement's stems with each CV line's ("responding" meets
"response"), and the report picks, among the JD lines that ask for a subject, the
one nearest an item's title. Both need the same stop words and stems.
"""

from __future__ import annotations

import functools
import re

_SUFFIX = re.compile(r"(?:ations?|ments?|ings?|ions?|ed|es|s)$")

_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "to",
        "in",
        "for",
        "with",
        "on",
        "at",
        "by",
        "or",
        "as",
        "is",
        "are",
        "be",
        "you",
        "your",
        "we",
        "our",
        "will",
        "have",
        "has",
        "experience",
        "strong",
        "solid",
        "good",
        "excellent",
        "knowledge",
        "ability",
        "able",
        "working",
        "work",
        "using",
        "use",
        "skills",
        "understanding",
        "familiarity",
        "years",
        "year",
        "plus",
        "etc",
        "such",
        "including",
    ]
)


def words(text: str) -> frozenset[str]:
    return frozenset(
        w for w in re.findall(r"[a-z][a-z0-9+#.-]{2,}", text.lower()) if w not in _STOP
    )


# a report asks every CV line's stems once per requirement and duty: keep them
@functools.lru_cache(maxsize=4096)
def stems(text: str) -> frozenset[str]:
    """Crude stems, so "responding" meets "response" and "tests" meets "test-driven"."""
    words = re.findall(r"[a-z][a-z0-9+#]{2,}", text.lower())
    return frozenset(_SUFFIX.sub("", w)[:6] for w in words if w not in _STOP)
