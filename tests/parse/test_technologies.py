"""TechnologyMatcher: boundaries, ambiguity, implications, typos in lists, speed."""

from __future__ import annotations

import pytest

from infraprep.knowledge.taxonomy import load_taxonomy
from infraprep.parse.technologies import (
    TechnologyMatch,
    TechnologyMatcher,
    canonical_technologies,
    find_technologies,
    get_matcher,
)

SRE_POSTING = """About the role
We're hiring a Senior Site Reliability Engineer to run our multi-region platform on AWS. \
You will own our Kubernetes clusters (EKS), manage infrastructure as code with Terraform \
and Helm, and build CI/CD pipelines in GitHub Actions and Argo CD.

What you'll do
- Define SLOs and build observability with Prometheus, Grafana and OpenTelemetry; route \
alerts through PagerDuty.
- Tune PostgreSQL and Redis, and operate Kafka for event streaming.
- Write tooling in Go or Python; we make sure every service ships with a runbook.
- Lead incident response, join the on-call rotation and help us go live in two new regions.
- Partner with our go-to-market team so launches don't spark surprises.

Nice to have: experience with Istio, Vault and eBPF; familiarity with GCP or Azure."""

SRE_POSTING_TECH = (
    "AWS", "Kubernetes", "Amazon EKS", "Infrastructure as Code", "Terraform", "Helm", "CI/CD",
    "GitHub Actions", "GitHub", "Argo CD", "Prometheus", "Grafana", "OpenTelemetry",
    "PagerDuty", "PostgreSQL", "Redis", "Kafka", "Go", "Python", "Istio", "Vault", "eBPF",
    "GCP", "Azure",
)

CV_BULLETS = [
    ("Migrated 40 services from Chef-managed EC2 hosts to Kubernetes on EKS using Terraform "
     "and Helm, cutting deploy time from 45 to 6 minutes.",
     {"Chef", "Amazon EC2", "AWS", "Kubernetes", "Amazon EKS", "Terraform", "Helm",
      "Infrastructure as Code"}),  # Terraform is infrastructure as code
    ("Built a Go service that ingests 2M events/s from Kafka into ClickHouse; p99 latency "
     "down 38%.", {"Go", "Kafka", "ClickHouse"}),
    ("Wrote Ansible playbooks and Bash scripts to patch 1,200 RHEL and Ubuntu hosts.",
     {"Ansible", "Bash", "Shell scripting", "RHEL", "Ubuntu", "Linux"}),  # implied: Linux, shell
    ("Set up Prometheus, Alertmanager and Grafana dashboards; led on-call with PagerDuty.",
     {"Prometheus", "Alertmanager", "Grafana", "PagerDuty"}),
    ("Skills: Python, Go, Rust, C, C++, SQL, k8s, Docker, Terraform, AWS (EC2, S3, IAM, "
     "Lambda), GCP, Linux, Git",
     {"Python", "Go", "Rust", "C", "C++", "SQL", "Kubernetes", "Docker", "Terraform", "AWS",
      "Amazon EC2", "Amazon S3", "IAM", "AWS Lambda", "GCP", "Linux", "Git",
      "Infrastructure as Code"}),
    ("Mentored 4 engineers and ran the team's hiring loop; we go above and beyond.", set()),
]


@pytest.mark.parametrize("text", [
    "We go live on Monday.", "Go live on Monday.", "our go-to-market motion",
    "Our Go-To-Market team", "let it go", "the rust belt", "The Rust Belt economy",
    "make sure the tests pass", "Make sure the tests pass", "the chef's kitchen",
    "a puppet show for kids", "things that spark joy", "Spark Joy", "in the helm of the ship",
    "a swift response to incidents", "We value a Swift response", "we are going to scale",
    "ABC category chrome", "a C-suite audience", "Vitamin C", "R&D budget", "the rest of us",
    "Rest assured", "kind regards", "Pearl Harbor", "a flux of requests", "grain of salt",
    "take the ray of hope", "a Blu-ray player", "Head Chef at a bistro", "Groovy Tuesday Band",
    "", "add a worker node to each cluster", "let it go experience",
])
def test_find_technologies_ignores_ordinary_english(text):
    assert canonical_technologies(text) == ()


@pytest.mark.parametrize(("text", "expected"), [
    ("Go, Python", ("Go", "Python")),
    ("golang", ("Go",)),
    ("services written in Go", ("Go",)),
    ("Go/Kubernetes", ("Go", "Kubernetes")),
    ("Go and Rust experience", ("Go", "Rust")),
    ("experience with go and python", ("Go", "Python")),
    ("Go developers wanted", ("Go",)),
    ("our Go-based control plane", ("Go",)),
    ("Languages: Go, Rust, C", ("Go", "Rust", "C")),
    ("C/C++ and C#, .NET, Node.js, CI/CD, TCP/IP", ("C", "C++", "C#", ".NET", "Node.js",
                                                    "CI/CD", "TCP/IP")),
    ("ASP.NET apps", ("ASP.NET", ".NET")),
    ("k8s and kube", ("Kubernetes",)),
    ("postgres, psql and Postgres", ("PostgreSQL",)),
    ("REST APIs and gRPC", ("REST", "gRPC")),
    ("Configuration management tools (e.g., Puppet, Chef, Ansible, Salt)",
     ("Puppet", "Chef", "Ansible", "SaltStack")),
    ("a coding challenge in Go/Make/Helm", ("Go", "Make", "Helm", "Kubernetes")),
    ("Amazon Web Services and Microsoft Azure", ("AWS", "Azure")),
    ("Kubernetes-native tooling", ("Kubernetes",)),
    ("We deploy on Cloud Foundry via cloud.gov", ("Cloud Foundry", "cloud.gov")),
    ("Go experience", ("Go",)),
    ("Node, Python and Ruby", ("Node.js", "Python", "Ruby")),
    ("Unix/Linux systems", ("Unix", "Linux")),
    ("REST/JSON APIs", ("REST", "JSON")),
])
def test_find_technologies_matches_real_mentions(text, expected):
    assert canonical_technologies(text) == expected


def test_find_technologies_does_not_match_tf_as_terraform():
    assert canonical_technologies("tf apply") == ()
    assert canonical_technologies("terraform apply") == ("Terraform", "Infrastructure as Code")


def test_find_technologies_respects_word_boundaries():
    assert canonical_technologies("going, gopher, cargo-cult, category, cloudformation") == (
        "AWS CloudFormation", "AWS", "Infrastructure as Code")
    assert canonical_technologies("docker.com/products and example.com") == ()
    assert canonical_technologies("see https://kubernetes.io/docs/ and http://redis.io") == ()
    assert canonical_technologies("C++17 and C99") == ("C++", "C")
    assert canonical_technologies("C++98 code") == ("C++",)  # a version suffix is fine


def test_find_technologies_offsets_point_at_the_matched_text():
    text = "İstanbul team: Go, PostgreSQL and Amazon EKS on AWS\nSkills: Terrafrom"
    matches = find_technologies(text)
    assert matches
    for m in matches:
        assert isinstance(m, TechnologyMatch)
        assert text[m.start:m.end] == m.text
    eks = next(m for m in matches if m.canonical == "Amazon EKS")
    assert eks.text == "Amazon EKS" and eks.category == "orchestration"


def test_find_technologies_returns_implied_terms_after_their_source():
    matches = find_technologies("We run EKS, GKE and an ELK stack.")
    names = [m.canonical for m in matches]
    assert names[:3] == ["Amazon EKS", "AWS", "Kubernetes"]
    assert {"Google Kubernetes Engine", "GCP", "ELK Stack", "Elasticsearch", "Logstash",
            "Kibana"} <= set(names)
    k8s = next(m for m in matches if m.canonical == "Kubernetes")
    assert k8s.implied_by == "Amazon EKS" and k8s.text == "EKS"
    assert next(m for m in matches if m.canonical == "Amazon EKS").implied_by is None


def test_find_technologies_follows_implications_transitively():
    names = canonical_technologies("clusters created with eksctl")
    assert names == ("eksctl", "Amazon EKS", "AWS", "Kubernetes")


def test_canonical_technologies_dedupes_in_first_appearance_order():
    text = "Kubernetes, Go, k8s, golang, Kubernetes and Terraform"
    expected = ("Kubernetes", "Go", "Terraform", "Infrastructure as Code")
    assert canonical_technologies(text) == expected


def test_fuzzy_matching_fixes_typos_only_in_skills_lists():
    line = "Skills: Kubernets, Terrafrom, Node JS, Ansibel, Promethues, Elasticsearh"
    matches = find_technologies(line)
    assert [m.canonical for m in matches if m.implied_by is None] == [
        "Kubernetes", "Terraform", "Node.js", "Ansible", "Prometheus", "Elasticsearch"]
    assert next(m for m in matches if m.canonical == "Kubernetes").fuzzy
    assert [m.text for m in matches][:2] == ["Kubernets", "Terrafrom"]
    # The same typo in prose is not a technology: prose never gets fuzzy matching.
    assert canonical_technologies("We moved the Kubernets workloads last year.") == ()


def test_fuzzy_matching_leaves_ordinary_skill_words_alone():
    line = "Skills: Testing, Containers, Fluent English, Databases, Scale, Systems, Leadership"
    assert canonical_technologies(line) == ()


@pytest.mark.parametrize(("bullet", "expected"), CV_BULLETS)
def test_find_technologies_on_cv_bullets(bullet, expected):
    assert set(canonical_technologies(bullet)) == expected


def test_find_technologies_on_an_sre_posting():
    assert canonical_technologies(SRE_POSTING) == SRE_POSTING_TECH


def test_matcher_is_cached_and_deterministic():
    assert get_matcher() is get_matcher()
    fresh = TechnologyMatcher(load_taxonomy())
    assert fresh.find_technologies(SRE_POSTING) == get_matcher().find_technologies(SRE_POSTING)
    assert find_technologies(SRE_POSTING) == find_technologies(SRE_POSTING)


def test_near_miss_names_the_technology_a_typo_means():
    matcher = get_matcher()
    near = matcher.near_miss("Kubernets")
    assert near is not None and near.name == "Kubernetes"
    assert matcher.near_miss("testing") is None
    assert matcher.near_miss("ab") is None


def test_technologies_a_verb_right_before_a_name_is_not_a_list():
    from infraprep.parse.technologies import canonical_technologies

    assert canonical_technologies("We work to make GitLab a responsive platform.") == ("GitLab",)
    assert "Make" in canonical_technologies("Builds use Make, Bazel and Docker.")


def test_technologies_a_kubelet_is_kubernetes_work():
    assert "Kubernetes" in canonical_technologies(
        "Wrote a Go operator that cordons and drains nodes with a failing kubelet"
    )


def test_technologies_an_ndk_on_an_android_build_is_the_android_ndk():
    # The CNCF landscape's "NDK" (a Nutanix storage product) once made a build engineer's
    # corrupted-NDK story read as database experience.
    names = canonical_technologies("a corrupted NDK install broke every Android build")
    assert "Android NDK" in names
    assert "Nutanix Data Services for Kubernetes" not in names


def test_technologies_an_aws_certification_is_not_the_solutions_architect_one():
    assert canonical_technologies("AWS Certified Database - Specialty, 2023") == (
        "AWS certification",
        "AWS",
    )
    # the Solutions Architect certificate still answers "an AWS certification is a plus"
    assert "AWS certification" in canonical_technologies("AWS Certified Solutions Architect")
