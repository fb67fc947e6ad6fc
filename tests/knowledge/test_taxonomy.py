"""The bundled technology taxonomy: size, integrity, the curated terms, the loader."""

from __future__ import annotations

import dataclasses
import json

import pytest
import yaml
from pydantic import ValidationError

from infraprep.errors import KnowledgeError
from infraprep.knowledge.taxonomy import (
    CATEGORIES,
    TAXONOMY_PATH,
    Taxonomy,
    Technology,
    load_taxonomy,
    parse_taxonomy,
)

# Bare words that must never match on their own: each is either absent or needs context.
COMMON_WORDS = ("go", "make", "chef", "puppet", "salt", "spark", "flux", "helm", "vault",
                "consul", "envoy", "ray", "rust", "swift", "dart", "r", "c", "rest", "kind",
                "harbor", "teams", "word", "access", "excel", "slack", "windows", "shell")


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    return load_taxonomy()


def test_taxonomy_has_at_least_1500_terms_in_every_category(tax):
    assert len(tax) >= 1500
    for category in CATEGORIES:
        assert tax.category(category), category


def test_taxonomy_names_are_unique_and_no_alias_names_two_terms(tax):
    names = [t.name for t in tax]
    assert len(names) == len(set(names))
    owner: dict[str, str] = {}
    for term in tax:
        for alias in term.aliases:
            assert owner.setdefault(alias, term.name) == term.name, alias


def test_taxonomy_aliases_are_trimmed_lower_case_and_curated_names_match_themselves(tax):
    for term in tax:
        assert term.aliases
        if "curated" in term.sources:  # a generated "ADL" may match only its long form
            assert term.name.lower() in term.aliases
        for alias in (*term.aliases, *term.exclude):
            assert alias == alias.strip().lower()


def test_taxonomy_implications_resolve_and_cover_managed_kubernetes_and_elk(tax):
    for term in tax:
        assert all(name in tax for name in term.implies)
    assert set(tax["Amazon EKS"].implies) == {"Kubernetes", "AWS"}
    assert set(tax["Google Kubernetes Engine"].implies) == {"Kubernetes", "GCP"}
    assert set(tax["Azure Kubernetes Service"].implies) == {"Kubernetes", "Azure"}
    assert set(tax["ELK Stack"].implies) == {"Elasticsearch", "Logstash", "Kibana"}


@pytest.mark.parametrize(("alias", "name", "category"), [
    ("k8s", "Kubernetes", "orchestration"), ("kube", "Kubernetes", "orchestration"),
    ("eks", "Amazon EKS", "orchestration"), ("gke", "Google Kubernetes Engine", "orchestration"),
    ("aks", "Azure Kubernetes Service", "orchestration"), ("ec2", "Amazon EC2", "cloud"),
    ("s3", "Amazon S3", "storage"), ("route 53", "Amazon Route 53", "networking"),
    ("cloudformation", "AWS CloudFormation", "iac"), ("bigquery", "BigQuery", "data"),
    ("pub/sub", "Google Cloud Pub/Sub", "messaging"), ("golang", "Go", "language"),
    ("postgres", "PostgreSQL", "database"), ("psql", "PostgreSQL", "database"),
    ("argocd", "Argo CD", "cicd"), ("gitlab-ci", "GitLab CI", "cicd"),
    ("otel", "OpenTelemetry", "observability"), ("c++", "C++", "language"),
    ("c#", "C#", "language"), (".net", ".NET", "language"), ("node.js", "Node.js", "language"),
    ("ci/cd", "CI/CD", "cicd"), ("tcp/ip", "TCP/IP", "networking"),
    ("opa", "Open Policy Agent", "security"), ("cosign", "cosign", "security"),
    ("cloud foundry", "Cloud Foundry", "cloud"), ("fedramp", "FedRAMP", "security"),
    ("etcd", "etcd", "database"), ("microsoft excel", "Excel", "other"),
])
def test_taxonomy_lookup_finds_curated_aliases(tax, alias, name, category):
    term = tax.lookup(alias)
    assert term is not None and term.name == name
    assert term.category == category


def test_taxonomy_docs_canonical_names_exist(tax):
    for name in ("Kubernetes", "Terraform", "AWS", "Prometheus", "PostgreSQL", "Go", "Python",
                 "Linux", "Kafka", "etcd", "Envoy"):
        assert name in tax


def test_taxonomy_tf_is_not_terraform_and_common_words_need_context(tax):
    assert tax.lookup("tf") is None
    for word in COMMON_WORDS:
        term = tax.lookup(word)
        assert term is None or term.needs_context(word), word


def test_taxonomy_ambiguity_is_per_alias(tax):
    go = tax["Go"]
    assert go.ambiguous and go.needs_context("go")
    assert not go.needs_context("golang")
    assert "go live" in go.exclude
    assert not tax["Kubernetes"].needs_context("kubernetes")


def test_taxonomy_is_immutable_and_cached(tax):
    assert load_taxonomy() is tax
    with pytest.raises(dataclasses.FrozenInstanceError):
        tax.terms = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        tax.by_name["x"] = tax["Go"]  # type: ignore[index]
    with pytest.raises(ValidationError):
        tax["Go"].name = "Golang"  # type: ignore[misc]
    assert isinstance(tax.category("cloud"), tuple)
    assert tax.category("no-such-category") == ()
    assert tax.get("No Such Thing") is None


def test_taxonomy_file_is_sorted_deterministic_and_valid_yaml():
    text = TAXONOMY_PATH.read_text(encoding="utf-8")
    rows = yaml.load(text, Loader=yaml.CSafeLoader)  # the slow path reads the same data
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    assert json.loads(body) == rows
    names = [r["name"] for r in rows]
    assert names == sorted(names, key=lambda n: (n.casefold(), n))
    for row in rows:
        assert row["aliases"] == sorted(row["aliases"])
        assert row["sources"] == sorted(row["sources"])


def test_taxonomy_sources_are_recorded(tax):
    sources = {s for t in tax for s in t.sources}
    assert sources == {"curated", "cncf", "onet"}
    assert "curated" in tax["Kubernetes"].sources


def test_taxonomy_notice_attributes_onet_and_cncf():
    notice = (TAXONOMY_PATH.parent / "NOTICE-technologies.md").read_text(encoding="utf-8")
    assert ("This product includes information from O*NET OnLine by the U.S. Department of "
            "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY "
            "4.0 license.") in " ".join(notice.split())
    assert "Modified" in notice
    assert "cncf/landscape" in notice and "Apache" in notice


def _yaml(items: list[dict[str, object]]) -> str:
    return yaml.safe_dump(items)


def test_parse_taxonomy_reads_block_yaml_too():
    text = _yaml([{"name": "Go", "category": "language", "aliases": ["go", "golang"],
                   "ambiguous": True, "ambiguous_aliases": ["go"], "exclude": ["go live"]},
                  {"name": "Python", "category": "language", "aliases": ["python"]}])
    tax = parse_taxonomy(text)
    assert len(tax) == 2
    assert tax.lookup("GoLang ") is tax["Go"]
    assert tax.category("language") == (tax["Go"], tax["Python"])


@pytest.mark.parametrize(("items", "message"), [
    ([{"name": "A", "category": "language", "aliases": ["x"]},
      {"name": "B", "category": "language", "aliases": ["x"]}], "alias 'x' names both"),
    ([{"name": "A", "category": "language", "aliases": ["a"]},
      {"name": "A", "category": "cloud", "aliases": ["b"]}], "duplicate technology 'A'"),
    ([{"name": "A", "category": "language", "aliases": ["a"], "implies": ["Z"]}],
     "implies unknown"),
    ([{"name": "A", "category": "nonsense", "aliases": ["a"]}], "item 0 (A): category"),
    ([{"name": "A", "category": "language", "aliases": ["Upper"]}], "lower case"),
    ([{"name": "A", "category": "language", "aliases": ["a"], "ambiguous_aliases": ["b"]}],
     "not in aliases"),
    ([{"name": "A", "category": "language", "aliases": ["a"], "colour": "red"}],
     "item 0 (A): colour"),
])
def test_parse_taxonomy_rejects_bad_data_naming_the_item(items, message):
    with pytest.raises(KnowledgeError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_taxonomy(_yaml(items), "test.yaml")


def test_parse_taxonomy_rejects_non_list_and_broken_yaml():
    with pytest.raises(KnowledgeError, match="expected a list"):
        parse_taxonomy("name: Go\n")
    with pytest.raises(KnowledgeError, match="not valid YAML"):
        parse_taxonomy("- [unclosed\n")


def test_technology_needs_context_defaults_to_every_alias_when_unspecified():
    term = Technology(name="Salt", category="config-management", aliases=("salt",),
                      ambiguous=True)
    assert term.needs_context("salt")
    plain = Technology(name="Ansible", category="config-management", aliases=("ansible",))
    assert not plain.needs_context("ansible")


def test_project_never_reads_the_shared_corpus():
    src = TAXONOMY_PATH.parents[2]  # src/infraprep
    for path in src.rglob("*.py"):
        assert "/work/shared" not in path.read_text(encoding="utf-8"), path
