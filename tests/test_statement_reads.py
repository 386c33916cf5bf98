"""The analyses that read the statements of some subjects themselves (duplicate-service's services,
their evidence and outputs, concept-harmonisation's concepts, the labels of duplicate-service's
process) read each subject's statements in one pass filtered by property
(``analyses.model.statements_of``), not a ``VALUES ?p`` join of properties and subjects (1.2 to 6
times slower at 10,000 services), and read what that join read, in its order: a reader that keeps
the last value of a property keeps the same one."""

from __future__ import annotations

import re

from eagraph.analyses import duplicates, harmonisation
from eagraph.analyses.model import AnalysisModel, statements_of
from eagraph.ontology import CPSV, CV
from eagraph.workspace import load
from helpers import MODELS, PREFIXES, write


def _recording(workspace, asked: list[str], joined: bool = False):
    """``workspace``'s query function, noting each text; ``joined``: each statements_of read as the
    ``VALUES ?p`` join it replaced (the reference)."""
    def query(text):
        read = re.search(r" (\?\w+) \?p \?o FILTER\(\?p IN \(", text)
        if joined and read:
            head, rest = text[:read.start()], text[read.end():]
            predicates, rest = rest.split(")", 1)
            condition = rest[len(" && "):-len(") }")] if rest.startswith(" && ") else ""
            text = (f"{head} VALUES ?p {{ {predicates.replace(', ', ' ')} }} {read.group(1)} ?p ?o"
                    + (f" FILTER({condition})" if condition else "") + " }")
        asked.append(text)
        return workspace.query(text)
    return Source(query)


class Source:
    """What the readers query: a function, as ``query``."""

    def __init__(self, query):
        self.query = query


def _joins(asked: list[str]) -> list[str]:
    return [text for text in asked if re.search(r"VALUES \?p \{[^}]*\} \?\w+ \?p \?o", text) and "?s a" in text]


def test_statements_of_subjects_are_read_in_one_pass_as_the_join_read_them(tmp_path):
    write(tmp_path, "a.ttl", PREFIXES + """
ex:a a cpsv:PublicService ; dct:title "Bouwvergunning"@nl , "Omgevingsvergunning"@nl , "Permis"@fr ;
    dct:description "Een vergunning"@nl ; eag:annualCases 10 , 30 .
ex:c a cv:InformationConcept ; skos:prefLabel "Inkomen"@nl ; skos:definition "Wat men verdient"@nl .
""")
    write(tmp_path, "b.ttl", PREFIXES + """
ex:a dct:title "Bouwen"@nl ; eag:annualCases 20 .
ex:c skos:definition "Het inkomen"@nl , "Le revenu"@fr ; skos:prefLabel "Revenu"@fr .
""")
    for folder in (tmp_path, MODELS):
        workspace = load(folder, cache=False)
        asked: list[str] = []
        services = duplicates._read_services(_recording(workspace, asked).query)
        concepts = harmonisation._read_concepts(_recording(workspace, asked).query)
        labelled = AnalysisModel.labelled(_recording(workspace, asked), {CPSV + "PublicService"})
        assert not _joins(asked) and len([t for t in asked if "FILTER(?p IN" in t]) == 5
        reference: list[str] = []
        assert services == duplicates._read_services(_recording(workspace, reference, joined=True).query)
        assert concepts == harmonisation._read_concepts(_recording(workspace, reference, joined=True).query)
        joined = AnalysisModel.labelled(_recording(workspace, reference, joined=True), {CPSV + "PublicService"})
        assert (labelled.labels, labelled.annual_cases) == (joined.labels, joined.annual_cases)
        assert len(_joins(reference)) == 5
    assert services.titles and list(concepts) and labelled.labels  # the example model's, read


def test_statements_of_filters_by_property_and_condition():
    text = statements_of(f"?s a <{CV}InformationConcept> .", ["urn:b", "urn:a"], "isLiteral(?o)")
    assert text == (f"SELECT ?s ?p ?o WHERE {{ ?s a <{CV}InformationConcept> . ?s ?p ?o "
                    "FILTER(?p IN (<urn:a>, <urn:b>) && isLiteral(?o)) }")
