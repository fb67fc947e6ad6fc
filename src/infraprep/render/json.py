"""The plan as JSON with a schema_version: the machine-readable report.

Contact details and the raw text of the inputs stay out unless asked for: a
report is often shared, a CV's phone number should not travel with it.
"""

from __future__ import annotations

import json
from typing import Any

from infraprep.models import Plan, Posting, Profile

_PROFILE_PRIVATE = {"contact", "lines"}


def profile_dict(profile: Profile, *, include_contact: bool = False) -> dict[str, Any]:
    exclude = {"lines"} if include_contact else _PROFILE_PRIVATE
    return profile.model_dump(mode="json", exclude=exclude)


def posting_dict(posting: Posting) -> dict[str, Any]:
    return posting.model_dump(mode="json", exclude={"lines"})


def plan_dict(plan: Plan, *, include_contact: bool = False) -> dict[str, Any]:
    data = plan.model_dump(mode="json", exclude={"posting", "profile"})
    out: dict[str, Any] = {"schema_version": data.pop("schema_version")}
    out["posting"] = posting_dict(plan.posting)
    out["profile"] = profile_dict(plan.profile, include_contact=include_contact)
    out.update(data)
    return out


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render_json(plan: Plan, *, include_contact: bool = False) -> bytes:
    return dumps(plan_dict(plan, include_contact=include_contact)).encode("utf-8")
