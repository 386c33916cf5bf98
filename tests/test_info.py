"""`eagraph info` as a reader relies on it: every authority's name whole, its counts in columns."""

from __future__ import annotations

from helpers import PREFIXES, write

LONG = "FOD Buitenlandse Zaken, Buitenlandse Handel en Ontwikkelingssamenwerking (Directie Consulaire Zaken)"


def test_info_shows_long_authority_names_whole(run, tmp_path):
    write(tmp_path, "model.ttl", PREFIXES + f"""
ex:fod a cv:PublicOrganisation ; skos:prefLabel "{LONG}"@nl .
ex:city a cv:PublicOrganisation ; skos:prefLabel "Stad Leuven"@nl .
ex:visa a cpsv:PublicService ; dct:title "Visum"@nl ; cv:hasCompetentAuthority ex:fod .
""")
    result = run("info", tmp_path)
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if LONG in line or "Stad Leuven" in line]
    assert len(rows) == 2 and LONG in rows[0]
    # the counts stay in one column: the rows are as long as each other
    assert len(rows[0]) == len(rows[1]) and rows[0].split()[-4:] == ["1", "0", "0", "0"]
