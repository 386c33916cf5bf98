"""Every rule is documented completely, and its examples are tests: the failing one fails, the
passing one passes."""

from __future__ import annotations

import re

import pytest

from eagraph.validators.rule_codes import contract_rules
from eagraph.validators.validate import validate
from eagraph.workspace import load
from helpers import write

RULES = list(contract_rules().values())


def test_there_are_rules_and_codes_are_well_formed():
    assert len(RULES) >= 30
    assert all(re.fullmatch(r"EAG\d{3}", rule.code) for rule in RULES)
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_has_every_section(rule):
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name)
    assert set(rule.messages) == {"en", "nl", "fr"}
    for section in (rule.description, rule.rationale, rule.failing_example, rule.passing_example, rule.since):
        assert section.strip()


def codes_for(tmp_path, turtle: str) -> set[str]:
    write(tmp_path, "eagraph.toml", '[model]\nlanguages = ["nl", "fr"]\n')
    write(tmp_path, "example.ttl", turtle)
    return {f.code for f in validate(load(tmp_path, cache=False)).findings}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_failing_example_fails(rule, tmp_path):
    assert rule.code in codes_for(tmp_path, rule.failing_example)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_passing_example_passes(rule, tmp_path):
    assert rule.code not in codes_for(tmp_path, rule.passing_example)
