"""Words and lines of a PDF page from PDFium's character boxes, laid out as pdfplumber lays them out.

The first page of an official document opens with a two-column header (issuer | national motto;
number | place and date) that a text layer reads line by line across both columns. The header band
is read column by column from the words' positions. Opening the page a second time in pdfplumber
(pdfminer) to get those positions cost most of the ingest time of a born-digital PDF, so the words
are built here from the text page PDFium has already parsed, with pdfplumber's geometry (a character
box is one font size tall above the font's descent) and its word and line rules, so that the text is
the one pdfplumber gave.
"""

from __future__ import annotations

from dataclasses import dataclass

# pdfplumber's default tolerance (points): a larger difference of tops starts a new line
Y_TOLERANCE = 3.0
# A gap this wide between two characters is a space. pdfplumber splits at gaps over 3 points and at the
# PDF's own space characters, but PDFium drops a space drawn over its neighbours ('ban Chỉ' read as
# 'banChỉ'); letters of one word overlap or touch (gaps under 0.7 points on the gazette), so 1.5 gives
# pdfplumber's words on every page of ../shared/corpus/gazette.
X_GAP_SPACE = 1.5
# PDFium's mark for a hyphen that ends a line; pdfplumber reads it as the hyphen it is
LINE_END_HYPHEN = "\ufffe"


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
    for index, char in enumerate(text):
        if char.isspace():
            current = None
            continue
        if char == LINE_END_HYPHEN:
            char = "-"
        left, bottom, right, _ = textpage.get_charbox(index, loose=True)  # loose: from the descent
        size = pdfium_c.FPDFText_GetFontSize(textpage.raw, index)
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
