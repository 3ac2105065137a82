"""Blanks: which characters count as blank, and each line's blanks squeezed over a whole text at once.

The character pass (``normalise_characters``) turns every blank but the line break and the page break (a
form feed, which ``page_breaks.join_pages`` reads) into a space, so the later passes over a whole text (the
furniture rules' plain view, the paragraph lines) only meet spaces.
"""

from __future__ import annotations

import re

# every blank that str.split() splits on, besides the space, the line break and the page break (tabs,
# no-break and ideographic spaces, the Unicode line and paragraph separators ...)
OTHER_BLANKS = "".join(c for c in map(chr, range(0x3001)) if c.isspace() and c not in " \n\f")

_SPACE_RUN = re.compile("  [ ]*")  # opens with a two-space literal, which the regex engine looks for fast
_LINE_OPENING_SPACE = re.compile("\n ")  # a regex finds "\n " three times faster than str.replace


def squeeze_lines(text: str) -> str:
    """Each line of `text` as ``" ".join(line.split())``, for a text whose only blanks are spaces and line
    breaks; a few passes in C, each skipped when a cheap ``in`` test finds nothing to do (as in most texts).
    Returns `text` itself when there is nothing to squeeze."""
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    if " \n" in text:
        text = text.replace(" \n", "\n")
    text = _LINE_OPENING_SPACE.sub("\n", text)  # no in-test: the search alone costs as much
    return text.strip(" ")
