"""Folding with an offset map: where in the text a gold anchor starts, matched as the scorer matches it.

The scorer (pipeline.evaluate.fold_text, ../shared/eval/score.py) folds case, white space, the marks
``|*#_`` and the old tone placement before it tests whether an anchor is a substring of a task's text.
Training needs the position of that match in the document, so the same folding is done here character
by character, keeping for every folded character the offset it came from.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from pipeline.evaluate import _ENUMERATOR, _FOLD, _TONE_PAIRS, fold_text


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the offset in ``text`` it comes from.

    ``text`` is the pipeline's normalised text (already NFC)."""
    out: list[str] = []
    offsets: list[int] = []
    pending_space = -1  # offset of the first character of a run of white space / marks
    for i, ch in enumerate(unicodedata.normalize("NFC", text)):
        if _FOLD.match(ch):  # the scorer's white space and marks
            if pending_space < 0:
                pending_space = i
            continue
        if pending_space >= 0:
            if out:  # leading white space folds away, as strip() does
                out.append(" ")
                offsets.append(pending_space)
            pending_space = -1
        for folded in ch.casefold():  # one character may fold to several ("ß" -> "ss")
            out.append(folded)
            offsets.append(i)
    folded_text = "".join(out)
    # the tone pairs are two characters each way, so replacing them keeps every offset
    for new_style, old_style in _TONE_PAIRS:
        folded_text = folded_text.replace(new_style, old_style)
    return folded_text, offsets


def anchor_starts(text: str, anchors: list[str]) -> list[int | None]:
    """For each anchor (in order), the offset in ``text`` where it starts, or None when it is not there.

    Equal anchors take successive occurrences; an anchor the scorer would accept without its enumerator
    ("1. Bộ ..." written in gold, "Bộ ..." in the text) is looked up bare too."""
    folded, offsets = fold_with_offsets(text)
    used: set[int] = set()
    starts: list[int | None] = []
    for anchor in anchors:
        found = next((pos for candidate in _keys(anchor) for pos in _positions(folded, candidate) if pos not in used),
                     None)
        if found is None:
            starts.append(None)
            continue
        used.add(found)
        starts.append(offsets[found])
    return starts


def anchor_occurrences(text: str, anchors: list[str]) -> list[list[int]]:
    """For each anchor (in order), every offset in ``text`` where it starts (none: an empty list).

    A plan may write a task twice, in its body and again as a row of its appendix table, and gold anchors the
    one its path names: the scorer credits a task at either place, so neither is known not to be the task."""
    folded, offsets = fold_with_offsets(text)
    found: list[list[int]] = []
    for anchor in anchors:
        # the places of the first key found (the anchor as written, else without its enumerator)
        places = next((p for p in ([offsets[pos] for pos in _positions(folded, c)] for c in _keys(anchor)) if p), [])
        found.append(places)
    return found


def _positions(folded: str, key: str) -> Iterator[int]:
    """Every position of ``key`` in the folded text, in order."""
    pos = folded.find(key)
    while pos >= 0:
        yield pos
        pos = folded.find(key, pos + 1)


def _keys(anchor: str) -> list[str]:
    """The anchor folded as the scorer folds it, then without its enumerator."""
    key = fold_text(anchor)
    return [k for k in dict.fromkeys((key, _ENUMERATOR.sub("", key))) if k]
