"""Ruled tables of a PDF page, found from PDFium's page objects as pdfplumber finds them.

A task table ('1 | task | lead | partners | result | due') loses its rows in a PDF text layer, which
gives one cell per line, so table pages are read as rows. pdfplumber did this, but parsing a page again
with pdfminer took 0.1-0.3 s a page, five times PDFium's whole read. Here the ruling comes from the
page's path objects and the characters from the text page PDFium has already parsed, and pdfplumber's
table rules (its ``TableFinder`` with the settings ingest gave it: snap and join edges within 3 points,
intersections within 3, cells from connected corners, a character in the cell that holds its centre)
are followed step by step, so the rows are the ones pdfplumber read. A page drawn in a way this reader
does not mirror (curves, form XObjects, a rotated or offset page) raises ``UnsupportedLayout`` and is
left to pdfplumber, which stays for that: it reads any drawing, at the cost of parsing the page again.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, replace
from typing import NamedTuple

from pipeline.ingest.pdf_layout import Char, UnsupportedLayout, chars_to_text, cluster_by, page_chars

# pdfplumber's TableFinder defaults (points)
SNAP_TOLERANCE = 3.0
JOIN_TOLERANCE = 3.0
INTERSECTION_TOLERANCE = 3.0
EDGE_MIN_LENGTH = 3.0
EDGE_MIN_LENGTH_PREFILTER = 1.0
# a task table has at least a number, a task and a lead body
MIN_TABLE_COLUMNS = 3
# a rule is a rectangle at most this thick and longer than RULE_MIN_LENGTH (see explicit_rules)
RULE_THICKNESS = 1.5
RULE_MIN_LENGTH = 5.0
# PDFium keeps coordinates as 32-bit floats, about 4 decimals at page scale; rounding gives back the
# decimal the PDF wrote, which pdfminer parses exactly, so equal corners stay equal
DECIMALS = 4


class Ruling(NamedTuple):
    """A rectangle or a straight line the page draws, in pdfplumber's coordinates and measures."""
    kind: str  # "rect" or "line"
    x0: float
    top: float
    x1: float
    bottom: float
    width: float
    height: float


@dataclass(frozen=True)
class Edge:
    """One side of a ruling: 'v' (x0 is its position) or 'h' (top is); length is pdfplumber's width or
    height, which it updates apart from the coordinates."""
    orientation: str
    x0: float
    top: float
    x1: float
    bottom: float
    length: float

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return self.x0, self.top, self.x1, self.bottom


def page_rulings(page) -> list[Ruling]:
    """The page's rectangles and lines as pdfminer reads them: one per subpath; a path that is neither, a
    form XObject or an offset, cropped or rotated page raises UnsupportedLayout."""
    import pypdfium2.raw as pdfium_c

    x_left, y_low, x_right, y_high = page.get_mediabox()
    if (x_left, y_low) != (0, 0) or page.get_cropbox() != (x_left, y_low, x_right, y_high) or page.get_rotation():
        raise UnsupportedLayout("offset, cropped or rotated page")
    height = round(y_high, DECIMALS)
    rulings: list[Ruling] = []
    fill, stroke = pdfium_c.c_int(), pdfium_c.FPDF_BOOL()
    # the raw calls, not page.get_objects(): a table page holds hundreds of text objects to step over
    for index in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, index)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            raise UnsupportedLayout("form XObject")
        if kind != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke)
        if fill.value == pdfium_c.FPDF_FILLMODE_NONE and not stroke.value:
            continue  # a clipping path: pdfminer paints nothing
        rulings.extend(_ruling(subpath, height) for subpath in _subpaths(obj, pdfium_c))
    return rulings


class Subpath(NamedTuple):
    points: list[tuple[float, float]]
    closed: bool  # ended by 'h' (or a rectangle's close)


def _subpaths(obj, pdfium_c) -> list[Subpath]:
    """The path's subpaths, in page points."""
    matrix = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(obj, matrix)
    a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
    segments: list[tuple[int, tuple[float, float], bool]] = []
    x, y = pdfium_c.FS_FLOAT(), pdfium_c.FS_FLOAT()
    # the per-segment calls bound to names: a table page draws its rules in thousands of segments
    get_segment, type_of = pdfium_c.FPDFPath_GetPathSegment, pdfium_c.FPDFPathSegment_GetType
    point_of, closes = pdfium_c.FPDFPathSegment_GetPoint, pdfium_c.FPDFPathSegment_GetClose
    for index in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = get_segment(obj, index)
        point_of(segment, x, y)
        px, py = x.value, y.value
        segments.append((type_of(segment), (round(a * px + c * py + e, DECIMALS), round(b * px + d * py + f, DECIMALS)),
                         bool(closes(segment))))
    subpaths: list[Subpath] = []
    for kind, point, closed in segments:
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            subpaths.append(Subpath([point], closed))
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO and subpaths and not subpaths[-1].closed:
            subpaths[-1].points.append(point)
            if closed:
                subpaths[-1] = Subpath(subpaths[-1].points, True)
        else:
            raise UnsupportedLayout("a curve, or a segment that starts no subpath")
    return subpaths


def _ruling(subpath: Subpath, height: float) -> Ruling:
    """pdfminer's reading of one subpath (its paint_path): 'ml' or 'mlh' is a line, a closed axis-aligned
    'mlllh' or 'mllll' a rectangle; anything else is a curve, which this reader leaves to pdfplumber.
    PDFium closes a path by a line back to the start, which is the 'l' pdfminer drops before an 'h'."""
    shape = "m" + "l" * (len(subpath.points) - 1) + ("h" if subpath.closed else "")
    points = subpath.points + ([subpath.points[0]] if subpath.closed else [])
    if len(shape) > 3 and shape.endswith("lh") and points[-2] == points[0]:
        shape = shape[:-2] + "h"
        points.pop()
    if shape in ("ml", "mlh"):
        (xa, ya), (xb, yb) = points[:2]
        return _measured("line", min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb), height)
    if shape in ("mlllh", "mllll") and points[0] == points[4]:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = points
        if (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0):
            return _measured("rect", min(x0, x2), min(y0, y2), max(x0, x2), max(y0, y2), height)
    raise UnsupportedLayout("path that is neither a line nor a rectangle")


def _measured(kind: str, x0: float, y0: float, x1: float, y1: float, height: float) -> Ruling:
    # pdfplumber's arithmetic, step for step: top and bottom from the page height, sizes from the points
    return Ruling(kind, x0, height - y1, x1, height - y0, x1 - x0, y1 - y0)


# --- edges ------------------------------------------------------------------------------------------

def ruling_edges(ruling: Ruling) -> list[Edge]:
    """pdfplumber's obj_to_edges: a rectangle's four sides (top, bottom, left, right), a line itself."""
    if ruling.kind == "line":
        return [Edge("h" if ruling.top == ruling.bottom else "v", ruling.x0, ruling.top, ruling.x1,
                     ruling.bottom, ruling.width if ruling.top == ruling.bottom else ruling.height)]
    x0, top, x1, bottom = ruling.x0, ruling.top, ruling.x1, ruling.bottom
    return [Edge("h", x0, top, x1, top, ruling.width),
            Edge("h", x0, top + ruling.height, x1, bottom, ruling.width),  # pdfplumber keeps the old bottom
            Edge("v", x0, top, x0, bottom, ruling.height),
            Edge("v", x1, top, x1, bottom, ruling.height)]


def explicit_rules(rects: list, lines: list, get) -> tuple[list, list] | None:
    """(vertical, horizontal) thin rules of a page, when they are enough to frame a task table (gazette
    tables draw their rules as thin filled rectangles and shade cells with wide ones, which pdfplumber's
    default strategy takes for borders); else None. ``get(obj, name)`` reads a measure: the same choice for
    PDFium's rulings (getattr) and pdfplumber's objects (dict lookup)."""
    vertical = [r for r in rects if get(r, "width") <= RULE_THICKNESS and get(r, "height") > RULE_MIN_LENGTH]
    vertical += [ln for ln in lines if abs(get(ln, "x0") - get(ln, "x1")) < 1]
    horizontal = [r for r in rects if get(r, "height") <= RULE_THICKNESS and get(r, "width") > RULE_MIN_LENGTH]
    horizontal += [ln for ln in lines if abs(get(ln, "top") - get(ln, "bottom")) < 1]
    if len({round(get(e, "x0")) for e in vertical}) < MIN_TABLE_COLUMNS + 1 or len(horizontal) < 2:
        return None
    return vertical, horizontal


def table_edges(rulings: list[Ruling]) -> list[Edge]:
    """The edges pdfplumber's TableFinder starts from with ingest's settings: the explicit rules when the
    page draws enough thin ones (as _plumber_settings tells pdfplumber), else every line and rectangle side."""
    rules = explicit_rules([r for r in rulings if r.kind == "rect"], [r for r in rulings if r.kind == "line"], getattr)
    if rules is not None:
        vertical, horizontal = rules
        return ([e for r in vertical for e in ruling_edges(r) if e.orientation == "v"]
                + [e for r in horizontal for e in ruling_edges(r) if e.orientation == "h"])
    # pdfplumber's default "lines" strategy: page.edges is the lines' edges, then the rectangles'
    edges = [e for r in rulings if r.kind == "line" for e in ruling_edges(r)]
    edges += [e for r in rulings if r.kind == "rect" for e in ruling_edges(r)]
    return ([e for e in edges if e.orientation == "v" and e.length >= EDGE_MIN_LENGTH_PREFILTER]
            + [e for e in edges if e.orientation == "h" and e.length >= EDGE_MIN_LENGTH_PREFILTER])


def merge_edges(edges: list[Edge]) -> list[Edge]:
    """Snap edges within SNAP_TOLERANCE to their mean position, join collinear ones within
    JOIN_TOLERANCE, drop those shorter than EDGE_MIN_LENGTH (pdfplumber's merge_edges and filter_edges)."""
    snapped = _snap([e for e in edges if e.orientation == "v"], "x0") + \
        _snap([e for e in edges if e.orientation == "h"], "top")
    position = {"h": lambda e: ("h", e.top), "v": lambda e: ("v", e.x0)}
    ordered = sorted(snapped, key=lambda e: position[e.orientation](e))
    joined = [edge for _, group in itertools.groupby(ordered, key=lambda e: position[e.orientation](e))
              for edge in _join(list(group))]
    return [e for e in joined if e.length >= EDGE_MIN_LENGTH]


def _snap(edges: list[Edge], attr: str) -> list[Edge]:
    out: list[Edge] = []
    for cluster in cluster_by(edges, lambda e: getattr(e, attr), SNAP_TOLERANCE):
        mean = sum(getattr(e, attr) for e in cluster) / len(cluster)
        for e in cluster:
            shift = mean - getattr(e, attr)  # added, not assigned: pdfplumber's move_object
            if attr == "x0":
                out.append(Edge(e.orientation, e.x0 + shift, e.top, e.x1 + shift, e.bottom, e.length))
            else:
                out.append(Edge(e.orientation, e.x0, e.top + shift, e.x1, e.bottom + shift, e.length))
    return out


def _join(edges: list[Edge]) -> list[Edge]:
    start, end = ("x0", "x1") if edges[0].orientation == "h" else ("top", "bottom")
    ordered = sorted(edges, key=lambda e: getattr(e, start))
    joined = [ordered[0]]
    for e in ordered[1:]:
        last = joined[-1]
        if getattr(e, start) <= getattr(last, end) + JOIN_TOLERANCE:
            if getattr(e, end) > getattr(last, end):  # extend to the new end, as resize_object does
                grown = getattr(e, end) - getattr(last, end)
                joined[-1] = replace(last, **{end: getattr(e, end)},
                                     length=(getattr(e, end) - last.x0) if end == "x1" else last.length + grown)
        else:
            joined.append(e)
    return joined


# --- cells and tables -------------------------------------------------------------------------------

Point = tuple[float, float]
Box = tuple[float, float, float, float]


def intersections(edges: list[Edge]) -> dict[Point, tuple[set[Box], set[Box]]]:
    """Where a vertical and a horizontal edge meet (within INTERSECTION_TOLERANCE): the point, with the
    boxes of the vertical and of the horizontal edges through it."""
    tol = INTERSECTION_TOLERANCE
    points: dict[Point, tuple[set[Box], set[Box]]] = {}
    verticals = sorted((e for e in edges if e.orientation == "v"), key=lambda e: (e.x0, e.top))
    horizontals = sorted((e for e in edges if e.orientation == "h"), key=lambda e: (e.top, e.x0))
    for v in verticals:
        for h in horizontals:
            if v.top <= h.top + tol and v.bottom >= h.top - tol and h.x0 - tol <= v.x0 <= h.x1 + tol:
                through = points.setdefault((v.x0, h.top), (set(), set()))
                through[0].add(v.bbox)
                through[1].add(h.bbox)
    return points


def cells(points: dict[Point, tuple[set[Box], set[Box]]]) -> list[Box]:
    """For each corner, the smallest cell whose four corners it and three other points make, joined by
    common edges (pdfplumber's intersections_to_cells)."""
    def connected(a: Point, b: Point) -> bool:
        return bool((a[0] == b[0] and points[a][0] & points[b][0])
                    or (a[1] == b[1] and points[a][1] & points[b][1]))

    corners = sorted(points)
    found: list[Box] = []
    for i, corner in enumerate(corners[:-1]):
        rest = corners[i + 1:]
        below = [p for p in rest if p[0] == corner[0]]
        right = [p for p in rest if p[1] == corner[1]]
        found.extend(_smallest_cell(corner, below, right, points, connected))
    return found


def _smallest_cell(corner, below, right, points, connected) -> list[Box]:
    for below_pt in below:
        if not connected(corner, below_pt):
            continue
        for right_pt in right:
            if not connected(corner, right_pt):
                continue
            opposite = (right_pt[0], below_pt[1])
            if opposite in points and connected(opposite, right_pt) and connected(opposite, below_pt):
                return [(corner[0], corner[1], opposite[0], opposite[1])]
    return []


def group_cells(found: list[Box]) -> list[list[Box]]:
    """Cells sharing corners grouped into tables, top to bottom, single cells dropped (cells_to_tables)."""
    remaining = list(found)
    corners: set[Point] = set()
    current: list[Box] = []
    tables: list[list[Box]] = []
    while remaining:
        before = len(current)
        for cell in list(remaining):
            cell_corners = {(cell[0], cell[1]), (cell[0], cell[3]), (cell[2], cell[1]), (cell[2], cell[3])}
            if not current or cell_corners & corners:
                corners |= cell_corners
                current.append(cell)
                remaining.remove(cell)
        if len(current) == before:
            tables.append(current)
            corners, current = set(), []
    if current:
        tables.append(current)
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


@dataclass
class Table:
    cells: list[Box]

    @property
    def bbox(self) -> Box:
        return (min(c[0] for c in self.cells), min(c[1] for c in self.cells),
                max(c[2] for c in self.cells), max(c[3] for c in self.cells))

    def rows(self) -> list[list[Box | None]]:
        """Rows top to bottom, one slot per column position (None where a merged cell covers it)."""
        columns = sorted({c[0] for c in self.cells})
        ordered = sorted(self.cells, key=lambda c: (c[1], c[0]))
        return [[by_x.get(x) for x in columns] for by_x in
                ({c[0]: c for c in row} for _, row in itertools.groupby(ordered, key=lambda c: c[1]))]

    def extract(self, chars: list[Char]) -> list[list[str | None]]:
        """Each cell's text from the characters whose centres it holds (pdfplumber's Table.extract)."""
        # centres once per table, sorted down the page so that each row takes its band by bisection, and
        # numbered so that a row's characters go back into the page's order (the layout's ties follow it)
        centred = sorted(((ch.top + ch.bottom) / 2, (ch.x0 + ch.x1) / 2, index, ch) for index, ch in enumerate(chars))
        downs = [item[0] for item in centred]
        out: list[list[str | None]] = []
        for row in self.rows():
            present = [c for c in row if c is not None]
            row_box = (min(c[0] for c in present), min(c[1] for c in present),
                       max(c[2] for c in present), max(c[3] for c in present))
            band = centred[bisect.bisect_left(downs, row_box[1]):bisect.bisect_left(downs, row_box[3])]
            in_row = sorted(_centred_in(band, row_box), key=lambda item: item[2])
            out.append([None if cell is None else chars_to_text([item[3] for item in _centred_in(in_row, cell)])
                        for cell in row])
        return out


Centred = tuple[float, float, int, Char]  # (centre down, centre across, place in the page's order, char)


def _centred_in(centred: list[Centred], box: Box) -> list[Centred]:
    x0, top, x1, bottom = box
    return [item for item in centred if x0 <= item[1] < x1 and top <= item[0] < bottom]


def find_tables(rulings: list[Ruling]) -> list[Table]:
    return [Table(group) for group in group_cells(cells(intersections(merge_edges(table_edges(rulings)))))]


# --- the page -----------------------------------------------------------------------------------------

def crop_text(chars: list[Char], box: Box, page_box: Box) -> str:
    """``page.crop(box).extract_text()``: characters overlapping the box, clipped to it. A box not
    inside the page is refused, as pdfplumber refuses it."""
    if (box[2] - box[0]) * (box[3] - box[1]) == 0 or not _inside(box, page_box):
        raise ValueError(f"crop box {box} not within the page")
    left, top, right, bottom = box
    clipped = []
    for ch in chars:
        if ch.bottom < top or ch.top > bottom or ch.x1 < left or ch.x0 > right:
            continue  # no overlap
        if (left <= ch.x0 and ch.x1 <= right and top <= ch.top and ch.bottom <= bottom
                and (ch.x1 - ch.x0) + (ch.bottom - ch.top) > 0):
            clipped.append(ch)  # inside: clipping leaves it as it is
            continue
        x0, y0, x1, y1 = max(ch.x0, left), max(ch.top, top), min(ch.x1, right), min(ch.bottom, bottom)
        if x1 - x0 >= 0 and y1 - y0 >= 0 and (x1 - x0) + (y1 - y0) > 0:
            clipped.append(Char(ch.text, x0, y0, x1, y1))
    return chars_to_text(clipped, preserve_order=True)


def _inside(box: Box, page_box: Box) -> bool:
    return page_box[0] <= box[0] and page_box[1] <= box[1] and box[2] <= page_box[2] and box[3] <= page_box[3]


def page_with_tables(page, textpage, data: bytes, index: int) -> str | None:
    """The page's text with each task table as rows ('| 1 | task | lead | ... |') and the text around the
    tables in reading order; None when the page holds no table of MIN_TABLE_COLUMNS columns. PDFium's
    objects give the rules; a page drawn otherwise (curves, forms) is read by pdfplumber (data, index)."""
    try:
        return read_with_pdfium(page, textpage)
    except UnsupportedLayout:
        return read_with_pdfplumber(data, index)


def read_with_pdfium(page, textpage) -> str | None:
    """page_with_tables from PDFium's objects; raises UnsupportedLayout where pdfplumber must read."""
    rulings = page_rulings(page)
    if not rulings:
        return None  # no edges, so no table, whatever the strategy
    tables = [t for t in find_tables(rulings) if len(t.rows()[0]) >= MIN_TABLE_COLUMNS]
    if not tables:
        return None
    chars = page_chars(page, textpage)
    width, height = (round(size, DECIMALS) for size in page.get_size())
    page_box = (0.0, 0.0, width, height)
    return _lay_out([(t.bbox, t.extract(chars)) for t in tables], lambda box: crop_text(chars, box, page_box),
                    width, height)


def read_with_pdfplumber(data: bytes, index: int) -> str | None:
    """page_with_tables through pdfplumber (pdfminer parses the page again: 0.1-0.3 s)."""
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data), pages=[index + 1]) as pdf:
        page = pdf.pages[0]
        tables = [t for t in page.find_tables(_plumber_settings(page))
                  if t.rows and len(t.rows[0].cells) >= MIN_TABLE_COLUMNS]
        if not tables:
            return None
        return _lay_out([(t.bbox, t.extract()) for t in tables], lambda box: page.crop(box).extract_text() or "",
                        page.width, page.height)


def _plumber_settings(page) -> dict:
    """table_edges' choice in pdfplumber's terms: explicit rules when the page draws enough thin ones."""
    rules = explicit_rules(page.rects, page.lines, dict.__getitem__)
    if rules is None:
        return {}
    vertical, horizontal = rules
    return {"vertical_strategy": "explicit", "horizontal_strategy": "explicit",
            "explicit_vertical_lines": vertical, "explicit_horizontal_lines": horizontal}


def _lay_out(tables: list[tuple[Box, list[list[str | None]]]], crop, width: float, height: float) -> str:
    """Tables (bounding box, cell texts) top to bottom as '| a | b |' rows, with crop(box)'s text above,
    between and below them."""
    parts: list[str] = []
    top = 0.0
    for (_, t_top, _, t_bottom), rows in sorted(tables, key=lambda table: table[0][1]):
        if t_top > top:
            parts.append(crop((0, top, width, t_top)))
        for row in rows:
            texts = [" ".join((cell or "").split()) for cell in row]
            if any(texts):
                parts.append("| " + " | ".join(texts) + " |")
        top = t_bottom
    if top < height:
        parts.append(crop((0, top, width, height)))
    return "\n".join(p for p in parts if p.strip())
