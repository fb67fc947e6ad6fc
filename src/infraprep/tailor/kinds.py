"""Which competencies a kind of technology shows: Helm on EKS is cloud work, OPA
Gatekeeper is security, a CV line naming Prometheus is observability work.

Shared by what the CV shows overall (``needs``), how a line answers a requirement
(``fit``, ``asked``) and which bullet tells a story (``stories``).
"""

from __future__ import annotations

import functools
from types import MappingProxyType

# Taxonomy categories whose technologies show a competency.
CATEGORIES = MappingProxyType(
    {
        "observability": ("observability",),
        "security": ("security",),
        "databases": ("database", "storage"),
        "iac": ("iac", "config-management"),
        "configuration-management": ("config-management",),
        "containers": ("containers", "orchestration"),
        "cloud": ("cloud", "serverless"),
        "ci-cd": ("cicd",),
        "release-engineering": ("cicd",),
        "networking": ("networking", "service-mesh"),
        "linux": ("os",),
        "messaging": ("messaging",),
        "coding": ("language", "testing"),
        "data-infrastructure": ("data",),
        "ml-infrastructure": ("ml",),
        "api-design": ("api",),
        "developer-experience": ("build", "vcs"),
    }
)


@functools.lru_cache(maxsize=512)
def kinds_shown(categories: tuple[str, ...]) -> frozenset[str]:
    """Competencies shown by technologies of these taxonomy categories: EKS work is
    cloud work, OPA Gatekeeper is security."""
    cats = set(categories)
    return frozenset(comp for comp, kinds in CATEGORIES.items() if cats.intersection(kinds))
