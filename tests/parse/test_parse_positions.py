"""Position headers in the layouts real CVs use: title, company, start and end."""

from __future__ import annotations

import pytest

from helpers import TODAY, text_document
from infraprep.parse import parse_profile
from infraprep.parse.places import is_place, strip_place
from infraprep.parse.position_header import UNTITLED
from infraprep.parse.position_sentence import position_in_sentence


def _positions(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    profile = parse_profile(text_document(text), TODAY)
    return [(p.title, p.company, p.start, p.end) for p in profile.positions]


def test_parse_positions_indeed_title_then_company_city_then_dates():
    cv = """Work Experience
Software Engineer
Disney - Burbank, CA -
September 2014 to Present
- Ran the Jenkins pipelines for 40 services
Process Associate
Microsoft -
July 2013 to August 2014
- Answered customer tickets about Office 365
"""
    assert _positions(cv) == [
        ("Software Engineer", "Disney", "2014-09", "present"),
        ("Process Associate", "Microsoft", "2013-07", "2014-08"),
    ]


def test_parse_positions_link_footer_between_title_and_company_is_skipped():
    cv = """WORK EXPERIENCE
Software Engineer
https://www.indeed.com/r/jane-doe
HCL Technologies - Noida, Uttar Pradesh
Mar 2011 – Present
- Automated the release pipeline
"""
    assert _positions(cv) == [("Software Engineer", "HCL Technologies", "2011-03", "present")]


def test_parse_positions_company_only_header_is_a_company_not_a_title():
    cv = """EXPERIENCE
Oracle Inc -
January 1998 to Present
R-Systems - Sacramento, CA -
January 1997 to January 1998
"""
    assert _positions(cv) == [
        (UNTITLED, "Oracle Inc", "1998-01", "present"),
        (UNTITLED, "R-Systems", "1997-01", "1998-01"),
    ]


def test_parse_positions_a_place_line_does_not_push_the_title_out_of_the_header():
    cv = """Work Experience
Research Assistant
Syracuse University
Syracuse, NY
July 2014 to December 2015
- Wrote a C# tool to analyse soil moisture data
"""
    assert _positions(cv) == [("Research Assistant", "Syracuse University", "2014-07", "2015-12")]


def test_parse_positions_date_first_layout_reads_the_header_below_the_dates():
    cv = """Career Experience/Job History
2004-2007
Bay Journal
Editor
Edited incoming news and analysed them for repeats from agencies.
2007-Present
Daily Mail
Deputy Editor
Wrote editorials in absence of the editor.
Education
2003-2004
Masters in Mass Communication, Mediacom College
"""
    assert _positions(cv) == [
        ("Editor", "Bay Journal", "2004", "2007"),
        ("Deputy Editor", "Daily Mail", "2007", "present"),
    ]


def test_parse_positions_title_at_company_and_title_comma_company_on_the_date_line():
    cv = """Experience
Site Reliability Engineer at Acme Cloud, 2013 to 2014
- Carried the pager
Systems Engineer, Initech Solutions, from 5th October, 2015 till date
- Ran the Linux fleet
"""
    assert _positions(cv) == [
        ("Site Reliability Engineer", "Acme Cloud", "2013", "2014"),
        ("Systems Engineer", "Initech Solutions", "2015-10", "present"),
    ]


def test_parse_positions_sentence_with_a_date_is_neither_a_title_nor_a_position():
    cv = """WORK EXPERIENCE
Associate Software Engineer
Oracle India Pvt Ltd - Bengaluru, Karnataka
September 2017 onwards
- Experience in Oracle Hyperion Products and Automation Scripting (since 2018).
Google Transition (2009 - 2014) Served on the steering committee that moved 25,000 accounts.
"""
    assert _positions(cv) == [
        ("Associate Software Engineer", "Oracle India Pvt Ltd", "2017-09", "present"),
    ]


def test_parse_positions_labelled_fields_say_which_is_title_and_company():
    cv = """Professional Experience
Company Name: Infosys Limited, Pune
Designation: Technology Analyst
Duration: June 2013 to July 2016 (3 years)
- Built SharePoint workflows
"""
    assert _positions(cv) == [("Technology Analyst", "Infosys Limited", "2013-06", "2016-07")]


def test_parse_positions_heading_named_by_its_last_word_opens_experience():
    cv = """Jane Doe
Education:
B.Sc. Mathematics, Carnegie-Mellon University, 1974
Profession Work Experience:
Management Trainer and Consultant
Effective Management Group
Warrendale, PA 1987 - 1999
"""
    assert _positions(cv) == [
        ("Management Trainer and Consultant", "Effective Management Group", "1987", "1999"),
    ]


def test_parse_positions_jobs_under_another_heading_are_found_but_studies_are_not():
    cv = """WORK EXPERIENCE
Event coordination
PERSONAL SKILLS
Manufacturing Company
MARKETING ASSISTANT
June 2008 - Present
Supporting the sales process in the day to day work of the marketing department.
ACADEMIC QUALIFICATIONS
BA (Hons) Marketing
Nuneaton University 2005 - 2008
"""
    assert _positions(cv) == [
        ("MARKETING ASSISTANT", "Manufacturing Company", "2008-06", "present"),
    ]


def test_parse_places_city_state_and_trailing_places():
    assert is_place("Sacramento, CA")
    assert is_place("Redwood Shores, CA")
    assert is_place("Pune, Maharashtra")
    assert not is_place("Acme, Inc.")
    assert is_place("Kent OH") and is_place("Pittsburgh PA")
    assert not is_place("Volvo AB") and not is_place("Acme CO")
    assert strip_place("Oracle Corporation - Redwood Shores, CA -") == "Oracle Corporation"
    assert strip_place("Sasken Technologies Pvt. Ltd - Pune") == "Sasken Technologies Pvt. Ltd"
    assert strip_place("Engineer at Google, Mountain View, CA") == "Engineer at Google"
    assert strip_place("Salem, Tamil Nadu -") == ""


def test_parse_positions_three_line_header_title_department_organisation():
    cv = """Professional Experience
Associate Professor
Graduate School of Public Health
San Diego State University
1994-2001
- Taught health economics to 120 graduate students a year
Responsibilities
Terraform, Ansible, Jenkins
March 2002 - June 2003
- Automated the department's servers
"""
    (professor, web) = _positions(cv)
    assert professor[0] == "Associate Professor" and professor[2:] == ("1994", "2001")
    assert "San Diego State University" in (professor[1] or "") or "Graduate School" in (
        professor[1] or ""
    )
    # a sub-heading and a list of tools name no title and no employer
    assert web == (UNTITLED, None, "2002-03", "2003-06")


def test_parse_positions_a_header_part_of_dates_only_is_neither_title_nor_company():
    from infraprep.parse.position_header import split_title_company

    assert split_title_company(["GW Housing Programs", "January to April 2006"]) == (
        UNTITLED,
        "GW Housing Programs",
    )


def test_parse_positions_dates_broken_over_two_lines_date_first():
    cv = """Marketing Related Experience
Mar 2014
current
Promotions Assistant, Promostaff, Chadstone based
Managed product research studies in supermarkets
Dec 2013
Feb 2014
Marketing Assistant, Salvation Army, Melbourne
Developed the social media strategy with the marketing officers
"""
    assert _positions(cv) == [
        ("Promotions Assistant", "Promostaff", "2014-03", "present"),
        ("Marketing Assistant", "Salvation Army", "2013-12", "2014-02"),
    ]


def test_parse_positions_academic_career_with_long_role_at_institution_lines():
    cv = """Academic career
2016 – present
Research Associate at Laboratory for Foundations of Computer Science, University of Edinburgh, UK
Responsibilities: research work on a project about a language for data curation.
2012 – 2016
Lecturer at the Institute of Information Technology, Lodz University of Technology, Poland
Responsibilities: research on functional programming and compiler construction.
Other publications
2012 – present
A blog about functional programming
"""
    assert _positions(cv) == [
        ("Research Associate", "Laboratory for Foundations of Computer Science", "2016", "present"),
        ("Lecturer", "Institute of Information Technology", "2012", "2016"),
    ]


def test_parse_positions_a_bracket_is_one_part_of_the_header():
    cv = """Experience
IVORY SYSTEMS -- Drupal Architect/Developer (consultant at Kyocera), October 2012 - February 2013
- Wrote custom modules that read the corporate DB2 database
"""
    assert _positions(cv) == [
        (
            "Drupal Architect/Developer (consultant at Kyocera)",
            "IVORY SYSTEMS",
            "2012-10",
            "2013-02",
        )
    ]


def test_parse_positions_a_role_repeated_inside_its_own_span_is_a_project_of_it():
    cv = """WORK EXPERIENCE
Application Developer
IBM India Pvt. Ltd. -
April 2011 to March 2018
Application development and maintenance services on SAP using ABAP.
Application Developer
IBM India Pvt. Ltd. -
June 2017 to November 2017
- Outbound file interfaces for forward and reverse logistics
Application Developer
Wipro -
May 2018 to Present
- Ran the SAP upgrade for 3 plants
"""
    profile = parse_profile(text_document(cv), TODAY)
    assert [(p.title, p.company, p.start, p.end) for p in profile.positions] == [
        ("Application Developer", "IBM India Pvt. Ltd.", "2011-04", "2018-03"),
        ("Application Developer", "Wipro", "2018-05", "present"),
    ]
    # the project's bullet stays with the job, so evidence can still quote it
    assert "Outbound file interfaces for forward and reverse logistics" in (
        profile.positions[0].bullets
    )


def test_parse_positions_a_duration_field_restating_the_dates_is_not_a_new_position():
    cv = """WORK EXPERIENCE
Infosys LTD - Pune -
April 2017 to Present
Client: Insurance Client from London
Duration: April 2017 -Till Date
- Designed the solution architecture of the project
"""
    assert _positions(cv) == [(UNTITLED, "Infosys LTD", "2017-04", "present")]


def test_parse_positions_title_under_the_dates_when_the_header_above_names_none():
    cv = """WORK EXPERIENCE
GW Career Center
August 2010 to Present
Career Ambassador/Graduate Intern
- Advised 200 students a term on their CVs
Department of Corrections
February 1996 to January 1997
Secretary of State
Oracle Corporation
December 1995 to February 1996
- Ran the order system migration
"""
    assert _positions(cv) == [
        ("Career Ambassador/Graduate Intern", "GW Career Center", "2010-08", "present"),
        (UNTITLED, "Department of Corrections", "1996-02", "1997-01"),
        # a role line just above the next dates heads that entry, not the one before
        ("Secretary of State", "Oracle Corporation", "1995-12", "1996-02"),
    ]


def test_parse_positions_employment_record_heading_and_two_digit_end_years():
    cv = """Employment Record
1992-95: SENIOR LEGAL OFFICER, CENTRAL LAND COUNCIL, Alice Springs
Ran the land claims for 12 communities under the Land Rights Act.
1988-90: LEGAL OFFICER, CENTRAL LAND COUNCIL
Drafted the council's employment policies.
"""
    assert _positions(cv) == [
        ("SENIOR LEGAL OFFICER", "CENTRAL LAND COUNCIL", "1992", "1995"),
        ("LEGAL OFFICER", "CENTRAL LAND COUNCIL", "1988", "1990"),
    ]


def test_parse_positions_roles_under_an_employer_heading_with_its_whole_span():
    cv = """Highlights of Employment
STRATEGIC MARKETING, INC,
1998 to 2008
Senior Training & Consulting Manager, 2004 to 2008
Responsible for the automotive CRM business and its product value proposition.
Product Manager (Houston, TX), 2001 to 2004
Grew 5 web-based direct mail products to 1800 dealerships.
CHRYSLER CUSTOMER SERVICE DIVISION, Detroit, MI
1981 to 1998
Service Zone Manager, 1995 to 1996
Ran the parts and service zone for 60 dealerships.
"""
    assert _positions(cv) == [
        ("Senior Training & Consulting Manager", "STRATEGIC MARKETING, INC", "2004", "2008"),
        # a place in brackets is not part of the title
        ("Product Manager", "STRATEGIC MARKETING, INC", "2001", "2004"),
        ("Service Zone Manager", "CHRYSLER CUSTOMER SERVICE DIVISION", "1995", "1996"),
    ]


def test_parse_positions_an_employer_with_its_own_bullets_is_a_position():
    cv = """Experience
Library Assistant, George T. Harrell Library
May 2004 to August 2008
Assisted students and library patrons with locating research material
Literacy Campaign Intern
January 2006 to May 2006
Ran reading sessions for 30 pupils a week
"""
    assert [p[0] for p in _positions(cv)] == ["Library Assistant", "Literacy Campaign Intern"]
    assert _positions(cv)[1][1] is None


def test_parse_positions_template_words_are_not_a_company():
    cv = """Work History
Sales Associate, Company name, City
March 2012 to May 2014
- Sold 120 phone plans a month
"""
    assert _positions(cv) == [("Sales Associate", None, "2012-03", "2014-05")]


def test_parse_positions_a_role_with_one_year_is_a_position_an_award_is_not():
    cv = """Professional Experience
Fourth Grade Teacher, John Eager Howard Elementary School, 1976
Taught reading and mathematics to a class of 28.
Teacher of the Year Award, 1980
Principal, Bethesda-Chevy Chase High School, 1995 - present
- Led a staff of 120
"""
    assert _positions(cv) == [
        ("Fourth Grade Teacher", "John Eager Howard Elementary School", "1976", "1976"),
        ("Principal", "Bethesda-Chevy Chase High School", "1995", "present"),
    ]


def test_parse_positions_dates_leading_a_job_paragraph():
    cv = """Relevant experience
2006 TO 2012: SELF-EMPLOYED LEGAL PRACTITIONER principally working in native title, \
including appearing in the Federal Court.
2004-2006: PRINCIPAL LEGAL OFFICER, NATIVE TITLE SERVICES
Ran the claims team of 9 lawyers.
1986-87: travelling in Europe and Africa and doing voluntary work in the Legal \
Resources Centres for ten months.
"""
    assert _positions(cv) == [
        ("SELF-EMPLOYED LEGAL PRACTITIONER", None, "2006", "2012"),
        ("PRINCIPAL LEGAL OFFICER", "NATIVE TITLE SERVICES", "2004", "2006"),
    ]


def test_parse_positions_a_running_page_head_is_not_a_header():
    cv = """Experience
Senior Consultant
Oxfam Australia
Annie Keely, Curriculum Vitae, April 2013
1999 - 2002
- Ran the regional programme for 4 countries
"""
    assert _positions(cv) == [("Senior Consultant", "Oxfam Australia", "1999", "2002")]


def test_parse_positions_a_heading_over_a_group_of_entries_is_not_a_title():
    cv = """Experience
CAMPUS LEADERSHIP
Public Relations Chair, Sigma Kappa
2015 - 2016
- Ran the chapter's press and social media for 120 members
"""
    assert _positions(cv) == [("Public Relations Chair", "Sigma Kappa", "2015", "2016")]


def test_parse_positions_role_of_the_organisation_names_both():
    cv = """Professional Experience
Secretary General of the International Civil Aviation Organization (ICAO), 2009 - 2015
- Led the secretariat of 700 staff
Member of the Technical Staff, 2005 - 2009
- Ran the yearly capacity plan
"""
    assert _positions(cv) == [
        (
            "Secretary General",
            "International Civil Aviation Organization (ICAO)",
            "2009",
            "2015",
        ),
        # "the Technical Staff" is no organisation's name: the title stays whole
        ("Member of the Technical Staff", None, "2005", "2009"),
    ]


def test_parse_positions_a_date_column_beside_the_entries():
    cv = """Other Employment Experience
July 2007
Nov 2012 Tutor, Victorian Certificate of Education (VCE), History
Tutored seven VCE History students in their final year
Jan 2005
Feb 2008 General Waitperson
Chinos Café, Rowville
Customer service and order taking for a 60-seat café
"""
    assert [(p[0], p[2], p[3]) for p in _positions(cv)] == [
        ("Tutor", "2007-07", "2012-11"),
        ("General Waitperson", "2005-01", "2008-02"),
    ]


def test_parse_positions_a_line_opening_with_an_open_range_and_the_employment_type():
    cv = """Work Experience
Game Programmer
6/2007
present K20 Center, Norman, OK
- Wrote the physics for 3 educational games in C++
Information Technology Analyst
8/2003 - 6/2007 (full-time)
- Ran the course-delivery servers
"""
    assert _positions(cv) == [
        ("Game Programmer", "K20 Center", "2007-06", "present"),
        ("Information Technology Analyst", None, "2003-08", "2007-06"),
    ]


def test_parse_positions_a_state_code_is_not_a_degree_and_glued_present():
    cv = """Experience
Director of Career Services, Former Students Association, Columbia, MS, 1996 to 1999
- Founded one of the country's first alumni career services
Ellicott Mills High School, Anne Arundel County Public Schools, MD
2008present
Special Education Teacher (Learning for Independence Program)
- Adapted the curriculum for 14 students
"""
    assert [(p[0], p[2], p[3]) for p in _positions(cv)] == [
        ("Director of Career Services", "1996", "1999"),
        ("Special Education Teacher (Learning for Independence Program)", "2008", "present"),
    ]


def test_parse_positions_symbol_font_glyphs_and_empty_brackets_are_dropped():
    cv = """Experience
Team Lead [ ]
OptimusInnovations Internet Labs
August 2012 - Present
\uf07d Led a team of 5 building the school management product
"""
    profile = parse_profile(text_document(cv), TODAY)
    assert [(p.title, p.company) for p in profile.positions] == [
        ("Team Lead", "OptimusInnovations Internet Labs")
    ]
    assert "\uf07d" not in " ".join(profile.positions[0].bullets)


def test_parse_positions_a_slash_between_role_and_organisation_separates_them():
    cv = """Experience
Intern engineer / Joobi Solution Limited
June 2008 - September 2008
- Wrote the PHP installer for 3 Joomla extensions
Director of Field Operations / Fix Operations Specialist, 2000 to 2001
- Ran fixed operations for three dealerships
"""
    assert [(p[0], p[1]) for p in _positions(cv)] == [
        ("Intern engineer", "Joobi Solution Limited"),
        ("Director of Field Operations / Fix Operations Specialist", None),
    ]


def test_parse_positions_a_line_describing_the_employer_between_dates_and_roles():
    cv = """PROFESSIONAL EXPERIENCE
ACME POWER, INC., Dallas, TX
2007-Present
Female-owned small business specializing in power backup solutions for airports.
Vice President of Sales
- Doubled annual revenue with multi-year contracts
NETWORK POWER CORP., Columbus, OH
1999 -2005
Global leader specializing in power continuity for telecommunication networks.
Senior Marketing Manager
2002-2005
Key Account Manager
1999-2002
- Grew DC power services across the North American market
"""
    assert _positions(cv) == [
        ("Vice President of Sales", "ACME POWER, INC.", "2007", "present"),
        ("Senior Marketing Manager", "NETWORK POWER CORP.", "2002", "2005"),
        ("Key Account Manager", "NETWORK POWER CORP.", "1999", "2002"),
    ]


def test_parse_positions_academic_position_headings_and_a_role_run_into_its_school():
    cv = """Education
Ph.D. August 1991 Political Science, University of Southern California
Adjunct Academic Positions
2009 to 2011: Adjunct Professor, Department of Environmental Studies,
University of Southern California.
Teaching
6/04 -12/04 Special Education Teacher CCC Middle School, New York, NY
- Coordinated IEP meetings for 30 students
8/07-12/09
Director of Career Services Alumni Association, Columbia, MO
- Founded the alumni career service
"""
    assert _positions(cv) == [
        ("Adjunct Professor", "Department of Environmental Studies", "2009", "2011"),
        ("Special Education Teacher", "CCC Middle School", "2004-06", "2004-12"),
        ("Director of Career Services Alumni Association", None, "2007-08", "2009-12"),
    ]


def test_parse_positions_a_role_over_a_line_that_is_only_a_year():
    cv = """Experience
Retail Banking Group, Dallas, Texas
Southern Region Finance Manager
1997
Line of Business Project Manager
1995 to 1996
Directed budgeting and forecasting for the national retail banking groups.
B.S. in Business Administration
1994
"""
    assert _positions(cv) == [
        ("Southern Region Finance Manager", "Retail Banking Group", "1997", "1997"),
        ("Line of Business Project Manager", None, "1995", "1996"),
    ]


def test_parse_positions_a_label_repeated_under_each_job_does_not_end_experience():
    cv = """PROFESSIONAL EXPERIENCE
Altisource Business Solutions Pvt Ltd, Bangalore ( Sept 13
Till Date)

Role

: Lead Data Analyst
- Built the data quality checks for 40 data systems
Technologies:
Oracle, Java

Quality Systems India Healthcare Pvt Ltd, Bangalore ( Jul 11
Sept 13)

Role

: Associate Technical Specialist
- Built the quality dashboards in SSRS
Technologies:
SQL Server, C#
"""
    assert _positions(cv) == [
        ("Lead Data Analyst", "Altisource Business Solutions Pvt Ltd", "2013-09", "present"),
        (
            "Associate Technical Specialist",
            "Quality Systems India Healthcare Pvt Ltd",
            "2011-07",
            "2013-09",
        ),
    ]


def test_parse_positions_a_skills_heading_written_once_still_ends_experience():
    cv = """Experience
Site Reliability Engineer, Acme Corp
2019 - 2023
- Ran the Kubernetes clusters
Technologies:
Kubernetes 2019 - 2023, Terraform
"""
    assert _positions(cv) == [("Site Reliability Engineer", "Acme Corp", "2019", "2023")]


def test_parse_positions_a_header_never_reaches_into_the_section_before():
    cv = """Volunteer Experience
Sales Associate, The Retail Store
2005 - Present
6 Elm Avenue, Stockler, CA 91733
Computer Skills
Proficient with Microsoft Word and Excel
Work Experience
Franklin's Lawn & Garden Services, Stockler CA 2004 to Present
- Cared for the lawns of 25 homes
"""
    assert [p[:2] for p in _positions(cv)] == [
        ("Sales Associate", "The Retail Store"),
        (UNTITLED, "Franklin's Lawn & Garden Services"),
    ]


def test_parse_positions_column_labels_of_an_entry_table_are_not_titles():
    cv = """EXPERIENCE
06/2013
Present
Industry
Position
Technologies

The Product Engine, Inc.
Junior Android Developer
- Android application development and testing
"""
    titles = [p[0] for p in _positions(cv)]
    assert titles and not {"Industry", "Position", "Technologies"} & set(titles)


def test_parse_positions_earlier_jobs_written_as_sentences():
    cv = """WORK EXPERIENCE
Specialist II, Marketing
March 2017 to Present
- Worked as Software Engineer with Prolifics Corporation Limited from Dec' 2015 to Sept' 2016
- Worked for National Informatics Centre under multiple payrolls from Apr' 2014 to Oct' 2015
- Worked as an Inter Trainee under National Informatics Center as a Web Designer from Sept'
2013 to Apr' 2014
- Working as software engineer with Apple client in Exilant Technologies Pvt. Ltd. from June 2015
"""
    assert _positions(cv) == [
        ("Specialist II", None, "2017-03", "present"),
        ("Software Engineer", "Prolifics Corporation Limited", "2015-12", "2016-09"),
        (UNTITLED, "National Informatics Centre", "2014-04", "2015-10"),
        ("Inter Trainee", "National Informatics Center", "2013-09", "2014-04"),
        ("software engineer", "Exilant Technologies Pvt. Ltd.", "2015-06", "present"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Worked on the billing migration from 2019 to 2020, cutting costs by 20%",
        "Worked with the storage team from March 2018 to May 2018 on the Ceph upgrade",
        "Working as on-call lead since 2020",
        "Working as Team Lead and responsible for everything starting from Web Development",
    ],
)
def test_parse_positions_a_sentence_dating_work_inside_a_job_is_no_job(sentence):
    assert position_in_sentence(sentence) is None


def test_parse_positions_a_duration_label_restates_the_dates_of_its_entry():
    cv = """WORK EXPERIENCE
Cisco Systems -
January 2014 to June 2015
DURATION Jan-2014 to Jun-2015
TEAM SIZE 20
Lead Engineer - Automation & Testing
- Automated 400 test cases for the WAAS product
"""
    assert len(_positions(cv)) == 1


def test_parse_positions_an_employer_then_its_country_and_a_client_line():
    cv = """Employment History
Project Lead, QA
McAfee Inc, Canada
Client: Dell, Lenovo, Acer

September 2008
September 2011
- Led the test team of 9 for the antivirus releases
Team Lead, QA
Validation
Aptuit Inc., India
Client: Pfizer Inc, AstraZeneca, Abbott Laboratories

July 2005
April 2006
- Validated the clinical supply system
"""
    assert _positions(cv) == [
        ("Project Lead, QA", "McAfee Inc", "2008-09", "2011-09"),
        ("Team Lead, QA", "Aptuit Inc.", "2005-07", "2006-04"),
    ]


def test_parse_positions_of_two_role_lines_the_employer_is_the_part_naming_no_role():
    cv = """Experience
Production Specialist
CME Group-Chicago
Jan 2010 - Sep 2013
- Ran the overnight batch for 40 clearing jobs
"""
    assert _positions(cv)[0][:2] == ("Production Specialist", "CME Group-Chicago")


def test_parse_places_an_organisation_before_a_country_is_not_a_place():
    assert not is_place("McAfee Inc, Canada")
    assert strip_place("Wipro Technologies, Canada") == "Wipro Technologies"
    assert strip_place("Towson University, Maryland") == "Towson University"
    assert is_place("Toronto, Canada")


def test_parse_positions_several_undated_roles_under_one_dated_employer():
    cv = """Professional Experience:
Embie Technical Solutions, Inc. Los Angeles, CA 1994 - Present
Senior IT Manager/Director
Representative Clients: Bob Blake, Mirror Digital, Inc.
- Supervised internal staff, contractors and offshore programming teams.
- Negotiated service level agreements with customers and providers.
IT Infrastructure Architect/IT Operations Manager
Representative Clients: AHMPAC Laboratories Inc., Hall Family Law
- Managed the move from a single office to a multi-site network.
Role: Senior Systems Engineer
- Ran the VMware hosts for 3 clients.
"""
    positions = parse_profile(text_document(cv), TODAY).positions
    assert [(p.title, p.company, p.start, p.end) for p in positions] == [
        ("Senior IT Manager/Director", "Embie Technical Solutions", "1994", "present"),
        (
            "IT Infrastructure Architect/IT Operations Manager",
            "Embie Technical Solutions",
            "1994",
            "present",
        ),
    ]
    assert any(b.startswith("Managed the move") for b in positions[1].bullets)
    assert not any("Managed the move" in b for b in positions[0].bullets)


def test_parse_positions_a_role_under_an_employer_and_its_description_is_the_title():
    cv = """Experience
HERNANDEZ & ASSOCIATES, Hopkinton, MA
1990 to 2000
Exclusive representative of oil and gas instrumentation manufacturers in 12 countries.
Chief Executive Officer
Started up a company that became the exclusive representative of global manufacturers.
"""
    assert _positions(cv) == [("Chief Executive Officer", "HERNANDEZ & ASSOCIATES", "1990", "2000")]


def test_parse_positions_a_hyphenated_heading_opens_its_section():
    cv = """Areas of Specialization
Environmental Policy and Management; Policy Analysis.

Tenure-line Academic Positions
1999 to present: Professor of Political Science,
California State University Northridge
1995 to 1999: Associate Professor of Political Science,
California State University Northridge
"""
    assert _positions(cv) == [
        (
            "Professor of Political Science",
            "California State University Northridge",
            "1999",
            "present",
        ),
        (
            "Associate Professor of Political Science",
            "California State University Northridge",
            "1995",
            "1999",
        ),
    ]


def test_parse_positions_a_header_over_its_dates_never_takes_the_next_entrys():
    cv = """Professional Experience
Principal, Straightway Elementary, Hudson, TX
July 2009 to Present
- API growth of 120 points in 4 years
Principal, Pine Tree Elementary, Houston, TX
API Growth 50 points in 3 years from 725 to 800.
July 2007-June 2009
Assistant Principal PEN, Great Pupil Elementary, Spring, TX
July 2006-June 2007
Resource Specialist Teacher, Blue Waters Elementary, South Springs, TX
July 2000-June 2004
"""
    assert _positions(cv) == [
        ("Principal", "Straightway Elementary", "2009-07", "present"),
        ("Principal", "Pine Tree Elementary", "2007-07", "2009-06"),
        ("Assistant Principal PEN", "Great Pupil Elementary", "2006-07", "2007-06"),
        ("Resource Specialist Teacher", "Blue Waters Elementary", "2000-07", "2004-06"),
    ]


def test_parse_positions_date_first_entries_without_bullets_keep_the_title_below():
    cv = """Career
1983-1989
Deputy Secretary, European Civil Aviation Conference
1982-1983
Air Transport Officer, European Civil Aviation Conference
"""
    assert [p[0] for p in _positions(cv)] == ["Deputy Secretary", "Air Transport Officer"]


def test_parse_positions_a_latex_template_header_closed_by_a_full_stop():
    cv = """Work Experience
2016present

Software Eng Lead, Google Assistant, Google, Mountain View.
Delivered Google Assistant
{ Delivered the "My Day" feature for Google Assistant
{ Led the delivery of Contextual Cards on Android
20132015

Staff Software Engineer, Google Search App, Google, Mountain View.
{ Designed the client of Now On Tap for Android Marshmallow
"""
    profile = parse_profile(text_document(cv), TODAY)
    assert [(p.title, p.company, p.start, p.end) for p in profile.positions] == [
        ("Software Eng Lead", "Google", "2016", "present"),
        ("Staff Software Engineer", "Google Search App", "2013", "2015"),
    ]
    assert profile.positions[0].bullets[0].startswith("Delivered the")


def test_parse_positions_a_wrapped_sentence_end_over_dates_is_no_header():
    cv = """Experience
Partner in the firm of Mwanyumba, Nzuki Mwinzi and Company
Advocates, Consolidated Bank House, Nairobi.

2003 - 2008:

Kenyatta National Hospital
Chief Legal Officer
- Head of the legal department
"""
    assert _positions(cv)[-1][:2] == ("Chief Legal Officer", "Kenyatta National Hospital")


def test_parse_positions_since_until_fields_with_the_day_of_the_month():
    cv = """6. Employment History
Since: September 1st 2014 Until: Currently
Company: Grupo Odinsa S.A.
Position held: Legal Concessions Manager
Since: September 1st 2000 Until: September 30 2012
Company: Santa Marta
Paraguachón Concession
Position held: Legal Director
Since: September 30 1996 Until: September 30 2012
Company: Autopistas de los Llanos S.A.
Position held: Legal Director
"""
    assert _positions(cv) == [
        ("Legal Concessions Manager", "Grupo Odinsa S.A.", "2014-09", "present"),
        ("Legal Director", "Santa Marta", "2000-09", "2012-09"),
        ("Legal Director", "Autopistas de los Llanos S.A.", "1996-09", "2012-09"),
    ]


def test_parse_positions_a_capital_heading_does_not_take_a_superscript_and_months_join():
    cv = """TEACHING EXPERIENCE
th
9 Grade Physical Education and Health Student Teacher
Minneapolis, MN
Lane High School
January
May 2011
- Led a unit on health from which 90% of students met the learning objectives
"""
    assert _positions(cv) == [
        (
            "9 Grade Physical Education and Health Student Teacher",
            "Lane High School",
            "2011-01",
            "2011-05",
        )
    ]


def test_parse_positions_a_column_of_roles_over_a_column_of_dates_pairs_in_order():
    cv = """COACHING EXPERIENCE
Girls High School Soccer Coach, Sunnybrook Charter School, Fridley, MN
Girls Junior High Volleyball Coach, Sunnybrook Charter School, Fridley, MN
Girls Ages 8-10 Soccer Coach, Minneapolis Youth Soccer
2008-2009
2007-2009
2004-2007
RELATED EXPERIENCE
Fourth Grade Teacher, General Wolfe Elementary School, Baltimore, MD, 1976
Special Education Teacher, John Eager Howard, Baltimore, MD, 1976
"""
    assert _positions(cv) == [
        ("Girls High School Soccer Coach", "Sunnybrook Charter School", "2008", "2009"),
        ("Girls Junior High Volleyball Coach", "Sunnybrook Charter School", "2007", "2009"),
        ("Girls Ages 8-10 Soccer Coach", "Minneapolis Youth Soccer", "2004", "2007"),
        ("Fourth Grade Teacher", "General Wolfe Elementary School", "1976", "1976"),
        ("Special Education Teacher", "John Eager Howard", "1976", "1976"),
    ]


def test_parse_positions_linkedin_export_roles_under_a_company_and_its_tenure():
    cv = """Experience
Acme Corp
5 years 2 months
Senior Site Reliability Engineer
January 2022 - Present (2 years 11 months)
Berlin, Germany
Run 14 EKS clusters for 300 services.
Site Reliability Engineer
October 2019 - December 2021 (2 years 3 months)
Berlin, Germany
Moved CI to GitHub Actions.
Globex GmbH
DevOps Engineer
March 2016 - September 2019 (3 years 7 months)
Hamburg, Germany
Wrote Terraform modules for 40 AWS accounts.
"""
    assert _positions(cv) == [
        ("Senior Site Reliability Engineer", "Acme Corp", "2022-01", "present"),
        ("Site Reliability Engineer", "Acme Corp", "2019-10", "2021-12"),
        ("DevOps Engineer", "Globex GmbH", "2016-03", "2019-09"),
    ]


def test_parse_positions_an_area_after_a_title_is_part_of_it_and_the_employer_follows():
    cv = """Experience
Senior Software Engineer, Infrastructure
Stripe · Full-time
Jan 2021 - Present · 3 yrs 11 mos
San Francisco, California, United States
- Built the deploy system for 400 services
"""
    assert _positions(cv) == [
        ("Senior Software Engineer, Infrastructure", "Stripe", "2021-01", "present")
    ]


@pytest.mark.parametrize(
    ("header", "employer"),
    [
        ("Acme Corp Berlin, Germany", "Acme Corp"),
        ("Texas A&M University College Station, TX", "Texas A&M University"),
        ("Google Mountain View, CA", "Google"),
        (
            "Apex Professional Services/Dollar Group; Wayne, NJ",
            "Apex Professional Services/Dollar Group",
        ),
        ("Sasken Technologies Pvt. Ltd, Bangalore", "Sasken Technologies Pvt. Ltd"),
    ],
)
def test_parse_places_a_right_aligned_place_leaves_the_employer(header, employer):
    assert strip_place(header) == employer


def test_parse_positions_jakes_resume_layout_title_and_dates_then_employer_and_place():
    cv = """Experience
Site Reliability Engineer June 2020 – Present
Acme Corp Berlin, Germany
- Ran 14 Kubernetes clusters for 300 services
DevOps Engineer May 2018 – May 2020
Globex GmbH Hamburg, Germany
- Wrote Terraform modules for 40 AWS accounts
"""
    assert _positions(cv) == [
        ("Site Reliability Engineer", "Acme Corp", "2020-06", "present"),
        ("DevOps Engineer", "Globex GmbH", "2018-05", "2020-05"),
    ]


def test_parse_positions_one_year_leading_a_committee_seat_dates_it():
    # "2012: Co-Authored ... Final Report" is a publication: no role leads it
    cv = """University-Wide Service and Leadership (Selected)
2013: Member, Search and Screen Committee for Vice President of University Advancement,
CSUN.
2012: Co-Authored CSUN Teachers for a New Era Final Report (with Christina Von Mayrhauser).
2011: Member, Search and Screen Committee for Vice-Provost, CSUN.
2009-2013: Member, University Personnel Planning & Review Committee (PPR), CSUN.
"""
    assert _positions(cv) == [
        (
            "Member",
            "Search and Screen Committee for Vice President of University Advancement",
            "2013",
            "2013",
        ),
        ("Member", "Search and Screen Committee for Vice-Provost", "2011", "2011"),
        ("Member", "University Personnel Planning & Review Committee (PPR)", "2009", "2013"),
    ]


def test_positions_a_bullet_of_dates_and_a_role_under_an_employer_line_is_the_role():
    """Dense one-page CVs list a promotion as date-first lines under the employer: the
    first one came out as title 'Tidewell Energy', company 'Rotterdam' (layout set 6)."""
    cv = (
        "Joost Meulen\n## Experience\nTidewell Energy, Rotterdam\n"
        "- 2022 – now Staff Cloud Engineer\n"
        "- Set the cloud architecture for 14 product teams on AWS\n"
        "2019 – 2022 Senior Cloud Engineer\n"
        "- Migrated 70 workloads from the data centre to AWS in 20 months\n"
    )
    first, second = parse_profile(text_document(cv), TODAY).positions
    assert (first.title, first.company, first.start) == (
        "Staff Cloud Engineer",
        "Tidewell Energy",
        "2022",
    )
    # the promotion works for the same employer
    assert (second.title, second.company) == ("Senior Cloud Engineer", "Tidewell Energy")


def test_positions_a_tables_column_labels_are_never_the_employer():
    """A Word CV laid out as a table (layout set 6) read 'Role and company' as the
    first job's employer."""
    cv = (
        "Ciarán Delahunt\n## Professional Experience\nDates\nRole and company\nWhat you did\n"
        "Mar 2020 to Present\nLead DevOps Engineer\nMarrowgate Retail Group, Dublin\n"
        "- Consolidated 4 CI systems onto GitHub Actions, saving about €90k a year\n"
    )
    (job,) = parse_profile(text_document(cv), TODAY).positions
    assert (job.title, job.company) == ("Lead DevOps Engineer", "Marrowgate Retail Group")


def test_parse_positions_the_employer_under_the_title_and_dates():
    """A two-page PDF template prints title, dates, then "Employer — City" (set 7):
    the employer line was read as nothing, and every position lost its company."""
    cv = """Professional Experience
Principal Site Reliability Engineer
Mar 2022 – Present
Ashgrove Mutual — Leeds
- Lead a reliability group of six engineers supporting 140 services
Senior Site Reliability Engineer
Aug 2018 – Feb 2022
Coldharbour Freight Systems — Manchester
- Moved the tracking and dispatch platform to Kubernetes on GCP
Systems Engineer
Sep 2015 – Jul 2018
Ran a fleet of 400 CentOS and Debian servers for hosting customers.
"""
    assert _positions(cv) == [
        ("Principal Site Reliability Engineer", "Ashgrove Mutual", "2022-03", "present"),
        ("Senior Site Reliability Engineer", "Coldharbour Freight Systems", "2018-08", "2022-02"),
        ("Systems Engineer", None, "2015-09", "2018-07"),
    ]


def test_parse_positions_an_employer_line_with_its_span_over_three_promotions():
    cv = """EXPERIENCE
Brackenridge Bank plc — Edinburgh | Jun 2017 – Present
Staff Platform Engineer | Apr 2022 – Present
- Set the technical direction of the internal developer platform used by 600 engineers
Senior Platform Engineer | Mar 2019 – Mar 2022
- Led a squad of five building the EKS platform
Platform Engineer | Jun 2017 – Feb 2019
- Built the bank's first Kubernetes clusters on premises
"""
    assert _positions(cv) == [
        ("Staff Platform Engineer", "Brackenridge Bank plc", "2022-04", "present"),
        ("Senior Platform Engineer", "Brackenridge Bank plc", "2019-03", "2022-03"),
        ("Platform Engineer", "Brackenridge Bank plc", "2017-06", "2019-02"),
    ]


def test_parse_positions_a_contractor_s_dated_clients_are_projects_of_the_contract():
    cv = """EXPERIENCE
Contract DevOps Engineer — Ferris Cloud Consulting Ltd | Jan 2016 – May 2017
Client: Marlow & Strand Insurance, London — AWS landing zone | Jan 2016 – Aug 2016
- Designed the multi-account AWS landing zone and the network hub
Client: Dunelm Ridge Energy, Newcastle — CI/CD modernisation | Sep 2016 – May 2017
- Replaced a hand-maintained Jenkins server with GitLab CI runners
Systems Administrator — University of Glenfarrow | Aug 2013 – Dec 2015
- Administered 120 RHEL and Windows servers
"""
    profile = parse_profile(text_document(cv), TODAY)
    assert [(p.title, p.start) for p in profile.positions] == [
        ("Contract DevOps Engineer", "2016-01"),
        ("Systems Administrator", "2013-08"),
    ]
    contract = profile.positions[0].bullets
    assert any("landing zone" in b for b in contract) and any("GitLab CI" in b for b in contract)


def test_parse_positions_dated_volunteer_roles_count_as_positions_not_as_years_of_work():
    cv = """Experience
Site Reliability Engineer, Acme Cloud, Mar 2021 – Present
- Carried the pager for a 40-service platform on EKS
Volunteering
Trustee, Leith Coding Club, 2012 – 2016
- Ran the club's laptops and its online sessions
"""
    profile = parse_profile(text_document(cv), TODAY)
    assert [(p.title, p.company) for p in profile.positions] == [
        ("Site Reliability Engineer", "Acme Cloud"),
        ("Trustee", "Leith Coding Club"),
    ]
    assert profile.years_experience is not None and profile.years_experience < 6


def test_parse_positions_other_roles_is_a_heading_not_a_title():
    cv = """Experience
Site Reliability Engineer, Acme Cloud, Mar 2021 – Present
- Carried the pager for a 40-service platform on EKS
OTHER ROLES
Trustee, Leith Coding Club | 2020 – Present
- Board member of a charity running free coding clubs
"""
    assert _positions(cv)[1] == ("Trustee", "Leith Coding Club", "2020", "present")


def test_parse_positions_a_volunteer_bullet_holding_role_dates_and_what_was_done():
    cv = """## Experience
### Site Reliability Engineer, Acme Cloud
2019 – Present
- Carried the pager for a 40-service platform
## Volunteering & Memberships
- Mentor, CodeBridge Leeds — 2019 – Present. Weekly evening sessions teaching Linux and Git.
- Member, British Computer Society (MBCS).
"""
    assert _positions(cv)[1] == ("Mentor", "CodeBridge Leeds", "2019", "present")


def test_parse_positions_a_title_starting_with_a_section_s_name_opens_no_section():
    """The Europass file's "Volunteer Network Coordinator" heading, under "VOLUNTEER
    WORK", began with a section's name and opened an "other" section of its own."""
    from helpers import FIXTURES
    from infraprep.ingest import read_path

    profile = parse_profile(read_path(FIXTURES / "cv/layouts/left-date-column.pdf"), TODAY)
    assert ("Volunteer Network Coordinator", "2017-04") in [
        (p.title, p.start) for p in profile.positions
    ]


def test_parse_positions_pipe_separated_header_with_a_long_employer_note():
    # the "|" between fields are not words: the line is a header, not a sentence
    header = (
        "Senior Cloud Migration Engineer | Calloway Federal Solutions (prime contractor, "
        "civilian agency) | 03/2020 - Present"
    )
    cv = f"PROFESSIONAL EXPERIENCE\n{header}\n- Moved 46 applications to AWS GovCloud in waves\n"
    assert _positions(cv) == [
        (
            "Senior Cloud Migration Engineer",
            "Calloway Federal Solutions (prime contractor, civilian agency)",
            "2020-03",
            "present",
        )
    ]


def test_parse_positions_word_second_level_o_bullets_are_bullets():
    """Word writes its second-level bullet as the letter "o": a plain-text CV keeps it."""
    from infraprep.ingest import read_document

    cv = (
        "EXPERIENCE\n-----\n\n"
        "Lantern Ledger (Montréal), Software Engineer in Test II, 2021–2025\n"
        "o Split the RSpec suite across 24 parallel CI jobs; the pipeline went from 52 to 14 min.\n"
        "o Built the flaky-test quarantine.\n"
    )
    profile = parse_profile(read_document(cv.encode(), "cv.txt"), TODAY)
    assert [p.title for p in profile.positions] == ["Software Engineer in Test II"]
    bullets = profile.positions[0].bullets
    assert [b.split()[0] for b in bullets] == ["Split", "Built"]


def test_parse_positions_a_comma_gives_the_title_its_speciality_and_the_dash_the_employer():
    cv = (
        "Noor Halvorsen\n## Experience\n"
        "### Senior Security Engineer, Incident Response — Tessaline Cloud\n"
        "Apr 2021 – Present\n- Led the response to a leaked CI token\n"
    )
    profile = parse_profile(text_document(cv), TODAY)
    assert [(p.title, p.company) for p in profile.positions] == [
        ("Senior Security Engineer, Incident Response", "Tessaline Cloud")
    ]
