"""Tokenizers for the unit features: plain words, or Vietnamese word segmentation by underthesea
("ủy ban nhân dân" -> one token "ủy_ban_nhân_dân"; pipeline/knowledge/words.py)."""

from __future__ import annotations

from pipeline.knowledge.words import word_segmenter
from pipeline.model.units import Tokenize, plain_words

TOKENIZERS = ("plain", "underthesea")


def vietnamese_words(text: str) -> list[str]:
    return [w.lower().replace(" ", "_") for w in word_segmenter()(text)]


def tokenizer_for(name: str, language: str) -> Tokenize:
    if name == "underthesea" and language == "vi":
        return vietnamese_words
    return plain_words
