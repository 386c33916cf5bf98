"""SHACL compiled to SPARQL, run over the workspace's Oxigraph store.

pyshacl walks the data graph node by node in Python, which takes minutes at a million triples
once SPARQL constraints are involved. Here every constraint of every shape becomes one SPARQL
SELECT that returns exactly the violating focus nodes (and values), evaluated in Rust. The
supported subset is SHACL Core's value-type, cardinality, value-range, string, language,
property-pair-free constraints and SHACL-SPARQL's SELECT constraints; a shape using anything
else is refused with a message naming it, never silently skipped. A differential test checks
that the results equal pyshacl's on a model full of violations.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import rdflib
from rdflib import Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD

from eagraph.findings import MESSAGE_LANGUAGES

from .messages import default_messages
from .shape_reader import EAG_NS, LANGUAGE_SHAPE, ShapesError

RULE_CODE = EAG_NS.ruleCode

SUPPORTED_TARGETS = {SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf}
UNSUPPORTED = {SH["or"], SH["and"], SH["not"], SH.xone, SH.node, SH.closed, SH.equals, SH.disjoint,
               SH.lessThan, SH.lessThanOrEquals, SH.zeroOrMorePath, SH.oneOrMorePath, SH.zeroOrOnePath}
# Casts SPARQL can do, used to find ill-formed literals of these datatypes (as SHACL requires).
CASTABLE = {XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.boolean, XSD.dateTime, XSD.date,
            XSD.string}


@dataclass(frozen=True)
class Constraint:
    """One compiled constraint: a query whose rows (?this, ?value) are its results."""

    shape: rdflib.term.Node  # the shape that declares it (sh:sourceShape)
    component: URIRef  # sh:sourceConstraintComponent
    query: str
    severity: URIRef
    path: URIRef | None  # a predicate path, for the finding; None for node-level or complex paths
    path_sparql: str | None
    messages: dict[str, str] = field(default_factory=dict)
    language: str | None = None  # set on shapes expanded for one required language
    code: str | None = None  # the shape's eag:ruleCode, where it has one

    @property
    def selects_value(self) -> bool:
        return "?value" in self.query[: self.query.index("WHERE")]

    @property
    def selects_path(self) -> bool:
        """A SPARQL constraint that names the property of each result (SHACL's ``?path``)."""
        return "?path" in self.query[: self.query.index("WHERE")]


def _term(node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        return node.n3()
    raise ShapesError(f"a blank node cannot be used as a value in a compiled constraint: {node}")


def _list(shapes: rdflib.Graph, head) -> list:
    return list(Collection(shapes, head))


def _shape_name(shape) -> str:
    return f"<{shape}>" if isinstance(shape, URIRef) else f"blank node shape {shape}"


class Compiler:
    """Compiles the shapes of one shapes graph; ``classes`` gives each class and its subclasses."""

    def __init__(self, shapes: rdflib.Graph, subclasses: dict[str, set[str]], focus: frozenset[str] | None = None):
        self.shapes = shapes
        self.subclasses = subclasses
        # Only these focus nodes (IRIs), for --changed-since: results for them are unchanged.
        self.focus = " ".join(f"<{iri}>" for iri in sorted(focus)) if focus else None

    # Targets ---------------------------------------------------------------------------------
    def _class_values(self, cls) -> str:
        members = sorted(self.subclasses.get(str(cls), set()) | {str(cls)})
        return " ".join(f"<{m}>" for m in members)

    def _target_parts(self, shape) -> list[str]:
        """One graph pattern per kind of target, each binding ?this to the shape's focus nodes."""
        parts = []
        g = self.shapes
        classes = list(g.objects(shape, SH.targetClass))
        if (shape, RDF.type, RDFS.Class) in g or (shape, RDF.type, rdflib.OWL.Class) in g:
            classes.append(shape)
        if classes:
            members = " ".join(sorted({self._class_values(c) for c in classes}))
            parts.append(f"VALUES ?targetClass {{ {members} }} ?this a ?targetClass .")
        nodes = list(g.objects(shape, SH.targetNode))
        if nodes:
            parts.append("VALUES ?this { " + " ".join(_term(n) for n in nodes) + " }")
        for predicate, pattern in ((SH.targetSubjectsOf, "?this ?targetPredicate ?targetObject ."),
                                   (SH.targetObjectsOf, "?targetSubject ?targetPredicate ?this .")):
            properties = sorted(f"<{p}>" for p in g.objects(shape, predicate))
            if len(properties) == 1:
                parts.append(pattern.replace("?targetPredicate", properties[0]))
            elif properties:
                # VALUES, not FILTER(?targetPredicate IN (...)): one index lookup per property, where
                # the filter reads every statement of the node (EAG090's 38 properties: 3x slower)
                parts.append(f"VALUES ?targetPredicate {{ {' '.join(properties)} }} {pattern}")
        return parts

    def target_pattern(self, shape) -> str | None:
        """The focus nodes as a sub-select to start a query from (for core constraints); the instances
        of one class (no subclass, no other target) as a plain pattern instead, which Oxigraph joins
        with what follows without making the list first (a fifth of each such constraint's time at
        10,000 services). Every compiled query selects DISTINCT rows and counts DISTINCT values,
        so a focus node typed so in two files, met twice, changes nothing."""
        parts = self._target_parts(shape)
        if not parts:
            return None
        single = self._single_class(parts)
        if single is not None and not self.focus:
            return f"?this a {single} ."
        restrict = f" VALUES ?this {{ {self.focus} }}" if self.focus else ""
        return " UNION ".join("{ SELECT DISTINCT ?this WHERE { " + p + restrict + " } }" for p in parts)

    @staticmethod
    def _single_class(parts: list[str]) -> str | None:
        """The class, when ``parts`` (:meth:`_target_parts`) are the instances of one class alone."""
        if len(parts) != 1 or not parts[0].startswith("VALUES ?targetClass { <"):
            return None
        members = parts[0][len("VALUES ?targetClass { "):parts[0].index(" }")]
        return members if " " not in members else None

    def _implied(self, shape, path) -> bool:
        """Whether every node with a value on ``path`` is a focus node of ``shape`` (its one target is
        ``sh:targetSubjectsOf`` that property, no focus restriction): a test of those values then
        needs no target (EAG093, EAG094 on dct:identifier: the subjects listed, then read again)."""
        return (isinstance(path, URIRef) and not self.focus
                and self._target_parts(shape) == [f"?this <{path}> ?targetObject ."])

    def target_condition(self, shape) -> str:
        """The focus nodes as a condition on an already bound ?this (for SPARQL constraints, whose
        own patterns find candidates far faster than a join with every focus node would)."""
        parts = self._target_parts(shape)
        restrict = f"VALUES ?this {{ {self.focus} }} " if self.focus else ""
        return restrict + "FILTER EXISTS { " + " UNION ".join("{ " + p + " }" for p in parts) + " }"

    # Paths -------------------------------------------------------------------------------------
    def path_sparql(self, path) -> str:
        g = self.shapes
        if isinstance(path, URIRef):
            return f"<{path}>"
        inverse = g.value(path, SH.inversePath)
        if inverse is not None:
            return f"^({self.path_sparql(inverse)})"
        alternatives = g.value(path, SH.alternativePath)
        if alternatives is not None:
            return "(" + "|".join(self.path_sparql(p) for p in _list(g, alternatives)) + ")"
        if (path, RDF.first, None) in g:
            return "(" + "/".join(self.path_sparql(p) for p in _list(g, path)) + ")"
        raise ShapesError(f"unsupported sh:path form in the shapes: {path}")

    # Shapes ------------------------------------------------------------------------------------
    def compile(self) -> list[Constraint]:
        g = self.shapes
        constraints: list[Constraint] = []
        node_shapes = set(g.subjects(RDF.type, SH.NodeShape)) | {
            s for p in SUPPORTED_TARGETS for s in g.subjects(p, None)} | set(g.subjects(SH.property, None))
        node_shapes -= set(g.subjects(SH.path, None))
        for shape in sorted(node_shapes, key=str):
            if (shape, SH.deactivated, Literal(True)) in g:
                continue
            target = self.target_pattern(shape)
            if target is None:
                continue  # a shape only referenced from others; eagraph does not run those
            self._refuse_unsupported(shape)
            constraints += self._node_constraints(shape, target)
            for prop in g.objects(shape, SH.property):
                if (prop, SH.deactivated, Literal(True)) in g:
                    continue
                self._refuse_unsupported(prop)
                constraints += self._property_constraints(prop, target, shape)
        for prop in sorted(set(g.subjects(SH.path, None)), key=str):  # property shapes with own targets
            own = self.target_pattern(prop)
            if own is not None:
                self._refuse_unsupported(prop)
                constraints += self._property_constraints(prop, own, prop)
        return constraints

    def _refuse_unsupported(self, shape) -> None:
        used = {p for p in self.shapes.predicates(shape, None)} & UNSUPPORTED
        if self.shapes.value(shape, SH.closed) == Literal(False):
            used.discard(SH.closed)  # "not closed" is SHACL's default: nothing to check
        if used:
            names = ", ".join(sorted(str(p).replace(str(SH), "sh:") for p in used))
            raise ShapesError(f"{_shape_name(shape)} uses {names}, which eagraph's validator does not support")

    def _messages(self, shape) -> dict[str, str]:
        """The shape's messages by language, in one order (the graph gives them in an order that
        changes from run to run, and reports must not)."""
        messages = {message.language or "en": str(message) for message in self.shapes.objects(shape, SH.message)}
        return {language: messages[language] for language in sorted(messages, key=_language_order)}

    def _make(self, shape, component, body: str, path=None, path_sparql=None, select="?this ?value") -> Constraint:
        severity = self.shapes.value(shape, SH.severity) or SH.Violation
        language = self.shapes.value(shape, LANGUAGE_SHAPE)
        query = f"SELECT DISTINCT {select} WHERE {{ {body} }}"
        code = self.shapes.value(shape, RULE_CODE)
        messages = self._messages(shape) or default_messages(self.shapes, shape, component, path)
        return Constraint(shape, component, query, severity, path if isinstance(path, URIRef) else None,
                          path_sparql, messages, str(language) if language else None,
                          str(code) if code is not None else None)

    # Node-level constraints (the focus node is the value node).
    def _node_constraints(self, shape, target: str) -> list[Constraint]:
        out = [self._make(shape, component, f"{target} BIND(?this AS ?value) {test}")
               for component, test in self._value_tests(shape, "?value")]
        out += self._sparql_constraints(shape, target, None)
        return out

    def _property_constraints(self, prop, target: str, parent) -> list[Constraint]:
        g = self.shapes
        path = g.value(prop, SH.path)
        ps = self.path_sparql(path)
        out = []
        values_target = "" if self._implied(parent, path) else target
        for component, test in self._value_tests(prop, "?value"):
            out.append(self._make(prop, component, f"{values_target} ?this {ps} ?value . {test}", path, ps))
        min_count = g.value(prop, SH.minCount)
        if min_count is not None:
            n = int(min_count)
            if n == 1:
                body = f"{target} FILTER NOT EXISTS {{ ?this {ps} ?any }}"
            else:
                body = (f"{{ SELECT ?this (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {target} OPTIONAL {{ ?this {ps} ?v }} }}"
                        f" GROUP BY ?this }} FILTER(?n < {n})")
            if n > 0:
                out.append(self._make(prop, SH.MinCountConstraintComponent, body, path, ps, "?this"))
        max_count = g.value(prop, SH.maxCount)
        if max_count is not None:
            body = (f"{{ SELECT ?this (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {target} ?this {ps} ?v }} GROUP BY ?this }}"
                    f" FILTER(?n > {int(max_count)})")
            out.append(self._make(prop, SH.MaxCountConstraintComponent, body, path, ps, "?this"))
        has_value = g.value(prop, SH.hasValue)
        if has_value is not None:
            body = f"{target} FILTER NOT EXISTS {{ ?this {ps} {_term(has_value)} }}"
            out.append(self._make(prop, SH.HasValueConstraintComponent, body, path, ps, "?this"))
        if g.value(prop, SH.uniqueLang) == Literal(True):
            body = (f"{target} ?this {ps} ?value . ?this {ps} ?other . "
                    "FILTER(?value != ?other && LANG(?value) != \"\" && LANG(?value) = LANG(?other))")
            out.append(self._make(prop, SH.UniqueLangConstraintComponent, body, path, ps,
                                  "?this (LANG(?value) AS ?lang)"))
        qualified = g.value(prop, SH.qualifiedValueShape)
        if qualified is not None:
            out.append(self._qualified(prop, qualified, target, path, ps))
        out += self._sparql_constraints(prop, target, ps)
        return out

    def _qualified(self, prop, inner, target: str, path, ps: str) -> Constraint:
        g = self.shapes
        tests = self._value_tests(inner, "?q")
        if not tests or set(g.predicates(inner, None)) - {
                SH.languageIn, SH["class"], SH.datatype, SH.nodeKind, SH.pattern, SH.flags, RDF.type}:
            raise ShapesError(f"{_shape_name(prop)}: sh:qualifiedValueShape supports only simple value tests")
        conforms = " ".join(test.replace("FILTER(", "FILTER(!(", 1) + ")" if test.startswith("FILTER(") else
                            test.replace("FILTER NOT EXISTS", "FILTER EXISTS", 1) for _, test in tests)
        minimum = g.value(prop, SH.qualifiedMinCount)
        maximum = g.value(prop, SH.qualifiedMaxCount)
        count = f"{{ SELECT ?this (COUNT(DISTINCT ?q) AS ?n) WHERE {{ {target} OPTIONAL {{ ?this {ps} ?q . {conforms} }} }} GROUP BY ?this }}"
        if minimum is not None:
            return self._make(prop, SH.QualifiedMinCountConstraintComponent, f"{count} FILTER(?n < {int(minimum)})",
                              path, ps, "?this")
        if maximum is not None:
            return self._make(prop, SH.QualifiedMaxCountConstraintComponent, f"{count} FILTER(?n > {int(maximum)})",
                              path, ps, "?this")
        raise ShapesError(f"{_shape_name(prop)}: sh:qualifiedValueShape without a qualified count")

    def _value_tests(self, shape, v: str) -> list[tuple[URIRef, str]]:
        """(component, FILTER that keeps the values that violate it) for each value-level constraint."""
        g = self.shapes
        tests = []
        for cls in g.objects(shape, SH["class"]):
            members = self._class_values(cls)  # one class (no subclass): asked as it is, not joined with a list
            typed = f"{v} a {members}" if " " not in members else f"VALUES ?class {{ {members} }} {v} a ?class"
            tests.append((SH.ClassConstraintComponent, f"FILTER NOT EXISTS {{ {typed} }}"))
        datatype = g.value(shape, SH.datatype)
        if datatype is not None:
            ill_formed = ""
            if datatype in CASTABLE and datatype != XSD.string:
                ill_formed = f" || !COALESCE(sameTerm(<{datatype}>(STR({v})), <{datatype}>(STR({v}))), false)"
            tests.append((SH.DatatypeConstraintComponent,
                          f"FILTER(!isLiteral({v}) || DATATYPE({v}) != <{datatype}>{ill_formed})"))
        kind = g.value(shape, SH.nodeKind)
        if kind is not None:
            allowed = {SH.IRI: "isIRI({v})", SH.BlankNode: "isBlank({v})", SH.Literal: "isLiteral({v})",
                       SH.BlankNodeOrIRI: "(isIRI({v}) || isBlank({v}))",
                       SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
                       SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))"}[kind].format(v=v)
            tests.append((SH.NodeKindConstraintComponent, f"FILTER(!{allowed})"))
        members = g.value(shape, SH["in"])
        if members is not None:
            same = " || ".join(f"sameTerm({v}, {_term(m)})" for m in _list(g, members)) or "false"
            tests.append((SH.InConstraintComponent, f"FILTER(!({same}))"))
        pattern = g.value(shape, SH.pattern)
        if pattern is not None:
            flags = g.value(shape, SH.flags)
            args = f'{Literal(str(pattern)).n3()}' + (f', {Literal(str(flags)).n3()}' if flags else "")
            tests.append((SH.PatternConstraintComponent, f"FILTER(isBlank({v}) || !REGEX(STR({v}), {args}))"))
        languages = g.value(shape, SH.languageIn)
        if languages is not None:
            ok = " || ".join(f'langMatches(LANG({v}), "{lang}")' for lang in _list(g, languages)) or "false"
            tests.append((SH.LanguageInConstraintComponent, f"FILTER(!isLiteral({v}) || !({ok}))"))
        for predicate, component, op in ((SH.minInclusive, SH.MinInclusiveConstraintComponent, ">="),
                                         (SH.maxInclusive, SH.MaxInclusiveConstraintComponent, "<="),
                                         (SH.minExclusive, SH.MinExclusiveConstraintComponent, ">"),
                                         (SH.maxExclusive, SH.MaxExclusiveConstraintComponent, "<")):
            bound = g.value(shape, predicate)
            if bound is not None:
                tests.append((component, f"FILTER(!COALESCE({v} {op} {_term(bound)}, false))"))
        for predicate, component, op in ((SH.minLength, SH.MinLengthConstraintComponent, ">="),
                                         (SH.maxLength, SH.MaxLengthConstraintComponent, "<=")):
            bound = g.value(shape, predicate)
            if bound is not None:
                tests.append((component, f"FILTER(isBlank({v}) || !(STRLEN(STR({v})) {op} {int(bound)}))"))
        return tests

    def _sparql_constraints(self, shape, target: str, ps: str | None) -> list[Constraint]:
        g = self.shapes
        out = []
        for constraint in g.objects(shape, SH.sparql):
            if g.value(constraint, SH.deactivated) == Literal(True):
                continue
            select = g.value(constraint, SH.select)
            if select is None:
                raise ShapesError(f"{_shape_name(shape)}: a SPARQL constraint without sh:select")
            prefixes = self._prefixes(constraint)
            text = str(select).replace("$this", "?this").replace("$PATH", ps or "")
            where = text[text.index("{", text.upper().index("WHERE")) :].strip()
            head = text[: text.upper().index("WHERE")]
            selected = ("?value" if "?value" in head else "(?this AS ?value)") + (" ?path" if "?path" in head else "")
            # SHACL pre-binds $this to each focus node; here the constraint's own patterns find the
            # candidates and the target is checked on each, which Oxigraph does far faster than a
            # join of the body with every focus node.
            body = f"{where[1:where.rindex('}')]} {self.target_condition(shape)}"
            made = self._make(shape, SH.SPARQLConstraintComponent, body, g.value(shape, SH.path), ps,
                              f"?this {selected}")
            messages = self._messages(constraint) or made.messages
            out.append(replace(made, query=prefixes + made.query, messages=messages))
        return out

    def _prefixes(self, constraint) -> str:
        g = self.shapes
        lines = []
        for source in g.objects(constraint, SH.prefixes):
            for declaration in g.objects(source, SH.declare):
                prefix, namespace = g.value(declaration, SH.prefix), g.value(declaration, SH.namespace)
                lines.append(f"PREFIX {prefix}: <{namespace}>")
        return "\n".join(lines) + "\n" if lines else ""


def _language_order(language: str) -> tuple[int, str]:
    """The languages of findings' messages first, in their order, then any other alphabetically."""
    return (MESSAGE_LANGUAGES.index(language) if language in MESSAGE_LANGUAGES else len(MESSAGE_LANGUAGES), language)


def class_hierarchy(rows: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """Each class and all its (transitive) subclasses, from (subclass, superclass) pairs."""
    direct: dict[str, set[str]] = {}
    for sub, sup in rows:
        direct.setdefault(sup, set()).add(sub)
    closure: dict[str, set[str]] = {}
    for cls in direct:
        seen, stack = set(), [cls]
        while stack:
            for sub in direct.get(stack.pop(), ()):
                if sub not in seen:
                    seen.add(sub)
                    stack.append(sub)
        closure[cls] = seen
    return closure

