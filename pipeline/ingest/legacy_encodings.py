"""Decode text bytes: Unicode first, then legacy Vietnamese 8-bit encodings when one fits with confidence.

Old Vietnamese archives hold TCVN3 (ABC), VNI-Windows, Windows-1258 and VISCII files. None of them can be
told apart by their bytes alone, so every candidate is decoded and scored by how many of its accented
words are well-formed Vietnamese syllables (onset + rhyme + tone, tables in data/legacy_vn_maps.json).
The best candidate wins only when it is both good and clearly better than the runner-up; otherwise
the caller gets UndecodableText instead of confident garbage.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from pipeline import knowledge

# A candidate's score is valid / (units + 1): the +1 keeps two or three lucky words from looking certain.
ACCEPT_SCORE = 0.8
# ...and it must beat every candidate that decodes to a different text by this much.
MIN_MARGIN = 0.3
# Bytes are not called English once a Vietnamese reading has this many valid words at this score.
WESTERN_VETO_WORDS = 2
WESTERN_VETO_SCORE = 0.5
# Plain Western text: at most this share of words may carry a non-ASCII letter (café, naïve).
MAX_WESTERN_ACCENTED_WORDS = 0.1
# Beyond this share of control bytes the input is binary, not text.
MAX_CONTROL_SHARE = 0.01

NOT_LEGACY_REASON = "not UTF-8 and no legacy Vietnamese encoding (TCVN3, VNI, Windows-1258, VISCII) fits with confidence"

_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
# Split words on ASCII punctuation/digits and the General Punctuation block (curly quotes, dashes, ellipsis):
# those decode the same in every candidate, so they carry no evidence.
_SEPARATORS = re.compile(r"[\x21-\x40\x5b-\x60\x7b-\x7e\u00a0\u2000-\u206f]+")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_UNASSIGNED = "\ufffd"
# Non-ASCII, non-letter characters that clean English text in cp1252 may contain, each allowed only where
# English puts it: a symbol or quote glued to a letter ("N§-CP", "Ngh®", "V«") is a legacy Vietnamese letter.
_OPENING_QUOTES = frozenset("“‘«‹„‚")
_CLOSING_QUOTES = frozenset("”»›")
_WESTERN_PUNCTUATION = frozenset("\u00a0–—…•†‡")
_WESTERN_SYMBOLS = frozenset("€£¥¢©®§¶±×÷½¼¾¹²³‰°")
_APOSTROPHES = frozenset("’")


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    confidence: float


class UndecodableText(ValueError):
    """The bytes are not Unicode and no legacy encoding explains them with confidence."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class _Score:
    encoding: str
    text: str
    valid: int
    units: int

    @property
    def value(self) -> float:
        return self.valid / (self.units + 1)


# ---------------------------------------------------------------- tables


@lru_cache(maxsize=1)
def _data() -> dict:
    return knowledge.load("legacy_vn_maps")


def _byte_map(key: str) -> dict[int, str]:
    return {int(code, 16): char for code, char in _data()[key].items()}


def as_windows_1252(data: bytes) -> str:
    """The bytes as a tool that takes every file for Windows-1252 shows them: 0x80-0x9F as Windows writes them (smart
    quotes, dashes, "€"), the five bytes Windows-1252 leaves undefined in their Latin-1 reading, the rest Latin-1."""
    return data.decode("latin-1").translate(_CP1252_C1)


def _c1_as_cp1252() -> dict[int, str]:
    """Bytes 0x80-0x9F as Windows writes them next to .Vn/VNI fonts: smart quotes, dashes, ellipsis."""
    return {b: bytes([b]).decode("cp1252", errors="replace") for b in range(0x80, 0xA0)}


_CP1252_C1 = {b: char for b, char in _c1_as_cp1252().items() if char != "\ufffd"}


@lru_cache(maxsize=1)
def _tcvn3_table() -> dict[int, str]:
    table = _c1_as_cp1252()
    table.update(_byte_map("tcvn3"))
    table.update(_byte_map("tcvn3_vn1_capitals"))
    return table


@lru_cache(maxsize=1)
def _viscii_table() -> dict[int, str]:
    return _byte_map("viscii")


@lru_cache(maxsize=1)
def _vni_map() -> dict[str, str]:
    """VNI sequences (as Latin-1 text) -> letters, plus case-mismatched variants (base letter decides case)."""
    sequences = dict(_data()["vni"])
    for seq, char in list(sequences.items()):
        if len(seq) == 2 and seq[0].isascii():
            base_case = str.upper if seq[0].isupper() else str.lower
            for variant in (seq[0] + seq[1].lower(), seq[0] + seq[1].upper()):
                sequences.setdefault(variant, base_case(char))
    return sequences


@lru_cache(maxsize=1)
def _vni_pattern() -> re.Pattern[str]:
    keys = sorted(_vni_map(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys)))


# ---------------------------------------------------------------- candidate decoders


def _translate(data: bytes, table: dict[int, str]) -> str:
    # Latin-1 maps byte b to code point b, so a str.translate table keyed by byte value does the rest.
    return data.decode("latin-1").translate(table)


def _decode_cp1258(data: bytes) -> str:
    # cp1258 writes most tones as combining marks; NFC composes them onto the base letters.
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


def _decode_viscii(data: bytes) -> str:
    return _translate(data, _viscii_table())


def _decode_vni(data: bytes) -> str:
    text = _translate(data, _c1_as_cp1252())
    mapping = _vni_map()
    return unicodedata.normalize("NFC", _vni_pattern().sub(lambda m: mapping[m.group(0)], text))


def _decode_tcvn3(data: bytes) -> str:
    text = _translate(data, _tcvn3_table())
    return "".join(_restore_tcvn3_capitals(line) for line in text.splitlines(keepends=True))


def _restore_tcvn3_capitals(line: str) -> str:
    """VN3 has no toned capitals: all-caps text uses lower-case codes under a capital font. Undo that
    for lines, then words, that are otherwise written in capitals ("THñ T¦íNG" -> "THỦ TƯỚNG")."""
    if _looks_all_caps(line):
        return line.upper()
    return _LETTER_RUN.sub(lambda m: m.group(0).upper() if _looks_all_caps(m.group(0)) else m.group(0), line)


def _looks_all_caps(text: str) -> bool:
    has_ascii_lower = any("a" <= ch <= "z" for ch in text)
    return not has_ascii_lower and sum(ch.isupper() for ch in text) >= 2


_CANDIDATES: dict[str, Callable[[bytes], str]] = {
    "tcvn3": _decode_tcvn3,
    "vni": _decode_vni,
    "cp1258": _decode_cp1258,
    "viscii": _decode_viscii,
}


# ---------------------------------------------------------------- Vietnamese syllable check


@lru_cache(maxsize=1)
def _syllable_rules() -> dict:
    rules = dict(_data()["syllable"])
    rules["onsets"] = sorted(rules["onsets"], key=len, reverse=True)
    rules["rhymes"] = frozenset(rules["rhymes"])
    rules["tone_marks"] = frozenset(rules["tones"].values())
    rules["stop_tones"] = frozenset(rules["tones"][name] for name in rules["tones_allowed_after_stop"])
    return rules


def is_vietnamese_syllable(word: str) -> bool:
    """True when `word` (one syllable, any case) is spelled as a Vietnamese syllable."""
    rules = _syllable_rules()
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [ch for ch in decomposed if ch in rules["tone_marks"]]
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in rules["tone_marks"]))
    if not bare or any(ch not in rules["letters"] for ch in bare):
        return False
    tone = tones[0] if tones else ""
    return any(
        _fits(onset, bare[len(onset):], tone, rules) for onset in rules["onsets"] if bare.startswith(onset)
    )


def _fits(onset: str, rhyme: str, tone: str, rules: dict) -> bool:
    if rhyme not in rules["rhymes"]:
        return False
    front = rhyme[0] in rules["front_vowels"]
    if onset in rules["onsets_before_front_vowel_only"] and not front:
        return False
    if onset in rules["onsets_never_before_front_vowel"] and front:
        return False
    if onset in rules["onsets_needing_medial_u"] and not rhyme.startswith("u"):
        return False
    if any(rhyme.endswith(stop) for stop in rules["stop_finals"]):
        return tone in rules["stop_tones"]
    return True


def _is_abbreviation(part: str) -> bool:
    # NĐ, QĐ, CĐ, UBND-style capitals: Đ is the only non-ASCII letter they use.
    return 2 <= len(part) <= 8 and "Đ" in part and all("A" <= ch <= "Z" or ch == "Đ" for ch in part)


# ---------------------------------------------------------------- scoring


def _score(encoding: str, text: str) -> _Score:
    """Count word parts carrying non-ASCII characters (the only parts candidates disagree on) and how
    many are Vietnamese; unassigned bytes and stray controls count as failed parts."""
    valid = units = 0
    for token in text.split():
        for part in _SEPARATORS.split(token):
            if not part or part.isascii():
                continue
            units += 1
            if _is_vietnamese_word(part):
                valid += 1
    units += sum(1 for ch in text if ch == _UNASSIGNED or _is_stray_control(ch))
    return _Score(encoding, text, valid, units)


def _is_vietnamese_word(part: str) -> bool:
    if not part.isalpha():
        return False
    if _is_abbreviation(part):
        return True
    # "CHọ"-style mixed case is what a wrong table makes of a capitalised word.
    cased = part.islower() or part.isupper() or part.istitle()
    return cased and is_vietnamese_syllable(part)


def _is_stray_control(ch: str) -> bool:
    return unicodedata.category(ch) == "Cc" and ch not in _TEXT_CONTROLS


def _best_vietnamese(data: bytes) -> tuple[_Score, _Score | None]:
    scores = sorted(
        (_score(name, decode(data)) for name, decode in _CANDIDATES.items()),
        key=lambda s: s.value,
        reverse=True,
    )
    best = scores[0]
    # Candidates that agree with the winner's text are not rivals.
    rivals = [s for s in scores[1:] if s.text != best.text]
    return best, (rivals[0] if rivals else None)


# ---------------------------------------------------------------- Western fallback


def _western(data: bytes) -> DecodedText | None:
    """cp1252 English (curly quotes, dashes, the odd café): clean text with few accented words."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if any(_is_stray_control(ch) for ch in text):
        return None
    if not all(_western_char_fits(text, i) for i, ch in enumerate(text) if not ch.isascii() and not ch.isalpha()):
        return None
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    if not words:
        return None
    accented = sum(1 for w in words if any(ch.isalpha() and not ch.isascii() for ch in w))
    share = accented / len(words)
    if share > MAX_WESTERN_ACCENTED_WORDS:
        return None
    return DecodedText(text, "cp1252", round(1.0 - share, 3))


def _western_char_fits(text: str, i: int) -> bool:
    """Spacing accents (¸ ¨ ¯ ´) never; quotes, dashes and symbols only where English text has them."""
    ch = text[i]
    before_letter = i > 0 and text[i - 1].isalpha()
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in _APOSTROPHES:
        return True  # it’s, Scheme 544’s, closing quote
    if ch in _OPENING_QUOTES:
        return not before_letter
    if ch in _CLOSING_QUOTES:
        return not after.isalpha()
    if ch in _WESTERN_PUNCTUATION:
        return not (before_letter and after.isalpha())
    if ch == "™":
        return not after.isalpha()
    if ch in _WESTERN_SYMBOLS:
        return not before_letter and (not after.isalpha() or (ch == "°" and after in "CF"))
    return False


# ---------------------------------------------------------------- entry point

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text_bytes(data: bytes) -> DecodedText:
    """Decode a text file's bytes: BOM, then strict UTF-8, then the one legacy encoding that fits.

    Raises UndecodableText (a ValueError) with a short reason when nothing fits with confidence.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(codec), codec.replace("-sig", ""), 1.0)
            except UnicodeDecodeError as exc:
                raise UndecodableText(f"starts with a {codec} byte-order mark but is not valid {codec}") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        repaired = without_mojibake(text)
        return DecodedText(repaired, "utf-8" if repaired == text else "utf-8 (mojibake repaired)", 1.0)
    controls = sum(1 for b in data if b < 0x20 and chr(b) not in _TEXT_CONTROLS)
    if b"\x00" in data or controls > MAX_CONTROL_SHARE * len(data):
        raise UndecodableText("looks like binary data (NUL or control bytes), not text")

    best, runner_up = _best_vietnamese(data)
    rival_value = runner_up.value if runner_up else 0.0
    if best.value >= ACCEPT_SCORE and best.value - rival_value >= MIN_MARGIN:
        return DecodedText(best.text, best.encoding, round(best.value, 3))
    # Some Vietnamese evidence, even too little to decode, rules out calling the bytes English.
    vetoed = best.valid >= WESTERN_VETO_WORDS and best.value >= WESTERN_VETO_SCORE
    western = None if vetoed else _western(data)
    if western is not None:
        return western
    detail = f"best guess {best.encoding}: {best.valid} of {best.units} accented words are Vietnamese"
    if runner_up is not None:
        detail += f", runner-up {runner_up.encoding}: {runner_up.valid} of {runner_up.units}"
    raise UndecodableText(f"{NOT_LEGACY_REASON} ({detail})")


# ---------------------------------------------------------------- UTF-8 read as Windows-1252, saved again

# Vietnamese letters' UTF-8 bytes as Windows-1252 shows them: a lead byte (Ã Ä Å Æ) then a continuation byte, or
# the three-byte letters' "áº" / "á»" ("Bá»™ TÃ i chÃ­nh" for "Bộ Tài chính"), and typographic punctuation's "â€" (the
# English "Governmentâ€™s"). Clean Vietnamese writes "Ã" before a space or a letter ("XÃ HỘI", "NGÃ BA") and never
# writes those pairs. Each is looked for with str.find, a scan in C: a regex opening with a class tries every position.
_MOJIBAKE_PAIRS = ("á»", "áº", "â€")
_MOJIBAKE_LEADS = "ÃÄÅÆ"
_CONTINUATIONS = frozenset(as_windows_1252(bytes(range(0x80, 0xC0)))) | frozenset(map(chr, range(0x80, 0xA0)))
MOJIBAKE_REACH = 20_000  # characters: a file saved so is garbled from its first page on


def _shows_mojibake(text: str) -> bool:
    end = min(len(text), MOJIBAKE_REACH)
    if any(text.find(pair, 0, end) >= 0 for pair in _MOJIBAKE_PAIRS):
        return True
    for lead in _MOJIBAKE_LEADS:
        at = text.find(lead, 0, end)
        while at >= 0:
            if text[at + 1:at + 2] in _CONTINUATIONS:
                return True
            at = text.find(lead, at + 1, end)
    return False


def without_mojibake(text: str) -> str:
    """`text` with UTF-8 that was read as Windows-1252 and saved again read back ("Sá»‘: 223/CÄ\x90-TTg" ->
    "Số: 223/CĐ-TTg"), by ftfy, which undoes only what it can prove; `text` itself when it shows no such pairs."""
    if not _shows_mojibake(text):
        return text  # ftfy repairs only what it can prove; most texts show nothing for it to look at
    import ftfy

    return ftfy.fix_encoding(text)


# ---------------------------------------------------------------- legacy blocks inside Unicode text

_LATIN1_HIGH = re.compile(r"[\u0080-\u00ff]")
MIN_LEGACY_PARTS = 2  # a line is re-read only when it has this many legacy-looking word parts
LEGACY_CONFIDENCE = 0.8  # and the TCVN3 reading makes this share of them Vietnamese syllables


def decode_legacy_lines(text: str) -> str:
    """Lines of TCVN3 (ABC) bytes shown through a Unicode page ("QuyÕt ®Þnh sè 29/2007/Q§-BXD") decoded,
    each only when the TCVN3 reading is confidently Vietnamese and better than the line as it stands; the
    rest of the page (already Unicode) is left alone."""
    if not _LATIN1_HIGH.search(text):
        return text
    return "\n".join(_decode_line(line) for line in text.split("\n"))


def _decode_line(line: str) -> str:
    if len(_LATIN1_HIGH.findall(line)) < 2 or any(ord(ch) > 0xFF for ch in line):
        return line
    decoded = _decode_tcvn3(line.encode("latin-1"))
    new, old = _score("tcvn3", decoded), _score("unicode", line)
    # a short line whose every part reads as a syllable ("QuyÕt ®Þnh" -> "Quyết định") is as sure as a long one
    sure = new.value >= LEGACY_CONFIDENCE or new.valid == new.units
    if new.units >= MIN_LEGACY_PARTS and sure and new.valid > old.valid:
        return decoded
    return line
