"""The finding kinds the generator plants (labels.json names them) and the smallest model that holds
every kind."""

from __future__ import annotations


KINDS = (
    "only-once-violation",
    "automatic-granting-candidate",
    "proactive-granting-candidate",
    "duplicate-service",
    "duplicate-data-collection",
    "certificate-loop",
    "shared-capability",
    "concept-harmonisation",
    "orphan-regulation",
    "missing-agreement",
)

MIN_SERVICES = 30
