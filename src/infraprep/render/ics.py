"""The study plan as an iCalendar file: one all-day event per block, plus the interview."""

from __future__ import annotations

import datetime as dt
import hashlib

from infraprep.models import Plan
from infraprep.render.titles import item_titles


def _uid(plan: Plan, key: str) -> str:
    digest = hashlib.sha256(f"{plan.posting.title}|{plan.interview_date}|{key}".encode())
    return f"{digest.hexdigest()[:24]}@infraprep"


def render_ics(plan: Plan) -> bytes:
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//infraprep//study plan//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"Prep: {plan.posting.title}")
    stamp = dt.datetime.combine(plan.generated_on, dt.time(0, 0), tzinfo=dt.UTC)
    titles = item_titles(plan)
    for index, block in enumerate(plan.study_plan):
        event = Event()
        event.add("uid", _uid(plan, f"block-{index}"))
        event.add("dtstamp", stamp)
        event.add("summary", f"{block.phase} ({block.hours:g} h)")
        event.add("dtstart", block.start)
        event.add("dtend", block.end + dt.timedelta(days=1))
        description = "Goals: " + "; ".join(block.goals)
        if block.items:
            description += "\nWork on:" + "".join(f"\n- {titles.get(i, i)}" for i in block.items)
        event.add("description", description)
        cal.add_component(event)
    interview = Event()
    interview.add("uid", _uid(plan, "interview"))
    interview.add("dtstamp", stamp)
    title = plan.posting.title + (f" at {plan.posting.company}" if plan.posting.company else "")
    interview.add("summary", f"Interview: {title}")
    interview.add("dtstart", plan.interview_date)
    interview.add("dtend", plan.interview_date + dt.timedelta(days=1))
    cal.add_component(interview)
    return cal.to_ical()
