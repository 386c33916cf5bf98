"""Random edits of a copy of the example model, for the tests that compare a partial reading of a
change (`validate --changed-since`, `diff`) with a reading of the whole model."""

from __future__ import annotations

import random

import pyoxigraph as ox

DCT_IDENTIFIER = "http://purl.org/dc/terms/identifier"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def triples_of(path) -> list[ox.Triple]:
    return list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE, base_iri="file:///x"))


def rewrite(path, triples) -> None:
    path.write_bytes(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))


def random_edit(models, rng: random.Random) -> str:
    """One random edit of one file (rewritten as N-Triples: the layout change itself means nothing)."""
    files = sorted(models.rglob("*.ttl"))
    path = rng.choice(files)
    triples = triples_of(path)
    named = [t for t in triples if isinstance(t.subject, ox.NamedNode)]
    everything = [t for f in files for t in triples_of(f)]
    kind = rng.choice(["drop-statement", "change-literal", "redirect-link", "dangling-link", "copy-identifier",
                       "drop-subject", "change-type", "delete-file", "copy-subject"])
    pick = rng.choice(named)
    if kind == "drop-statement":
        triples.remove(pick)
    elif kind == "change-literal":
        literal = rng.choice([t for t in named if isinstance(t.object, ox.Literal)] or named)
        triples[triples.index(literal)] = ox.Triple(literal.subject, literal.predicate, ox.Literal("changed"))
    elif kind in ("redirect-link", "dangling-link"):
        links = [t for t in named if isinstance(t.object, ox.NamedNode) and t.predicate.value != RDF_TYPE]
        source = ox.NamedNode(DCT_IDENTIFIER.replace("identifier", "source"))
        link = rng.choice(links or [ox.Triple(pick.subject, source, pick.subject)])
        targets = [t.object for t in everything if t.predicate == link.predicate and isinstance(t.object, ox.NamedNode)]
        targets = targets or [link.object]
        target = rng.choice(targets) if kind == "redirect-link" else ox.NamedNode(link.subject.value + "-gone")
        triples = [t for t in triples if t != link] + [ox.Triple(link.subject, link.predicate, target)]
    elif kind == "copy-identifier":
        mine = rng.choice([t for t in named if t.predicate.value == DCT_IDENTIFIER] or named)
        theirs = rng.choice([t for t in everything if t.predicate.value == DCT_IDENTIFIER])
        triples.append(ox.Triple(mine.subject, ox.NamedNode(DCT_IDENTIFIER), theirs.object))
    elif kind == "drop-subject":
        triples = [t for t in triples if t.subject != pick.subject]
    elif kind == "change-type":
        typed = rng.choice([t for t in named if t.predicate.value == RDF_TYPE])
        other = rng.choice([t.object for t in everything if t.predicate.value == RDF_TYPE])
        triples[triples.index(typed)] = ox.Triple(typed.subject, typed.predicate, other)
    elif kind == "delete-file":
        path.unlink()
        return f"{kind} {path.name}"
    else:  # copy-subject: a new node that says what another says, in a new file
        copy = [ox.Triple(ox.NamedNode(pick.subject.value + "-copy"), t.predicate, t.object)
                for t in named if t.subject == pick.subject]
        rewrite(models / "added.ttl", copy)
        return f"{kind} {pick.subject.value}"
    rewrite(path, triples)
    return f"{kind} in {path.name}: {pick.subject.value}"
