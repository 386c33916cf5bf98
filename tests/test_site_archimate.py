"""The site of an imported ArchiMate model, as an architect who keeps Archi as the diagram editor
relies on it: the model's folders, a page per element and per view, every view drawn as it was drawn
in Archi (each box at its bounds, each connection through its bendpoints), links that resolve, and
hostile names shown as text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from site_support import broken_links, render_site, summarise

from eagraph.generators.site import SiteOptions
from eagraph.workspace import load

ARCHISURANCE = Path(__file__).parent / "data" / "reference" / "archimate" / "archisurance.xml"
NS = "{http://www.opengroup.org/xsd/archimate/3.0/}"
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert(1)</script> & <b>bold</b>"
HOSTILE_NOTE = '<img src=x onerror="alert(2)">'


def hostile_archisurance() -> bytes:
    """Archisurance with markup in an element's name (the role Customer, id-521) and in a note."""
    text = ARCHISURANCE.read_text(encoding="utf-8")
    role = '<element identifier="id-521" xsi:type="BusinessRole">\n      <name xml:lang="en">Customer</name>'
    assert role in text
    text = text.replace(role, role.replace(">Customer<", f">{escape_xml(HOSTILE)}<"))
    note = "<label xml:lang=\"en\">Application Structure View</label>"
    assert note in text
    return text.replace(note, note.replace("Application Structure View", escape_xml(HOSTILE_NOTE))).encode()


def escape_xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


@pytest.fixture(scope="module")
def archimate_site(tmp_path_factory):
    from eagraph.cli.main import cli

    root = tmp_path_factory.mktemp("archimate")
    source = root / "archisurance.xml"
    source.write_bytes(hostile_archisurance())
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EAGRAPH_CACHE_DIR", str(root / "cache"))
        result = CliRunner().invoke(cli, ["import", "archimate", str(source), "--out", str(root / "model")])
        assert result.exit_code == 0, result.output
        render_site(load(root / "model"), root / "site", SiteOptions(languages=("en",)), trend_commits=0)
    return root / "site" / "en"


@pytest.fixture(scope="module")
def exchange():
    return ET.fromstring(hostile_archisurance())


def view_svg(site: Path, view_id: str) -> ET.Element:
    html = (site / "archimate-views" / f"{view_id}.html").read_text(encoding="utf-8")
    drawings = re.findall(r'<svg class="eag-svg eag-view".*?</svg>', html, flags=re.S)
    assert len(drawings) == 1, f"{view_id}: {len(drawings)} drawings"
    return ET.fromstring(drawings[0])


def boxes(svg: ET.Element) -> dict[str, dict[str, str]]:
    """node identifier -> the attributes of its rect (and the link around it, as ``href``)."""
    found = {}
    for link_or_group in svg.iter():
        group = link_or_group if link_or_group.get("data-node") is not None else None
        if group is None:
            continue
        rect = group.find(SVG + "rect")
        found[group.get("data-node")] = dict(rect.attrib)
    for link in svg.iter(SVG + "a"):
        group = link.find(SVG + "g")
        found[group.get("data-node")]["href"] = link.get("href")
    return found


def test_a_page_per_view_each_drawn_once(archimate_site, exchange):
    views = [v.get("identifier") for v in exchange.iter(NS + "view")]
    assert len(views) == 17
    pages = sorted(p.stem for p in (archimate_site / "archimate-views").glob("*.html") if p.stem != "index")
    assert pages == sorted(views)
    for view in views:
        view_svg(archimate_site, view)


def test_each_box_stands_at_the_bounds_drawn_in_archi(archimate_site, exchange):
    """Every node of every view, nested ones too, at its x, y, width and height from the file."""
    for view in exchange.iter(NS + "view"):
        drawn = boxes(view_svg(archimate_site, view.get("identifier")))
        nodes = list(view.iter(NS + "node"))
        assert len(drawn) == len(nodes), view.get("identifier")
        for node in nodes:
            rect = drawn[node.get("identifier")]
            assert [rect["x"], rect["y"], rect["width"], rect["height"]] == [
                node.get("x"), node.get("y"), node.get("w"), node.get("h")], node.get("identifier")
    # Two known ones: the business service "Customer data mutation Service" (id-1220) nested in a group
    # of the Layered View, and the process "Handle Claim" (id-556) of the Business Process View, each
    # linking to its page (both have a contract class, so their pages are in services/ and processes/).
    layered = boxes(view_svg(archimate_site, "id-4056"))
    assert {k: layered["id-4103"][k] for k in ("x", "y", "width", "height")} == {
        "x": "284", "y": "553", "width": "133", "height": "60"}
    group = layered["id-4096"]
    assert int(group["x"]) < 284 and int(group["y"]) < 553  # the group holding it, drawn around it
    assert layered["id-4103"]["href"] == "../services/id-1220.html"
    handle_claim = boxes(view_svg(archimate_site, "id-3761"))["id-3776"]
    assert (handle_claim["x"], handle_claim["y"], handle_claim["width"], handle_claim["height"]) == (
        "170", "154", "660", "90")
    assert handle_claim["href"] == "../processes/id-556.html"


def test_a_polyline_per_connection_through_its_bendpoints(archimate_site, exchange):
    for view in exchange.iter(NS + "view"):
        svg = view_svg(archimate_site, view.get("identifier"))
        lines = {p.get("data-connection"): p for p in svg.iter(SVG + "polyline")}
        connections = list(view.iter(NS + "connection"))
        assert sorted(lines) == sorted(c.get("identifier") for c in connections), view.get("identifier")
        for connection in connections:
            points = lines[connection.get("identifier")].get("points").split()
            bends = [f"{b.get('x')},{b.get('y')}" for b in connection.iter(NS + "bendpoint")]
            assert points[1:-1] == bends, connection.get("identifier")
    # Each relationship kind has its own line: a triggering has a filled arrowhead, an access is dotted.
    process = view_svg(archimate_site, "id-3761")
    kinds = {p.get("class").split()[-1]: p for p in process.iter(SVG + "polyline")}
    assert "arrow-filled" in kinds["eag-rel-triggering"].get("marker-end")
    assert kinds["eag-rel-access"].get("stroke-dasharray")


def test_every_element_has_a_page_and_every_link_resolves(archimate_site, exchange):
    site = archimate_site
    missing = [e.get("identifier") for e in exchange.iter(NS + "element")
               if len(list(site.glob(f"*/{e.get('identifier')}.html"))) != 1]
    assert missing == []
    broken = broken_links(site.parent)
    assert not broken, summarise(broken, site.parent)


def test_an_element_page_shows_type_relationships_both_ways_and_views(archimate_site):
    html = (archimate_site / "services" / "id-1220.html").read_text(encoding="utf-8")
    assert "Business Service" in html  # its ArchiMate type, as Archi names it
    table = html.split('class="eag-table eag-relationships"')[1].split("</table>")[0]
    assert re.search(r"<td>to</td>\s*<td>Serving</td><td><a href=\"[^\"]+\.html\">", table)  # outgoing
    assert re.search(r"<td>from</td>\s*<td>Realization</td><td><a href=", table)  # incoming
    assert '<a href="../archimate-views/id-4056.html">' in html  # the Layered View it is drawn in
    model = (archimate_site / "archimate" / "index.html").read_text(encoding="utf-8")
    assert "An example of a fictional Insurance company." in model
    assert re.search(r"<summary>Business</summary>", model) and "Value of Property 1" in model
    assert '<a href="../services/id-1220.html">' in model  # filed in its folder
    assert '<a href="../archimate/id-521.html">' in model


def test_hostile_names_stay_text(archimate_site):
    pages = {p: p.read_text(encoding="utf-8") for p in archimate_site.rglob("*.html")}
    for page, html in pages.items():
        assert "<script>alert(1)" not in html and "<img src=x" not in html, page
    role = pages[archimate_site / "archimate" / "id-521.html"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in role
    # In the drawings, as the text of the box (wrapped into lines, so compared without spaces).
    for view, node, text in (("id-3761", "id-3788", HOSTILE), ("id-3641", "id-3657", HOSTILE_NOTE)):
        group = next(g for g in view_svg(archimate_site, view).iter(SVG + "g") if g.get("data-node") == node)
        assert "".join(group.itertext()).replace(" ", "") == text.replace(" ", ""), view


def test_a_broken_layout_is_drawn_without_what_cannot_be_placed():
    """A hand-edited or hostile file: bounds that are no numbers, a connection to a node that is not
    there, a colour out of range. What can be placed is drawn; nothing else gets in, no error."""
    from eagraph.generators.site.archimate import Part
    from eagraph.generators.site.viewdrawing import draw_view

    def node(identifier, **bounds):
        style = Part("s", tag="style", parts=[Part("f", tag="fillColor", attributes={"r": "300", "g": "0", "b": "0"})])
        return Part(identifier, tag="node", kind="Label", identifier=identifier, attributes=bounds, parts=[style])

    view = Part("v", tag="view", parts=[
        node("ok", x="10", y="20", w="30", h="40"), node("nan", x="nan", y="0", w="1", h="1"),
        node("text", x="a", y="0", w="1", h="1"), node("huge", x="1e400", y="0", w="1", h="1"),
        Part("c1", tag="connection", identifier="c1", attributes={"source": "ok", "target": "gone"}),
        Part("c2", tag="connection", identifier="c2", attributes={"source": "ok", "target": '"><script>'}),
    ])
    svg = ET.fromstring(draw_view(view, "<t>", name_of=lambda part: "n", href_of=lambda part: None,
                                  element_type=lambda part: None, relationship_type=lambda part: None,
                                  relationship_attributes=lambda part: {}))
    assert [g.get("data-node") for g in svg.iter(SVG + "g") if g.get("data-node")] == ["ok"]
    assert [rect.get("fill") for rect in svg.iter(SVG + "rect")] == ["#ffffff"]  # not "#12c0000"
    assert list(svg.iter(SVG + "polyline")) == []
    assert svg.find(SVG + "title").text == "<t>"
