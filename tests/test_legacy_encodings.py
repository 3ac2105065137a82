"""Legacy Vietnamese decoding: real dev-corpus text encoded into TCVN3, VNI, Windows-1258 and VISCII by
encoders built from the same data tables, then decoded back; plus Unicode, English cp1252 and noise."""

from __future__ import annotations

import codecs
import gzip
import random
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest

from pipeline import knowledge
from pipeline.ingest.legacy_encodings import (
    DecodedText,
    UndecodableText,
    decode_text_bytes,
    is_vietnamese_syllable,
)
from tests.conftest import DEV

MAPS = knowledge.load("legacy_vn_maps")
TONES = "\u0300\u0301\u0303\u0309\u0323"
VIET_LOWER = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"


def _dev_text(name: str) -> str:
    return (DEV / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _corpus_words() -> str:
    return " ".join(" ".join(_dev_text(p.name).split()) for p in sorted(DEV.glob("vi_*.txt")))


# ---------------------------------------------------------------- encoders (test side, from the tables)


def _c1_byte(ch: str) -> bytes | None:
    """Smart quotes, dashes, ellipsis: Windows writes them as cp1252 bytes 0x80-0x9F next to any 8-bit font."""
    try:
        raw = ch.encode("cp1252")
    except UnicodeEncodeError:
        return None
    return raw if 0x80 <= raw[0] <= 0x9F else None


def _encode_with(
    text: str, table: dict[str, bytes], fold_toned_capitals: bool = False, c1_punctuation: bool = True
) -> tuple[bytes, str]:
    """Encode `text`; characters the encoding cannot hold become '?' in both the bytes and the expectation."""
    out, expected = [], []
    for ch in text:
        key = ch.lower() if fold_toned_capitals and ch not in table and ch.lower() in table else ch
        raw = table.get(key) or (ch.encode("ascii") if ch.isascii() else c1_punctuation and _c1_byte(ch) or None)
        out.append(raw if raw is not None else b"?")
        expected.append(ch if raw is not None else "?")
    return b"".join(out), "".join(expected)


def encode_tcvn3(text: str) -> tuple[bytes, str]:
    # VN3 has no toned capitals: they are written with the lower-case code (a capital font shows them).
    table = {char: bytes([int(code, 16)]) for code, char in MAPS["tcvn3"].items()}
    return _encode_with(text, table, fold_toned_capitals=True)


def encode_vni(text: str) -> tuple[bytes, str]:
    table = {char: seq.encode("latin-1") for seq, char in MAPS["vni"].items()}
    return _encode_with(text, table)


def encode_viscii(text: str) -> tuple[bytes, str]:
    table = {char: bytes([int(code, 16)]) for code, char in MAPS["viscii"].items()}
    # VISCII spends 0x80-0x9F on letters, so curly quotes and dashes have no byte
    return _encode_with(text, table, c1_punctuation=False)


def encode_cp1258(text: str, split_all_tones: bool = False) -> tuple[bytes, str]:
    """Windows-1258: precomposed letter when the code page has it (what Windows does), else base letter
    (ă â ê ô ơ ư đ are in the code page) + combining tone; `split_all_tones` always uses the combining tone."""
    out, expected = [], []
    for ch in text:
        decomposed = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in decomposed if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
        for attempt in ([base + tone] if split_all_tones and tone else [ch, base + tone]):
            try:
                out.append(attempt.encode("cp1258"))
                expected.append(ch)
                break
            except UnicodeEncodeError:
                continue
        else:
            out.append(b"?")
            expected.append("?")
    return b"".join(out), "".join(expected)


ENCODERS = {
    "tcvn3": encode_tcvn3,
    "vni": encode_vni,
    "cp1258": encode_cp1258,
    "cp1258-combining": lambda text: encode_cp1258(text, split_all_tones=True),
    "viscii": encode_viscii,
}


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decoder_name(encoder: str) -> str:
    return encoder.split("-")[0]


def _same(decoded: str, expected: str, encoder: str) -> bool:
    # TCVN3 cannot say whether a toned letter was a capital outside all-caps text ("Ủy ban" -> "ủy ban").
    return decoded.lower() == expected.lower() if encoder == "tcvn3" else decoded == expected


# ---------------------------------------------------------------- tables themselves


def test_tables_cover_every_vietnamese_letter_once() -> None:
    letters = set(VIET_LOWER) | set(VIET_LOWER.upper())
    assert sorted(MAPS["vni"].values()) == sorted(letters)
    assert sorted(MAPS["viscii"].values()) == sorted(set(MAPS["viscii"].values()))
    assert letters <= set(MAPS["viscii"].values())
    # VN3: every lower-case letter plus the seven base capitals Ă Â Ê Ô Ơ Ư Đ, nothing twice
    vn3 = list(MAPS["tcvn3"].values())
    assert len(vn3) == len(set(vn3)) == 67 + 7
    assert set(vn3) == set(VIET_LOWER) | set("ăâêôơưđ".upper())


def _glibc_charmap(name: str) -> dict[str, str]:
    path = Path("/usr/share/i18n/charmaps") / f"{name}.gz"
    if not path.exists():
        pytest.skip(f"glibc charmap {name} not installed")
    entries = {}
    for line in gzip.open(path, "rt", encoding="latin-1"):
        match = re.match(r"<U([0-9A-F]{4,})>\s+/x([0-9a-f]{2})\s", line)
        if match:
            entries[match.group(2).upper()] = chr(int(match.group(1), 16))
    return entries


@pytest.mark.parametrize(
    ("charmap", "keys"), [("TCVN5712-1", ["tcvn3", "tcvn3_vn1_capitals"]), ("VISCII", ["viscii"])]
)
def test_tables_agree_with_glibc_charmaps(charmap: str, keys: list[str]) -> None:
    """An independent published table: every byte we map must mean the same in glibc's charmap."""
    reference = _glibc_charmap(charmap)
    ours = {code: char for key in keys for code, char in MAPS[key].items()}
    assert {code: reference[code] for code in ours} == ours


@pytest.mark.parametrize(
    ("vni_latin1", "expected"),
    [  # published examples of VNI-Windows text
        ("Vieät Nam", "Việt Nam"),
        ("Thuû töôùng Chính phuû", "Thủ tướng Chính phủ"),
        ("Xin chaøo caùc baïn", "Xin chào các bạn"),
    ],
)
def test_vni_table_matches_published_examples(vni_latin1: str, expected: str) -> None:
    assert encode_vni(expected)[0] == vni_latin1.encode("latin-1")


@pytest.mark.parametrize(
    ("tcvn3_latin1", "expected"),
    [  # published examples of TCVN3 text as shown by a Latin-1 viewer
        ("B¶o Th¾ng", "Bảo Thắng"),
        ("M\xadêng Kh\xad¬ng", "Mường Khương"),
        ("B¸t X¸t", "Bát Xát"),
    ],
)
def test_tcvn3_table_matches_published_examples(tcvn3_latin1: str, expected: str) -> None:
    assert encode_tcvn3(expected)[0] == tcvn3_latin1.encode("latin-1")


# ---------------------------------------------------------------- syllable check


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("tướng", True), ("Nghĩa", True), ("quyết", True), ("Quỳnh", True), ("giữa", True), ("gì", True),
        ("khuya", True), ("thuở", True), ("rượu", True), ("Đắk", True), ("kỹ", True),
        ("tướg", False),   # no rhyme "ươ" + "g"
        ("tàt", False),    # stop final takes only sắc or nặng
        ("cải", True), ("kải", False), ("ghà", False), ("ngì", False),   # k/gh/ngh spelling rule
        ("Vieät", False), ("Thñ", False), ("tíếng", False), ("fòng", False),
    ],
)
def test_syllable_check(word: str, expected: bool) -> None:
    assert is_vietnamese_syllable(word) is expected


# ---------------------------------------------------------------- sentences, each encoding

SENTENCES = [
    "Thủ tướng Chính phủ yêu cầu Chủ tịch Ủy ban nhân dân các tỉnh",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
    "Theo dự báo của cơ quan dự báo khí tượng thủy văn,",
    "V/V CHỦ ĐỘNG PHÒNG,\nTRÁNH, ỨNG PHÓ MƯA LŨ TẠI KHU VỰC TRUNG BỘ",
    "Quảng Ngãi, Khánh Hòa trên 200mm, cá biệt tại Hồng Thái (Huế) gần 400mm.",
    "- Các Bộ: Quốc phòng, Công an, Nông nghiệp và Môi trường, Xây dựng, Công Thương,",
]


@pytest.mark.parametrize("encoder", sorted(ENCODERS))
@pytest.mark.parametrize("sentence", SENTENCES)
def test_sentence_round_trip(sentence: str, encoder: str) -> None:
    assert " ".join(sentence.split()) in _corpus_words()  # a real string, not one made up for the test
    data, expected = ENCODERS[encoder](sentence)
    result = decode_text_bytes(data)
    assert result.encoding == _decoder_name(encoder)
    assert _same(result.text, expected, encoder), result.text
    assert result.confidence >= 0.8


@pytest.mark.parametrize(
    ("tcvn3_latin1", "expected"),
    [
        # all-caps lines and words use lower-case codes; the decoder puts the capitals back
        ("CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("THñ T¦íNG CHÝNH PHñ ®iÖn c¸c Bé, ngµnh:", "THỦ TƯỚNG CHÍNH PHỦ điện các Bộ, ngành:"),
        # a toned capital starting a word in running text cannot be told from lower case
        ("Chñ tÞch ñy ban nh©n d©n c¸c tØnh", "Chủ tịch ủy ban nhân dân các tỉnh"),
        # VN1 files may carry toned capitals in VN3's unused high bytes (0xC4 Ấ)
        ("Chñ tÞch \xc4n §é yªu cÇu", "Chủ tịch Ấn Độ yêu cầu"),
    ],
)
def test_tcvn3_capitals(tcvn3_latin1: str, expected: str) -> None:
    result = decode_text_bytes(tcvn3_latin1.encode("latin-1"))
    assert (result.encoding, result.text) == ("tcvn3", expected)


def test_vni_tolerates_modifier_case() -> None:
    # "Uû" (lower-case hook after a capital U) is a common slip in VNI files; the base letter decides the case
    data = "UÛy ban nhaân daân tænh Ñoàng Nai; Uûy ban nhaân daân tænh Ñoàng Nai".encode("latin-1")
    result = decode_text_bytes(data)
    assert (result.encoding, result.text) == ("vni", "Ủy ban nhân dân tỉnh Đồng Nai; Ủy ban nhân dân tỉnh Đồng Nai")


# ---------------------------------------------------------------- whole documents


def _round_trip_document(name: str, encoder: str) -> None:
    data, expected = ENCODERS[encoder](_dev_text(name))
    result = decode_text_bytes(data)
    assert result.encoding == _decoder_name(encoder)
    assert _same(result.text, expected, encoder)
    assert result.confidence > 0.95


@pytest.mark.parametrize("encoder", sorted(ENCODERS))
def test_whole_document_round_trip(encoder: str) -> None:
    _round_trip_document("vi_cd_217_ttg_2025.txt", encoder)


@pytest.mark.slow
@pytest.mark.parametrize("encoder", sorted(ENCODERS))
@pytest.mark.parametrize("name", sorted(p.name for p in DEV.glob("vi_*.txt")))
def test_every_dev_document_round_trip(name: str, encoder: str) -> None:
    _round_trip_document(name, encoder)


def test_tcvn3_document_keeps_header_capitals() -> None:
    data, _ = encode_tcvn3(_dev_text("vi_cd_217_ttg_2025.txt"))
    text = decode_text_bytes(data).text
    assert "CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM" in text
    assert "TRÁNH, ỨNG PHÓ MƯA LŨ TẠI KHU VỰC TRUNG BỘ" in text


# ---------------------------------------------------------------- short strings: right or refused


@pytest.mark.parametrize(
    "data",
    [
        b"to\xe0n",  # cp1258 "toàn" and VNI "tồn" are both Vietnamese
        b"Vie\xe4t Nam",  # VNI "Việt Nam", but one word is no evidence
        encode_cp1258("Số: 217/CĐ-TTg")[0],
        encode_tcvn3("Số: 217/CĐ-TTg")[0],
        encode_vni("Hà Nội")[0],
        encode_tcvn3("136/2025/NĐ-CP")[0],  # cp1252 would read "N§-CP"
        encode_viscii("VI. TỔ")[0],  # cp1252 would read "T‘"
        b"\xe0 \xe1 \xe2",
    ],
)
def test_short_ambiguous_bytes_are_refused(data: bytes) -> None:
    with pytest.raises(UndecodableText, match="no legacy Vietnamese encoding"):
        decode_text_bytes(data)


@pytest.mark.parametrize("encoder", sorted(ENCODERS))
@pytest.mark.parametrize("name", ["vi_tb_631_vpcp_2025.txt", "vi_kh_179_ubnd_dongnai_2025.txt"])
def test_short_lines_are_right_or_refused(name: str, encoder: str) -> None:
    """Every line of a document on its own: the decoder may refuse, never return the wrong text."""
    lines = [line for line in _dev_text(name).splitlines() if not line.isascii()]
    decoded = 0
    for line in lines:
        data, expected = ENCODERS[encoder](line)
        if _is_utf8(data):
            continue  # a few short VISCII strings happen to be valid UTF-8, which always wins
        try:
            result = decode_text_bytes(data)
        except UndecodableText:
            continue
        assert _same(result.text, expected, encoder), (line, result)
        decoded += 1
    assert decoded >= len(lines) // 2  # most lines carry enough evidence


# ---------------------------------------------------------------- Unicode


UNICODE_SAMPLE = "Thủ tướng Chính phủ yêu cầu Chủ tịch Ủy ban nhân dân các tỉnh"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (UNICODE_SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + UNICODE_SAMPLE.encode("utf-8"), "utf-8"),
        (UNICODE_SAMPLE.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + UNICODE_SAMPLE.encode("utf-16-be"), "utf-16"),
        (codecs.BOM_UTF16_LE + UNICODE_SAMPLE.encode("utf-16-le"), "utf-16"),
        (UNICODE_SAMPLE.encode("utf-32"), "utf-32"),
    ],
)
def test_unicode(data: bytes, encoding: str) -> None:
    assert decode_text_bytes(data) == DecodedText(UNICODE_SAMPLE, encoding, 1.0)


def test_utf8_document_and_ascii() -> None:
    text = _dev_text("vi_cd_217_ttg_2025.txt")
    assert decode_text_bytes(text.encode("utf-8")).text == text
    assert decode_text_bytes(b"Decision No. 123/QD-TTg") == DecodedText("Decision No. 123/QD-TTg", "utf-8", 1.0)


def test_broken_bom_is_refused() -> None:
    with pytest.raises(UndecodableText, match="byte-order mark"):
        decode_text_bytes(codecs.BOM_UTF8 + b"caf\xe9")


# ---------------------------------------------------------------- English cp1252


@pytest.mark.parametrize("name", sorted(p.name for p in DEV.glob("en_*.txt")))
def test_cp1252_english_document(name: str) -> None:
    data = _dev_text(name).encode("cp1252", errors="replace")  # one file has zero-width spaces
    text = data.decode("cp1252")
    assert not data.isascii()  # curly apostrophes make it non-UTF-8
    assert decode_text_bytes(data) == DecodedText(text, "cp1252", 1.0)


@pytest.mark.parametrize(
    "text",
    [
        "promulgating the Government\u2019s program of action \u2013 \u201cin 2010\u201d\u2026",
        # one Latin-1 letter in a long English sentence is still English
        "the Government\u2019s program of action for realization of the National Assembly\u2019s Resolution,"
        " with a r\u00e9sum\u00e9 of each project",
    ],
)
def test_cp1252_english_sentence(text: str) -> None:
    result = decode_text_bytes(text.encode("cp1252"))
    assert (result.text, result.encoding) == (text, "cp1252")


# ---------------------------------------------------------------- noise


@pytest.mark.parametrize("size", [16, 200, 5000])
@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_are_refused(size: int, seed: int) -> None:
    data = random.Random(seed).randbytes(size)
    with pytest.raises(UndecodableText):
        decode_text_bytes(data)


@pytest.mark.parametrize("seed", range(10))
def test_random_high_byte_words_are_refused(seed: int) -> None:
    """Words of ASCII letters and high bytes with no control bytes: the hard kind of noise."""
    rng = random.Random(seed)
    alphabet = [bytes([b]) for b in [*range(0x61, 0x7B), *range(0xA0, 0x100)]]
    words = [b"".join(rng.choice(alphabet) for _ in range(rng.randint(2, 6))) for _ in range(200)]
    with pytest.raises(UndecodableText):
        decode_text_bytes(b" ".join(words))


# ---------------------------------------------------------------- UTF-8 read as Windows-1252 and saved again

@pytest.mark.parametrize("name", ["vi_cd_223_ttg_2025.txt", "en_qd_2281_ttg_2010.txt"])
def test_utf8_read_as_windows_1252_and_saved_again_is_read_back(name: str) -> None:
    # dev vi_cd_223 (Vietnamese) and en_qd_2281 (English with typographic apostrophes: "Peopleâ€™s"), as a tool that
    # takes every file for Windows-1252 saves them
    from pipeline.evaluate_styles import mojibake

    text = _dev_text(name)
    garbled = mojibake(text)
    assert garbled != text
    decoded = decode_text_bytes(garbled.encode("utf-8"))
    assert (decoded.text, decoded.encoding) == (text, "utf-8 (mojibake repaired)")


@pytest.mark.parametrize("text", [
    # clean text is left alone: crawled titles with a capital Ã before a space or a letter
    "PHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ TRÊN ĐỊA BÀN\n",
    "HỘI CHỢ, TRIỂN LÃM THƯƠNG MẠI\n",
])
def test_clean_text_is_not_repaired(text: str) -> None:
    assert decode_text_bytes(text.encode("utf-8")) == DecodedText(text, "utf-8", 1.0)
