"""`eagraph site build` as a reader and a publisher rely on it: every language, model text shown
literally, missing translations marked, diagrams linking to pages, and output replaced only by a
build that succeeded. (The browser tests are in test_site_browser.py.)"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from markupsafe import escape

from eagraph.generators.site import SiteOptions
from eagraph.workspace import load
from helpers import PREFIXES, example_model_history, write
from site_support import render_site as build_site

TRICKY = '<script>alert(1)</script> *stars* {{ 7*7 }} [link](http://evil.example) &amp;'
MODEL = PREFIXES + f"""
ex:fin a cv:PublicOrganisation ; skos:prefLabel "FOD Financiën"@nl , "SPF Finances"@fr ;
    dct:identifier "0308357159" ; eag:governmentLevel eag:Federal .
ex:tricky a cpsv:PublicService ; dct:identifier "T-1" ;
    dct:title {TRICKY!r}@nl , {TRICKY!r}@fr ;
    dct:description "Regel één.\\n\\n<b>Regel</b> twee."@nl , "Ligne un."@fr ;
    cv:hasCompetentAuthority ex:fin ; dct:type eag:Information ; cv:isGroupedBy ex:moving .
ex:dutch-only a cpsv:PublicService ; dct:identifier "T-2" ;
    dct:title "Alleen Nederlands"@nl ; dct:description "Enkel in het Nederlands."@nl ;
    cv:hasCompetentAuthority ex:fin ; dct:type eag:Entitlement ; eag:grantingMode eag:OnRequest ;
    cv:isGroupedBy ex:moving .
ex:moving a cv:LifeEvent ; dct:title "Verhuizen"@nl , "Déménager"@fr .
"""


@pytest.fixture(scope="module")
def example_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("example")
    out = root / "site"
    result = build_site(load(example_model_history(root / "repo")), out, SiteOptions(languages=("nl", "fr")))
    return out, result


@pytest.fixture(scope="module")
def tricky_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("tricky")
    write(root, "model/model.ttl", MODEL)
    out = root / "site"
    build_site(load(root / "model"), out, SiteOptions(languages=("nl", "fr")))
    return out


def page(out, path: str) -> str:
    return (out / path).read_text(encoding="utf-8")


def test_one_site_per_language_and_a_redirect_at_the_top(example_site):
    out, result = example_site
    assert result.languages == ("nl", "fr")
    assert 'url=nl/index.html' in page(out, "index.html")
    for language in ("nl", "fr"):
        home = page(out, f"{language}/index.html")
        assert f'<html lang="{language}"' in home
        # the dashboard's five charts, and six over the last commits (the model is kept in git)
        assert home.count('class="eag-chart"') == 5 + 6 and home.count("<polyline") == 6
        for section in ("services", "authorities", "events", "sources", "regulations", "concepts", "processes",
                        "applications", "capabilities"):
            assert (out / language / section / "index.html").is_file(), section
        for name in ("one-stop-shop", "findings", "validation", "rules"):
            assert (out / language / f"{name}.html").is_file(), name
    assert "Juridische tweedelijnsbijstand" in page(out, "nl/services/legal-aid.html")
    assert "Aide juridique de deuxième ligne" in page(out, "fr/services/legal-aid.html")


def test_language_switcher_leads_to_the_same_page_in_the_other_language(example_site):
    out, _ = example_site
    html = page(out, "nl/services/legal-aid.html")
    switch = re.search(r'<a href="([^"]+)" hreflang="fr"', html)
    assert switch and switch.group(1) == "../../fr/services/legal-aid.html"
    assert (out / "nl/services" / switch.group(1)).resolve().is_file()


def test_service_page_shows_what_to_supply_and_its_findings(example_site):
    out, _ = example_site
    html = page(out, "nl/services/legal-aid.html")
    supply = html.split("Wat de burger moet aanleveren")[1].split("<h2")[0]
    assert "Attest van gezinssamenstelling" in supply
    findings = html.split("Bevindingen")[-1]
    # Kinds named for a reader in the page's language; the contract's code stays as the tooltip.
    assert '<span title="certificate-loop">Attest van een andere overheid</span>' in findings
    assert '<span title="only-once-violation">Schending van het only-onceprincipe</span>' in findings


def test_diagram_nodes_link_to_existing_pages(example_site):
    out, _ = example_site
    html = page(out, "nl/services/legal-aid.html")
    figure = html.split('<figure class="eag-diagram">')[1].split("</figure>")[0]
    targets = re.findall(r'xlink:href="([^"]+)"', figure)
    assert "../authorities/justice.html" in targets
    assert all((out / "nl/services" / target).resolve().is_file() for target in targets)


def test_model_text_is_shown_literally_never_run(tricky_site):
    html = page(tricky_site, "nl/services/tricky.html")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "*stars*" in html and "<em>stars</em>" not in html
    assert "{{ 7*7 }}" in html and ">49<" not in html
    assert 'href="http://evil.example"' not in html
    assert "&amp;amp;" in html  # the entity is text, shown as typed
    assert "&lt;b&gt;Regel&lt;/b&gt; twee." in html  # a description paragraph, escaped
    title = re.search(r"<title>(.*?)</title>", html).group(1)
    assert "<script>" not in title and "&lt;script&gt;" in title


HOSTILE_TITLE = 'EA <img src=x onerror=alert(1)> *em* [l](http://evil.example): x\nkey: v # c & "q"'
HOSTILE_LABEL = '<img src=y onerror=alert(2)> **bold**'


@pytest.fixture(scope="module")
def hostile_title_site(tmp_path_factory):
    """A pull request's eagraph.toml and model with markup in the site's title and in a label."""
    root = tmp_path_factory.mktemp("hostile")
    write(root, "model/eagraph.toml", f"[site]\ntitle = {json.dumps(HOSTILE_TITLE)}\n")
    write(root, "model/model.ttl", MODEL.replace('"FOD Financiën"@nl', f"{HOSTILE_LABEL!r}@nl"))
    out = root / "site"
    build_site(load(root / "model"), out, SiteOptions(languages=("nl",)), trend_commits=0)
    return out


def test_the_site_title_and_labels_are_text_on_every_page(hostile_title_site):
    """The title of eagraph.toml reaches the header, the <title> and the redirect page escaped once:
    no element is made of it, no Markdown is applied, and it is not escaped twice."""
    escaped_title = str(escape(HOSTILE_TITLE))
    pages = sorted(hostile_title_site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert "<img src=x" not in html and "<img src=y" not in html, path
        assert "&amp;lt;" not in html and "&amp;#34;" not in html, path  # escaped once, not twice
        assert "<em>em</em>" not in html and "<strong>bold</strong>" not in html, path
        assert 'href="http://evil.example"' not in html, path
    for name in ("index.html", "nl/index.html", "nl/services/tricky.html", "nl/404.html"):
        title = re.search(r"<title>(.*?)</title>", page(hostile_title_site, name), flags=re.S).group(1)
        assert escaped_title in title, name
    header = page(hostile_title_site, "nl/index.html").split('class="md-header__topic"')[1]
    assert escaped_title in header
    authority = page(hostile_title_site, "nl/authorities/fin.html")
    assert "&lt;img src=y onerror=alert(2)&gt; **bold**" in authority


def test_mkdocs_config_keeps_the_title_as_one_string():
    """A title with ': ', '#' or a line break is one YAML string, not more keys."""
    import yaml

    from eagraph.generators.site.build import mkdocs_config

    config = yaml.safe_load(mkdocs_config("nl", ("nl",), HOSTILE_TITLE, Path("/tmp/site")))
    assert config["site_name"] == str(escape(HOSTILE_TITLE)) and "key" not in config


def test_the_findings_page_shows_what_each_kind_could_see_as_the_check_found_it(tricky_site):
    """The table of what the analyses could see is the check's coverage, as ``eagraph analyze`` reports
    it: each kind with how many of the things it reads carry what it needs."""
    from eagraph.check import ALL_UNLOCATED, check

    coverage = check(load(tricky_site.parent / "model"), ALL_UNLOCATED).coverage
    table = page(tricky_site, "nl/findings.html").split('class="eag-table eag-coverage"', 1)[1].split("</table>")[0]
    assert len(coverage) > 5 and table.count("<tr>") == len(coverage) + 1
    for seen in coverage:
        assert f"{seen.have} / {seen.total} {html.escape(seen.unit, quote=False)}" in table, seen


def test_the_dutch_site_speaks_dutch_and_counts_right(example_site):
    """Every interface word is Dutch, and a count of one takes the singular in the charts' words."""
    out, _ = example_site
    home = page(out, "nl/index.html")
    assert "Capabilities" not in home and "Capaciteiten" in home
    assert not re.search(r"\b1 (vereenvoudigingskandidaten|only-onceschendingen|diensten)\b", home)
    assert re.search(r"\b1 vereenvoudigingskandidaat\b", home)
    assert not re.search(r"\b1 (candidats|violations|services)\b", page(out, "fr/index.html"))


def test_missing_translation_shows_the_other_language_marked(tricky_site):
    html = page(tricky_site, "fr/services/dutch-only.html")
    title = re.search(r"<h1[^>]*>(.*?)</h1>", html, flags=re.S).group(1)
    assert "Alleen Nederlands (nl)" in title  # never an empty title
    assert '<span lang="nl">Enkel in het Nederlands.</span>' not in html  # descriptions are paragraphs
    assert '<p lang="nl">Enkel in het Nederlands.</p>' in html
    journey = page(tricky_site, "fr/events/moving.html")
    summary = re.search(r'<p class="eag-summary">(.*?)</p>', page(tricky_site, "nl/events/moving.html")).group(1)
    assert summary.startswith("2 diensten bij 1 overheid;"), summary  # counts in the right form
    assert '<span lang="nl">Alleen Nederlands</span> <small class="eag-fallback"' in journey


def test_the_english_site_says_which_names_are_not_english(tricky_site, tmp_path):
    """Charts and diagrams are pictures without the fallback's markup: a name in another language
    than the page's carries its language there too."""
    out = tmp_path / "site"
    build_site(load(tricky_site.parent / "model"), out, SiteOptions(languages=("en",)), trend_commits=0)
    home = page(out, "en/index.html")
    assert ">FOD Financiën (nl)</text>" in home and ">FOD Financiën</text>" not in home
    diagram = page(out, "en/services/dutch-only.html").split('class="eag-diagram"')[1]
    assert "(nl)" in diagram


def test_failed_build_leaves_the_previous_site(tricky_site, tmp_path, monkeypatch):
    from eagraph.generators.site import build as site_build

    out = tmp_path / "site"
    workspace = load(tricky_site.parent / "model")
    build_site(workspace, out, SiteOptions(languages=("nl",)))
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    monkeypatch.setattr(site_build, "_mkdocs_build", lambda config, store, dirty=False: f"{config}: broken on purpose")
    with pytest.raises(site_build.SiteBuildError, match="broken on purpose"):
        build_site(workspace, out, SiteOptions(languages=("nl",)))
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no temporary folder left behind


def test_cli_builds_and_refuses_an_unknown_language(run, tricky_site, tmp_path):
    model = tricky_site.parent / "model"
    result = run("site", "build", model, "--out", tmp_path / "out", "--language", "nl")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "nl" / "services" / "tricky.html").is_file()
    result = run("site", "build", model, "--out", tmp_path / "other", "--language", "xx")
    assert result.exit_code == 2 and "no site language xx" in result.stderr
    assert not (tmp_path / "other").exists()


def test_serve_rebuilds_when_a_model_file_changes(tricky_site, tmp_path):
    import socket
    import threading
    import time
    import urllib.request

    from eagraph.generators.site.serve import preview_server

    model = tmp_path / "model"
    write(model, "model.ttl", MODEL)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    messages: list[str] = []
    server = preview_server(model, tmp_path / "work", "nl", port, log=messages.append)
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}/services/dutch-only.html"

    def shows(text: str) -> bool:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if text in urllib.request.urlopen(url, timeout=10).read().decode():
                    return True
            except OSError:
                pass  # the server is still starting
            time.sleep(0.3)
        return False

    try:
        assert shows("Alleen Nederlands")
        write(model, "model.ttl", MODEL.replace("Alleen Nederlands", "Nieuwe titel"))
        assert shows("Nieuwe titel"), "the preview was not rebuilt after the model changed"
        # The first build wrote every page; the rebuild only those the new title appears on.
        deadline = time.monotonic() + 30  # the rebuild logs once mkdocs is done, a moment after the page
        while (len(counts := [tuple(map(int, m)) for m in re.findall(r"\((\d+) of (\d+) pages written\)",
                                                                     "\n".join(messages))]) < 2
               and time.monotonic() < deadline):
            time.sleep(0.2)
        assert len(counts) >= 2 and counts[0][0] == counts[0][1] and 0 < counts[-1][0] < counts[-1][1], messages
    finally:
        server.shutdown()
        thread.join(timeout=10)


def test_rebuild_after_a_change_builds_only_what_changed(tmp_path):
    import json

    model, out, cache = tmp_path / "model", tmp_path / "site", tmp_path / "cache"
    write(model, "model.ttl", MODEL)
    options = SiteOptions(languages=("nl", "fr"), cache_dir=cache)
    first = build_site(load(model), out, options)
    index = json.loads(page(out, "nl/search/search_index.json"))
    assert not first.incremental
    old_page = out / "nl/services/tricky.html"
    old_inode = old_page.stat().st_ino
    write(model, "model.ttl", MODEL.replace("Alleen Nederlands", "Nieuwe titel"))
    second = build_site(load(model), out, options)
    assert second.incremental
    assert "Nieuwe titel" in page(out, "nl/services/dutch-only.html")
    assert "Nieuwe titel" in page(out, "fr/events/moving.html")  # the journey lists it too
    assert old_page.stat().st_ino == old_inode  # an unchanged page was not built again
    again = json.loads(page(out, "nl/search/search_index.json"))
    assert len(again["docs"]) == len(index["docs"])  # the search index still has every page
    assert any("Nieuwe titel" in doc["title"] for doc in again["docs"])
    assert not any("Alleen Nederlands" in doc["title"] for doc in again["docs"])
    assert "Nieuwe titel" in page(out, "nl/search/search_index.js")  # the offline copy too


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """``eagraph site serve`` as a reader runs it; yields its port and whether the address it
    printed answered at once (within 2 s of the line)."""
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    model = tmp_path_factory.mktemp("preview") / "model"
    write(model, "model.ttl", MODEL)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "EAGRAPH_CACHE_DIR": str(model.parent / "cache")}
    process = subprocess.Popen([sys.executable, "-m", "eagraph", "site", "serve", str(model), "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline, line = time.monotonic() + 60, ""
        while "serving" not in line and time.monotonic() < deadline and process.poll() is None:
            line = process.stderr.readline()
        assert "serving" in line, f"no 'serving' line (exit {process.poll()})"
        try:
            answered = urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=2).status == 200
        except OSError:
            answered = False
        if not answered:  # wait for the server anyway, so the other tests can use it
            time.sleep(15)
        yield port, answered, line
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def test_serve_says_serving_once_it_answers(preview):
    port, answered, line = preview
    assert f"http://127.0.0.1:{port}/" in line
    assert answered, "the address printed did not answer at once"


@pytest.mark.parametrize("host, status", [("127.0.0.1:{port}", 200), ("localhost:{port}", 200),
                                          ("[::1]:{port}", 200), ("evil.example:{port}", 421),
                                          ("127.0.0.1.evil.example:{port}", 421), ("localhost", 421),
                                          ("127.0.0.1:1", 421)])
def test_serve_answers_only_requests_addressed_to_loopback(preview, host, status):
    """A web page that rebinds its own name to 127.0.0.1 sends its name as Host: it gets nothing."""
    import http.client

    port = preview[0]
    for path in ("/index.html", "/services/tricky.html"):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            connection.putrequest("GET", path, skip_host=True)
            connection.putheader("Host", host.format(port=port))
            connection.endheaders()
            response = connection.getresponse()
            body = response.read()
        finally:
            connection.close()
        assert response.status == status, (host, path)
        assert (b"tricky" in body.lower() or path == "/index.html") if status == 200 else b"Alleen" not in body


def test_serve_on_a_taken_port_says_so(run, tmp_path):
    import socket

    write(tmp_path / "model", "model.ttl", MODEL)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("site", "serve", tmp_path / "model", "--port", port)
    assert result.exit_code != 0 and f"cannot serve on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.output + result.stderr
