"""Where a mention stands in its paragraph (the opening of a clause, of an item or of a list's item) and whether two
mentions overlap: the small tests that body_mentions and the readers of the names a document defines share."""

from __future__ import annotations

import re

from pipeline.extract.agencies import AgencyMention

# a paragraph's label before its text: "1. ", "a) ", "- "
LABEL_ONLY = re.compile(r"\s*(?:(?:\d{1,3}|[a-zđ])[.)]|[-–+•])?\s*")


def in_place_of(found: list[AgencyMention], added: list[AgencyMention]) -> list[AgencyMention]:
    """`found` with the mentions `added` in place of those they overlap, sorted by start (`found` itself if none)."""
    if not added:
        return found
    kept = [k for k in found if not any(overlap(k.span, a.span) for a in added)]
    return sorted(kept + added, key=lambda m: m.span[0])


def opens_clause(before: str) -> bool:
    """Whether what a paragraph holds before a word opens an item's clause: its label alone ("1. "), or a topic and its
    colon ("Về kinh phí: ")."""
    return bool(LABEL_ONLY.fullmatch(before) and before.strip()) or before.rstrip().endswith(":")


def starts_clause(before: str) -> bool:
    """Whether a word after what a paragraph holds before it opens a clause: the paragraph's start (or its label's end),
    a sentence's, or a condition's consequence ("Trường hợp ..., thì Cơ quan đăng ký đầu tư có quyền ...")."""
    before = before.rstrip()
    return not before or opens_clause(before) or before.endswith((".", ";", " thì"))


def opens_item(before: str) -> bool:
    """Whether what a cell holds before a word ends an item of its list (or is nothing): "Bộ Xây dựng, ", "- "."""
    before = before.rstrip()
    return not before or before.endswith((",", ";", "+", "-", "–")) or before.endswith(" và")


def overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two spans of the text share a character."""
    return a[0] < b[1] and b[0] < a[1]
