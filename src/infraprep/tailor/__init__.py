"""tailor: Profile + Posting + knowledge -> Plan."""

from infraprep.tailor.plan import build_plan

__all__ = ["build_plan"]
