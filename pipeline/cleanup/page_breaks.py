"""Page breaks: where a document's pages meet, the page number and the marker set there go.

A PDF's text layer (ingest joins its pages with a form feed), Tesseract's text and other OCR tools' output
("--- PAGE BREAK ---") carry the page break, and Decree 30 sets the page number at the top of every page
from the second. Left in the text, "2" on a line of its own reads as an item's number and cuts the item
around it ("... theo Quyết định số 1002/QĐ-TTg" / "2" / "ngày 24 tháng 5 năm 2025 ..."). So a number on a
line of its own next to a break goes when it is the page's own: the k-th break opens page k + 1 (a table's
row number that opens a page is not its number). The break itself is a blank line, which ends a paragraph,
unless the next page plainly goes on with the sentence (it opens in lower case); then it is a plain line
break, which the paragraph rules join like any other. (A page that opens with a capital more often opens a
block: the signer's name ends one page and "Phụ lục ..." opens the next.)

Other OCR tools leave the page numbers with no break beside them. They go too, by their order (2, 3, 4 ... down the
text) and by where a break falls: in the middle of a sentence as often as not (``drop_page_numbers``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from pipeline.knowledge.patterns import PAGE_NUMBER

PAGE_BREAK = "\f"
# a line that only marks a page break, as some OCR tools write it
MARKER_LINE = re.compile(r"^[ \t]*-{2,}[ \t]*(?i:page[ \t]+break)[ \t]*-{2,}[ \t]*$", re.M)
_NUMBER_LINE = re.compile(PAGE_NUMBER)
PAGE_TWO = re.compile(r"^[ \t]*(?:[-–][ \t]*)?2(?:[ \t]*[-–])?[ \t]*$", re.M)
SENTENCE_ENDS = (".", ";", ":", "!", "?", "|")
MIN_PAGE_LINES = 10  # lines: a page holds more
MIN_INSIDE_SHARE = 3  # one page number in three at least stands inside a sentence (a break falls anywhere in one)
_TOP = re.compile(rf"\A\n*{PAGE_NUMBER}(?:\n|\Z)")
_BOTTOM = re.compile(rf"(?:\A|\n){PAGE_NUMBER}\n*\Z")


def join_pages(text: str, goes_on: Callable[[str], bool]) -> str:
    """`text` (lines broken by "\\n" only) with each page break a line break, or a blank line where the next page
    does not go on with the sentence (``goes_on(first line)``), and the page numbers beside the breaks gone."""
    if "reak" in text or "REAK" in text:  # a cheap test before the marker's scan: most texts have none
        text = MARKER_LINE.sub(PAGE_BREAK, text)
    if PAGE_BREAK not in text:
        return drop_page_numbers(text, goes_on)
    pages = text.split(PAGE_BREAK)
    for k in range(1, len(pages)):  # pages[k] is page k + 1, pages[k - 1] ends with page k's bottom
        if (top := _TOP.match(pages[k])) and int(top.group(1)) == k + 1:
            pages[k] = pages[k][top.end():]
        elif (bottom := _BOTTOM.search(pages[k - 1])) and int(bottom.group(1)) == k:
            pages[k - 1] = pages[k - 1][:bottom.start()]
    pages = [page.strip("\n") for page in pages]
    joined = [pages[0]]
    for before, page in itertools.pairwise(pages):
        joined.append("\n" if goes_on(page) or _table_goes_on(before, page) else "\n\n")
        joined.append(page)
    return "".join(joined)


def drop_page_numbers(text: str, goes_on: Callable[[str], bool]) -> str:
    """`text` without the page numbers another OCR tool leaves on lines of their own with no break beside them:
    numbers 2, 3, 4 ... in the order of the pages (Decree 30 numbers them from the second), where some of them stand in
    the middle of a sentence that the page breaks (``goes_on(the next line)``, the line before them ending no
    sentence). A row's or item's number list opens at 1, and sits between rows or items, not inside sentences."""
    if PAGE_TWO.search(text) is None:  # most texts hold no "2" on a line of its own
        return text
    lines = text.split("\n")
    pages: list[int] = []  # the lines that hold the numbers 2, 3, ... in order
    for i, line in enumerate(lines):
        if (number := _NUMBER_LINE.fullmatch(line)) is None:
            continue
        value = int(number.group(1))
        if value == 1 and not pages:
            return text  # a list numbered from 1: its numbers are its rows' or items'
        if value == len(pages) + 2 and (not pages or i - pages[-1] >= MIN_PAGE_LINES) and not _in_cell(lines, i):
            pages.append(i)
    inside = sum(1 for i in pages if _inside_sentence(lines, i, goes_on))
    if len(pages) < 2 or inside * MIN_INSIDE_SHARE < len(pages):
        return text
    dropped = set(pages)
    return "\n".join(line for i, line in enumerate(lines) if i not in dropped)


def _inside_sentence(lines: list[str], i: int, goes_on: Callable[[str], bool]) -> bool:
    """Whether the number on line i stands between two parts of one sentence."""
    before = next((lines[j].rstrip() for j in range(i - 1, -1, -1) if lines[j].strip()), "")
    after = next((lines[j] for j in range(i + 1, len(lines)) if lines[j].strip()), "")
    return bool(before) and not before.endswith(SENTENCE_ENDS) and goes_on(after) and not _NUMBER_LINE.fullmatch(after)


def _in_cell(lines: list[str], i: int) -> bool:
    """Whether line i stands between a table's cell rules ("|" lines): a cell of its own, a row's number."""
    before = lines[i - 1].rstrip() if i else ""
    after = lines[i + 1].lstrip() if i + 1 < len(lines) else ""
    return before.endswith("|") or after.startswith("|")


def _table_goes_on(before: str, after: str) -> bool:
    """A table runs on over the break: the page ends with a cell's rule or a row ("... |") or the next one opens with
    one ("| ..."); a blank line there would cut the row it breaks, or the table from its header."""
    return before.rstrip().endswith("|") or after.lstrip().startswith("|")
