"""Undated roles: committee seats, board, volunteer and student roles listed with no dates."""

from __future__ import annotations

from helpers import TODAY, text_document
from infraprep.parse import parse_profile
from infraprep.parse.position_undated import read_role_line


def _positions(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    profile = parse_profile(text_document(text), TODAY)
    return [(p.title, p.company, p.start, p.end) for p in profile.positions]


def test_undated_volunteer_roles_under_their_heading_are_positions():
    cv = """EMPLOYMENT
1982
1987
Law Offices of Gary Eisenberg
Law Clerk and Attorney
VOLUNTEER, COMMUNITY AND PROFESSIONAL INTERESTS:
Judge Pro Tem- Los Angeles Small Claims Courts
Mediator-Los Angeles Superior Courts
Past Program Chairman, Pacific Palisades Rotary Club
Vice Chair, Pacific Palisades Rotary Club
Speaker, various Rotary, Lions and other civic organizations
Board of Directors, Halcyon Center for Child Studies.
Member of Womens Club, UCSC
CASA Volunteer (Court Appointed Special Advocate in the Dependency
System for Santa Cruz County)
SEMINARS AND SPEAKING ENGAGEMENTS
Moderator, Annual Bar Conference Panel
"""
    assert _positions(cv) == [
        ("Law Clerk and Attorney", "Law Offices of Gary Eisenberg", "1982", "1987"),
        ("Judge Pro Tem", "Los Angeles Small Claims Courts", None, None),
        ("Mediator", "Los Angeles Superior Courts", None, None),
        ("Program Chairman", "Pacific Palisades Rotary Club", None, None),
        ("Vice Chair", "Pacific Palisades Rotary Club", None, None),
        ("Board of Directors", "Halcyon Center for Child Studies", None, None),
        ("CASA Volunteer", None, None, None),
    ]


def test_undated_committee_seats_in_a_service_list_but_not_bare_committees():
    cv = """Employment History
Associate Professor, Counseling & Psychological Services, SUNY Oswego
2007 - 2015
College/University Service
Leadership Team
Accreditation Steering Committee
Academic Outreach Council: Member & Chair
Faculty Assembly Representative
Governance Task Forces: Retention Task Force, Chair
SOE Assessment Committee: Ex Officio Member
Community Service
Board Member for the SETH Project foundation for suicide prevention & mental health awareness
Campus Representative to the Onondaga/Oswego County Red Cross Disaster Services
Committee
Educational Liaison for Hillside Childrens Services
Publications
Fiorini, J. (2006). Counseling Children and Adolescents through Grief and Loss.
"""
    assert _positions(cv)[1:] == [
        ("Member & Chair", "Academic Outreach Council", None, None),
        ("Faculty Assembly Representative", None, None, None),
        ("Chair", "Retention Task Force", None, None),
        ("Ex Officio Member", "SOE Assessment Committee", None, None),
        ("Board Member", "SETH Project", None, None),
        (
            "Campus Representative",
            "Onondaga/Oswego County Red Cross Disaster Services Committee",
            None,
            None,
        ),
        ("Educational Liaison", "Hillside Childrens Services", None, None),
    ]


def test_undated_roles_a_membership_of_an_association_is_not_a_position():
    assert read_role_line("Member, Treeville Education Association") is None
    assert read_role_line("Member: Ole Shua Community Organization, Karen (CBO)") is None
    assert read_role_line("Member of Arlington High School Tennis Team") is None
    assert read_role_line("Member, Search and Screen Committee for Vice-Provost, CSUN.") == (
        "Member",
        "Search and Screen Committee for Vice-Provost",
    )
    assert read_role_line("Treasurer, My Faith Church, Treeville, Nebraska") == (
        "Treasurer",
        "My Faith Church",
    )


def test_undated_roles_layouts_organisation_first_brackets_and_dashes():
    assert read_role_line("Phi Epsilon Kappa Honors Fraternity, President") == (
        "President",
        "Phi Epsilon Kappa Honors Fraternity",
    )
    assert read_role_line("Police Dispatcher (NYS Dept. Of Public Safety)") == (
        "Police Dispatcher",
        "NYS Dept. Of Public Safety",
    )
    assert read_role_line("Division of Developmental Disabilities (KY Chapter President)") == (
        "KY Chapter President",
        "Division of Developmental Disabilities",
    )
    assert read_role_line("Park Ranger- Westchester Co., NY (Seasonal)") == (
        "Park Ranger",
        "Westchester Co",
    )
    assert read_role_line("Director and Promoter: New Alliance Schools, comprising of a") == (
        "Director and Promoter",
        "New Alliance Schools",
    )


def test_undated_roles_skills_awards_fields_and_tool_lists_are_not_roles():
    for line in (
        "Outstanding Teacher of the Year, Milton Middle School",
        "Role: Senior Systems Engineer",
        "Flash, Dreamweaver, LotusNotes Designer",
        "Debt Restructure/Banking Partners",
        "Kubernetes, Helm, Argo CD",
        "AWS Certified Solutions Architect",
        "Coordinator",
        "Opened a counseling clinic to serve low income clients in Oswego County",
    ):
        assert read_role_line(line) is None, line


def test_undated_roles_a_line_by_the_dates_of_an_entry_is_left_to_that_entry():
    # "Committee Member" is the title of the dated entry, and the dated reading's own
    # business; "Social Chairman" under no dates is a role of its own
    cv = """ACTIVITIES
Columbian College of Arts and Sciences Graduation Committee
January to May 2009
Committee Member
LEADERSHIP
Student Body President
Dusty Social Service Club
Social Chairman
"""
    assert [p for p in _positions(cv) if p[2] is None] == [
        ("Student Body President", None, None, None),
        ("Social Chairman", None, None, None),
    ]


def test_undated_roles_present_says_the_role_is_held_now():
    cv = """Professional Organizations
B. Professional Assignments
Present Reviewer - Journal of Clinical Counseling, a publication of the New York
Mental Health Counselors Association.
"""
    assert _positions(cv) == [("Reviewer", "Journal of Clinical Counseling", None, "present")]


def test_undated_roles_an_engineers_cv_gains_only_its_volunteer_roles():
    # Skills, education, projects and certifications hold role-like words; only the
    # lines under the volunteering heading are read, and only those naming a role
    cv = """# Sam Example
## Experience
### Site Reliability Engineer, Acme Payments
Jan 2021 - Present
- Ran the on-call rotation for 40 services
## Skills
Kubernetes, Terraform, Prometheus
Incident Commander
Community Management
## Projects
Release Manager, open-source Helm charts
## Certifications
AWS Certified Solutions Architect
## Volunteering
Mentor, Code Club
- Taught Python to twelve-year-olds every week
Treasurer, Leeds Hackspace
## Education
BSc Computer Science, University of Leeds, 2015
"""
    assert _positions(cv) == [
        ("Site Reliability Engineer", "Acme Payments", "2021-01", "present"),
        ("Mentor", "Code Club", None, None),
        ("Treasurer", "Leeds Hackspace", None, None),
    ]
