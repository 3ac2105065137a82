"""Units the block classifier labels: each segmented block, cut into its sentences and ';'-clauses
(so "Giao Bộ X ...; giao Bộ Y ..." inside one paragraph gives two units), with the structure around
it written as feature tokens (block kind, enumerator, heading above, position) that a bag-of-words
model can weigh beside the words."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pipeline.segment.segmenter import Block, Segmentation

MIN_CLAUSE = 40  # shorter pieces are list items ("Bộ Y tế; Bộ Công an"), not clauses of their own
MAX_WORDS = 40  # what makes a task is how it opens; the rest only costs time
WORDS_REACH = 400  # characters of a unit read for its words: MAX_WORDS of them stand well within
HEADING_WORDS = 8
HEADING_REACH = 30  # blocks above a unit searched for its heading or lead-in
# a sentence or ';'-clause break before a capital or an assigning verb
_CLAUSE_BREAK = re.compile(r"(?<=[.;])\s+(?=(?:[A-ZĐÀ-ỸẠ-Ỹ]|giao\s|đề\s+nghị\s|yêu\s+cầu\s))")
_WORD = re.compile(r"\w+|[^\w\s]", re.UNICODE)
# blocks whose kind the segmenter is sure of never hold a task (ANNOTATION.md: not recitals, Nơi nhận, ...)
NEVER_TASK_KINDS = frozenset({"header", "preamble", "recipients", "signature", "attached_title"})

Tokenize = Callable[[str], list[str]]


@dataclass
class Unit:
    span: tuple[int, int]
    block: int  # index in seg.blocks
    features: list[str]  # structure tokens, then the heading's words, then the unit's words
    words_pending: bool = False  # built without its own words (document_units(words=False)): add_words adds them


def add_words(text: str, units: list[Unit], indices: Iterable[int], tokenize: Tokenize) -> None:
    """Complete the units at ``indices`` built without their words (the words end the features, as
    document_units writes them): a setting that scores only some units tokenizes only those."""
    for i in indices:
        unit = units[i]
        if unit.words_pending:
            unit.features.extend(_words(text, *unit.span, tokenize))
            unit.words_pending = False


def _words(text: str, start: int, end: int, tokenize: Tokenize) -> list[str]:
    """The unit's own words, the last of its features: the first MAX_WORDS of them."""
    return tokenize(text[start:min(end, start + WORDS_REACH)])[:MAX_WORDS]


def plain_words(text: str) -> list[str]:
    """Lower-cased words and punctuation marks (the tokenizer for English, and for Vietnamese unless
    word segmentation is asked for)."""
    return _WORD.findall(text.lower())


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        if len(text[pos:m.start()].strip()) < MIN_CLAUSE:
            continue
        spans.append((pos, m.start()))
        pos = m.end()
    if text[pos:end].strip():
        spans.append((pos, end))
    return spans


def _bucket(value: int, edges: tuple[int, ...]) -> int:
    return bisect.bisect_right(edges, value)


def _head_tokens(text: str, block: Block, tokenize: Tokenize) -> list[str]:
    words = tokenize(text[block.content_start:block.span[1]][:200])[:HEADING_WORDS]
    return ["h_" + w for w in words]


def document_units(text: str, seg: Segmentation, language: str, tokenize: Tokenize = plain_words,
                   doc_features: tuple[str, ...] = (), *, words: bool = True) -> list[Unit]:
    """Every unit of the document in text order, with its feature tokens (without ``words``, all but the unit's
    own words, which add_words adds to the units asked about)."""
    units: list[Unit] = []
    heading: list[str] = []  # the words of the last heading or lead-in ending with ':'
    n = max(len(seg.blocks), 1)
    previous_colon = False
    for index, block in enumerate(seg.blocks):
        start = max(block.content_start, block.span[0])
        line = text[block.span[0]:block.span[1]].rstrip()
        pieces = [(start, block.span[1])] if block.kind in NEVER_TASK_KINDS | {"table_row"} else \
            clauses(text, start, block.span[1])
        structure = [f"__kind_{block.kind}", f"__enum_{block.enum or 'none'}", f"__lang_{language}",
                     f"__pos{_bucket(10 * index // n, (2, 5, 8))}", *doc_features]
        if block.heading:
            structure.append("__heading")
        if line.endswith(":"):
            structure.append("__colon")
        if previous_colon:
            structure.append("__after_colon")
        for ordinal, (s, e) in enumerate(pieces):
            extra = [f"__clause{min(ordinal, 1)}", f"__len{_bucket(e - s, (40, 100, 250, 600))}"]
            own = _words(text, s, e, tokenize) if words else []
            units.append(Unit(span=(s, e), block=index, features=structure + extra + heading + own,
                              words_pending=not words))
        if block.enum and block.enum != "bullet" and (block.heading or line.endswith(":")) \
                or not block.enum and line.endswith(":") and len(line) < 300:
            heading = _head_tokens(text, block, tokenize)
        elif block.enum and block.enum not in ("bullet", "point", "subpoint"):
            heading = []  # a new item that is no heading ends the previous heading's reach
        previous_colon = line.endswith(":")
    return units


def lead_in_above(text: str, seg: Segmentation, block_index: int) -> Block | None:
    """The nearest heading or lead-in (a line ending with ':') above a block, within HEADING_REACH blocks: an
    addressee heading carries its body down to the points under it."""
    for block in reversed(seg.blocks[max(0, block_index - HEADING_REACH):block_index]):
        if block.heading or text[block.span[0]:block.span[1]].rstrip().endswith(":"):
            return block
    return None


def unit_at(units: list[Unit], starts: list[int], offset: int) -> int | None:
    """Index of the unit holding ``offset`` (or the first one after it, when it falls between units, as
    an enumerator does); ``starts`` are the units' start offsets."""
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and offset < units[i].span[1]:
        return i
    return i + 1 if i + 1 < len(units) else None
