"""``validate --changed-since REV --as-of DATE``: the changed-only path reads the model as of DATE, as a
full run does. A change to a thing retired on DATE, or planned after it, yields no finding about it;
a change to a thing in use does; and a regulation left out by the entry into force of the one repealing
it (written in a file the change does not touch) is left out too."""

from __future__ import annotations

import json

import pytest

from helpers import PREFIXES, git, write

EX = "https://example.org/"
DAY = "2028-06-01"

SERVICES = PREFIXES + """@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

ex:retired a cpsv:PublicService ; dct:identifier "S-1" ;
    dct:title "Oud"@nl , "Ancien"@fr ; dct:description "Oud."@nl , "Ancien."@fr ;
    eag:retiredFrom "2027-01-01"^^xsd:date .
ex:planned a cpsv:PublicService ; dct:identifier "S-2" ;
    dct:title "Later"@nl , "Plus tard"@fr ; dct:description "Later."@nl , "Plus tard."@fr ;
    eag:plannedFrom "2026-01-01"^^xsd:date ; eag:activeFrom "2030-01-01"^^xsd:date .
ex:current a cpsv:PublicService ; dct:identifier "S-3" ;
    dct:title "Nu"@nl , "Maintenant"@fr ; dct:description "Nu."@nl , "Maintenant."@fr ;
    cv:hasLegalResource ex:old-law .
"""
OLD_LAW = PREFIXES + """@prefix eli: <http://data.europa.eu/eli/ontology#> .
ex:old-law a eli:LegalResource ; dct:title "Oude wet"@nl , "Ancienne loi"@fr ; eli:repealed_by ex:new-law .
"""
NEW_LAW = PREFIXES + """@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:new-law a eli:LegalResource ; dct:title "Nieuwe wet"@nl , "Nouvelle loi"@fr ;
    eli:first_date_entry_in_force "2027-01-01"^^xsd:date .
"""


@pytest.fixture
def repository(tmp_path):
    write(tmp_path, "eagraph.toml", '[model]\nlanguages = ["nl", "fr"]\n')
    write(tmp_path, "services.ttl", SERVICES)
    write(tmp_path, "old-law.ttl", OLD_LAW)
    write(tmp_path, "new-law.ttl", NEW_LAW)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "start")
    return tmp_path


def found(run, repository, *args) -> set[tuple[str, str]]:
    result = run("validate", repository, "--format", "json", "--fail-on", "info", *args)
    assert result.exit_code in (0, 1), result.output
    return {(f["code"], f["subject"].removeprefix(EX)) for f in json.loads(result.stdout)["findings"]}


def test_a_change_to_what_is_not_in_use_on_the_date_yields_nothing(run, repository):
    # every service loses its French description (EAG005)
    write(repository, "services.ttl", SERVICES.replace(' , "Ancien."@fr', "").replace(' , "Plus tard."@fr', "")
          .replace(' , "Maintenant."@fr', ""))
    changed = found(run, repository, "--changed-since", "HEAD", "--as-of", DAY)
    assert ("EAG005", "current") in changed  # the change is checked ...
    assert not {subject for _, subject in changed} & {"retired", "planned"}  # ... as of the day
    assert changed == {f for f in found(run, repository, "--as-of", DAY) if f[1] in {"current", "retired", "planned"}}
    # without --as-of the three are reported: the date, not the change, leaves the two out
    assert {s for c, s in found(run, repository, "--changed-since", "HEAD") if c == "EAG005"} == {
        "current", "retired", "planned"}


def test_a_regulation_left_out_by_a_repeal_written_two_files_away_is_left_out_as_in_a_full_run(run, repository):
    # current's legal basis, old-law, is repealed by new-law (in force since 2027), which neither the
    # changed file nor old-law's file describes: on DAY old-law is out, so current names no regulation
    write(repository, "services.ttl", SERVICES.replace(' , "Maintenant."@fr', ""))
    changed = found(run, repository, "--changed-since", "HEAD", "--as-of", DAY)
    assert {("EAG005", "current"), ("EAG025", "current")} <= changed and ("EAG158", "current") not in changed
    assert changed == {f for f in found(run, repository, "--as-of", DAY) if f[1] == "current"}
    # before the repeal, old-law is its basis: no EAG025
    before = found(run, repository, "--changed-since", "HEAD", "--as-of", "2026-06-01")
    assert ("EAG005", "current") in before and ("EAG025", "current") not in before


def test_a_change_to_a_regulation_not_in_force_on_the_date_yields_nothing(run, repository):
    # the old law loses its French title; it is repealed (by new-law, in force since 2027, whose date is
    # in a file the change does not touch): on DAY it is not in the model, so nothing is said of it
    write(repository, "old-law.ttl", OLD_LAW.replace(' , "Ancienne loi"@fr', ""))
    assert any(subject == "old-law" for _, subject in found(run, repository, "--changed-since", "HEAD"))
    changed = found(run, repository, "--changed-since", "HEAD", "--as-of", DAY)
    assert not any(subject == "old-law" for _, subject in changed)
    assert any(subject == "old-law" for _, subject in found(run, repository, "--changed-since", "HEAD",
                                                            "--as-of", "2026-06-01"))
