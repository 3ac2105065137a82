"""Tokenizers for the unit features: plain words, or Vietnamese word segmentation by underthesea
("ủy ban nhân dân" -> one token "ủy_ban_nhân_dân"). underthesea's ``word_tokenize`` ships its model
inside the package (checked with the network cut off); its other functions that fetch models are not used."""

from __future__ import annotations

from functools import cache

from pipeline.model.units import Tokenize, plain_words

TOKENIZERS = ("plain", "underthesea")


@cache
def _word_tokenize():
    from underthesea import word_tokenize

    return word_tokenize


def vietnamese_words(text: str) -> list[str]:
    return [w.lower().replace(" ", "_") for w in _word_tokenize()(text)]


def tokenizer_for(name: str, language: str) -> Tokenize:
    if name == "underthesea" and language == "vi":
        return vietnamese_words
    return plain_words
