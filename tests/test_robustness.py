"""Property tests: random, Vietnamese-looking and adversarial text thrown at every extractor.

For each of normalise, segment, find_references, find_deadlines, AgencyRegistry.find_mentions and the
whole extract_text: no exception, every span inside the text (0 <= start <= end <= len(text)), and
the same input gives the same output; normalise's output is canonical (see check_normalise). The Vietnamese-looking text is built from real fragments:
strings quoted in DOMAIN.md and CONTRACT.md, and lines cut from ../shared/corpus/dev.
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.cleanup.normalise import normalise, normalise_characters
from pipeline.extract.agencies import AgencyRegistry
from pipeline.extract.deadlines import find_deadlines
from pipeline.extract.document import extract_text
from pipeline.extract.references import find_references
from pipeline.records import Source
from pipeline.segment.segmenter import segment

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
SETTINGS = settings(max_examples=60, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

FRAGMENTS = [
    "280/CĐ-TTg", "186/190", "Công điện số 280/CĐ-TTg ngày 19 tháng 4 năm 2023", "Nghị định\nsố 181/2025/NĐ-CP",
    "Bộ Nông\nnghiệp và Môi trường", "39/2022/NĐ-CP", "1085/QĐ-TTg", "9837/UBND-KSTT", "30-CT/TW", "48/CT-TW",
    "18-NQ/TW", "Official Dispatch No. 280/CD-TTg dated April 19, 2023", "Decree No. 73/2023",
    "ngày 16 tháng 11 năm 2025", "trước ngày 30/6/2025", "trước ngày 20 hằng tháng", "by the end of 2023",
    "a)", "b)", "đ)", "1.", "2.", "II.", "- ", "+ ", "|", "\n|\n", "Điều 1.", "Kính gửi:", "Nơi nhận:",
    "Bộ Nội vụ chủ trì, phối hợp với Văn phòng Chính phủ", "báo cáo Thủ tướng Chính phủ",
    "Bộ trưởng Bộ Y tế", "Chủ tịch Ủy ban nhân dân tỉnh Gia Lai", "Bí thư Tỉnh ủy Gia Lai",
    "Các Bộ: Quốc phòng, Công an, Y tế", "Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa, Đắk Lắk",
    "UBND tỉnh", "THỦ TƯỚNG CHÍNH PHỦ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "The Ministry of Home Affairs shall", "(", ")", "số", "Số:", "KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG",
]
SEPARATORS = [" ", "  ", "\n", "\n\n", " | ", "\t", ", ", "; ", ".\n"]
ADVERSARIAL = {
    "long line": "Bộ Nội vụ chủ trì " * 20_000,
    "long word": "a" * 50_000,  # language detection grows quadratically with one long word
    "only punctuation": ".,;:!?-–—()[]{}|/\\\"'…" * 2_000,
    "nested parentheses": "(" * 5_000 + "Bộ Y tế" + ")" * 5_000,
    "repeated số 1/": "số 1/" * 10_000,
    "repeated symbol": "280/CĐ-TTg, " * 5_000,
    "repeated enumerators": "a) b) đ) 1. - " * 5_000,
    "pipes and newlines": "|\n" * 20_000,
    "dates without end": "ngày " * 10_000 + "tháng năm",
    "empty": "",
    "one newline": "\n",
    "combining marks": "a\u0301\u0323\u0306" * 5_000,
    "control characters": "".join(chr(c) for c in range(32)) * 500,
}


@lru_cache(maxsize=1)
def registry() -> AgencyRegistry:
    return AgencyRegistry.default()


@lru_cache(maxsize=1)
def dev_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(DEV.glob("*.txt"))[::4]:
        lines.extend(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return lines


def vietnamese_like() -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(dev_lines()),
                      st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạầấẩẫậếềểễệìíỉĩịòóỏõọồốổỗộờớởỡợ"
                                       "ùúủũụừứửữựỳýỷỹỵ0123456789/-.,()", max_size=15))
    pairs = st.lists(st.tuples(piece, st.sampled_from(SEPARATORS)), max_size=40)
    return pairs.map(lambda items: "".join(a + b for a, b in items))


TEXT = st.one_of(st.text(max_size=3_000), vietnamese_like())


def spans_of(value) -> list[tuple[int, int]]:
    """Every ``span`` pair anywhere in a record dict."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "span":
                found.append(tuple(item))
            else:
                found.extend(spans_of(item))
    elif isinstance(value, list):
        for item in value:
            found.extend(spans_of(item))
    return found


def assert_inside(spans, text: str) -> None:
    for start, end in spans:
        assert 0 <= start <= end <= len(text), (start, end, len(text))


def record_json(text: str) -> str:
    source = Source(path="random.txt", format="txt", sha256="f" * 64)
    return json.dumps(extract_text(text, source=source).to_dict(), ensure_ascii=False)


def check_normalise(raw: str) -> None:
    """The canonical text: one trimmed, non-empty paragraph per line, NFC, no odd characters left (the
    character pass finds nothing more to do), ending in one newline; and the same for the same input."""
    text = normalise(raw)
    assert text.endswith("\n")
    assert "\r" not in text and "\t" not in text and "\f" not in text
    assert unicodedata.is_normalized("NFC", text)
    assert normalise_characters(text) == text
    if text != "\n":
        for line in text[:-1].split("\n"):
            assert line and line == line.strip(), repr(line)
    assert normalise(raw) == text


def check_segment(raw: str) -> None:
    text = normalise(raw)
    seg = segment(text)
    assert_inside([b.span for b in seg.blocks], text)
    for block in seg.blocks:
        assert block.span[0] <= block.content_start <= block.span[1] or block.content_start == 0
    assert segment(text) == seg


def check_references(raw: str) -> None:
    for text in (raw, normalise(raw)):
        for language in ("vi", "en"):
            refs = find_references(text, language=language)
            assert_inside([r.span for r in refs], text)
            assert find_references(text, language=language) == refs


def check_deadlines(raw: str) -> None:
    text = normalise(raw)
    for language in ("vi", "en"):
        found = find_deadlines(text, issued_on="2025-11-16", language=language)
        assert_inside([d.span for d in found], text)
        assert find_deadlines(text, issued_on="2025-11-16", language=language) == found
        middle = len(text) // 3
        part = find_deadlines(text, middle, 2 * middle, language=language)
        assert_inside([d.span for d in part], text)


def check_agencies(raw: str) -> None:
    text = normalise(raw)
    for language in ("vi", "en"):
        found = registry().find_mentions(text, language=language, province="Nghệ An")
        assert_inside([m.span for m in found], text)
        assert registry().find_mentions(text, language=language, province="Nghệ An") == found


def check_extract(raw: str) -> None:
    first = record_json(raw)
    record = json.loads(first)
    assert_inside(spans_of(record), record["text"])
    assert record_json(raw) == first


# what normalise makes of hostile input and of real strings of ../shared: fixed outputs, not only properties
NORMALISED = [
    ("|\n" * 5, "\n"),  # pipes with nothing between: no table, no text
    ("", "\n"),
    ("\x00\x01\t\x0b\x0c\r\x1c", "\x00\x01\n"),  # tab, form feed, CR become blanks or breaks; the rest stays
    ("Uỷ ban nhân dân tỉnh Khánh Hoà\r\nđề nghị\u00a0các Sở", "Ủy ban nhân dân tỉnh Khánh Hòa đề nghị các Sở\n"),
    # a crawl's site banner and a PDF page number go, the wrapped article is joined
    ("THƯ VIỆN PHÁP LUẬT\nĐiều 1. Giao Bộ Y tế\nchủ trì.\n\nTrang 2/5\n", "Điều 1. Giao Bộ Y tế chủ trì.\n"),
    ("a\u00ad\u0301 Khánh Ho\u200bà", "á Khánh Hòa\n"),  # the letter and its tone mark meet once the soft hyphen goes
    ("**Điều\n4.** Thủ trưởng các cơ quan", "Điều 4. Thủ trưởng các cơ quan\n"),  # the article number on its own line
]


@pytest.mark.parametrize(("raw", "expected"), NORMALISED)
def test_normalised_output(raw, expected):
    assert normalise(raw) == expected
    check_normalise(raw)


CHECKS = [check_normalise, check_segment, check_references, check_deadlines, check_agencies, check_extract]


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
@SETTINGS
@given(raw=TEXT)
def test_random_text(check, raw):
    check(raw)


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("raw", list(ADVERSARIAL.values()), ids=list(ADVERSARIAL))
def test_adversarial_text(check, raw):
    check(raw)
