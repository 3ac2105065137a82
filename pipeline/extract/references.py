"""Cross-references: every mention of another document, with its symbol in canonical form.

Built the way eyecite builds citations:

* **find** — one compiled master regex (built at import from ``data/doc_types.json`` and
  ``data/issuer_codes.json``) finds symbol-shaped tokens (state ``NUM[/YEAR]/CODE-CODE...``, Party
  ``NUM-TYPE/ISSUER``) and bare "No./số NUMBER" mentions, tried only where one can begin (``_SymbolScan``);
* **resolve** — each token is validated group by group, canonicalised (Đ restored from the known code
  list, official mixed case, Party form), given the type word before it, the date or year after it,
  list membership, the relation cue of its sentence, and finally completed from other mentions of the
  same document.

Spans are half-open offsets into the text given. Nothing here reaches the network.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pipeline import knowledge
from pipeline.knowledge.dates import (
    DAY,
    DAY_WORD_ANY_ACCENT,
    MONTH,
    YEAR,
    iso_date,
    named,
    numeric_date,
    written_date,
)
from pipeline.knowledge.doc_types import (
    CERTAIN_COMPLETIONS,
    JOINT_TYPES,
    LEGISLATURE,
    NORMATIVE_TYPES,
    NUMBER_WORDS,
    PARTY_TYPE_WORD_CODES,
    PARTY_TYPES,
    STATE_TYPES,
    TYPE_WORDS_EN,
    TYPE_WORDS_VI,
)
from pipeline.knowledge.patterns import (
    NUMBER_LABEL,
    VI_NUMBER_WORDS,
    alternation,
    matches_from,
    word_alternation,
)
from pipeline.records import Reference


def _load(name: str) -> dict:
    return knowledge.load(name.removesuffix(".json"))


_ISSUERS = _load("issuer_codes.json")
_CUES = _load("relation_cues.json")
TERM_ISSUERS: dict[str, str] = knowledge.code_table(_ISSUERS["term_issuers"])
STATE_ISSUERS: dict[str, str] = knowledge.code_table(_ISSUERS["state_issuers"])
PARTY_ISSUERS: dict[str, str] = knowledge.code_table(_ISSUERS["party_issuers"])
UNITS: dict[str, str | None] = knowledge.code_table(_ISSUERS["units"])

# Codes that can stand in the type slot of a state symbol (QH/UBTVQH are issuers with a term number).
TYPE_CODES = (set(STATE_TYPES) | set(NORMATIVE_TYPES)) - LEGISLATURE
KNOWN_CODES = TYPE_CODES | set(PARTY_TYPES) | set(TERM_ISSUERS) | set(STATE_ISSUERS) | set(PARTY_ISSUERS) | set(UNITS)
_KNOWN_CI = {c.upper(): c for c in KNOWN_CODES}


def _destroke(code: str) -> str:
    return code.replace("Đ", "D").replace("đ", "d")


def _restore_table() -> dict[str, str]:
    """De-stroked spelling -> official code, for whole known codes only; a de-stroked form that is itself
    a known code (HD, DA) or that two codes share stays ambiguous and is not in the table."""
    table: dict[str, str] = {}
    clashes: set[str] = set()
    for code in KNOWN_CODES:
        if "Đ" not in code:
            continue
        key = _destroke(code).upper()
        if key in _KNOWN_CI:
            continue
        if key in table and table[key] != code:
            clashes.add(key)
        table[key] = code
    for key in clashes:
        del table[key]
    return table


_RESTORE = _restore_table()
_TERM_ALT = "|".join(sorted(TERM_ISSUERS, key=len, reverse=True))
_TERM_RE = re.compile(rf"({_TERM_ALT})(\d{{1,2}})")

# ---------------------------------------------------------------------------------------------------
# find: the master regex
_S = r"[ \t\u00a0]*"  # spaces inside a symbol are noise ("1080 / SYT-TCCB"), never a line break...
_SN = r"[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)?"  # ...except right after a separator ("270/QĐ-\nTTg")
_SPECK = r"(?:[:.](?=[ \t]+-[ \t]*[A-ZĐ]{2}))"  # an OCR speck between a code and the hyphen after it
# a number that is not the tail of a word, date, ratio or decimal; "số" may be glued to it ("Tờ trình số374/TTr-CP")
_NUM = r"(?:(?<=[Ss]ố)|(?<![\w/,\-–]))(?<!\d\.)(?<!\d:)"
# Cyrillic capitals that look like Latin ones, which text copied through some sites carries inside codes ("66/NQ-СР"):
# a code may hold them, and its groups are read as the Latin letters
_LOOKALIKES = "АВЕКМНОРСТХ"
_HOMOGLYPHS = str.maketrans(_LOOKALIKES, "ABEKMHOPCTX")
_CODE = rf"[A-Za-zĐđ{_LOOKALIKES}][A-Za-zĐđ0-9{_LOOKALIKES}]*(?:[ \t]*&[ \t]*[A-Za-zĐđ0-9]+|&)*"  # "CCHC&PC", "QLN& TTBĐS"
_CODED = _CODE + r"(?:\.[A-ZĐ0-9]{1,5}(?![a-zđ.]))?"  # "V.III" in 1234/VPCP-V.III
_YEAR = r"(?:19|20)\d\d(?!\d)"
# 66.7/2025/NQ-CP: numbered parts of one resolution; 364a/QĐ-UBND: a number given out of sequence, a letter after it
_NUMBER = r"\d{1,6}(?:\.\d{1,2}(?=/)|[a-z](?=/))?"
_VI_NUMBER_WORD_CASES = [form for word in VI_NUMBER_WORDS for form in (word, word.capitalize())]


def _right_after_number_word(tail: str) -> str:
    """A look-behind: "số" (or OCR's "sô"), a space and `tail` stand right before (one look-behind per spelling, so that
    they need not be of one length)."""
    return "(?:" + "|".join(f"(?<={re.escape(form)} {tail})" for form in _VI_NUMBER_WORD_CASES) + ")"


# OCR sets a number's leading 1, the narrowest figure, apart from the rest ("Nghị định số 1 18/2025/NĐ-CP", "Quyết định
# số 1 002/QĐ-TTg" in readings of dev vi_qd_2605 and vi_qd_2627_bgddt_2025.pdf): after "số", a lone 1 and a space
# before digits and a slash are the number's first figure
_SPLIT_ONE = rf"{_right_after_number_word('')}1[ ](?=\d{{1,5}}[ \t]*/)"
_SPLIT_ONE_READ = rf"{_right_after_number_word('1')}[ ]\d{{1,5}}[ \t]*/"  # after that 1: a bare "số 1" stops short of it
_NUMBER_WORDS = sorted(NUMBER_WORDS, key=len, reverse=True)
_NUMWORD = "|".join(re.escape(w) for w in _NUMBER_WORDS)

_MASTER = re.compile(
    # the leading lookahead lets the engine skip most positions cheaply (3-4x faster scan)
    r"(?=[\dSsNn])(?:"
    # Party: 30-CT/TW, 48 - KL/TW, 08-QĐi/TW
    rf"(?P<party>{_NUM}(?P<pnum>{_NUMBER}){_S}[-–]{_S}(?P<ptype>{_CODE}){_S}/{_S}(?P<ptail>{_CODE}(?:-{_CODE})*))"
    # a state document's number before 1990, its code after a hyphen: 77-CP, 37-HĐBT, Sắc lệnh 60-SL (with a type word)
    rf"|(?P<old>{_NUM}(?P<onum>\d{{1,4}}){_S}[-–]{_S}(?P<ocode>[A-ZĐ]{{2,5}})(?![\w/\-–]|{_S}/))"
    # State: 280/CĐ-TTg, 39/2022/NĐ-CP, 71/2007/TTLT/BTC-BNV, 2231/SNV-CCHC&PC
    rf"|(?P<state>{_NUM}(?P<snum>(?:{_SPLIT_ONE})?{_NUMBER})(?:{_S}/{_S}(?P<syear>{_YEAR}))?(?:{_S}/{_S}|(?P<paren>\)))"
    # a unit code may carry a dotted part: 1234/VPCP-V.III, 838/CCTKV.XII-NVDTPC.HUE; OCR may read a speck after a
    # code, before the hyphen and the next code's capitals ("09/2018/TT: -BGDĐT" in our OCR of dev vi_qd_2576)
    rf"(?P<stail>{_CODED}(?:{_SPECK}?{_S}[-/]{_SN}{_CODED}){{0,5}}))"
    # A bare number after "No./số": a citation only when a type word precedes ("Directive No. 30")
    rf"|(?P<partial>(?<!\w)(?i:{_NUMWORD}):?{_S}(?P<bnum>\d{{1,6}}[A-Z]?)(?![\dA-Za-z])(?:/(?P<byear>{_YEAR}))?"
    rf"(?![\d.,/]\d|{_S}[/\-–]{_S}[A-Za-zĐđ\d]|\)[A-Za-zĐđ]|{_SPLIT_ONE_READ}))"
    # NUMBER/YEAR and nothing more: a citation only right after a type word ("Nghị định 73/2023")
    rf"|(?P<bare>{_NUM}(?P<xnum>\d{{1,6}})/(?P<xyear>{_YEAR})(?![\d/]|{_S}[/\-–]{_S}[A-Za-zĐđ\d]|\)[A-Za-zĐđ])))"
)
_GROUP_RE = re.compile(_CODED)
_DIGITS = re.compile(r"\d")
_YEAR_ONLY = re.compile(_YEAR)
_WORD = re.compile(r"\w*")


class _SymbolScan:
    """The matches of ``_MASTER.finditer(text)``, the same ones in the same order, found two to three times
    faster: the master regex is tried at every digit and every S/N of the text, and most are neither.

    A master match begins either at the first digit of a number that a separator follows (a symbol
    "280/CĐ-TTg", "30-CT/TW", "544)QD-TTg"; a NUMBER/YEAR; a number whose leading 1 OCR set apart, "số 1
    18/2025/NĐ-CP") or at a "No./số" word right before a number (a bare mention). All are found by regexes that
    ``re`` searches in C (they open with a character class), and the master is tried at each (``matches_from``).
    """

    _NUMBER_THEN_SEPARATOR = re.compile(r"\d(?<!\d\d)\d*(?:\.\d{1,2}|[a-z](?=/))?[ \t\u00a0]*[-–/)]")
    _NUMBER_WORD_THEN_DIGIT = re.compile(word_alternation((_NUMBER_WORDS, False)) + rf":?{_S}(?=\d)")

    @classmethod
    def matches(cls, text: str) -> Iterator[re.Match]:
        starts = [m.start() for m in cls._NUMBER_THEN_SEPARATOR.finditer(text)]
        for m in cls._NUMBER_WORD_THEN_DIGIT.finditer(text):
            starts.append(m.start())
            if text.startswith("1 ", m.end()):
                starts.append(m.end())  # "số 1 18/2025/NĐ-CP": the number's 1 that OCR set apart (_SPLIT_ONE)
        return matches_from(_MASTER, text, sorted(starts), len(text))


_TW_VI = dict(TYPE_WORDS_VI)
_TW_EN = dict(TYPE_WORDS_EN)
_TW_LOOKUP = {" ".join(k.lower().split()): v for k, v in {**_TW_VI, **_TW_EN}.items()}
_TYPE_WORD_RE = re.compile(word_alternation((_TW_VI, False), (_TW_EN, True)) + r"(?!\w)")
# what may stand between a type word and its number: "số", "No.", or a title of up to twelve words ending in "số"
# ("Luật Doanh nghiệp số 59/2020/QH14", "the Law on Enterprises No. 59/2020/QH14"), whose commas go on in lower case
# ("Luật Quản lý, sử dụng tài sản công số 15/2017/QH14"); a comma and a capital open the next item of a list. The first
# alone (RIGHT_AFTER_TYPE_WORD) is the type word right before: an old state symbol ("77-CP") is a citation only there
_RIGHT_AFTER = rf"(?:\s*(?:{_NUMWORD})\s*:?)?\s*"
RIGHT_AFTER_TYPE_WORD = re.compile(_RIGHT_AFTER, re.IGNORECASE)
_CONNECT_RE = re.compile(
    rf"{_RIGHT_AFTER}|(?:\s+[^\W\d_][\w’'\-]*|,\s+(?-i:[a-zà-ỹđ])[\w’'\-]*){{1,12}}\s+(?:{_NUMWORD})\s*:?\s*",
    re.IGNORECASE,
)
_LIST_GAP_RE = re.compile(rf"[\s,;]*(?:(?:và|and|&|hoặc|or|cùng)[\s,;]+)?(?:(?:{_NUMWORD})\s*:?\s*)?", re.IGNORECASE)

_MONTHS = {m: i for i, ms in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
     ("november", "nov"), ("december", "dec")], start=1) for m in ms}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
# the date of a citation: "ngày 26 tháng 8 năm 2025", "ngày 02/6/2014", "of February 24, 2011"
_DATE = (
    numeric_date(named("d1", DAY), named("m1", MONTH), named("y1", YEAR))
    + "|" + written_date(named("d2", DAY), named("m2", MONTH), named("y2", YEAR), before_year=r"\s*,?\s+")
    + rf"|(?P<mn3>{_MONTH})\.?\s+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(?P<y3>\d{{4}})"
    rf"|(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mn4>{_MONTH})\.?\s*,?\s+(?P<y4>\d{{4}})"
)
_DATE_RE = re.compile(_DATE, re.IGNORECASE)
# what may follow a symbol and belongs to the mention: its date, or the year of an undated symbol
_AFTER_RE = re.compile(
    rf"[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)?(?:,\s*)?(?:\(\s*)?(?:(?:được\s+)?(?:ban hành|ký)\s+)?"
    rf"(?:(?:{DAY_WORD_ANY_ACCENT}|dated|of|on|issued\s+on|signed\s+on)\s+(?P<date>{_DATE})(?!\d)"
    r"|năm\s+(?P<year>(?:19|20)\d\d)(?![\d/]))",
    re.IGNORECASE,
)

# relation cues: one regex; the relation is looked up from the matched phrase
_CUE_REL: dict[str, str] = {}
for _rel, _langs in _CUES.items():
    if isinstance(_langs, dict):
        for _phrase in _langs["vi"] + _langs["en"]:
            _CUE_REL[" ".join(_phrase.lower().split())] = _rel
_CUE_RE = re.compile(word_alternation((_CUE_REL, False)) + r"(?!\w)")
_PASSIVE_BEFORE_RE = re.compile(rf"(?<!\w)(?:{alternation(_CUES['passive_before'])})\s+$", re.I)
_PASSIVE_AFTER_RE = re.compile(
    rf"(?:\s*,?\s*bổ sung)?\s+(?:{alternation(_CUES['passive_after'])})(?!\w)", re.I
)
# where a sentence or clause begins (a full stop before a capital, ; : ! ?, a blank line, a bullet)
# (opened by a class of its first characters, so that re searches it in C)
_BOUNDARY_RE = re.compile(
    r"[;:!?.\n](?:(?<=[;:!?])|(?<=\.)(?=\s+[A-ZĐÀ-Ỹ\"“])"
    r"|(?<=\n)(?:[ \t]*\n|[ \t]*(?:[-+•*]|\d+(?:\.\d+)*[.)]|[a-zđ]\))[ \t]))"
)
_HEADER_RE = re.compile(rf"^[\W_]*(?:{NUMBER_LABEL}|So|No\.?)\s*(?:hiệu)?\s*:?", re.MULTILINE)
# in a header the "Số:" cell may share a line with the issuer's name ("CHÍNH PHỦ_______ Số: 171/2025/NĐ-CP")
_HEADER_ANYWHERE_RE = re.compile(rf"^[\W_]*{NUMBER_LABEL}(?!\w)|(?<!\w){NUMBER_LABEL}(?:\s+hiệu)?\s*:", re.MULTILINE)


# ---------------------------------------------------------------------------------------------------
# public records


@dataclass
class SymbolParts:
    number: str | None = None
    year: int | None = None
    doc_type: str | None = None
    issuer_code: str | None = None
    is_party: bool = False
    is_normative: bool = False


def doc_type_name(code: str | None) -> str | None:
    """Vietnamese name of a type code; a công văn has no code ("CV" or None)."""
    if code is None or code == "CV":
        return "Công văn"
    for table in (STATE_TYPES, NORMATIVE_TYPES, PARTY_TYPES):
        if code in table:
            return table[code]
    return None


# ---------------------------------------------------------------------------------------------------
# resolve: groups -> canonical symbol


@dataclass
class _Parsed:
    symbol: str | None
    parts: SymbolParts
    confidence: float = 1.0
    end: int = 0  # end offset of the symbol proper in the scanned text


def _canon_group(g: str) -> str | None:
    """Official spelling of one code group, or None when it is not a code (a word, a garble)."""
    if "." in g:  # a unit with a dotted part ("V.III", "UBND.VX"): each part a code
        parts = [_canon_group(part) for part in g.split(".")]
        return ".".join(parts) if all(parts) else None
    if g in KNOWN_CODES:
        return g
    up = g.upper()
    if up in _KNOWN_CI:
        return _KNOWN_CI[up]
    if up in _RESTORE:
        return _RESTORE[up]
    # a legislature's code and term ("QH14"); OCR reads its Q as O ("Luật sô 34/2018/OH14" in a scanned decision)
    term = _TERM_RE.fullmatch(up) or "O" in up and _TERM_RE.fullmatch(up.replace("O", "Q"))
    if term:
        return term.group(1) + term.group(2)
    if g.islower():
        return None  # a lower-case word is a code only when the code is known ("nd-Cp")
    if re.fullmatch(r"[A-ZĐ][A-ZĐ0-9&]*", g) and not g.endswith("&"):
        return g  # unknown local code (units are set by each body)
    if re.fullmatch(r"[A-ZĐ]+[a-zđ]{1,2}[A-ZĐ0-9][A-ZĐ0-9&]*|[A-ZĐ][A-ZĐ0-9&]*Tr", g):
        return g  # mixed case inside (KTr2, SoNNMT) or the "Tr" of trình/trị (CTr, TTr)
    return None


def _recover_glued(g: str, following: str) -> str | None:
    """'CPngày' (no space before the next word): keep the known code, drop the word."""
    for cut in range(len(g) - 1, 0, -1):
        head, rest = g[:cut], g[cut:]
        if head in KNOWN_CODES and rest.islower() and len(rest) + len(following) >= 3:
            return head
    return None


def _looks_garbled(g: str) -> bool:
    return g[0].isupper() and sum(ch.isupper() for ch in g) >= 2


def _read_groups(text: str, start: int, end: int) -> tuple[list[str], int, bool]:
    """Validate the code groups of text[start:end]: (canonical groups, end of the last one, garbled?)."""
    out: list[str] = []
    last_end = start
    for gm in _GROUP_RE.finditer(text, start, end):
        g, gend = gm.group().replace(" ", "").replace("\t", "").rstrip("&").translate(_HOMOGLYPHS), gm.end()  # "CCHC & PC"
        following = ""
        if gend < len(text) and text[gend].isalpha():
            following = _WORD.match(text, gend, gend + 20).group()
        canon = None if following else _canon_group(g)
        if canon is None:
            glued = _recover_glued(g, following) if following or g[-1].islower() else None
            if glued:
                out.append(glued)
                last_end = gm.start() + len(glued)
                return out, last_end, False
            return out, last_end, (not following and _looks_garbled(g))
        out.append(canon)
        last_end = gend
    return out, last_end, False


def _settle_type(code: str, tw_code: str | None) -> str:
    """A de-stroked type that two codes share (DA: Đề án/Dự án, HD: Hướng dẫn/Hợp đồng) is settled by the
    type word; a clear code is never overridden ("Report No. 1460/TTr-UBND" stays a Tờ trình)."""
    if tw_code and tw_code != code and _destroke(tw_code) == code:
        return tw_code
    return code


def _build_party(number: str, ptype: str, issuers: list[str], tw_code: str | None) -> _Parsed:
    if issuers[0] in STATE_ISSUERS and issuers[0] not in PARTY_ISSUERS:
        if tw_code in (None, ptype):
            # hybrid "17-NQ/CP": a Government symbol written with the Party hyphen
            parsed = _build_state(number, None, [ptype, *issuers], tw_code)
            parsed.confidence = 0.6
            return parsed
        # a pre-2000 state form ("Thông tư số 89-TC/TCT": TC = Tài chính there): keep it as written
        parts = SymbolParts(number=number, doc_type=tw_code, issuer_code="-".join(issuers))
        return _Parsed(f"{number}-{ptype}/{'-'.join(issuers)}", parts, 0.6)
    doc_type = ptype
    if tw_code and ptype == "QĐ" and PARTY_TYPE_WORD_CODES.get(tw_code):
        doc_type = PARTY_TYPE_WORD_CODES[tw_code]  # "Quy định số 66-QĐ/TW" is a Quy định
    issuer = "-".join(issuers)
    parts = SymbolParts(number=number, doc_type=doc_type, issuer_code=issuer, is_party=True)
    return _Parsed(f"{number}-{ptype}/{issuer}", parts)


def _unglued_type(group: str) -> list[str] | None:
    """'NĐCP', 'TTBYT': a type code and an issuer's written without their hyphen ("Nghị định số 118/2025/NĐCP"), as
    [type, issuer]; None for a code of its own ("TTCP" is the Government Inspectorate's)."""
    if group in KNOWN_CODES:
        return None
    for cut in range(len(group) - 1, 0, -1):  # the longest type first: "TTLT..." before "TT..."
        head, rest = group[:cut], group[cut:]
        if head in TYPE_CODES and rest in STATE_ISSUERS:
            return [head, rest]
    return None


def _build_state(number: str, year: str | None, groups: list[str], tw_code: str | None) -> _Parsed:
    if year and (unglued := _unglued_type(groups[0])):
        groups = [*unglued, *groups[1:]]
    if tw_code and groups[0] != tw_code and tw_code in TYPE_CODES and _DIGITS.sub("", groups[0]) == tw_code:
        groups = [tw_code, *groups[1:]]  # OCR's "Quyết định số 2247/Q2Đ-BGDĐT": a speck read as a digit in the type's code
    first = groups[0]
    yr = int(year) if year else None
    if (not year and len(groups) == 2 and groups[1] in PARTY_ISSUERS and groups[0] in PARTY_TYPES
            and groups[1] not in STATE_ISSUERS):
        return _build_party(number, groups[0], groups[1:], tw_code)  # English "48/CT-TW"
    term = _TERM_RE.fullmatch(first)
    if first in TYPE_CODES and not (tw_code == "CV" and len(groups) >= 2 and first in STATE_ISSUERS):
        doc_type = _settle_type(first, tw_code)
        groups = [doc_type, *groups[1:]]
        issuer = "-".join(groups[1:]) if doc_type in JOINT_TYPES else (groups[1] if len(groups) > 1 else None)
        if len(groups) == 1:
            # "100/QĐ": a type with no issuer is not a symbol
            return _Parsed(None, SymbolParts(number, yr, doc_type, None, False, bool(year)), 0.5)
    elif term and year:
        doc_type = tw_code if tw_code in ("NQ", "PL") else term.group(1)
        issuer = first
    elif tw_code and first == tw_code and len(groups) > 1:
        # the type word names the code in the type's place: "Kết luận liên ngành tư pháp Trung ương số 23/KL-LNTPTW"
        doc_type, issuer = first, groups[1]
    else:
        # công văn (issuer-unit) or a pre-2000 symbol with the issuer only ("101/CP", "355/TTg"); a year and one code, named
        # by a type word with no code of its own, is none: "Bản án số 159/2022/HSST" is a court's judgment
        doc_type = "CV" if len(groups) > 1 else (tw_code if tw_code != "CV" else None) or (None if year else "CV")
        issuer = first
    symbol = f"{number}/{year}/{'-'.join(groups)}" if year else f"{number}/{'-'.join(groups)}"
    parts = SymbolParts(number, yr, doc_type, issuer, False, bool(year))
    return _Parsed(symbol, parts)


@dataclass
class _Raw:
    kind: str  # party | state | old | partial
    sym_start: int
    sym_end: int
    number: str
    year: str | None
    groups: list[str]
    garbled: bool = False
    tw_code: str | None = None
    tw_start: int | None = None
    has_tw: bool = False
    list_member: bool = False
    typo: bool = False


def _raw_from_match(text: str, m: re.Match) -> _Raw | None:
    if m.group("party"):
        ptype = _canon_group(m.group("ptype"))
        tail_groups, tail_end, garbled = _read_groups(text, m.start("ptail"), m.end("ptail"))
        if ptype is None:
            return None
        if not tail_groups:
            return _Raw("party", m.start(), m.end("ptype"), m.group("pnum"), None, [ptype], garbled=True)
        return _Raw("party", m.start(), tail_end, m.group("pnum"), None, [ptype, *tail_groups], garbled)
    if m.group("state"):
        groups, end, garbled = _read_groups(text, m.start("stail"), m.end("stail"))
        if not groups or (m.group("paren") and len(groups) < 2):
            return None
        raw = _Raw("state", m.start(), end, m.group("snum").replace(" ", ""), m.group("syear"), groups, garbled)
        raw.typo = bool(m.group("paren"))  # "544)QD-TTg": a slash mistyped
        return raw
    if m.group("old"):
        return _Raw("old", m.start(), m.end(), m.group("onum"), None, [m.group("ocode")])
    if m.group("bare"):
        if _YEAR_ONLY.fullmatch(m.group("xnum")):
            return None  # "2023/2024" is a school or crop year, not a number and a year
        return _Raw("partial", m.start("xnum"), m.end(), m.group("xnum"), m.group("xyear"), [])
    return _Raw("partial", m.start("bnum"), m.end(), m.group("bnum"), m.group("byear"), [])


def _type_word_before(text: str, pos: int) -> tuple[str | None, int, int] | None:
    """The type word that names the document numbered at ``pos`` (closest one), as (code, start, end)."""
    lo = max(0, pos - 90)
    # the last type word that connects to the number: test them from the last one back
    found = next((tm for tm in reversed(list(_TYPE_WORD_RE.finditer(text, lo, pos)))
                  if _CONNECT_RE.fullmatch(text, tm.end(), pos)), None)
    if found is None:
        return None
    word = " ".join(found.group().lower().split())
    code = _TW_LOOKUP.get(word)
    if code is None and word not in _TW_LOOKUP:
        code = _TW_LOOKUP.get(re.sub(r"e?s$", "", word))
    return code, found.start(), found.end()


def _iso(m: re.Match) -> str | None:
    g = m.groupdict()
    try:
        if g["d1"]:
            d, mo, y = int(g["d1"]), int(g["m1"]), int(g["y1"])
        elif g["d2"]:
            d, mo, y = int(g["d2"]), int(g["m2"]), int(g["y2"])
        elif g["mn3"]:
            d, mo, y = int(g["d3"]), _MONTHS[g["mn3"].lower()], int(g["y3"])
        else:
            d, mo, y = int(g["d4"]), _MONTHS[g["mn4"].lower()], int(g["y4"])
    except (ValueError, KeyError):
        return None
    return iso_date(y, mo, d)


def _parse_raw(raw: _Raw, tw_code: str | None) -> _Parsed:
    if raw.kind == "partial":
        return _Parsed(None, SymbolParts(raw.number, int(raw.year) if raw.year else None, tw_code), 0.5)
    if raw.kind == "old":
        # "Quyết định số 77-CP", "Sắc lệnh 60-SL": the number and the issuer's (or, for a Sắc lệnh, the type's) code
        code = raw.groups[0]
        doc_type = tw_code or (code if code in TYPE_CODES else None)
        parts = SymbolParts(raw.number, None, doc_type, code if code not in TYPE_CODES else None, False, False)
        return _Parsed(f"{raw.number}-{code}", parts, 0.8, raw.sym_end)
    if raw.kind == "party":
        if len(raw.groups) < 2:
            return _Parsed(None, SymbolParts(raw.number, None, raw.groups[0], None, True, False), 0.5)
        parsed = _build_party(raw.number, raw.groups[0], raw.groups[1:], tw_code)
    else:
        parsed = _build_state(raw.number, raw.year, raw.groups, tw_code)
    if raw.typo:
        parsed.confidence = min(parsed.confidence, 0.8)
    if raw.garbled:
        # OCR noise after the last good group ("41 /CT-TTs"): keep what is certain, not a wrong symbol
        parsed.symbol = None
        parsed.parts.issuer_code = None if len(raw.groups) < 2 else parsed.parts.issuer_code
        parsed.confidence = min(parsed.confidence, 0.4)
    parsed.end = raw.sym_end
    return parsed


def _scan(text: str) -> list[_Raw]:
    """find stage: every symbol-shaped token, with its type word and list membership."""
    raws: list[_Raw] = []
    for m in _SymbolScan.matches(text):
        raw = _raw_from_match(text, m)
        if raw is None:
            continue
        tw = _type_word_before(text, m.start())
        if raw.kind == "old" and not (tw and RIGHT_AFTER_TYPE_WORD.fullmatch(text, tw[2], m.start())):
            continue  # "Quyết định số 77-CP": the type word right before; "Mẫu số 77-DS" is a form's name
        if tw is not None:
            raw.has_tw, raw.tw_code, raw.tw_start = True, tw[0], tw[1]
        raws.append(raw)
    return raws


def _needs_type_word(raw: _Raw) -> bool:
    """Only a full symbol stands on its own; a bare number, a single code ("127/TW", "101/CP") or a
    garbled symbol is a citation only when a type word names it."""
    return raw.kind in ("partial", "old") or raw.garbled or len(raw.groups) < 2


def canonical_symbol(raw: str, type_word: str | None = None) -> str | None:
    """Canonical form of a raw symbol string ("280/CD-TTg" -> "280/CĐ-TTg", "48/CT-TW" -> "48-CT/TW",
    "CHỈ THỊ SỐ 19/CT-TTG" -> "19/CT-TTg"); None when no complete symbol is in it."""
    if not raw:
        return None
    tw_code = _TW_LOOKUP.get(" ".join(type_word.lower().split())) if type_word else None
    for r in _scan(raw):
        if r.kind == "partial":
            continue
        code = tw_code if type_word else r.tw_code
        parsed = _parse_raw(r, code)
        if parsed.symbol and (not _needs_type_word(r) or r.has_tw or type_word):
            return parsed.symbol
    return None


def parse_symbol(symbol: str) -> SymbolParts:
    """Number, year, type, issuer of a symbol (raw or canonical); empty parts when it is not one."""
    for r in _scan(symbol or ""):
        if r.kind != "partial":
            return _parse_raw(r, r.tw_code).parts
    return SymbolParts()


def parse_own_symbol(line: str) -> str | None:
    """The document's own symbol from a header line: "Số: 223/CĐ-TTg", "Số 36-HD/VPTW",
    "Decision No. 282/QD-TTg of February 24, 2011"."""
    stripped = line.strip().lstrip("*_#|> \t")
    if not (_HEADER_RE.match(stripped) or _TYPE_WORD_RE.match(stripped)):
        return None
    for r in _scan(stripped):
        if r.kind == "partial":
            continue
        parsed = _parse_raw(r, r.tw_code)
        if parsed.symbol:
            return parsed.symbol
    return None


def _own_from_header(text: str) -> str | None:
    """Without a given own symbol, the "Số: ..." line of the header (first 3,000 characters) gives it."""
    head = text[:3000]
    for hm in _HEADER_ANYWHERE_RE.finditer(head):
        line_end = head.find("\n", hm.end())
        # the symbol may sit on the next line of a table cell ("Số:\n223/CĐ-TTg")
        chunk = head[hm.start() + len(hm.group()) - len(hm.group().lstrip("*_#|>- \t\n")):
                     line_end + 40 if line_end != -1 else len(head)]
        sym = parse_own_symbol(chunk)
        if sym:
            return sym
    return None


# ---------------------------------------------------------------------------------------------------
# relation


def _sentence_start(text: str, pos: int) -> int:
    lo = max(0, pos - 300)
    start = lo
    for bm in _BOUNDARY_RE.finditer(text, lo, pos):
        start = bm.end()
    return start


def _relation(text: str, start: int, earlier_ends: list[int]) -> str:
    """The last cue of the sentence before the mention. A cue of what another document does (amends,
    replaces) placed after a previous mention of the sentence is about that document, not this one."""
    sent = _sentence_start(text, start)
    relation = "cites"
    for cm in _CUE_RE.finditer(text, sent, start):
        if _PASSIVE_BEFORE_RE.search(text, max(0, cm.start() - 12), cm.start()):
            continue
        if _PASSIVE_AFTER_RE.match(text, cm.end()):
            continue
        rel = _CUE_REL[" ".join(cm.group().lower().split())]
        if rel in ("amends", "replaces") and any(sent <= e <= cm.start() for e in earlier_ends):
            continue
        relation = rel
    return relation


# ---------------------------------------------------------------------------------------------------
# the public extractor


# a bracket that gives an example: a form's instructions show how to fill in a number ("ghi đầy đủ Quyết định được thay thế
# (ví dụ: số 68/2017/QĐ-TA ngày 02 tháng 5 năm 2017)"), which cites no document (the pattern opens with the bracket, a
# literal the regex engine skips to in C: one scan, faster than a string test per word)
EXAMPLE_BRACKET = re.compile(r"\(\s*(?:[Vv]í\s+dụ|VD|[Cc]hẳng\s+hạn|e\.\s?g\.|[Ff]or\s+(?:example|instance))\b")
EXAMPLE_REACH = 400  # characters: an example is short; a bracket left open goes no further (nor past its line)
_BRACKET_OR_BREAK = re.compile(r"[()\n]")


def example_spans(text: str) -> list[tuple[int, int]]:
    """The brackets that give examples, each to its closing bracket (on its line, within EXAMPLE_REACH; brackets inside
    it nest)."""
    spans = []
    for m in EXAMPLE_BRACKET.finditer(text):
        depth, end = 0, min(len(text), m.start() + EXAMPLE_REACH)
        for mark in _BRACKET_OR_BREAK.finditer(text, m.start(), end):
            if mark.group() == "\n":
                end = mark.start()
                break
            depth += 1 if mark.group() == "(" else -1
            if depth == 0:
                end = mark.end()
                break
        spans.append((m.start(), end))
    return spans


def find_references(
    text: str, *, language: str = "vi", own_symbol: str | None = None, issued_on: str | None = None
) -> list[Reference]:
    """Every mention of another document in ``text``, in text order (ids r1, r2, ...)."""
    own = canonical_symbol(own_symbol) if own_symbol else _own_from_header(text)
    own_parts = parse_symbol(own) if own else None
    raws = _scan(text)
    if examples := example_spans(text):
        raws = [raw for raw in raws if not any(start < raw.sym_start < end for start, end in examples)]

    items: list[tuple[_Raw, _Parsed, int, int, str | None, int | None]] = []
    prev: _Raw | None = None
    prev_end = -1
    for raw in raws:
        # a list sharing one type word: "các Công điện số 217/CĐ-TTg, 218/CĐ-TTg và 222/CĐ-TTg"
        if prev is not None and not raw.has_tw and _LIST_GAP_RE.fullmatch(text, prev_end, raw.sym_start):
            raw.tw_code, raw.has_tw, raw.list_member = prev.tw_code, prev.has_tw, True
        if _needs_type_word(raw) and not raw.has_tw:
            continue
        parsed = _parse_raw(raw, raw.tw_code)
        if language == "en" and parsed.parts.doc_type in ("DA", "HD") and raw.tw_code not in ("DA", "HD"):
            parsed.confidence = min(parsed.confidence, 0.8)  # English drops the stroke: may be ĐA / HĐ
        end = parsed.end if raw.kind != "partial" else raw.sym_end
        issued, year = None, parsed.parts.year
        after = _AFTER_RE.match(text, end)
        if after:
            if after.group("date"):
                issued = _iso(_DATE_RE.match(after.group("date")))
                if issued:
                    end = after.end()
                    year = year or int(issued[:4])
            elif year is None and raw.kind != "partial":
                year, end = int(after.group("year")), after.end()
        start = raw.tw_start if raw.tw_start is not None and not raw.list_member else raw.sym_start
        items.append((raw, parsed, start, end, issued, year))
        prev, prev_end = raw, end

    refs: list[Reference] = []
    earlier_ends: list[int] = []
    last_relation = "cites"
    for raw, parsed, start, end, issued, year in items:
        relation = last_relation if raw.list_member else _relation(text, start, earlier_ends)
        earlier_ends.append(end)
        last_relation = relation
        p = parsed.parts
        refs.append(Reference(
            id="", span=(start, end), mention=text[start:end], symbol=parsed.symbol, doc_type=p.doc_type,
            number=p.number, year=year, issuer_code=p.issuer_code, issued_on=issued, relation=relation,
            doc_type_name=doc_type_name(p.doc_type) if p.doc_type else None, confidence=parsed.confidence,
        ))

    _complete_partials(refs)
    _share_dates(refs)
    refs = [r for r in refs if not _is_self(r, own, own_parts)]
    for i, r in enumerate(refs, start=1):
        r.id = f"r{i}"
        if issued_on and r.issued_on and r.issued_on > issued_on:
            r.confidence = min(r.confidence, 0.7)  # a cited document cannot postdate the citing one
    return refs


def _same_type(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return False
    return a == b or {a, b} <= {"QĐi", "QyĐ", "QĐ"}


def _complete_partials(refs: list[Reference]) -> None:
    """A partial mention gets a symbol only when certain: another mention of the same type and number in
    this document has one (and only one), or the type allows one issuer ("Decree No. 73/2023")."""
    full = [r for r in refs if r.symbol]
    for r in refs:
        if r.symbol is not None or r.number is None or r.confidence < 0.5:
            continue
        cands = {f.symbol for f in full
                 if f.number == r.number and _same_type(f.doc_type, r.doc_type)
                 and (r.year is None or f.year == r.year)}
        if len(cands) == 1:
            twin = next(f for f in full if f.symbol in cands)
            r.symbol, r.issuer_code, r.confidence = twin.symbol, twin.issuer_code, 0.9
            r.year = r.year or twin.year
        elif not cands and r.year and r.doc_type in CERTAIN_COMPLETIONS:
            r.issuer_code = CERTAIN_COMPLETIONS[r.doc_type]
            r.symbol = f"{r.number}/{r.year}/{r.doc_type}-{r.issuer_code}"
            r.confidence = 0.9


def _share_dates(refs: list[Reference]) -> None:
    """A later short mention of a symbol is the same document: it takes the date the full citation gave."""
    dated: dict[str, Reference] = {}
    for r in refs:
        if r.symbol and r.issued_on and r.symbol not in dated:
            dated[r.symbol] = r
    for r in refs:
        twin = dated.get(r.symbol or "")
        if twin is not None and r.issued_on is None:
            r.issued_on, r.year = twin.issued_on, r.year or twin.year


def _is_self(r: Reference, own: str | None, own_parts: SymbolParts | None) -> bool:
    if own is None:
        return False
    if r.symbol is not None:
        return r.symbol == own
    return (own_parts is not None and r.number == own_parts.number and _same_type(r.doc_type, own_parts.doc_type)
            and (r.year is None or own_parts.year is None or r.year == own_parts.year))
