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
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from pipeline.knowledge.patterns import PAGE_NUMBER

PAGE_BREAK = "\f"
# a line that only marks a page break, as some OCR tools write it
MARKER_LINE = re.compile(r"^[ \t]*-{2,}[ \t]*(?i:page[ \t]+break)[ \t]*-{2,}[ \t]*$", re.M)
_TOP = re.compile(rf"\A\n*{PAGE_NUMBER}(?:\n|\Z)")
_BOTTOM = re.compile(rf"(?:\A|\n){PAGE_NUMBER}\n*\Z")


def join_pages(text: str, goes_on: Callable[[str], bool]) -> str:
    """`text` (lines broken by "\\n" only) with each page break a line break, or a blank line where the next page
    does not go on with the sentence (``goes_on(first line)``), and the page numbers beside the breaks gone."""
    if "reak" in text or "REAK" in text:  # a cheap test before the marker's scan: most texts have none
        text = MARKER_LINE.sub(PAGE_BREAK, text)
    if PAGE_BREAK not in text:
        return text
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


def _table_goes_on(before: str, after: str) -> bool:
    """A table runs on over the break: the page ends with a cell's rule or a row ("... |") or the next one opens with
    one ("| ..."); a blank line there would cut the row it breaks, or the table from its header."""
    return before.rstrip().endswith("|") or after.lstrip().startswith("|")
