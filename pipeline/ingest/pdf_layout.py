"""Words and lines of a PDF page from PDFium's character boxes, laid out as pdfplumber lays them out.

The first page of an official document opens with a two-column header (issuer | national motto;
number | place and date) that a text layer reads line by line across both columns. The header band
is read column by column from the words' positions. Opening the page a second time in pdfplumber
(pdfminer) to get those positions cost most of the ingest time of a born-digital PDF, so the words
are built here from the text page PDFium has already parsed, with pdfplumber's geometry (a character
box is one font size tall above the font's descent) and its word and line rules, so that the text is
the one pdfplumber gave.

The same character boxes, as pdfplumber's characters (``page_chars``), feed the table reader
(pdf_tables), which needs to know in which cell each character stands; ``chars_to_text`` lays them out
as pdfplumber's ``extract_text`` does.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import NamedTuple

# pdfplumber's default tolerance (points): a larger difference of tops starts a new line
Y_TOLERANCE = 3.0
# A gap this wide between two characters is a space. pdfplumber splits at gaps over 3 points and at the
# PDF's own space characters, but PDFium drops a space drawn over its neighbours ('ban Chỉ' read as
# 'banChỉ'); letters of one word overlap or touch (gaps under 0.7 points on the gazette), so 1.5 gives
# pdfplumber's words on every page of ../shared/corpus/gazette.
X_GAP_SPACE = 1.5
# PDFium's mark for a hyphen that ends a line; pdfplumber reads it as the hyphen it is
LINE_END_HYPHEN = "\ufffe"
# pdfplumber expands these ligatures when it joins characters into words
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float  # from the top of the page, like pdfplumber
    bottom: float


def page_words(page, textpage) -> list[Word]:
    """The page's words in text order; whitespace, a gap wider than X_GAP_SPACE, a step back or a new
    line ends a word."""
    import pypdfium2.raw as pdfium_c

    height = page.get_size()[1]
    text = textpage.get_text_range()
    words: list[Word] = []
    current: Word | None = None
    # the per-character calls bound to names, and one box buffer for all: they run per character
    raw, loose_box, size_of = textpage.raw, pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetFontSize
    box = pdfium_c.FS_RECTF()
    for index, char in enumerate(text):
        if char.isspace():
            current = None
            continue
        if char == LINE_END_HYPHEN:
            char = "-"
        loose_box(raw, index, box)  # loose: from the descent
        left, bottom, right = box.left, box.bottom, box.right
        size = size_of(raw, index)
        top = height - (bottom + size)
        if current is not None and (abs(top - current.top) > Y_TOLERANCE or left < current.x0
                                    or left - current.x1 > X_GAP_SPACE):
            current = None
        if current is None:
            current = Word(char, left, right, top, top + size)
            words.append(current)
        else:
            current.text += char
            current.x1 = max(current.x1, right)
            current.top = min(current.top, top)
            current.bottom = max(current.bottom, top + size)
    return words


def text_lines(words: list[Word]) -> str:
    """Words clustered into lines by their tops (pdfplumber's cluster rule), each line left to right."""
    lines: list[list[Word]] = []
    last_top = None
    for word in sorted(words, key=lambda w: w.top):
        if last_top is None or word.top - last_top > Y_TOLERANCE:
            lines.append([])
        lines[-1].append(word)
        last_top = word.top
    return "\n".join(" ".join(w.text for w in sorted(line, key=lambda w: w.x0)) for line in lines)


def header_lines(words: list[Word]) -> str:
    """One column of the header: words grouped into rows by the first word's top, left to right."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (round(w.top), w.x0)):
        if rows and abs(rows[-1][0].top - word.top) < Y_TOLERANCE:
            rows[-1].append(word)
        else:
            rows.append([word])
    return "\n".join(" ".join(w.text for w in sorted(row, key=lambda w: w.x0)) for row in rows)


# --- characters, for the table reader ---------------------------------------------------------------

class Char(NamedTuple):
    """One character drawn on the page, in pdfplumber's coordinates (points from the top left)."""
    text: str
    x0: float
    top: float
    x1: float
    bottom: float


class UnsupportedLayout(Exception):
    """A page these readers do not mirror pdfplumber on (rotated text, for one)."""


def page_chars(page, textpage) -> list[Char]:
    """The characters the PDF draws, with the boxes page_words gives them; PDFium's generated spaces and
    line breaks are left out (pdfplumber has no such characters). Raises UnsupportedLayout on rotated text."""
    import pypdfium2.raw as pdfium_c

    height = page.get_size()[1]
    raw = textpage.raw
    text = textpage.get_text_range()
    if len(text) != pdfium_c.FPDFText_CountChars(raw):  # a character outside the BMP: one per index instead
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, i)) for i in range(pdfium_c.FPDFText_CountChars(raw)))
    # the per-character calls bound to names, and one box buffer for all: they run per character
    is_generated, angle_of = pdfium_c.FPDFText_IsGenerated, pdfium_c.FPDFText_GetCharAngle
    loose_box, size_of = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetFontSize
    box = pdfium_c.FS_RECTF()
    chars: list[Char] = []
    for index, char in enumerate(text):
        if char.isspace() and (char in "\r\n" or is_generated(raw, index) == 1):
            continue  # PDFium generates only spaces and line breaks
        if char in (LINE_END_HYPHEN, "\x02"):
            char = "-"
        if angle_of(raw, index) != 0:
            raise UnsupportedLayout("rotated text")
        loose_box(raw, index, box)
        size = size_of(raw, index)
        top = height - (box.bottom + size)
        chars.append(Char(char, box.left, top, box.right, top + size))
    return chars


class CharWord(NamedTuple):
    """A word as pdfplumber's WordExtractor makes it; its text and top are all the layout reads."""
    text: str
    top: float


def cluster_values(values, tolerance: float) -> dict[float, int]:
    """pdfplumber's cluster rule: sorted distinct values, a gap over tolerance starts the next cluster."""
    clusters: dict[float, int] = {}
    last = None
    number = -1
    for value in sorted(set(values)):
        if last is None or value > last + tolerance:
            number += 1
        clusters[value] = number
        last = value
    return clusters


def cluster_by(items: list, key, tolerance: float, preserve_order: bool = False) -> list[list]:
    """Items grouped by clusters of key(item) (pdfplumber's cluster_objects): by cluster number, or, with
    preserve_order, in runs of the same cluster in the given order."""
    clusters = cluster_values(map(key, items), tolerance)
    numbered = [(item, clusters[key(item)]) for item in items]
    if not preserve_order:
        numbered.sort(key=lambda pair: pair[1])
    return [[item for item, _ in run] for _, run in itertools.groupby(numbered, key=lambda pair: pair[1])]


def _top(item) -> float:
    return item.top


def chars_to_words(chars: list[Char], x_gap: float = X_GAP_SPACE) -> list[CharWord]:
    """pdfplumber's words: characters clustered into lines by their tops, each line left to right, a
    blank, a step back, a gap wider than x_gap or a change of line ends a word."""
    words: list[CharWord] = []
    for line in cluster_by(chars, _top, Y_TOLERANCE):
        line.sort(key=lambda char: char.x0)
        current: list[Char] = []
        for char in line:
            if char.text.isspace():
                _close_word(current, words)
                current = []
            elif current and (char.x0 < current[-1].x0 or char.x0 > current[-1].x1 + x_gap
                              or abs(char.top - current[-1].top) > Y_TOLERANCE):
                _close_word(current, words)
                current = [char]
            else:
                current.append(char)
        _close_word(current, words)
    return words


def _close_word(chars: list[Char], words: list[CharWord]) -> None:
    if chars:
        words.append(CharWord("".join(LIGATURES.get(c.text, c.text) for c in chars), min(c.top for c in chars)))


def chars_to_text(chars: list[Char], preserve_order: bool = False) -> str:
    """The characters as pdfplumber's extract_text gives them (words joined by spaces, lines by newlines):
    preserve_order=False is ``utils.extract_text`` (a table cell), True is ``page.crop(...).extract_text()``
    (whose text map keeps the words' order and starts a line wherever the line cluster changes)."""
    words = chars_to_words(chars)
    return "\n".join(" ".join(word.text for word in line)
                     for line in cluster_by(words, _top, Y_TOLERANCE, preserve_order))
