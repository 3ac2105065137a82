"""Words OCR misread by a tone mark, read back from the pairs they stand in ("tô chức" -> "tổ chức", "Điêu 3" ->
"Điều 3"), in a text that shows OCR's hand.

The table (``knowledge/data/ocr_repairs.json``, built by ``pipeline.knowledge.ocr_repairs``) holds word pairs that no
directive writes but OCR does, each with the pair it misread. An automaton (pyahocorasick, as the cue prefilter uses)
finds them in the lower-cased text. A text a person or a site wrote holds almost none, and a rare one may be a real
pair or the writer's own slip; a scan's OCR holds several in every page. So the text's opening (``SAMPLE``
characters, where the header and the first articles stand) is read first: a text that holds ``MIN_FOUND`` pairs there
is repaired, one that holds none is left as it is, and one between is read whole and repaired where its pairs reach
``MIN_RATE`` (reading the opening only keeps the cost of a text as written to a few thousand characters). Each pair
found is replaced character for character (case kept), so every offset stays.
"""

from __future__ import annotations

from functools import lru_cache

import ahocorasick

from pipeline import knowledge
from pipeline.knowledge.ocr_repairs import NUMBER  # the table's stand-in for any number after a word

SAMPLE = 3000  # characters
MIN_FOUND = 3  # pairs: our OCR of ../shared's scans holds 2-73 in its first 3,000 characters, texts as written 0-2
MIN_RATE = 0.5  # pairs per 1,000 characters of the whole text: our OCR of ../shared's scans 1.6-12, texts as written 0-0.3


@lru_cache(maxsize=1)
def _automaton() -> ahocorasick.Automaton:
    """The misread pairs; one that ends in a number is sought as its word and a space (the number is checked)."""
    automaton = ahocorasick.Automaton()
    for misread, written in knowledge.load("ocr_repairs")["repairs"].items():
        first, second = misread.split(" ")
        if second == NUMBER:
            misread, written = misread[:-1], written[:-1]
        automaton.add_word(misread, (len(misread), written, second == NUMBER))
    automaton.make_automaton()
    return automaton


def repair_ocr_words(text: str) -> str:
    """The text with OCR's misread pairs replaced by what they stand for, if its opening holds enough; else as it is."""
    opening = len(_found(text[:SAMPLE]))
    if opening == 0:
        return text
    found = _found(text)
    if opening < MIN_FOUND and (len(found) < MIN_FOUND or len(found) * 1000 < MIN_RATE * len(text)):
        return text
    chars = list(text)
    for start, written in found:
        for i, ch in enumerate(written, start):
            if ch != " " and chars[i].lower() != ch:
                chars[i] = ch.upper() if chars[i].isupper() else ch
    return "".join(chars)


def _found(text: str) -> list[tuple[int, str]]:
    """(offset, the pair as written) of each misread pair that stands as words of its own."""
    lower = text.lower().replace("\n", " ")  # a pair the page wrapped ("tiên" / "lương") is a pair too
    if len(lower) != len(text):
        return []  # a character whose lower case is longer: offsets would not line up (no Vietnamese text has one)
    found = []
    for end, (length, written, before_number) in _automaton().iter(lower):
        start, after = end - length + 1, end + 1
        if start and lower[start - 1].isalnum():
            continue
        if before_number and not (after < len(lower) and lower[after].isdigit()):
            continue
        if not before_number and after < len(lower) and lower[after].isalnum():
            continue
        found.append((start, written))
    return found
