"""Language stage: Vietnamese or English, per document and per block.

Two detectors are wired in. lingua (restricted to vi+en) is the default because it was measured
the more accurate on our short lines (``scripts/measure_language.py``); langdetect is kept for
comparison and is made deterministic by seeding its factory.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

LANGUAGES = ("vi", "en")
DEFAULT_BACKEND = "lingua"
# Only letters count; a block shorter than this inherits the document's language.
MIN_BLOCK_LETTERS = 12
SAMPLE_CHARS = 800
MAX_DETECT_CHARS = 2000
_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _lingua():
    from lingua import Language, LanguageDetectorBuilder

    # Low-accuracy mode loads the trigram models only: 10 MB and 0.03 s instead of 58 MB and 0.6 s per
    # process, with a 75 MB peak while loading. The model decides only documents the letter count leaves
    # open, and there it agrees with the full models (scripts/measure_language.py: documents 1.000 both,
    # paragraphs under 80 characters 0.993 against 0.999; no record of ../shared changes).
    detector = (LanguageDetectorBuilder.from_languages(Language.VIETNAMESE, Language.ENGLISH)
                .with_low_accuracy_mode().build())
    return detector, {Language.VIETNAMESE: "vi", Language.ENGLISH: "en"}


@lru_cache(maxsize=1)
def _langdetect():
    from langdetect import DetectorFactory

    DetectorFactory.seed = 0  # langdetect samples randomly; a fixed seed makes it repeatable
    from langdetect import detect_langs

    return detect_langs


def detect(text: str, backend: str = DEFAULT_BACKEND) -> str | None:
    """'vi' or 'en' for a piece of text, None when there are too few letters to say."""
    if _letters(text) < MIN_BLOCK_LETTERS:
        return None
    text = text[:MAX_DETECT_CHARS]  # lingua slows down badly on one huge unbroken token
    if backend == "lingua":
        detector, codes = _lingua()
        found = detector.detect_language_of(text)
        return codes.get(found) if found else None
    if backend == "langdetect":
        from langdetect.lang_detect_exception import LangDetectException

        try:
            ranked = _langdetect()(text)
        except LangDetectException:
            return None
        for guess in ranked:
            if guess.lang in LANGUAGES:
                return guess.lang
        return None
    raise ValueError(f"unknown language detector '{backend}' (use lingua or langdetect)")


# Letters only Vietnamese uses (ă â đ ê ô ơ ư and the tone-marked vowels). A text where they are
# plentiful is Vietnamese and one where they are absent is English without asking a model; lingua
# decides everything in between (names like "Hà Nội" in English text, English quotes in Vietnamese).
_VIETNAMESE_LETTER = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)
CLEARLY_VIETNAMESE = 0.12
CLEARLY_ENGLISH = 0.003


def detect_document(paragraphs: list[str], backend: str = DEFAULT_BACKEND) -> str:
    """The language that holds most letters of the document's text (sampled from several places)."""
    sample = " ".join(_sample(paragraphs))
    letters = _letters(sample)
    if letters >= 200:
        share = len(_VIETNAMESE_LETTER.findall(sample)) / letters
        if share >= CLEARLY_VIETNAMESE:
            return "vi"
        if share <= CLEARLY_ENGLISH:
            return "en"
    votes: Counter[str] = Counter()
    for block in _sample(paragraphs):
        lang = detect(block, backend)
        if lang:
            votes[lang] += _letters(block)
    return votes.most_common(1)[0][0] if votes else "vi"


def _letters(text: str) -> int:
    return len(_LETTER.findall(text))


def detect_blocks(paragraphs: list[str], document_language: str,
                  backend: str = DEFAULT_BACKEND) -> list[str]:
    return [detect(p, backend) or document_language for p in paragraphs]


def _sample(paragraphs: list[str]) -> list[str]:
    """Up to SAMPLE_CHARS from the start, middle and end, so headers or footers do not decide alone."""
    if sum(map(len, paragraphs)) <= 3 * SAMPLE_CHARS:
        return [p for p in paragraphs if len(p) >= MIN_BLOCK_LETTERS]
    picked: list[str] = []
    for begin in (0, len(paragraphs) // 2, max(0, len(paragraphs) - 40)):
        size = 0
        for block in paragraphs[begin:]:
            picked.append(block)
            size += len(block)
            if size >= SAMPLE_CHARS:
                break
    return picked
