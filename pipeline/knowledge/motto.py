"""The national motto and the Party banner that head a Vietnamese directive, in one place.

Three stages look for them with different needs, so the variants stand side by side here, built from the
same phrases: clean-up bounds the page header at the first motto line (``HEADER_MOTTO``), segmentation
and metadata tell a header line from text (``MOTTO_LINE``, which also knows the slogan and the English
translation), and the PDF reader tells the motto column of a two-column header by its words
(``MOTTO_WORDS``).
"""

from __future__ import annotations

import re

from pipeline.knowledge.patterns import first_letters, phrase

# "HÒA" and "HOÀ" are both in use (the tone mark on the vowel or after it)
REPUBLIC = ("CỘNG HÒA XÃ HỘI", "CỘNG HOÀ XÃ HỘI")
PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
SLOGAN = "Độc lập - Tự do"
ENGLISH = ("SOCIALIST REPUBLIC", "Independence - Freedom")

_HEADER_PHRASES = (*REPUBLIC, PARTY)
HEADER_MOTTO = re.compile(
    first_letters(_HEADER_PHRASES) + "(?:" + "|".join(phrase(p) for p in _HEADER_PHRASES) + ")", re.I
)
# the first spelling only: the other one is caught by the slogan on the next line, and records rest on it
MOTTO_LINE = re.compile("|".join(phrase(p) for p in (REPUBLIC[0], SLOGAN, PARTY, *ENGLISH)), re.I)
# words of the motto column, upper-cased
MOTTO_WORDS = frozenset({*(p.split()[1] for p in REPUBLIC), "CỘNG", "ĐỘC", "ĐẢNG"})
