"""Hostile and unusual model files: each is read within bounds or refused with file:line, exit 2.

Every fixture is generated here, small (the largest is the 16 MiB literal), and every run is
bounded: a file that would expand or recurse without end is refused before anything expands.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from eagraph.importers.archimate import ExchangeFileError, read_exchange
from eagraph.workspace import ModelSyntaxError, load
from eagraph.workspace.limits import MAX_MARKUP_NESTING, MAX_NESTING, MAX_TERM_BYTES
from helpers import write

PREFIX = "@prefix ex: <http://example.org/> .\n"
RDF_HEAD = ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">\n'
            '  <rdf:Description rdf:about="http://example.org/s"><ex:p>{body}</ex:p></rdf:Description>\n'
            '</rdf:RDF>\n')
SECRET = "TOP-SECRET-7f3a9c"


def laughs(levels: int, first: str = "") -> str:
    """A "billion laughs" DTD: each entity ten of the one before; ``first`` goes before them."""
    entities = ['<!ENTITY l0 "ha">'] + [f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, levels)]
    return '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ ' + first + " ".join(entities) + " ]>\n"


HOSTILE_XML = {
    # line of the refusal, the file
    "laughs.rdf": (2, laughs(9) + RDF_HEAD.format(body="&l8;")),
    # The bypass: after an undeclared parameter entity expat reports no more declarations.
    "undeclared.rdf": (2, laughs(9, "%undeclared; ") + RDF_HEAD.format(body="&l8;")),
    "external.rdf": (3, '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n <!ENTITY x SYSTEM "file://{secret}">\n]>\n'
                     + RDF_HEAD.format(body="&x;")),
    "undeclared-external.rdf": (2, '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ %undeclared; '
                                '<!ENTITY x SYSTEM "file://{secret}"> ]>\n' + RDF_HEAD.format(body="&x;")),
}


@pytest.fixture
def secret(tmp_path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET)
    return path


@pytest.mark.parametrize("name", sorted(HOSTILE_XML))
def test_rdfxml_with_entities_is_refused_at_its_line_and_nothing_expands(tmp_path, run, secret, name):
    line, text = HOSTILE_XML[name]
    write(tmp_path / "model", name, text.replace("{secret}", str(secret)))
    result = run("validate", tmp_path / "model", "--no-cache", "--format", "json")
    assert result.exit_code == 2, result.output
    [finding] = json.loads(result.stdout)["findings"]
    assert (finding["code"], finding["file"], finding["line"]) == ("EAG901", name, line)
    assert "XML entities" in finding["message"]
    assert SECRET not in result.output and "hahaha" not in result.output
    query = run("query", tmp_path / "model", "SELECT ?o WHERE { ?s ?p ?o }", "--no-cache")
    assert query.exit_code == 2 and SECRET not in query.output


@pytest.mark.parametrize("name", sorted(HOSTILE_XML))
def test_archimate_exchange_files_with_entities_are_refused(tmp_path, secret, name):
    line, text = HOSTILE_XML[name]
    model = text.replace("{secret}", str(secret)).split("<rdf:RDF")[0].replace("rdf:RDF", "model")
    path = tmp_path / "exchange.xml"
    path.write_text(model + '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m">'
                    '<name>&x;</name></model>\n')
    with pytest.raises(ExchangeFileError) as raised:
        read_exchange(path)
    assert f"exchange.xml:{line}:" in str(raised.value) and SECRET not in str(raised.value)


def test_a_literal_over_16_mib_is_refused_at_its_line_with_exit_2(tmp_path, run):
    write(tmp_path, "big.ttl", PREFIX + "\nex:s ex:p \"" + "a" * (MAX_TERM_BYTES + 1) + "\" .\n")
    write(tmp_path, "small.ttl", PREFIX + 'ex:t ex:p "fine" .\n')
    result = run("validate", tmp_path, "--no-cache")
    assert result.exit_code == 2
    assert result.stdout.startswith("big.ttl:3:11: error EAG901 a term of 16,777,219 bytes: eagraph reads literals "
                                    "and IRIs of at most 16 MiB")
    assert "Traceback" not in result.output
    assert len(result.output) < 1000  # the offending line is shown around its column, not 16 MiB of it


def nested(depth: int) -> str:
    return PREFIX + "ex:s ex:p " + "[ ex:p " * depth + "ex:o" + " ]" * depth + " .\n"


def test_nesting_up_to_the_limit_is_read_and_deeper_is_refused_at_its_line(tmp_path, run):
    write(tmp_path, "ok.ttl", nested(MAX_NESTING))
    assert str(load(tmp_path, cache=False).locate("http://example.org/s")) == "ok.ttl:2:1"
    write(tmp_path, "deep.ttl", nested(200))
    with pytest.raises(ModelSyntaxError) as raised:
        load(tmp_path, cache=False)  # Oxigraph would read it, but positions and fmt could not
    [problem] = raised.value.problems
    assert (problem.file, problem.line, problem.column) == ("deep.ttl", 2, 11 + 7 * MAX_NESTING)
    assert f"nested more than {MAX_NESTING} deep" in problem.message
    result = run("validate", tmp_path, "--no-cache")
    assert result.exit_code == 2 and result.stdout.startswith("deep.ttl:2:459: error EAG901 blank nodes and lists")


def test_brackets_in_strings_do_not_count_as_nesting(tmp_path):
    write(tmp_path, "strings.ttl", PREFIX + 'ex:s ex:p "' + "[" * 500 + '" .\n')
    assert load(tmp_path, cache=False, positions=True).triple_count == 1


def test_the_positional_parser_keeps_the_limit_where_the_load_estimate_misses_it(tmp_path):
    # Closing brackets in a string hide the depth from the estimate made at load: the positional
    # parser still refuses the file, cleanly, when a command asks where something is.
    write(tmp_path, "hidden.ttl", PREFIX + 'ex:t ex:p "' + "]" * 300 + '" .\n' + nested(100).split("\n", 1)[1])
    workspace = load(tmp_path, cache=False)
    with pytest.raises(ModelSyntaxError) as raised:
        workspace.locate("http://example.org/s")
    assert raised.value.problems[0].line == 3


DEEP_JSONLD = ('{"@context": {"ex": "http://example.org/"}, "@id": "ex:s",\n "ex:p": '
               + '{"ex:p": ' * 300 + '"x"' + "}" * 300 + "}\n")
DEEP_RDFXML = ('<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
               'xmlns:ex="http://example.org/">\n' + "<rdf:Description><ex:p>" * 150 + "x"
               + "</ex:p></rdf:Description>" * 150 + "</rdf:RDF>\n")


@pytest.mark.parametrize(("name", "text", "what"), [
    ("deep.jsonld", DEEP_JSONLD, "2:2305: error EAG901 objects and arrays"),  # Oxigraph's JSON-LD parser crashes at 5,000
    ("deep.rdf", DEEP_RDFXML, "3:2939: error EAG901 elements"),  # and its RDF/XML parser takes minutes at 100,000
])
def test_deep_json_ld_and_rdf_xml_are_refused_before_oxigraph_reads_them(tmp_path, run, name, text, what):
    write(tmp_path, name, text)
    result = run("validate", tmp_path, "--no-cache")
    assert result.exit_code == 2
    assert result.stdout.startswith(f"{name}:{what} nested more than {MAX_MARKUP_NESTING} deep")


@pytest.mark.parametrize("opening", ["[ ex:p ", "( "])
def test_fmt_refuses_deep_nesting_with_file_and_line_not_a_traceback(tmp_path, run, opening):
    closing = " ]" if opening.startswith("[") else " )"
    text = PREFIX + "ex:s ex:p " + opening * 300 + "ex:o" + closing * 300 + " .\n"
    write(tmp_path, "deep.ttl", text)
    result = run("fmt", tmp_path / "deep.ttl")
    assert result.exit_code == 2, result.output
    assert "deep.ttl:2:" in result.stderr and f"nested more than {MAX_NESTING} deep" in result.stderr
    assert (tmp_path / "deep.ttl").read_text() == text  # left as it was


def test_fmt_writes_a_long_chain_of_blank_nodes_within_the_nesting_limit(tmp_path, run):
    # Labelled blank nodes used once each: the formatter nests them, but never deeper than it reads.
    chain = "".join(f"_:n{i} ex:p _:n{i + 1} .\n" for i in range(300))
    write(tmp_path, "chain.ttl", PREFIX + "ex:s ex:p _:n0 .\n" + chain)
    result = run("fmt", tmp_path / "chain.ttl")
    assert result.exit_code == 0, result.output
    formatted = (tmp_path / "chain.ttl").read_text()
    assert formatted.count("[") <= 300 and "_:b" in formatted  # nested, then labelled at the limit
    assert load(tmp_path, cache=False, positions=True).triple_count == 301
    assert run("fmt", "--check", tmp_path / "chain.ttl").exit_code == 0  # stable


def test_a_byte_order_mark_is_read_by_every_reader(tmp_path, run):
    (tmp_path / "bom.ttl").write_bytes(b"\xef\xbb\xbf" + (PREFIX + 'ex:s ex:p "x" .\n').encode())
    workspace = load(tmp_path, cache=False)
    assert workspace.triple_count == 1
    assert str(workspace.locate("http://example.org/s")) == "bom.ttl:2:1"
    assert run("validate", tmp_path, "--no-cache").exit_code == 0
    assert run("fmt", tmp_path).exit_code == 0
    assert (tmp_path / "bom.ttl").read_bytes().startswith(b"@prefix")  # fmt drops it


# Unreadable folders and files ----------------------------------------------------------------


def model_with_folders(tmp_path: Path) -> Path:
    write(tmp_path, "a.ttl", PREFIX + 'ex:a ex:p "a" .\n')
    write(tmp_path, "sub/b.ttl", PREFIX + 'ex:b ex:p "b" .\n')
    write(tmp_path, "sub/deeper/c.ttl", PREFIX + 'ex:c ex:p "c" .\n')
    return tmp_path


def test_an_unreadable_folder_is_an_error_naming_it(tmp_path, run, monkeypatch):
    model_with_folders(tmp_path)
    real_scandir = os.scandir

    def scandir(path):
        if Path(path).name == "sub":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)  # works as root too, where chmod does not
    with pytest.raises(ModelSyntaxError) as raised:
        load(tmp_path, cache=False)
    assert [(p.file, p.message) for p in raised.value.problems] == [
        ("sub/", "cannot read the folder: Permission denied")]
    result = run("validate", tmp_path, "--no-cache")
    assert result.exit_code == 2
    assert "sub/: error EAG902 cannot read the folder: Permission denied" in result.stdout
    info = run("info", tmp_path, "--no-cache")
    assert info.exit_code == 2
    assert info.stderr.splitlines()[-2:] == ["sub/: error: cannot read the folder: Permission denied",
                                             "1 unreadable folder"]


def test_an_unreadable_file_is_an_error_naming_it(tmp_path, run, monkeypatch):
    model_with_folders(tmp_path)
    real_read_bytes = Path.read_bytes

    def read_bytes(path):
        if path.name == "b.ttl":
            raise PermissionError(13, "Permission denied", str(path))
        return real_read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = run("validate", tmp_path, "--no-cache")
    assert result.exit_code == 2
    assert "sub/b.ttl: error EAG902 cannot read: Permission denied" in result.stdout


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads every folder")
def test_a_folder_without_permissions_is_an_error_naming_it(tmp_path):
    model_with_folders(tmp_path)
    (tmp_path / "sub").chmod(0)
    try:
        with pytest.raises(ModelSyntaxError) as raised:
            load(tmp_path, cache=False)
        assert [p.file for p in raised.value.problems] == ["sub/"]
    finally:
        (tmp_path / "sub").chmod(0o755)


def test_an_excluded_unreadable_folder_is_not_an_error(tmp_path, monkeypatch):
    model_with_folders(tmp_path)
    write(tmp_path, "eagraph.toml", '[model]\nexclude = ["sub/**"]\n')
    monkeypatch.setattr(os, "scandir", _refusing("sub"))
    assert [f.relpath for f in load(tmp_path, cache=False).files] == ["a.ttl"]


def test_exclude_keeps_its_meaning_for_files(tmp_path):
    model_with_folders(tmp_path)
    write(tmp_path, "eagraph.toml", '[model]\nexclude = ["sub", "**/c.ttl"]\n')  # "sub" names no file
    assert [f.relpath for f in load(tmp_path, cache=False).files] == ["a.ttl", "sub/b.ttl"]


def _refusing(name: str):
    real_scandir = os.scandir

    def scandir(path):
        if Path(path).name == name:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    return scandir


def test_symlink_loops_and_links_to_nothing(tmp_path):
    model_with_folders(tmp_path)
    (tmp_path / "sub" / "loop").symlink_to("..")  # a loop: links to folders are not followed
    (tmp_path / "self").symlink_to(tmp_path)
    (tmp_path / "linked.ttl").symlink_to(tmp_path / "a.ttl")  # a link to a file is read
    (tmp_path / "gone.ttl").symlink_to(tmp_path / "nowhere.ttl")
    with pytest.raises(ModelSyntaxError) as raised:
        load(tmp_path, cache=False)
    assert [(p.file, p.line, p.message) for p in raised.value.problems] == [
        ("gone.ttl", 0, "cannot read: a symbolic link to nothing")]
    (tmp_path / "gone.ttl").unlink()
    assert [f.relpath for f in load(tmp_path, cache=False).files] == [
        "a.ttl", "linked.ttl", "sub/b.ttl", "sub/deeper/c.ttl"]


def test_a_link_to_a_file_outside_the_model_is_not_read(tmp_path, run):
    """A pull request adding ``x.ttl -> ~/.netrc`` must not make CI print the secret's first line."""
    secret = tmp_path / "home" / ".netrc"
    write(secret.parent, secret.name, "machine example.org login me password hunter2\n")
    model = tmp_path / "model"
    model_with_folders(model)
    (model / "x.ttl").symlink_to(secret)
    result = run("validate", model)
    assert result.exit_code == 2
    assert "x.ttl" in result.output and "outside the model's repository" in result.output
    assert "hunter2" not in result.output and "machine" not in result.output
    (model / "x.ttl").unlink()
    (model / "y.ttl").symlink_to(model / "a.ttl")  # a link inside the model is read as before
    assert "y.ttl" in [f.relpath for f in load(model, cache=False).files]


def test_blank_node_names_follow_any_chain_without_recursion():
    """diff, merge, publish and the exports name blank nodes by what they say, nested ones
    included: a chain of labelled blank nodes is as long as a file makes it."""
    from eagraph.workspace.blanks import blank_names

    chain = [(f"_:n{i}", "<p>", f"_:n{i + 1}") for i in range(5000)] + [("_:n5000", "<p>", '"end"')]
    names = blank_names(chain)
    assert len(names) == 5001 and len(set(names.values())) == 5001
    assert blank_names(list(reversed(chain))) == names  # by what they say, not by order
    cycle = blank_names([("_:a", "<p>", "_:b"), ("_:b", "<p>", "_:a"), ("_:a", "<q>", "_:empty")])
    assert set(cycle) == {"_:a", "_:b", "_:empty"} and len(set(cycle.values())) == 3  # a cycle is cut


def test_publish_with_an_unreadable_folder_stops_before_it_touches_the_server(tmp_path, run, monkeypatch):
    """The folder's graphs would have been removed from the server as if its files were deleted."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    requests = []

    class Recorder(BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(500)
            self.end_headers()

        do_POST = do_PUT = do_DELETE = do_GET

        def log_message(self, *_args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.timeout = 5
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        model_with_folders(tmp_path)
        monkeypatch.setattr(os, "scandir", _refusing("sub"))
        result = run("publish", tmp_path, "--endpoint", f"http://127.0.0.1:{server.server_address[1]}",
                     "--timeout", "5")
    finally:
        server.shutdown()
        server.server_close()
    assert result.exit_code == 2
    assert "sub/: error: cannot read the folder: Permission denied" in result.stderr
    assert requests == []
