import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
from babel.messages.pofile import read_po
from django.conf import settings as django_settings
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.models import Predicate, Status
from archive.reading import labels, status
from archive.reading.drawings import (
    NARROW_WIDTH,
    SHADES,
    GraphEdge,
    GraphNode,
    TimelineItem,
    graph,
    matrix,
    pair_matrix_svg,
    relation_graph_svg,
    shorten_title,
    text_width,
    timeline,
    timeline_svg,
)
from archive.reading.labels import Words

SVG = "{http://www.w3.org/2000/svg}"
D = dt.date
TODAY = D(2026, 11, 22)
GOV = "the Government of the Republic of Kazakhstan and the Government of the Republic of Azerbaijan"

KZ_AZ = [
    TimelineItem(
        "kz-az-1996-treaty",
        "Treaty on the foundations of relations between the Republic of Kazakhstan and the Azerbaijan Republic",
        "/agreements/kz-az-1996-treaty/",
        signed=D(1996, 9, 16),
        ended=D(2006, 2, 15),
        end_reason="superseded",
        status_code="superseded",
    ),
    TimelineItem(
        "kz-az-2005-treaty",
        "Treaty on strategic partnership and allied relations between the Republic of Kazakhstan and the Republic "
        "of Azerbaijan",
        "/agreements/kz-az-2005-treaty/",
        signed=D(2005, 5, 24),
        in_force=D(2006, 2, 15),
        status_code="in_force",
    ),
    TimelineItem(
        "kz-az-2004-military",
        f"Agreement between {GOV} on military cooperation",
        "/agreements/kz-az-2004-military/",
        signed=D(2004, 3, 1),
        status_code="in_force",
    ),
    TimelineItem(
        "kz-az-2004-communications",
        f"Agreement between {GOV} on cooperation in the field of government communications",
        "/agreements/kz-az-2004-communications/",
        signed=D(2004, 3, 1),
        in_force=D(2004, 7, 20),
        status_code="in_force",
    ),
    TimelineItem(
        "kz-az-2024-intelligence",
        f"Agreement between {GOV} on cooperation in military intelligence in the field of defence",
        "/agreements/kz-az-2024-intelligence/",
        signed=D(2024, 6, 7),
        status_code="signed",
    ),
]

TRICKY = 'Protocol on <amendments> & "corrections"'


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return root


def assert_accessible(root: ET.Element) -> None:
    assert root.get("role") == "img"
    ids = root.get("aria-labelledby").split()
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert [title.get("id"), desc.get("id")] == ids
    assert title.text and desc.text
    assert root.get("font-family") == "sans-serif"
    assert root.get("viewBox")


def assert_self_contained(svg: str) -> None:
    lowered = svg.lower()
    for forbidden in ("<style", "<script", "@import", "@font-face", "url(http", "xlink:href", " on"):
        if forbidden == " on":
            assert not re.search(r"\son[a-z]+=", lowered)
        else:
            assert forbidden not in lowered


def link_targets(root: ET.Element) -> list[str]:
    return [a.get("href") for a in root.iter(f"{SVG}a")]


def texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


# --- shorten_title ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "short"),
    [
        (f"Agreement between {GOV} on military cooperation", "Agreement on military cooperation"),
        (
            "Treaty on the foundations of relations between the Republic of Kazakhstan and the Azerbaijan Republic",
            "Treaty on the foundations of relations",
        ),
        (
            "Соглашение между Правительством Республики Казахстан и Правительством Азербайджанской Республики "
            "о сотрудничестве в области военной разведки",
            "Соглашение о сотрудничестве в области военной разведки",
        ),
        (
            "Қазақстан Республикасының Үкіметі мен Әзербайжан Республикасының Үкіметі арасындағы әскери "
            "ынтымақтастық туралы келісім",
            "Әскери ынтымақтастық туралы келісім",
        ),
        (
            "Հայաստանի Հանրապետության կառավարության և Ղազախստանի Հանրապետության կառավարության միջև ռազմական "
            "հետախուզության ոլորտում համագործակցության մասին համաձայնագիր",
            "Ռազմական հետախուզության ոլորտում համագործակցության մասին համաձայնագիր",
        ),
        (
            "Azərbaycan Respublikası Hökuməti ilə Qazaxıstan Respublikası Hökuməti arasında hərbi əməkdaşlıq "
            "haqqında Saziş",
            "Hərbi əməkdaşlıq haqqında Saziş",
        ),
        ("Protocol on amendments", "Protocol on amendments"),
    ],
)
def test_shorten_title(title, short):
    assert shorten_title(title) == short


def test_text_width_grows_with_text_and_size():
    assert text_width("abc", 12) < text_width("abcd", 12) < text_width("abcd", 14)
    assert text_width("ա", 12) > text_width("ո", 12)  # Armenian a is wide


# --- timeline --------------------------------------------------------------------------------------


def test_timeline_parses_and_is_accessible():
    svg = timeline_svg(KZ_AZ, today=TODAY, title="Kazakhstan–Azerbaijan agreements")
    root = parse(svg)
    assert_accessible(root)
    assert_self_contained(svg)
    assert root.find(f"{SVG}title").text == "Kazakhstan–Azerbaijan agreements"
    desc = root.find(f"{SVG}desc").text
    assert desc.startswith("5 agreements from 1996 to 2026.")
    assert "signed 7 June 2024" in desc and "superseded 15 February 2006" in desc


def test_timeline_rows_links_and_order():
    root = parse(timeline_svg(KZ_AZ, today=TODAY))
    assert link_targets(root) == [
        "/agreements/kz-az-1996-treaty/",
        "/agreements/kz-az-2004-communications/",  # same day as military: the one in force first
        "/agreements/kz-az-2004-military/",
        "/agreements/kz-az-2005-treaty/",
        "/agreements/kz-az-2024-intelligence/",
    ]
    shown = texts(root)
    assert "Agreement on military cooperation" in shown  # the parties are dropped from the label shown
    assert "Agreement on cooperation in the field of government communications" in shown
    tooltips = [a.find(f"{SVG}title").text for a in root.iter(f"{SVG}a")]
    assert tooltips[2].startswith(f"Agreement between {GOV} on military cooperation")  # full label kept
    for year in ("1996", "2000", "2010", "2020", "2026"):
        assert year in shown


def test_timeline_axis_spans_items_and_today():
    shown = texts(parse(timeline_svg(KZ_AZ, today=TODAY)))
    years = sorted(int(t) for t in shown if re.fullmatch(r"\d{4}", t))
    assert years[0] <= 1996 and years[-1] >= 2027
    assert "today" in shown


def _marker_xs(root: ET.Element) -> list[float]:
    return [float(c.get("cx")) for c in root.iter(f"{SVG}circle") if c.get("r") == "4.5"]


def test_timeline_signature_markers_follow_dates():
    root = parse(timeline_svg(KZ_AZ, today=TODAY))
    xs = _marker_xs(root)[: len(KZ_AZ)]  # the legend's marker comes last
    assert xs == sorted(xs)
    assert xs[1] == xs[2]  # the two agreements of 1 March 2004


def test_timeline_marks_still_in_force_superseded_and_terminated_distinctly():
    items = [
        TimelineItem("a", "A", "/a/", D(2000, 1, 1), D(2000, 6, 1), status_code="in_force"),
        TimelineItem("b", "B", "/b/", D(2001, 1, 1), D(2001, 6, 1), D(2005, 1, 1), "superseded", "superseded"),
        TimelineItem("c", "C", "/c/", D(2002, 1, 1), D(2002, 6, 1), D(2006, 1, 1), "terminated", "terminated"),
    ]
    root = parse(timeline_svg(items, today=TODAY))
    rows = list(root.iter(f"{SVG}a"))
    in_force_paths = [p.get("d") for p in rows[0].iter(f"{SVG}path")]
    superseded_paths = [p.get("d") for p in rows[1].iter(f"{SVG}path")]
    terminated_paths = [p.get("d") for p in rows[2].iter(f"{SVG}path")]
    assert len(in_force_paths) == 1 and in_force_paths[0].endswith("Z")  # arrow head
    assert len(superseded_paths) == 1 and superseded_paths[0].count("L") == 3  # diamond
    assert any("M" in d[1:] for d in terminated_paths)  # a cross: two strokes in one path


def test_timeline_undated_items_get_their_own_section():
    items = [*KZ_AZ, TimelineItem("x", TRICKY, "/agreements/x/", status_code="unknown")]
    root = parse(timeline_svg(items, today=TODAY))
    shown = texts(root)
    assert "Date unknown" in shown
    assert TRICKY in shown
    assert link_targets(root)[-1] == "/agreements/x/"


def test_timeline_only_undated():
    root = parse(timeline_svg([TimelineItem("x", "Draft protocol", status_code="draft")], today=TODAY))
    assert "Date unknown" in texts(root)
    assert "Draft protocol" in texts(root)


def test_timeline_escapes_labels_and_drops_unsafe_links():
    items = [
        TimelineItem("x", TRICKY, 'javascript:alert("x")', D(2010, 1, 1), status_code="signed"),
        TimelineItem("y", "Y", '/a?b=1&c="2"', D(2011, 1, 1), status_code="signed"),
    ]
    svg = timeline_svg(items, today=TODAY)
    assert "<amendments>" not in svg
    assert "&lt;amendments&gt; &amp; &quot;corrections&quot;" in svg
    root = parse(svg)
    assert TRICKY in texts(root)
    assert link_targets(root) == ['/a?b=1&c="2"']  # the javascript: one is not a link


def test_timeline_truncates_long_labels_but_keeps_them_in_tooltips():
    label = "Agreement on " + "very " * 60 + "long subject"
    root = parse(timeline_svg([TimelineItem("x", label, "/x/", D(2010, 1, 1), status_code="signed")], today=TODAY))
    shown = [t for t in texts(root) if t.startswith("Agreement on")]
    assert shown and shown[0].endswith("…") and len(shown[0]) < len(label)
    assert root.find(f"{SVG}a/{SVG}title").text.startswith(label)


def test_timeline_height_grows_with_rows():
    heights = [float(parse(timeline_svg(KZ_AZ[:n], today=TODAY)).get("height")) for n in (1, 3, 5)]
    assert heights[0] < heights[1] < heights[2]


def test_timeline_is_deterministic_and_ids_differ_between_inputs():
    first, second = timeline_svg(KZ_AZ, today=TODAY), timeline_svg(KZ_AZ, today=TODAY)
    assert first == second
    other = timeline_svg(KZ_AZ[:2], today=TODAY)
    assert parse(first).get("aria-labelledby") != parse(other).get("aria-labelledby")


def test_timeline_empty():
    root = parse(timeline_svg([], today=TODAY))
    assert_accessible(root)
    assert texts(root) == ["No agreements to show on a timeline."]
    assert float(root.get("height")) < 100


# --- relation graph --------------------------------------------------------------------------------

NODES = {
    "int": GraphNode(
        "kz-az-2024-intelligence",
        f"Agreement between {GOV} on cooperation in military intelligence in the field of defence",
        "/agreements/kz-az-2024-intelligence/",
        2024,
    ),
    "mil": GraphNode(
        "kz-az-2004-military",
        f"Agreement between {GOV} on military cooperation",
        "/agreements/kz-az-2004-military/",
        2004,
        is_stub=True,
    ),
    "t05": GraphNode("kz-az-2005-treaty", "Treaty on strategic partnership", "/agreements/kz-az-2005-treaty/", 2005),
    "t96": GraphNode("kz-az-1996-treaty", "Treaty on foundations", "/agreements/kz-az-1996-treaty/", 1996, True),
    "pro": GraphNode("kz-az-2026-protocol", TRICKY, "/agreements/kz-az-2026-protocol/", 2026),
}
EDGES = [
    GraphEdge("kz-az-2024-intelligence", "kz-az-2004-military", "based_on"),
    GraphEdge("kz-az-2005-treaty", "kz-az-1996-treaty", "supersedes"),
    GraphEdge("kz-az-2024-intelligence", "kz-az-2005-treaty", "references"),
    GraphEdge("kz-az-2026-protocol", "kz-az-2024-intelligence", "amends"),
]


def _node_x(root: ET.Element, year: str) -> float:
    for group in [*root.iter(f"{SVG}a"), *root.iter(f"{SVG}g")]:
        rect = group.find(f"{SVG}rect")
        if rect is not None and rect.get("rx") == "6" and year in texts(group):
            return float(rect.get("x")) + float(rect.get("width")) / 2
    raise AssertionError(year)


def test_graph_parses_and_is_accessible():
    svg = relation_graph_svg(NODES["int"], EDGES, NODES.values())
    root = parse(svg)
    assert_accessible(root)
    assert_self_contained(svg)
    desc = root.find(f"{SVG}desc").text
    assert "4 related agreements" in desc
    assert "based on Agreement between" in desc
    assert root.find(f"{SVG}title").text.startswith("Agreements related to Agreement between")


def test_graph_layers_direction_and_two_steps():
    root = parse(relation_graph_svg(NODES["int"], EDGES, NODES.values()))
    centre, based_on, referenced = _node_x(root, "2024"), _node_x(root, "2004"), _node_x(root, "2005")
    second_step, amending = _node_x(root, "1996"), _node_x(root, "2026")
    assert second_step < based_on == referenced < centre < amending
    shown = texts(root)
    for label in ("based on", "supersedes", "references", "amends"):
        assert label in shown


def test_graph_arrows_use_defined_markers():
    svg = relation_graph_svg(NODES["int"], EDGES, NODES.values())
    root = parse(svg)
    marker_ids = {m.get("id") for m in root.iter(f"{SVG}marker")}
    used = re.findall(r'marker-end="url\(#([^)]+)\)"', svg)
    assert len(used) == len(EDGES)
    assert set(used) <= marker_ids


def test_graph_stubs_dashed_centre_not_linked():
    root = parse(relation_graph_svg(NODES["int"], EDGES, NODES.values()))
    links = link_targets(root)
    assert "/agreements/kz-az-2024-intelligence/" not in links  # the page itself
    assert "/agreements/kz-az-2004-military/" in links
    for anchor in root.iter(f"{SVG}a"):
        rect = anchor.find(f"{SVG}rect")
        stub = anchor.get("href") in ("/agreements/kz-az-2004-military/", "/agreements/kz-az-1996-treaty/")
        assert (rect.get("stroke-dasharray") is not None) == stub


def test_graph_escapes_labels():
    svg = relation_graph_svg(NODES["int"], EDGES, NODES.values())
    assert "<amendments>" not in svg
    root = parse(svg)
    assert any(TRICKY in (a.find(f"{SVG}title").text or "") for a in root.iter(f"{SVG}a"))


def test_graph_stops_after_two_steps_and_ignores_self_loops():
    far = GraphNode("far", "Third step", "/far/", 1990)
    edges = [*EDGES, GraphEdge("kz-az-1996-treaty", "far", "references"), GraphEdge("far", "far", "references")]
    svg = relation_graph_svg(NODES["int"], edges, [*NODES.values(), far])
    assert "Third step" not in svg


def test_graph_merges_parallel_edges_and_names_unknown_slugs():
    edges = [
        GraphEdge("kz-az-2024-intelligence", "unknown-slug", "based_on"),
        GraphEdge("kz-az-2024-intelligence", "unknown-slug", "references"),
        GraphEdge("kz-az-2024-intelligence", "unknown-slug", "references"),
    ]
    svg = relation_graph_svg(NODES["int"], edges)
    root = parse(svg)
    assert svg.count("marker-end=") == 1
    assert "unknown-slug" in " ".join(texts(root))
    label = next(t for t in root.iter(f"{SVG}text") if t.find(f"{SVG}tspan") is not None)
    assert [s.text for s in label.iter(f"{SVG}tspan")] == ["based on", "references"]


def test_graph_custom_edge_label():
    edges = [GraphEdge("kz-az-2024-intelligence", "kz-az-2004-military", "based_on", label="concluded under")]
    assert "concluded under" in texts(parse(relation_graph_svg(NODES["int"], edges, NODES.values())))


def test_graph_deterministic_whatever_the_input_order():
    first = relation_graph_svg(NODES["int"], EDGES, NODES.values())
    again = relation_graph_svg(NODES["int"], list(reversed(EDGES)), list(reversed(list(NODES.values()))))
    assert first == again


def test_graph_empty():
    for edges in ([], [GraphEdge("kz-az-2024-intelligence", "kz-az-2024-intelligence", "references")]):
        root = parse(relation_graph_svg(NODES["int"], edges, NODES.values()))
        assert_accessible(root)
        assert texts(root) == ["No related agreements are recorded."]


def test_graph_widens_rather_than_crushing_five_columns():
    nodes = [GraphNode(s, f"Agreement {s}", f"/{s}/", y) for s, y in [("a", 1990), ("b", 2000), ("d", 2020)]]
    nodes.append(GraphNode("e", "Agreement e", "/e/", 2025))
    edges = [
        GraphEdge("b", "a", "based_on"),
        GraphEdge("c", "b", "based_on"),
        GraphEdge("d", "c", "based_on"),
        GraphEdge("e", "d", "amends"),
    ]
    root = parse(relation_graph_svg(GraphNode("c", "Centre", "/c/", 2010), edges, nodes, width=600))
    assert float(root.get("width")) > 600
    xs = [_node_x(root, y) for y in ("1990", "2000", "2010", "2020", "2025")]
    assert xs == sorted(xs)


# --- pair matrix -----------------------------------------------------------------------------------

COUNTRIES = [("KZ", "Kazakhstan"), ("AZ", "Azerbaijan"), ("AM", "Armenia"), ("RU", "Russia")]
COUNTS = {("AZ", "KZ"): 5, ("AM", "KZ"): 2, ("KZ", "RU"): 41, ("RU", "AM"): 17}


def pair_url(a: str, b: str) -> str:
    return f"/countries/{a}-{b}/"


def test_matrix_parses_is_accessible_and_links_pairs():
    svg = pair_matrix_svg(COUNTRIES, COUNTS, pair_url)
    root = parse(svg)
    assert_accessible(root)
    assert_self_contained(svg)
    links = link_targets(root)
    assert sorted(set(links)) == ["/countries/AM-KZ/", "/countries/AM-RU/", "/countries/AZ-KZ/", "/countries/KZ-RU/"]
    assert len(links) == 8  # both halves of the symmetric matrix
    desc = root.find(f"{SVG}desc").text
    assert "Kazakhstan–Russia: 41" in desc and "Armenia–Russia: 17" in desc


def test_matrix_shades_by_count():
    root = parse(pair_matrix_svg(COUNTRIES, COUNTS, pair_url))
    fill = {}
    for anchor in root.iter(f"{SVG}a"):
        count = int("".join(anchor.find(f"{SVG}text").itertext()))
        fill[count] = anchor.find(f"{SVG}rect").get("fill")
    assert fill[41] == SHADES[-1]
    order = [SHADES.index(fill[n]) for n in sorted(fill)]
    assert order == sorted(order) and order[0] < order[-1]


def test_matrix_pair_given_both_ways_counts_once():
    root = parse(pair_matrix_svg(COUNTRIES[:2], {("AZ", "KZ"): 3, ("KZ", "AZ"): 3}, pair_url))
    assert [t for t in texts(root) if t.isdigit()] == ["3", "3"]


def test_matrix_escapes_names():
    svg = pair_matrix_svg([("KZ", 'Kazakh <&> "stan"'), ("AZ", "Azerbaijan")], {("AZ", "KZ"): 1}, pair_url)
    assert "<&>" not in svg
    assert 'Kazakh <&> "stan" (KZ)' in texts(parse(svg))


def test_matrix_empty():
    for countries, counts in (([], {}), (COUNTRIES, {}), (COUNTRIES[:1], {("KZ", "AZ"): 4})):
        root = parse(pair_matrix_svg(countries, counts, pair_url))
        assert_accessible(root)
        assert texts(root) == ["No agreements between these countries yet."]


def test_matrix_deterministic():
    assert pair_matrix_svg(COUNTRIES, COUNTS, pair_url) == pair_matrix_svg(
        COUNTRIES, dict(reversed(list(COUNTS.items()))), pair_url
    )


# --- any input -------------------------------------------------------------------------------------

_text = st.text(max_size=40)
_day = st.one_of(st.none(), st.dates(min_value=D(1950, 1, 1), max_value=D(2040, 12, 31)))
_items = st.lists(
    st.builds(
        TimelineItem,
        slug=_text,
        label=_text,
        url=_text,
        signed=_day,
        in_force=_day,
        ended=_day,
        end_reason=st.sampled_from([None, "superseded", "terminated", "expired", "other"]),
        status_code=st.sampled_from(["in_force", "expired", "terminated", "superseded", "signed", "draft", "x"]),
    ),
    max_size=6,
)


@settings(max_examples=60, deadline=None)
@given(_items)
def test_any_timeline_is_well_formed(items):
    parse(timeline_svg(items, today=TODAY))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from("abcdef"), st.sampled_from("abcdef"), _text), max_size=8),
    _text,
)
def test_any_graph_is_well_formed(pairs, label):
    edges = [GraphEdge(s, t, "based_on", label=lb) for s, t, lb in pairs]
    nodes = [GraphNode(s, label + s, "/" + s, None, s in "ace") for s in "abcdef"]
    parse(relation_graph_svg(GraphNode("a", label or "a"), edges, nodes))


# --- geometry, without templates -------------------------------------------------------------------

ENGLISH = Words()


def test_timeline_geometry_later_signature_further_right_and_down():
    drawn = timeline.layout(KZ_AZ, ENGLISH, today=TODAY)
    by_slug = {row.link.href.split("/")[2]: row for row in drawn.rows}
    earlier, later = by_slug["kz-az-1996-treaty"], by_slug["kz-az-2024-intelligence"]
    ring = {slug: next(m for m in row.markers if m.kind == "signature") for slug, row in by_slug.items()}
    assert ring["kz-az-2024-intelligence"].x > ring["kz-az-2005-treaty"].x > ring["kz-az-1996-treaty"].x
    assert later.top > earlier.top
    # the years on the axis are where the rings say they are: 1 Jan 2000 left of a 2004 signature
    x_2000 = next(t.x for t in drawn.ticks if t.year == 2000)
    x_2010 = next(t.x for t in drawn.ticks if t.year == 2010)
    assert x_2000 < ring["kz-az-2004-military"].x < x_2010
    # the superseded treaty's bar ends at its diamond, which is where the later treaty entered into force
    diamond = next(m for m in earlier.markers if m.kind == "superseded")
    assert earlier.bar.x2 == pytest.approx(diamond.x, abs=0.1)
    assert diamond.x == pytest.approx(by_slug["kz-az-2005-treaty"].bar.x, abs=0.1)
    # rows follow one another without overlapping
    for above, below in zip(drawn.rows, drawn.rows[1:], strict=False):
        assert below.top == pytest.approx(above.top + above.height, abs=0.1)


def test_narrow_timeline_fits_its_width_and_wraps_labels():
    wide = timeline.layout(KZ_AZ, ENGLISH, today=TODAY)
    narrow = timeline.layout(KZ_AZ, ENGLISH, width=NARROW_WIDTH, today=TODAY)
    assert narrow.frame.width == NARROW_WIDTH
    assert max(len(row.labels) for row in narrow.rows) == 2 and max(len(row.labels) for row in wide.rows) == 1
    assert len([t for t in narrow.ticks if t.major]) < len([t for t in wide.ticks if t.major])
    for row in narrow.rows:
        for text in [*row.labels, row.summary]:
            size = text_width(text.text, text.size)
            left = text.x - size if text.anchor == "end" else text.x
            assert left >= 0 and left + size <= NARROW_WIDTH, text
        assert min(t.size for t in row.labels) >= 12 and row.summary.size >= 12
    assert narrow.today.size >= 12
    assert all(e.x + 26 + text_width(e.label, 12) <= NARROW_WIDTH for e in narrow.legend.entries)
    assert narrow.frame.prefix != wide.frame.prefix  # both on one page: their ids differ


def test_graph_geometry_arrows_leave_the_naming_agreement():
    drawn = graph.layout(NODES["int"], EDGES, NODES.values(), ENGLISH)
    box = {b.year.text: b for b in drawn.boxes}
    # "2026 protocol amends 2024 agreement": the arrow starts at the protocol's left side and ends right of 2024
    amends = next(a for a in drawn.arrows if a.marker.endswith("-amends"))
    start_x = float(amends.d[1:].split()[0])
    assert start_x == pytest.approx(box["2026"].x, abs=0.1)
    assert box["2024"].centre and not box["2024"].link.href
    assert box["2004"].stub and box["2004"].year.fill != box["2024"].year.fill


def test_matrix_geometry_symmetric_and_darker_for_more():
    drawn = matrix.layout(COUNTRIES, COUNTS, pair_url, ENGLISH)
    cells = {(c.x, c.y): c for c in drawn.cells}
    xs = sorted({c.x for c in drawn.cells})
    ys = sorted({c.y for c in drawn.cells})
    for i, y in enumerate(ys):
        for j, x in enumerate(xs):
            mirror = cells[(xs[i], ys[j])]
            assert cells[(x, y)].fill == mirror.fill and cells[(x, y)].kind == mirror.kind
    counted = sorted((int(c.count.text), SHADES.index(c.fill)) for c in drawn.cells if c.kind == "count")
    assert [shade for _n, shade in counted] == sorted(shade for _n, shade in counted)


# --- words in the interface language -----------------------------------------------------------------


def _catalogue(lang: str) -> dict[str, str]:
    path = django_settings.BASE_DIR / "archive" / "locale" / lang / "LC_MESSAGES" / "django.po"
    with open(path, "rb") as handle:
        return {m.id: m.string for m in read_po(handle) if m.id and isinstance(m.id, str)}


@pytest.mark.parametrize("lang", ["ru", "kk", "hy"])
def test_graph_relation_labels_in_the_interface_language(lang):
    catalogue = _catalogue(lang)
    with translation.override(lang):
        root = parse(relation_graph_svg(NODES["int"], EDGES, NODES.values()))
        choice = str(Predicate.SUPERSEDES.label)
    shown = texts(root)
    assert catalogue["supersedes"] in shown and choice == catalogue["supersedes"]  # one label, one place
    assert "supersedes" not in shown and "based on" not in shown
    assert catalogue["Named by this agreement"] in shown


@pytest.mark.parametrize("lang", ["ru", "kk", "hy"])
def test_timeline_in_the_interface_language_with_its_dates(lang):
    catalogue = _catalogue(lang)
    with translation.override(lang):
        root = parse(timeline_svg(KZ_AZ, today=TODAY))
    shown, desc = texts(root), root.find(f"{SVG}desc").text
    for english in ("superseded", "still in force", "today"):
        assert catalogue[english] in shown and english not in shown
    # the dates as the language writes them (archive.reading.labels.format_date, Babel)
    assert labels.format_date(D(2024, 6, 7), lang) in desc
    if lang == "kk":
        assert "2024 жылғы 7 маусым" in desc


@pytest.mark.parametrize("lang", ["ru", "kk", "hy", "en"])
def test_numbers_are_not_localised(lang):
    """A decimal comma ("12,5") would be well-formed XML but a broken picture."""
    number = re.compile(r"^-?\d+(\.\d+)?$")
    geometry = {"x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height", "stroke-width", "font-size"}
    with translation.override(lang):
        drawings = [
            timeline_svg(KZ_AZ, today=TODAY),
            timeline_svg(KZ_AZ, width=NARROW_WIDTH, today=TODAY),
            relation_graph_svg(NODES["int"], EDGES, NODES.values()),
            pair_matrix_svg(COUNTRIES, COUNTS, pair_url),
        ]
    for svg in drawings:
        root = parse(svg)
        values = [(k, v) for e in root.iter() for k, v in e.attrib.items() if k in geometry]
        assert values and all(number.match(v) for _k, v in values), [kv for kv in values if not number.match(kv[1])]
        assert all(number.match(n) for n in root.get("viewBox").split())


def test_one_place_for_status_and_relation_labels():
    with translation.override("en"):  # the English label is the msgid
        assert {s.value: str(s.label) for s in Status} == labels.STATUS_LABELS
        assert {p.value: str(p.label) for p in Predicate} == labels.RELATION_LABELS
        assert {p.value: p.reverse_label for p in Predicate} == labels.REVERSE_RELATION_LABELS
    with translation.override("hy"):  # and its translation is the drawing's
        assert [str(p.label) for p in Predicate] == [Words(translation.gettext).relation(p.value) for p in Predicate]
    assert all(status.LABELS[c] == labels.STATUS_LABELS[c] for c in status.CODES if c != "unknown")


# --- hostile text ------------------------------------------------------------------------------------

HOSTILE = "Protocol <script>alert(\"x\")</script> & \x00\x0b\x1f\ufffe'quoted' ]]> <![CDATA[x]]>"


def test_hostile_titles_are_escaped_and_forbidden_characters_dropped():
    items = [TimelineItem("h", HOSTILE, "/h/", D(2010, 1, 1), status_code="signed"), TimelineItem("u", HOSTILE)]
    nodes = [GraphNode("h", HOSTILE, "/h/", 2010), GraphNode("c", HOSTILE, "/c/", 2020)]
    edges = [GraphEdge("c", "h", "amends", label=HOSTILE)]
    for svg in (
        timeline_svg(items, today=TODAY, title=HOSTILE),
        timeline_svg(items, width=NARROW_WIDTH, today=TODAY),
        relation_graph_svg(nodes[1], edges, nodes, title=HOSTILE),
        pair_matrix_svg([("KZ", HOSTILE), ("A\x00Z", "Azerbaijan")], {("A\x00Z", "KZ"): 2}, pair_url),
    ):
        assert "<script" not in svg and "]]>" not in svg and "<![CDATA" not in svg
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe]", svg)
        root = parse(svg)
        everything = " ".join([*texts(root), *(t.text or "" for t in root.iter(f"{SVG}title"))])
        assert 'Protocol <script>alert("x")</script>' in everything  # shown as the characters it is
    assert "&lt;script&gt;" in timeline_svg(items, today=TODAY)
