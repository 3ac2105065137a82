"""Build ``data/ocr_repairs.json``: the word pairs OCR misreads by a tone mark, and the pairs they stand for.

Tesseract's Vietnamese model loses or swaps the tone mark over a vowel with a circumflex or breve at a scan's
resolution ("tổ chức" -> "tô chức", "Điều 3" -> "Điêu 3", "bổ sung" -> "bố sung"), which hides the words the rules read
(articles, "tổ chức", "sửa đổi, bổ sung", bodies' names). Such a misreading is most often another real syllable, so no
word list can tell it; a pair of words can: "tô chức" is written by no directive, "tổ chức" by most.

The table is mined from directives as written (``build``): every word pair written at least ``MIN_COUNT`` times,
each word read with one of OCR's confusions (``CONFUSIONS``, each a character for another), kept where no directive
writes the misread pair. The confusions are those Tesseract made most often when it read the six born-digital PDFs of
../shared/corpus/gazette at 300 dpi (page segmentation 4 and 6) against their text layer: ể/ế/ề -> ê, ấ/ầ/ẩ/ẫ -> â,
ổ/ố/ồ/ỗ -> ô, ổ -> ố/ồ/ỗ, ể -> ề/ế, ế -> ệ, ằ -> ă, à -> ả, ả -> a, ấ -> á, i -> ỉ, d -> đ (20 or more each, of
about 4,000 misread words). Each confusion keeps the word's length, so a repair keeps every offset.

Run ``python -m pipeline.knowledge.ocr_repairs ../shared`` to build it again (the check half's texts are left out).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path

CONFUSIONS = ("ể>ê", "ấ>â", "ế>ê", "ổ>ô", "ề>ê", "ố>ô", "ẩ>â", "ầ>â", "i>ỉ", "ồ>ô", "ổ>ố", "ằ>ă", "à>ả", "ể>ề", "ẫ>â",
              "d>đ", "ể>ế", "ế>ệ", "ả>a", "ổ>ồ", "ễ>ê", "ỗ>ô", "ổ>ỗ", "ấ>á")
MIN_COUNT = 50  # how often a pair must be written to be repaired to
NUMBER = "0"  # a pair's second word may be a number ("Điêu 3" -> "Điều 3"), any number
WORD = re.compile(r"[^\W\d_]+|\d+")
SOURCES = ("corpus/crawl", "corpus/dev", "corpus/pages", "corpus/gazette", "seeds")


def _words(text: str) -> list[str]:
    return [NUMBER if w.isdigit() else w for w in WORD.findall(text.lower())]


def _misread(word: str, confusions: dict[str, list[str]]) -> set[str]:
    return {word[:i] + other + word[i + 1:] for i, ch in enumerate(word) for other in confusions.get(ch, ())}


def mine(texts: Iterable[str], min_count: int = MIN_COUNT) -> dict[str, str]:
    """misread pair -> pair as written, for the pairs written at least min_count times."""
    pairs: Counter[tuple[str, str]] = Counter()
    for text in texts:
        words = _words(text)
        pairs.update(pairwise(words))
    confusions: dict[str, list[str]] = {}
    for confusion in CONFUSIONS:
        right, misread = confusion.split(">")
        confusions.setdefault(right, []).append(misread)
    repairs: dict[str, tuple[str, int]] = {}
    for (first, second), count in pairs.items():
        if count < min_count or first == NUMBER:
            continue  # a number before a word says nothing of the word
        firsts, seconds = _misread(first, confusions), _misread(second, confusions)
        for pair in [*((f, second) for f in firsts), *((first, s) for s in seconds),
                     *((f, s) for f in firsts for s in seconds)]:
            if pairs.get(pair, 0):
                continue  # written so by some directive: a pair of real words
            key = " ".join(pair)
            if key not in repairs or repairs[key][1] < count:
                repairs[key] = (f"{first} {second}", count)
    return {key: value for key, (value, _) in sorted(repairs.items())}


def build(shared: Path) -> dict:
    from pipeline.cleanup.normalise import normalise
    from pipeline.evaluate import load_gold
    from pipeline.ingest.readers import read_document, supported

    check = {gold["file"] for gold in load_gold(Path(__file__).resolve().parents[2] / "corpora" / "gold-check")}
    texts = []
    for source in SOURCES:
        for path in sorted((shared / source).iterdir()):
            if not supported(path) or str(path.relative_to(shared)) in check:
                continue
            document = read_document(path)
            if not document.ocr:  # the scans' OCR text is what the table repairs
                texts.append(normalise(document.text))
    return {"_about": f"misread pair -> the pair as written: pairs no directive writes, each one of OCR's tone-mark "
            f"confusions away from a pair written at least {MIN_COUNT} times in {len(texts)} texts of ../shared (the check "
            "half left out). Built by pipeline/knowledge/ocr_repairs.py; read by pipeline/cleanup/ocr_words.py.",
            "confusions": list(CONFUSIONS), "repairs": mine(texts)}


if __name__ == "__main__":
    table = build(Path(sys.argv[1]))
    out = Path(__file__).parent / "data" / "ocr_repairs.json"
    out.write_text(json.dumps(table, ensure_ascii=False, indent=0) + "\n", "utf-8")
    print(f"{len(table['repairs'])} repairs -> {out}")
