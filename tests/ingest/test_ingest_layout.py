"""PDF layout rules and text normalisation, on lines and strings built by hand."""

from __future__ import annotations

import pytest

from infraprep.ingest.normalize import clean_line, join_wrapped, normalize_text
from infraprep.ingest.pdf_layout import PdfLine, build_blocks, split_bullet


def line(text: str, x0: float, top: float, *, size: float = 10, bold: bool = False,
         box: int = 0, x1: float | None = None, bullet: bool = False,
         text_x0: float | None = None) -> PdfLine:
    return PdfLine(page=1, box=box, x0=x0, x1=x1 if x1 is not None else x0 + 5 * len(text),
                   top=top, bottom=top - size, text=text,
                   text_x0=text_x0 if text_x0 is not None else x0, size=size, bold=bold,
                   bullet=bullet, chars=len(text.replace(" ", "")))


@pytest.mark.parametrize(("left", "right", "joined"), [
    ("an event-", "driven system", "an event-driven system"),
    ("a cloud-", "based platform", "a cloud-based platform"),
    ("Devel-", "oping products", "Developing products"),
    ("were imple-", "mented", "were implemented"),
    ("co\u00ad", "operate", "cooperate"),
    ("Senior SRE", "Acme", "Senior SRE Acme"),
    ("Kuber-", "netes", "Kuber-netes"),
])
def test_ingest_layout_join_wrapped(left: str, right: str, joined: str) -> None:
    assert join_wrapped(left, right) == joined


def test_ingest_layout_join_wrapped_uses_the_document_vocabulary() -> None:
    assert join_wrapped("Kuber-", "netes", {"kubernetes"}) == "Kubernetes"
    assert join_wrapped("multi-", "region", {"multi-region"}) == "multi-region"


def test_ingest_layout_normalize_text() -> None:
    assert normalize_text("conﬁg\u00a0ﬂow\r\nnext\rline\u200b") == "config flow\nnext\nline"
    assert normalize_text("imple\u00ad\nmented and co\u00adoperate") == "implemented and cooperate"
    assert clean_line("  a \t b\u2009c  ") == "a b c"


@pytest.mark.parametrize(("text", "bullet", "rest"), [
    ("• Ran Kafka", True, "Ran Kafka"), ("(cid:127) Ran Kafka", True, "Ran Kafka"),
    ("▪Ran Kafka", True, "Ran Kafka"), ("– Ran Kafka", True, "Ran Kafka"),
    ("- Ran Kafka", True, "Ran Kafka"), ("-5% latency", False, "-5% latency"),
    ("2019 – 2021", False, "2019 – 2021"),
])
def test_ingest_layout_split_bullet(text: str, bullet: bool, rest: str) -> None:
    assert split_bullet(text) == (bullet, rest)


def test_ingest_layout_indented_lines_are_list_items_without_glyphs() -> None:
    blocks = build_blocks([
        line("Experience", 50, 700, size=13, bold=True),
        line("Senior SRE, Acme", 50, 680, x1=550),  # justified: marks the column's width
        line("Ran Kafka for 200 teams", 62, 665),
        line("Built the SLO dashboards", 62, 650),
        line("Education", 50, 620, size=13, bold=True),
    ])
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Experience"), ("paragraph", "Senior SRE, Acme"),
        ("list_item", "Ran Kafka for 200 teams"), ("list_item", "Built the SLO dashboards"),
        ("heading", "Education")]


def test_ingest_layout_drawn_bullet_marks_the_line_beside_it() -> None:
    mark = PdfLine(page=1, box=-1, x0=50, x1=54, top=664, bottom=658, text="", text_x0=54,
                   size=4, bold=False, bullet=True)
    blocks = build_blocks([line("Skills", 50, 690, bold=True), line("Go and Rust", 60, 665),
                           mark])
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Skills"), ("list_item", "Go and Rust")]


def test_ingest_layout_right_aligned_lines_are_not_indented() -> None:
    blocks = build_blocks([
        line("London, UK", 470, 800, x1=550),
        line("jo@example.com", 440, 788, x1=550),
    ])
    assert [b.kind for b in blocks] == ["paragraph"]


def test_ingest_layout_sizes_are_relative_to_body_text() -> None:
    blocks = build_blocks([
        line("Jo Bloggs", 50, 800, size=20),
        line("A paragraph of body text that is long enough to dominate", 50, 770),
        line("and a second line of body text in the same paragraph", 50, 758),
    ])
    assert blocks[0].kind == "heading" and blocks[0].size == 2.0
    assert blocks[1].size == 1.0


def test_ingest_layout_a_sidebar_is_read_whole_not_between_two_jobs() -> None:
    """pdfminer put the sidebar's boxes between the first job's bullets and the second
    job, so the second job read as education; the sidebar is read whole now."""
    main = [
        line("EXPERIENCE", 200, 700, bold=True, box=1),
        line("Senior SRE, Lumenfield Payments", 200, 680, box=1),
        line("Jan 2021 – Present", 200, 665, box=1),
        line("Run 40 Kubernetes clusters", 210, 650, box=1, bullet=True),
    ]
    sidebar = [
        line("SKILLS", 20, 700, bold=True, box=2, x1=120),
        line("Kubernetes, Terraform", 20, 685, box=2, x1=130),
        line("EDUCATION", 20, 600, bold=True, box=3, x1=120),
        line("B.Sc. Computing, 2013", 20, 585, box=3, x1=140),
    ]
    second = [
        line("SRE, Corvane Logistics", 200, 560, box=4),
        line("Mar 2018 – Dec 2020", 200, 545, box=4),
        line("Migrated 120 services to EKS", 210, 530, box=4, bullet=True),
        line("Built the Prometheus monitoring", 210, 515, box=4, bullet=True),
    ]
    texts = [b.text.split("\n")[0] for b in build_blocks([*main, *sidebar, *second])]
    assert texts.index("SRE, Corvane Logistics") == texts.index("Run 40 Kubernetes clusters") + 1
    assert texts.index("EDUCATION") < texts.index("EXPERIENCE")


def test_ingest_layout_a_single_column_page_keeps_its_order() -> None:
    lines = [
        line("Senior SRE, Lumenfield Payments", 50, 700, x1=400),
        line("Jan 2021 – Present", 450, 700, x1=540),
        line("Run 40 Kubernetes clusters across three regions for payments", 60, 685, x1=520),
        line("SRE, Corvane Logistics", 50, 660, x1=300),
        line("Mar 2018 – Dec 2020", 450, 660, x1=540),
        line("Migrated 120 services from VMware to EKS without an outage", 60, 645, x1=520),
        line("Built the Prometheus and Grafana monitoring stack for 9 teams", 60, 630, x1=520),
        line("Wrote Terraform modules used by every product team since 2019", 60, 615, x1=520),
    ]
    texts = "\n".join(b.text for b in build_blocks(lines))
    order = [texts.index(ln.text) for ln in lines]
    assert order == sorted(order)  # right-aligned dates are no column of their own


def test_ingest_layout_right_aligned_dates_beside_short_lines_are_no_column() -> None:
    lines = []
    for n, (title, dates) in enumerate(
        [("SRE, Lumenfield", "2021 – Present"), ("SRE, Corvane", "2018 – 2020"),
         ("Sysadmin, Brightwater", "2015 – 2018"), ("Intern, Tessaline", "2013 – 2015")]
    ):
        top = 700 - 40 * n
        lines += [line(title, 50, top, x1=200), line(dates, 450, top, x1=540),
                  line("Ran the servers", 60, top - 15, x1=200, bullet=True)]
    texts = "\n".join(b.text for b in build_blocks(lines))
    assert texts.index("2018 – 2020") < texts.index("Sysadmin, Brightwater")


def test_ingest_layout_a_right_aligned_piece_follows_the_line_on_its_baseline() -> None:
    """A LaTeX-like CV prints the place flush right on the employer's line; pdfminer read
    those places as one box after the whole entry, so the dates stood under the wrong
    job (layout set 6)."""
    lines = [
        line("Aldermoor Bank", 50, 700, bold=True, box=1, x1=140),
        line("Cloud Security Engineer", 50, 686, box=1, x1=170),
        line("Own the guardrails for 310 AWS accounts across the whole bank", 60, 672,
             box=2, x1=540, bullet=True),
        line("Edinburgh, UK", 470, 700, box=3, x1=540),
        line("2019–Present", 480, 686, box=3, x1=540),
    ]
    texts = [b.text.split("\n")[0] for b in build_blocks(lines)]
    assert texts.index("Edinburgh, UK") == texts.index("Aldermoor Bank") + 1
    bullet = next(t for t in texts if t.startswith("Own the guardrails"))
    assert texts.index("2019–Present") < texts.index(bullet)


def test_ingest_layout_a_school_s_dates_follow_it_though_no_line_runs_across() -> None:
    """Education entries are short lines; no wide line near them crosses to their
    flush-right dates, which then sat under the first job as untitled positions
    (layouts/latex-style.pdf). They end where the jobs' dates end, so they follow."""
    lines = [
        line("University of Strathmore", 54, 700, bold=True, box=1, x1=193),
        line("M.Sc. Information Security", 54, 687, box=1, x1=192),
        line("Aldermoor Bank", 54, 600, bold=True, box=2, x1=146),
        line("Cloud Security Engineer", 54, 587, box=2, x1=179),
        line("Glasgow, UK", 492, 700, box=3, x1=558),
        line("2012–2013", 502, 687, box=3, x1=558),
        line("Edinburgh, UK", 482, 600, box=4, x1=558),
        line("2019–Present", 489, 587, box=4, x1=558),
        line("Own the guardrails for 310 AWS accounts across the whole bank", 66, 574,
             box=5, x1=540, bullet=True),
    ]
    texts = [b.text.split("\n")[0] for b in build_blocks(lines)]
    assert texts.index("2012–2013") == texts.index("M.Sc. Information Security") + 1
    assert texts.index("2019–Present") == texts.index("Cloud Security Engineer") + 1


def test_ingest_layout_a_line_where_the_glyphs_of_a_list_start_is_not_an_item() -> None:
    """The employer line of a template that sets titles further left starts where the
    bullets' glyphs do; read as indented, it became the job's first bullet (set 7)."""
    lines = [
        line("Principal Site Reliability Engineer", 57, 700, bold=True, size=10.5, x1=258),
        line("Ashgrove Mutual — Leeds", 63, 687, x1=189),
        line("Lead a reliability group of six engineers supporting 140 services", 63, 674,
             x1=490, bullet=True, text_x0=73),
        line("Designed the multi-region failover for the claims platform", 63, 661,
             x1=480, bullet=True, text_x0=73),
        line("Kept the internal wiki of customer builds up to date", 63, 600, x1=300),
    ]
    kinds = {b.text: b.kind for b in build_blocks(lines)}
    assert kinds["Ashgrove Mutual — Leeds"] == "paragraph"
    assert kinds["Designed the multi-region failover for the claims platform"] == "list_item"


def test_ingest_layout_a_first_line_indent_beside_a_bulleted_list_still_joins() -> None:
    lines = [
        line("Flexible work hours.", 87, 700, x1=186, bullet=True, text_x0=97),
        line("Tech Solutions is proud to be an equal opportunity employer and", 87, 680,
             x1=540),
        line("to creating an inclusive environment.", 72, 668, x1=309),
        line("A line at the margin that reaches the right edge of the column text", 72, 640,
             x1=540),
    ]
    texts = [b.text for b in build_blocks(lines)]
    assert "employer and to creating an inclusive environment." in texts[1]


def test_ingest_layout_europass_labels_stay_beside_what_they_label() -> None:
    """A Europass CV sets its headings, dates and labels flush right in a left column;
    read column by column, every heading of the page came before all its entries."""
    lines = [
        line("VOLUNTEER WORK", 67, 770, bold=True, box=1, x1=156),
        line("04/2017 – 12/2020", 76, 749, box=2, x1=156),
        line("EDUCATION AND TRAINING", 60, 649, bold=True, box=3, x1=156),
        line("2009 – 2012", 103, 617, box=4, x1=156),
        line("Mother tongue", 94, 470, box=5, x1=156),
        line("Other languages", 86, 453, box=9, x1=156),
        line("Driving licence", 93, 436, box=10, x1=156),
        line("Volunteer Network Coordinator", 172, 770, bold=True, box=6, x1=330),
        line("Associação Rede Livre do Bonfim, Porto (Portugal)", 172, 749, box=6, x1=420),
        line("Designed and maintained a community mesh Wi-Fi network of 60 nodes", 182, 735,
             box=6, x1=540, bullet=True),
        line("Organised monthly install days and trained 25 volunteers", 182, 721, box=6,
             x1=500, bullet=True),
        line("Licenciatura (BSc) in Telecommunications", 172, 649, bold=True, box=7, x1=420),
        line("Instituto Superior de Engenharia, Porto", 172, 617, box=7, x1=400),
        line("Portuguese", 172, 470, box=8, x1=230),
        line("English (C1), Spanish (B2)", 172, 453, box=8, x1=300),
        line("B", 172, 436, box=8, x1=179),
    ]
    texts = "\n".join(b.text for b in build_blocks(lines))
    assert texts.index("VOLUNTEER WORK") < texts.index("Volunteer Network Coordinator")
    assert texts.index("Organised monthly") < texts.index("EDUCATION AND TRAINING")
    assert texts.index("Mother tongue") < texts.index("Portuguese")


def test_ingest_layout_a_sidebar_line_takes_no_partner_across_the_gutter() -> None:
    lines = [
        line("Certified Kubernetes Administrator", 20, 600, box=1, x1=170),
        line("Site Reliability Engineer — Contoso", 220, 614, box=2, x1=420, bold=True),
        line("June 2018 – February 2021", 220, 600, box=2, x1=330),
        line("Built Prometheus monitoring for 1,200 Linux hosts", 230, 586, box=2, x1=540),
    ]
    texts = [b.text for b in build_blocks(lines)]
    assert not any("Certified" in t and "June 2018" in t for t in texts)
    joined = "\n".join(texts)
    assert joined.index("Contoso") < joined.index("June 2018")
