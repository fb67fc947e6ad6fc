"""Read a number the way a candidate types it, in the unit the drill asks for.

People answer an estimate as "30M", "2,250", "~389 GB", "0.4 TB", "37%" or
"$1.2k". A checker that wants the bare number in the drill's unit marks good
answers wrong, so the reading converts between the units of one kind (bytes and
bits, seconds to weeks, a fraction and a percentage) and refuses a unit of
another kind by name rather than guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from infraprep.errors import UsageError

# Decimal prefixes, as capacity planning uses them; the binary ones are spelled "KiB".
_DATA_UNITS = {
    "b": 1.0,
    "byte": 1.0,
    "bytes": 1.0,
    "kb": 1e3,
    "mb": 1e6,
    "gb": 1e9,
    "tb": 1e12,
    "pb": 1e15,
    "kib": 2.0**10,
    "mib": 2.0**20,
    "gib": 2.0**30,
    "tib": 2.0**40,
    "pib": 2.0**50,
    "bit": 1 / 8,
    "bits": 1 / 8,
    "kbit": 1e3 / 8,
    "mbit": 1e6 / 8,
    "gbit": 1e9 / 8,
    "tbit": 1e12 / 8,
}
# Bits per second, written as one word: a rate, never a size.
_BIT_RATES = {"kbps": 1e3 / 8, "mbps": 1e6 / 8, "gbps": 1e9 / 8, "tbps": 1e12 / 8}
_TIME_UNITS = {
    "ms": 1e-3,
    "m": 60.0,
    "s": 1.0,
    "sec": 1.0,
    "secs": 1.0,
    "second": 1.0,
    "seconds": 1.0,
    "min": 60.0,
    "mins": 60.0,
    "minute": 60.0,
    "minutes": 60.0,
    "h": 3600.0,
    "hr": 3600.0,
    "hrs": 3600.0,
    "hour": 3600.0,
    "hours": 3600.0,
    "d": 86400.0,
    "day": 86400.0,
    "days": 86400.0,
    "w": 604800.0,
    "wk": 604800.0,
    "week": 604800.0,
    "weeks": 604800.0,
}
_FRACTION_UNITS = {"fraction": 1.0, "%": 0.01, "percent": 0.01}
_MONEY_UNITS = {"usd": 1.0, "$": 1.0, "dollars": 1.0}
_KINDS = {
    "data": _DATA_UNITS,
    "time": _TIME_UNITS,
    "fraction": _FRACTION_UNITS,
    "money": _MONEY_UNITS,
}
# Written after a number: "30M", "2.5 million", "1.2bn". "m" is a million except
# where the drill wants minutes, and "b" a billion except where it wants bytes.
_MAGNITUDES = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mm": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "t": 1e12,
    "trillion": 1e12,
}
_NUMBER = re.compile(
    r"^\s*(?:~|≈|about|around|roughly|approx\.?|approximately)?\s*\$?\s*"
    r"(?P<number>[+-]?(?:\d{1,3}(?:[,_ ]\d{3})+|\d+)?(?:\.\d+)?(?:e[+-]?\d+)?)"
    r"\s*(?P<rest>.*?)\s*$",
    re.IGNORECASE,
)
_PER_SECOND = re.compile(r"\s*(?:/\s*s(?:ec(?:ond)?)?|per\s+second)$", re.IGNORECASE)


@dataclass(frozen=True)
class Unit:
    """A drill's unit split into its kind and its size in that kind's base."""

    text: str
    kind: str | None  # None: a count of things ("instances", "requests/s")
    scale: float
    per_second: bool


def unit_of(text: str) -> Unit:
    """The kind of a drill's unit: "GB" is data, "Gbit/s" data per second, "nodes" a count."""
    body = text.strip()
    if body.lower() in _BIT_RATES:
        return Unit(text, "data", _BIT_RATES[body.lower()], per_second=True)
    per_second = False
    stripped = _PER_SECOND.sub("", body)
    if stripped != body and _known(stripped) is not None:
        body, per_second = stripped, True
    found = _known(body)
    if found is None:
        return Unit(text, None, 1.0, per_second=False)
    kind, scale = found
    return Unit(text, kind, scale, per_second)


def read_quantity(typed: str, unit: str) -> float:
    """The number ``typed`` in the drill's ``unit``; UsageError when it is not one.

    >>> read_quantity("0.4 TB", "GB")
    400.0
    """
    wanted = unit_of(unit)
    match = _NUMBER.match(typed.replace("\u2009", " "))
    if not match or not match.group("number") or match.group("number") in {"+", "-", "."}:
        raise UsageError(
            f"'{typed.strip()}' is not a number.",
            f"Type a number in {unit}, e.g. 1500, 1.5k or 2.5e6.",
        )
    value = float(re.sub(r"[,_ ]", "", match.group("number")))
    rest = match.group("rest")
    magnitude, rest = _split_magnitude(rest, wanted)
    value *= magnitude
    if not rest or _same_words(rest, unit):
        return value
    return value * _conversion(rest, wanted, typed)


def _split_magnitude(rest: str, wanted: Unit) -> tuple[float, str]:
    head, _, tail = rest.partition(" ")
    word = head.lower()
    if not head or word not in _MAGNITUDES:
        # "30M" and "2.5mn" run the magnitude into the number's tail
        glued = re.match(r"^(k|m|mn|mm|b|bn|t)(?=$|[\s/$])(.*)$", rest, re.IGNORECASE)
        if not glued:
            return 1.0, rest
        word, tail = glued.group(1).lower(), glued.group(2)
    if word == "m" and wanted.kind == "time":
        return 1.0, rest  # "45m" of a time drill is minutes
    if word == "b" and wanted.kind == "data":
        return 1.0, rest  # "500b" of a data drill is bytes
    return _MAGNITUDES[word], tail.strip()


def _conversion(rest: str, wanted: Unit, typed: str) -> float:
    given = unit_of(rest)
    if wanted.kind is None:
        if given.kind is not None:
            raise UsageError(
                f"'{typed.strip()}' is in {rest}, but this answer is a count of {wanted.text}.",
                f"Type the number of {wanted.text} alone.",
            )
        return 1.0  # "2,250 pods" for instances: the words are the candidate's own
    if given.kind != wanted.kind or given.per_second != wanted.per_second:
        raise UsageError(
            f"'{typed.strip()}' is in {rest}, which cannot be turned into {wanted.text}.",
            f"Type the number in {wanted.text}.",
        )
    return given.scale / wanted.scale


def _known(text: str) -> tuple[str, float] | None:
    key = text.strip().lower()
    for kind, table in _KINDS.items():
        if key in table:
            return kind, table[key]
    return None


def _same_words(rest: str, unit: str) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"\s+", "", s.lower()).rstrip("s")

    return norm(rest) == norm(unit)
