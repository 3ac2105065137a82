"""Vietnamese words, from underthesea: its word list (Viet74K, some 74,000 words, many of several syllables) and
its word segmentation ("ủy ban nhân dân" -> one word). Both ship inside the package (checked with the network cut
off); its functions that fetch models are not used.

The word list is read as a file, without importing underthesea: the import brings numpy and the segmenter's model,
about 90 MB per process, which the extractor cannot afford for its question (does a syllable open a longer word?).
The block classifier imports the segmenter when asked to (`obligraph train --tokenizer underthesea`)."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

WORD_LIST = Path("corpus", "data", "Viet74K.txt")


def dictionary_words() -> Iterator[str]:
    """The words of underthesea's Vietnamese word list, in lower case (read once by whoever keeps what it needs)."""
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("underthesea is not installed: its Vietnamese word list is needed (make setup)")
    path = Path(spec.submodule_search_locations[0], WORD_LIST)
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if word := line.strip():
                yield word.lower()


@cache
def word_segmenter() -> Callable[[str], list[str]]:
    # imported here: the classifier's optional tokenizer pays for it, the extractor never does
    from underthesea import word_tokenize

    return word_tokenize
