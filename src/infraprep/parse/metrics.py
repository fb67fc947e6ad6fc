"""Numbers that measure an outcome ("cut p99 by 40%", "$120k/yr", "3x faster").

A STAR story whose result has no number is weaker in an interview, so the
report flags it; this module decides what counts as a number. Years and
version numbers do not.
"""

from __future__ import annotations

import re

# what a count counts: "70 services", "a fleet of 1,200 Linux hosts"
_COUNTED = (
    r"(?:engineers|teams|services|servers|hosts|nodes|clusters|customers|users|regions|"
    r"pipelines|repos|repositories|incidents|alerts|pages|tickets|deploys|deployments|"
    r"releases|microservices|developers|people|countries|datacenters|data\ centers|"
    r"databases|instances|vms|machines|requests|builds|jobs)"
)
_METRIC = re.compile(
    r"""
    (?:[$€£]\s?\d[\d,.]*\s?(?:k|m|mm|b|bn|million|billion|thousand)?\b)         # money
    | (?:\b\d[\d,.]*\s?(?:%|percent\b|pct\b))                                    # percentages
    | (?:\b\d[\d,.]*\s?x\b)                                                      # 3x
    | (?:\b\d[\d,.]*\s?(?:ms|µs|us|ns|s|sec|secs|seconds|minutes|mins|min|hours|hrs|h|days|
         weeks|months)\b)                                                        # durations
    | (?:\b\d[\d,.]*\s?(?:k|m|b|kb|mb|gb|tb|pb|gbps|mbps|rps|qps|tps|req/s|rpm|thousand|million|
         billion)\b)                                                            # sizes, rates
    | (?:\b\d[\d,.]*\+?\s+(?:[a-z][\w-]*\s+){0,2}?{COUNTED}\b)  # 38 Prometheus servers
    # from 40 to 12; not "to 70 services", a count (the number is not given back to let
    # the lookahead pass)
    | (?:\b(?:from|to|by)\s(?>\d[\d,.]*\s?%?)(?!\s?(?:[a-z][\w-]*\s+){0,2}?{COUNTED}\b))
    | (?:\b\d+(?:\.\d+)?\s?nines\b|\b99\.\d+\b)                                   # availability
    """.replace("{COUNTED}", _COUNTED),
    re.IGNORECASE | re.VERBOSE,
)
_YEAR_ONLY = re.compile(r"^(?:19|20)\d\d$")


def metrics_in(text: str) -> list[str]:
    """Measured quantities in a line, in order of appearance."""
    out = []
    for m in _METRIC.finditer(text):
        value = m.group(0).strip()
        digits = re.sub(r"\D", "", value)
        if digits and not _YEAR_ONLY.match(digits):
            out.append(value)
    return out


def has_number(text: str) -> bool:
    return bool(metrics_in(text))
