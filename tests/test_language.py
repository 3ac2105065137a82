"""The language decision where the letter count leaves it open: lingua (low-accuracy mode) on real strings."""

from __future__ import annotations

import pytest

from pipeline.cleanup.language import detect, detect_document

# Real paragraphs of ../shared/corpus/pages/en_qd_57_ttg.html, an English page whose "attachés" and
# Vietnamese names keep its letter share between the two thresholds, and of Vietnamese crawls.
PARAGRAPHS = [
    ("Decision No. 57/QD-TTg of January 12, 2010, approving the placement of cultural attachés in a number", "en"),
    ("Cultural attachés belong to the payroll norms of overseas Vietnamese representative missions.", "en"),
    ("Pursuant to the December 25, 2001 Law on Organization of the Government;", "en"),
    ("Article 3. This Decision takes effect on the date of its signing.", "en"),
    ("i) Bộ Văn hóa, Thể thao và Du lịch chủ trì, phối hợp", "vi"),
    ("Quyết định này có hiệu lực thi hành kể từ ngày ký", "vi"),
    ("Decision 57", None),  # too few letters to say
]


@pytest.mark.parametrize(("text", "expected"), PARAGRAPHS)
def test_a_paragraph_the_model_decides(text, expected):
    assert detect(text) == expected


def test_an_english_page_with_accented_words_is_english():
    paragraphs = [text for text, lang in PARAGRAPHS if lang == "en"]
    assert detect_document(paragraphs * 3) == "en"
