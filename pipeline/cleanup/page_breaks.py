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

from pipeline.knowledge.patterns import PAGE_NUMBER, page_number

PAGE_BREAK = "\f"
# a line that only marks a page break, as some OCR tools write it
MARKER_LINE = re.compile(r"^[ \t]*-{2,}[ \t]*(?i:page[ \t]+break)[ \t]*-{2,}[ \t]*$", re.M)
_NUMBER_LINE = re.compile(PAGE_NUMBER)
NUMBER_LINES = re.compile(rf"^{PAGE_NUMBER}$", re.M)
# a "2" on a line of its own (page 2's number is never a text's first line): a newline first lets the scan skip to them
PAGE_TWO = re.compile(rf"\n{page_number('2')}(?=\n|$)")
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
    pages: list[re.Match[str]] = []  # the lines that hold the numbers 2, 3, ... in order
    for number in NUMBER_LINES.finditer(text):
        value = int(number.group(1))
        if value == 1 and not pages:
            return text  # a list numbered from 1: its numbers are its rows' or items'
        if value == len(pages) + 2 and not _in_cell(text, number) \
                and (not pages or text.count("\n", pages[-1].end(), number.start()) >= MIN_PAGE_LINES):
            pages.append(number)
    inside = sum(1 for number in pages if _inside_sentence(text, number, goes_on))
    if len(pages) < 2 or inside * MIN_INSIDE_SHARE < len(pages):
        return text
    kept, at = [], 0
    for number in pages:  # each number's line goes with the line break after it
        kept.append(text[at:number.start()])
        at = min(number.end() + 1, len(text))
    return "".join(kept) + text[at:]


def _line_before(text: str, start: int) -> str:
    """The last line with words in it before `start` (a line's start)."""
    end = start - 1
    while end > 0:
        begin = text.rfind("\n", 0, end) + 1
        if text[begin:end].strip():
            return text[begin:end]
        end = begin - 1
    return ""


def _line_after(text: str, end: int) -> str:
    """The first line with words in it after `end` (a line's end)."""
    begin = end + 1
    while begin < len(text):
        stop = text.find("\n", begin)
        stop = len(text) if stop < 0 else stop
        if text[begin:stop].strip():
            return text[begin:stop]
        begin = stop + 1
    return ""


def _inside_sentence(text: str, number: re.Match[str], goes_on: Callable[[str], bool]) -> bool:
    """Whether the number's line stands between two parts of one sentence."""
    before, after = _line_before(text, number.start()).rstrip(), _line_after(text, number.end())
    return bool(before) and not before.endswith(SENTENCE_ENDS) and goes_on(after) and not _NUMBER_LINE.fullmatch(after)


def _in_cell(text: str, number: re.Match[str]) -> bool:
    """Whether the number's line stands between a table's cell rules ("|" lines): a cell of its own, a row's number."""
    begin = text.rfind("\n", 0, max(number.start() - 1, 0)) + 1
    before = text[begin:max(number.start() - 1, begin)].rstrip()
    stop = text.find("\n", number.end() + 1)
    after = text[number.end() + 1:len(text) if stop < 0 else stop].lstrip()
    return before.endswith("|") or after.startswith("|")


def _table_goes_on(before: str, after: str) -> bool:
    """A table runs on over the break: the page ends with a cell's rule or a row ("... |") or the next one opens with
    one ("| ..."); a blank line there would cut the row it breaks, or the table from its header."""
    return before.rstrip().endswith("|") or after.lstrip().startswith("|")
