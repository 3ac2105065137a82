"""Find deadline expressions in directive text and normalise them to Deadline records.

The due day follows ANNOTATION.md: the last day the task may be done as written ("trước ngày 15/12/2025"
-> 2025-12-15 with flag "before"; "đến hết năm 2023" -> 2023-12-31; "trong tháng 12/2025" -> a range whose
date is its end; "trong 30 ngày kể từ ngày ký" -> issue date + 30). Recurring and vague expressions keep
their mention with no date.

How it works: one compiled regex per language finds time *atoms* (a day, a date, a month, a quarter, a
half-year, a year, a clock time); the words just before an atom (its *cue*: "trước", "chậm nhất", "by",
"in", ...) and just after it (recurrence, "của <body>", "và các năm tiếp theo", ...) decide what it
means. Relative durations, recurrence words and vague words are found by their own regexes. All cue
words live in data/deadline_patterns.json. No network, no heavy library: dates are plain arithmetic.

Speed: most paragraphs hold no time expression. Each finder first searches a *hint* (a word or digit form
that every one of its matches holds) with a pattern ``re`` searches in C, and a paragraph without any hint
is left at once; the costly regexes run only where a hint is. The date pieces come from knowledge/dates.py.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, insort
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from pipeline import knowledge
from pipeline.knowledge.dates import (
    DAY,
    DAY_WORD,
    MONTH,
    MONTH_WORD,
    QUARTER_WORD,
    QUARTER_WORDS,
    YEAR,
    YEAR_WORD,
    day_and_month,
    named,
    numeric_date,
)
from pipeline.knowledge.doc_types import TYPE_WORDS_VI
from pipeline.knowledge.patterns import alternation as _alt
from pipeline.knowledge.patterns import first_letters, matches_from, phrase_starts, word_alternation
from pipeline.knowledge.workdays import add_working_days
from pipeline.records import Deadline

__all__ = ["find_deadlines", "primary_deadline", "parse_date"]

_DATA = knowledge.load("deadline_patterns")
_NEG = _DATA["negatives"]
_WINDOW = 70  # characters of left context searched for a cue
_QUARTERLY = "FREQ=YEARLY;BYMONTH=3,6,9,12"  # calendar quarters; see the data file's comment


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


# ---------------------------------------------------------------- atoms (the time expressions themselves)

_MON = (
    "(?-i:" + "|".join(sorted({k.capitalize() for k in _DATA["months_en"]}, key=len, reverse=True)) + r")\b"
)
_NUMW = _alt(_DATA["number_words"])

# "ngày 15/12/2026", "22/1" (a year-less day/month needs "/")
_NUMERIC = (
    rf"(?P<ndate>(?<![\d/.,])(?:{DAY_WORD}\s+)?"
    + numeric_date(named("nd", DAY), named("nm", MONTH), named("ny", YEAR), year_optional=True) + r"(?![\d/]))"
)
_VI_ATOMS = [
    # "ngày 30 tháng 6 năm 2026", "30 tháng 6/2026", "30 tháng 6"; not "ngày 10 tháng 6 năm cuối của chương trình"
    # (the first or last year of a programme: no date the text fixes)
    rf"(?P<vdate>(?:{DAY_WORD}\s+)?{day_and_month(named('vd', DAY), named('vm', MONTH))}(?!\d)"
    rf"(?:\s*(?:{YEAR_WORD}|/)\s*{named('vy', YEAR)}|(?!\s*{YEAR_WORD}\s+(?:cuối|đầu)\b)))",
    _NUMERIC,
    rf"(?P<vquarter>{QUARTER_WORD}\s+(?P<vq>IV|I{{1,3}}|[1-4])(?!\w)(?:\s*(?:/|-|{YEAR_WORD})\s*(?P<vqy>\d{{4}}))?)",
    r"(?P<vhalf>(?:(?P<vhn>\d{1,2})\s+tháng|nửa)\s+(?P<vhpos>đầu|cuối)\s+năm(?:\s+(?P<vhy>\d{4}))?)",
    rf"(?P<vmonth>{MONTH_WORD}\s+{named('vmo', MONTH)}(?:\s*(?:/|-|{YEAR_WORD})\s*{named('vmy', YEAR)})?(?![\d/]))",
    r"(?P<vyear>năm\s+(?:(?P<vyy>(?:19|20)\d{2})(?![\d/])|(?P<vnay>nay)(?!\w)))",
    rf"(?P<vday>{DAY_WORD}\s+{named('vdd', DAY)}(?![\d/.\-])(?!\s+{MONTH_WORD}))",
    r"(?P<vtime>(?<![\d/.,])(?P<hh>\d{1,2})\s*(?:giờ|h)(?:\s*(?P<mi>\d{2}))?\s*['’]?(?!\w))",
]
_EN_ATOMS = [
    r"(?P<emday>(?:the\s+)?(?P<ed3>\d{1,2})(?:st|nd|rd|th)(?:\s+day)?\s+of\s+(?:each|every)\s+month)",
    rf"(?P<emdy>(?P<em1>{_MON})\.?\s+(?P<ed1>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:\s*,?\s*(?P<ey1>\d{{4}}))?(?![\d/]))",
    rf"(?P<edmy>(?<![\d/.])(?P<ed2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<em2>{_MON})\.?(?:\s*,?\s*(?P<ey2>\d{{4}}))?)",
    _NUMERIC,
    r"(?P<equarter>(?:the\s+)?(?P<eqo>first|second|third|fourth|last|1st|2nd|3rd|4th)\s+quarter"
    r"(?:\s+of(?:\s+the\s+year)?)?(?:\s+(?P<eqy>\d{4}))?|(?<!\w)Q(?P<eqn>[1-4])(?:\s*[/-]?\s*(?P<eqy2>\d{4}))?(?!\w))",
    r"(?P<ehalf>(?:the\s+)?(?:(?P<eho>first|second)\s+half|(?P<ehp>first|last)\s+(?P<ehn>\d{1,2}|three|six|nine|ten)"
    r"\s+months)\s+of(?:\s+the\s+year)?(?:\s+(?P<ehy>\d{4}))?)",
    rf"(?P<emonth>(?P<em3>{_MON})\.?(?:\s*,?\s*(?P<emy>\d{{4}}))?(?![\d/]))",
    r"(?P<eyear>(?<![\d/.,\-])(?P<eyy>(?:19|20)\d{2})(?![\d/]|\s*-\s*\d)|(?P<ethis>this\s+year))",
]
# A paragraph with none of these is not scanned for atoms (the atom regex is the costliest part of the stage,
# and most paragraphs of a directive have no date). A Vietnamese atom holds one of the words (a day, month,
# quarter, year: "nửa đầu năm" and "6 tháng đầu năm" too) or a digit before a date separator or an hour
# ("15/12", "16 giờ", "8h"); an English one a digit or a word. Each hint is searched by re in C.
_VI_ATOM_WORDS = [DAY_WORD, MONTH_WORD, YEAR_WORD, *QUARTER_WORDS]
_VI_ATOM_OPENERS = [*_VI_ATOM_WORDS, "nửa"]  # the words an atom can start with (see the patterns above)
_VI_ATOM_DIGIT_THEN = r"\s*(?:[/.\-]\s*\d|(?i:giờ|h))"
_ATOM_HINT = {
    "vi": (re.compile(word_alternation((_VI_ATOM_WORDS, False), word_start=False)),
           re.compile(rf"\d{_VI_ATOM_DIGIT_THEN}")),
    "en": (re.compile(rf"\d|quarter|half|this\s+year|{_MON}", re.I),),
}
# the words an atom can start with (see the patterns above); a digit starts all the others
_ATOM_FIRST = {
    "vi": first_letters(_VI_ATOM_OPENERS, r"\d"),
    "en": first_letters(["the", "first", "second", "third", "fourth", "last", "Q", "this", *_DATA["months_en"]], r"\d"),
}
_ATOM_RE = {
    "vi": re.compile(_ATOM_FIRST["vi"] + "(?:" + "|".join(_VI_ATOMS) + ")", re.I),
    "en": re.compile(_ATOM_FIRST["en"] + "(?:" + "|".join(_EN_ATOMS) + ")", re.I),
}
# Where a Vietnamese atom can begin, found in C: one of its words ("ngày 15/12", "tháng 6", "quý I", "nửa đầu
# năm"), or a digit that a date separator, "tháng" or an hour follows ("15/12", "30 tháng 6", "16 giờ"). The
# atom regex is tried there only (its own scan tries every n, t and q of the text).
_VI_ATOM_STARTS = (
    re.compile(phrase_starts(_VI_ATOM_OPENERS)),
    re.compile(rf"\d(?=\d?\s*(?:[/.\-]|(?i:{MONTH_WORD}|giờ|h)))"),
)


@dataclass
class _Atom:
    start: int
    end: int
    unit: str  # day | date | month | quarter | half | year | time | monthday
    year: int | None = None
    month: int | None = None
    day: int | None = None
    quarter: int | None = None
    months: tuple[int, int] | None = None  # (first month, last month) of a half or "N tháng đầu năm"
    hour: int | None = None
    minute: int = 0
    this_year: bool = False
    has_ngay: bool = False  # written with "ngày" (so a year-less D/M is surely a date)


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _atom(m: re.Match) -> _Atom | None:
    g = m.groupdict()
    s, e = m.start(), m.end()
    text = m.group(0)
    if g["ndate"]:
        d, mo, y = int(g["nd"]), int(g["nm"]), _int(g["ny"])
        if y is None and g["sep"] != "/":
            return None  # "12.4" or "1-3" without a year is a number, not a date
        return _Atom(s, e, "date", y, mo, d, has_ngay=text.lower().startswith("ngày"))
    if g.get("vdate"):
        return _Atom(s, e, "date", _int(g["vy"]), int(g["vm"]), int(g["vd"]), has_ngay=True)
    if g.get("vquarter"):
        return _Atom(s, e, "quarter", _int(g["vqy"]), quarter=_DATA["quarter_words"][g["vq"].upper()])
    if g.get("vhalf"):
        n = int(g["vhn"]) if g["vhn"] else 6
        first = g["vhpos"].lower() == "đầu"
        return _Atom(s, e, "half", _int(g["vhy"]), months=(1, n) if first else (13 - n, 12))
    if g.get("vmonth"):
        return _Atom(s, e, "month", _int(g["vmy"]), int(g["vmo"]))
    if g.get("vyear"):
        return _Atom(s, e, "year", _int(g["vyy"]), this_year=bool(g["vnay"]))
    if g.get("vday"):
        return _Atom(s, e, "day", day=int(g["vdd"]))
    if g.get("vtime"):
        return _Atom(s, e, "time", hour=int(g["hh"]), minute=int(g["mi"] or 0))
    if g.get("emday"):
        return _Atom(s, e, "monthday", day=int(g["ed3"]))
    if g.get("emdy"):
        return _Atom(s, e, "date", _int(g["ey1"]), _DATA["months_en"][g["em1"].lower()], int(g["ed1"]))
    if g.get("edmy"):
        return _Atom(s, e, "date", _int(g["ey2"]), _DATA["months_en"][g["em2"].lower()], int(g["ed2"]))
    if g.get("equarter"):
        q = _DATA["quarter_words"][g["eqo"].lower()] if g["eqo"] else int(g["eqn"])
        return _Atom(s, e, "quarter", _int(g["eqy"] or g["eqy2"]), quarter=q)
    if g.get("ehalf"):
        if g["eho"]:
            first, n = g["eho"].lower() == "first", 6
        else:
            first = g["ehp"].lower() == "first"
            n = int(g["ehn"]) if g["ehn"].isdigit() else _DATA["number_words"][g["ehn"].lower()]
        return _Atom(s, e, "half", _int(g["ehy"]), months=(1, n) if first else (13 - n, 12))
    if g.get("emonth"):
        return _Atom(s, e, "month", _int(g["emy"]), _DATA["months_en"][g["em3"].lower()])
    if g.get("eyear"):
        return _Atom(s, e, "year", _int(g["eyy"]), this_year=bool(g["ethis"]))
    return None


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _period(a: _Atom, y: int) -> tuple[date, date] | None:
    """First and last day of what the atom names, in year y. None when the numbers are not a date."""
    try:
        if a.unit == "date":
            d = date(y, a.month, a.day)
            return d, d
        if a.unit == "month":
            return date(y, a.month, 1), _month_end(y, a.month)
        if a.unit == "quarter":
            return date(y, 3 * a.quarter - 2, 1), _month_end(y, 3 * a.quarter)
        if a.unit == "half":
            return date(y, a.months[0], 1), _month_end(y, a.months[1])
        if a.unit == "year":
            return date(y, 1, 1), date(y, 12, 31)
    except (ValueError, TypeError):
        return None
    return None


# ---------------------------------------------------------------- cues and context patterns


def _cue_table(lang: str) -> dict[str, str]:
    table = {}
    for cat, phrases in _DATA["cues"][lang].items():
        for p in phrases:
            table.setdefault(_norm(p), cat)
    return table


_CUE_CAT = {lang: _cue_table(lang) for lang in ("vi", "en")}
# "định kỳ", "hằng/hàng/mỗi": the recurrence words before a cue, the same lists as _CUE_STARTS
_VI_PERIODIC, _VI_EVERY = _DATA["recurrence_words"]["vi_periodic"], _DATA["recurrence_words"]["vi_every"]
_REC_PREFIX = (
    rf"(?P<rec>(?P<per>(?:{_alt(_VI_PERIODIC)})\s*,?\s*)?"
    rf"(?:(?:{_alt(_VI_EVERY)})\s+(?P<recu>ngày|tuần|tháng|quý|năm)\s*,?\s*)?)"
)
_CUE_RE = {
    # no word boundary before a Vietnamese cue: crawled text glues words ("hoàn thànhtrước ngày")
    # a time of day may stand between the cue and the day: "trước 16 giờ ngày 05/12/2025", "before 5 p.m. on"
    "vi": re.compile(rf"{_REC_PREFIX}(?P<cue>{_alt(_CUE_CAT['vi'])})\s*"
                     r"(?:\d{1,2}\s*(?:giờ|h|:)\s*(?:\d{1,2}\s*(?:phút)?)?\s*,?\s*)?$", re.I),
    "en": re.compile(rf"(?<!\w)(?P<cue>{_alt(_CUE_CAT['en'])})\s*"
                     r"(?:\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|hours?)?\s*,?\s*(?:on\s+)?)?$", re.I),
}
# where a cue can begin: a cue phrase, or the recurrence words of _REC_PREFIX before it (found in C; the cue
# regex is tried there only, not at every position of the window)
_CUE_STARTS = {
    "vi": re.compile(phrase_starts([*_CUE_CAT["vi"], *_VI_PERIODIC, *_VI_EVERY])),
    "en": re.compile(phrase_starts(_CUE_CAT["en"])),
}
_RANGE_JOIN = re.compile(
    r"\s*(?:-|–|—|đến|tới|to|until|through|till|(?P<and>và|and))\s*(?:hết\s+|the\s+end\s+of\s+)?", re.I
)
_REC_AFTER = re.compile(
    r"\s*,?\s*(?:của\s+)?(?:(?:hằng|hàng|mỗi)\s+(?P<u1>ngày|tuần|tháng|quý|năm)(?!\s+càng)"
    r"|(?:of\s+)?(?:each|every)\s+(?P<u2>day|week|month|quarter|year)|(?P<u3>daily|weekly|monthly|quarterly|annually|yearly))",
    re.I,
)
_REC_WORD_IN_SENTENCE = re.compile(r"(?:hằng|hàng)\s+năm|định\s+kỳ|annually|each\s+year|every\s+year", re.I)
_CITE_LEFT = re.compile(
    r"(?:\d[\w.\-]*(?:\s*[-/]\s*[\w.&\-]+)+|(?<!\w)(?:số|No\.?|Number)\s+[\w.\-/&]+)\s*,?\s*"
    r"(?:ngày|dated|of|issued\s+on|signed\s+on)?\s*$"
    rf"|(?<!\w)(?:{_alt(_NEG['citation_before'])})\s*$",
    re.I,
)
_CITE_RIGHT = re.compile(  # "… của Chính phủ", "… số 16/CV-HHTACN", "the June 23, 1994 Labor Code"
    rf"\s*,?\s*(?:(?:của|of)\s+(?:the\s+)?(?:[A-ZĐ]|UBND|HĐND)|(?:số|No\.?)\s*\d|(?:{_alt(_NEG['document_after'])})\b)"
)
_DOC_LEFT = re.compile(rf"(?<!\w)(?:{_alt(_NEG['document_names'])})(?!\w)[^,;.()\n|]{{0,80}}$")


def _negative(key: str, before: str = r"(?<!\w)", after: str = r"(?!\w)") -> re.Pattern[str]:
    """The data file's negative phrases ``key`` as one pattern (any case), between ``before`` and ``after``."""
    return re.compile(rf"{before}(?:{_alt(_NEG[key])}){after}", re.I)


_RIGHT = r"\s*"  # a phrase right after the time expression
_BASIS = _negative("basis_words")
_EFFECT_LEFT = _negative("effect_before", after=r"\s*$")
_EVENT_LEFT = _negative("event_nouns", after=r"(?:\s+[^\s,;.()]+){0,8}?\s*$")
_CONDITION_LEFT = _negative("condition_before", after=r"(?:\s+[^\s,;.:()]+){1,12}?\s*$")
_PROG_LEFT = _negative("programme_before", after=r"(?:\s+\S+){0,2}\s*$")
_PROG_NAME = _negative("programme_names")
_PROG_RIGHT = _negative("programme_after", before=_RIGHT)
_STAT_RIGHT = _negative("statistic_after", before=r"\s*,?\s*")
_REPORT_RIGHT = _negative("reporting_period_after", before=r"\s*(?:của\s+)?")
_NARRATIVE = _negative("narrative_markers")
_OBJECTIVE_LEFT = _negative("objective_before")
_INDICATOR = re.compile(rf"\d\s*%|{_negative('indicator_words').pattern}", re.I)  # a percentage, or a rate's words
_JUST_PAST = re.compile(r"[^,.;]{0,30}?(?<!\w)vừa\s+qua(?!\w)", re.I)
_UNTIL_NOW = _negative("until_now", before=_RIGHT)
_FOLLOWING_YEAR = _negative("following_year", before=_RIGHT)
_OPEN_ENDED = _negative("open_ended", before=_RIGHT)
_DATELINE = re.compile(r"(?:^|[\n|])[^\S\n]*(?:[A-ZĐ][^\s,]*\s+){0,3}[A-ZĐ][^\s,]*,\s*$")
_TARGET = {
    lang: re.compile(rf"(?<!\w)(?:{_alt(w)})(?!\w)", re.I) for lang, w in _DATA["target_words"].items()
}
_ENUM_CLOSE = re.compile(r"(?:^|\s)[0-9a-zđ]{1,3}\)$", re.I)

# ---------------------------------------------------------------- relative durations

_REL = _DATA["relative"]
# "kể từ ngày Quy chế này được ban hành", "kể từ ngày quyết định công bố được UBND tỉnh ký ban hành", "kể từ ngày có
# Quyết định công bố Danh mục ...": the document itself (its rules, or the decision that publishes them) is signed
_THIS_DOC = (r"(?:có\s+)?(?:Quyết\s+định|Quy\s+chế|Quy\s+định|Kế\s+hoạch|Chỉ\s+thị|văn\s+bản)\s+(?:này|công\s+bố)\b"
             r"(?:[^.;:]{0,60}?\s(?:ký\s+ban\s+hành|ban\s+hành|ký)\b)?")
# the number again in words, as legal drafting writes it: "15 (mười lăm) ngày làm việc", "30 (ba mươi) ngày"
_NUMBER_IN_WORDS = r"\(\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,3}\s*\)"
_REL_RE = {
    "vi": re.compile(
        first_letters([*_REL["vi_lead"], *_DATA["number_words"]], r"\d")
        + rf"(?<!\w)(?:(?P<lead>{_alt(_REL['vi_lead'])})\s+)?(?P<n>\d{{1,3}}|{_NUMW})(?:\s*{_NUMBER_IN_WORDS})?\s+"
        rf"(?P<unit>{_alt(_REL['vi_units'])})(?!\s*(?:\d|đầu|cuối|qua|tới|gần|trước|nay))"
        rf"(?P<anc>\s*,?\s*(?:kể\s+)?(?:từ|sau)\s+(?:ngày|khi|thời\s+điểm)\s+"
        rf"(?P<aw>{_alt(_REL['vi_anchor_issue'])}|(?P<effect>{_alt(_REL['vi_anchor_effect'])})|(?P<this>{_THIS_DOC})"
        r"|\w+(?:\s+được)?))?",
        re.I,
    ),
    "en": re.compile(
        first_letters([*_REL["en_lead"], *_DATA["number_words"]], r"\d")
        + rf"(?<!\w)(?:(?P<lead>{_alt(_REL['en_lead'])})\s+)?(?P<n>\d{{1,3}}|{_NUMW})(?:\s*\(\d{{1,3}}\))?\s+"
        rf"(?P<unit>{_alt(_REL['en_units'])})(?!\w)"
        rf"(?P<anc>\s+(?:from|after|since)\s+(?P<aw>{_alt(_REL['en_anchor_issue'])}|(?:the\s+date\s+of\s+)?\w+))?",
        re.I,
    ),
}
_REL_STRONG = {"vi": {_norm(p) for p in _REL["vi_strong_lead"]}, "en": {_norm(p) for p in _REL["en_lead"]}}
_REL_UNITS = {_norm(k): v for k, v in {**_REL["vi_units"], **_REL["en_units"]}.items()}
_REL_ISSUE = {_norm(p) for p in _REL["vi_anchor_issue"] + _REL["en_anchor_issue"]}
# "Trong thời hạn 03 ngày làm việc, Sở Tư pháp ...": a decision's time limit with no starting point runs from its signing
_REL_FROM_ISSUE = {_norm(p) for p in _REL["vi_lead_from_issue"]}
_REL_NOT_AFTER = re.compile(rf"(?<!\w)(?:{_alt(_REL['not_after'])})\s*$", re.I)
# "kể từ ngày ban hành quyết định cấp chứng chỉ", "... quyết định phê duyệt": the signing of another act, which a
# type word in lower case names; this document's own is written "Quyết định" ("kể từ ngày ban hành Quyết định.")
_ANOTHER_ACT = re.compile(rf"\s+(?:{_alt(word.lower() for word in TYPE_WORDS_VI)})(?!\w)(?!\s+(?:này|công\s+bố)\b)")

# ---------------------------------------------------------------- recurrence words and vague words

_RW = _DATA["recurrence_words"]
_REC_WORDS = {
    "vi": re.compile(
        first_letters(["định", "hằng", "hàng", "mỗi"], r"\d")
        + r"(?<!\w)(?:(?P<per>định\s+kỳ)(?:\s*,?\s*(?:(?:hằng|hàng|mỗi)\s+(?P<u1>ngày|tuần|tháng|quý|năm)"
        r"|(?P<n1>\d{1,2})\s+tháng(?:\s*(?:một\s+lần|/\s*lần))?(?:\s*,\s*(?:hằng|hàng)\s+năm)?))?"
        r"|(?:hằng|hàng|mỗi)\s+(?P<u2>ngày|tuần|tháng|quý|năm)(?!\s+càng)|(?P<n3>\d{1,2})\s+tháng\s*/\s*lần)(?!\w)",
        re.I,
    ),
    "en": re.compile(word_alternation((_RW["en"], False)) + r"(?![\w-])"),
}
# the words every recurrence holds (or "N tháng/lần"): a paragraph without them is not scanned
_REC_HINT = {
    "vi": (re.compile(word_alternation((_RW["vi_every"] + _RW["vi_periodic"], False))),
           re.compile(r"\d\s+(?i:tháng)\s*/\s*(?i:lần)")),
    "en": (_REC_WORDS["en"],),
}
_REC_EN = {_norm(k): v for k, v in _RW["en"].items()}
_REC_NOT_AFTER = re.compile(rf"(?<!\w)(?:{_alt(_RW['not_after'])})\s*,?\s*$", re.I)
_REC_NOT_BEFORE = re.compile(rf"\s*(?:{_alt(_RW['not_before'])})(?!\w)", re.I)

_VG = _DATA["vague"]
_VAGUE_RE = {lang: re.compile(word_alternation((_VG[lang], False)) + r"(?!\w)") for lang in ("vi", "en")}
_VAGUE_NOT_AFTER = {
    _norm(k): re.compile(rf"(?<!\w)(?:{_alt(v)})\s*$", re.I) for k, v in _VG["not_after"].items()
}
_VAGUE_NOT_BEFORE = {
    _norm(k): re.compile(rf"\s*(?:{_alt(v)})(?!\w)", re.I) for k, v in _VG["not_before"].items()
}


# ---------------------------------------------------------------- helpers


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _issued(issued_on: str | None) -> date | None:
    try:
        return date.fromisoformat(issued_on) if issued_on else None
    except ValueError:
        return None


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _freq_rrule(freq: str | None, n_months: int | None = None) -> str | None:
    """RRULE text for a recurrence unit; quarters and N-month periods as calendar months (data comment)."""
    if n_months:
        if n_months == 1:
            return "FREQ=MONTHLY"
        if n_months == 12:
            return "FREQ=YEARLY"
        if 12 % n_months == 0:
            return "FREQ=YEARLY;BYMONTH=" + ",".join(str(m) for m in range(n_months, 13, n_months))
        return f"FREQ=MONTHLY;INTERVAL={n_months}"
    if freq == "QUARTERLY":
        return _QUARTERLY
    if freq == "HALF":
        return "FREQ=YEARLY;BYMONTH=6,12"
    return f"FREQ={freq}" if freq else None


def _unit_freq(word: str | None) -> str | None:
    return _DATA["recurrence_units"].get(word.lower()) if word else None


def _clause_initial(text: str, s: int) -> bool:
    """True when position s opens a clause: start, after . ; : ( , a bullet or an enumerator."""
    j = s
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == 0:
        return True
    ch = text[j - 1]
    if ch in ".;:!?(,|•+*–-":
        return True
    if ch == "\n":
        return text[s].isupper()
    if ch == ")":
        return bool(_ENUM_CLOSE.search(text[max(0, j - 5) : j]))
    return False


def _sentence_after(text: str, e: int, limit: int = 160) -> str:
    tail = text[e : e + limit]
    cut = re.search(r"[.;]", tail)
    return tail[: cut.start()] if cut else tail


def _sentence_before(text: str, s: int, limit: int = 160) -> str:
    head = text[max(0, s - limit) : s]
    cut = max(head.rfind("."), head.rfind(";"), head.rfind(":"))
    return head[cut + 1 :]


def _paragraph_before(text: str, s: int, limit: int = 600) -> str:
    return text[max(text.rfind("\n", 0, s) + 1, s - limit) : s]


@dataclass
class _Ctx:
    text: str
    lo: int
    hi: int
    lang: str
    issued: date | None
    effective: date | None = None  # the document's entry into force, when it says
    out: list[Deadline] = field(default_factory=list)
    taken: list[tuple[int, int]] = field(default_factory=list)  # the spans in out, sorted; they never overlap

    def free(self, s: int, e: int) -> bool:
        """Whether [s, e) overlaps no span found so far: its two neighbours in start order are all that can
        (a sorted lookup, not a comparison with every span: a long text holds thousands of deadlines)."""
        i = bisect_left(self.taken, (s, s))
        if i < len(self.taken) and self.taken[i][0] < e:
            return False
        return not (i > 0 and self.taken[i - 1][1] > s)

    def add(self, d: Deadline) -> None:
        if self.free(*d.span):
            self.out.append(d)
            insort(self.taken, tuple(d.span))


# ---------------------------------------------------------------- relative durations


# a duration names its unit ("ngày", "tháng", "working days"): a paragraph without one is not scanned
_REL_HINT = {lang: re.compile(word_alternation((_REL[f"{lang}_units"], False))) for lang in ("vi", "en")}


def _find_relative(c: _Ctx) -> None:
    if not _REL_HINT[c.lang].search(c.text, c.lo, c.hi):
        return
    for m in _REL_RE[c.lang].finditer(c.text, c.lo, c.hi):
        lead = _norm(m.group("lead") or "")
        unit = _REL_UNITS[_norm(m.group("unit"))]
        anchor = _norm(m.group("aw") or "")
        if not (unit == "WD" or lead in _REL_STRONG[c.lang] or (m.group("anc") and c.lang == "vi")):
            continue  # "trong 10 ngày" alone is narrative far more often than a deadline
        if _REL_NOT_AFTER.search(c.text[max(0, m.start() - 30) : m.start()]):
            continue  # "có hiệu lực sau 10 ngày kể từ ngày ký" is entry into force, not a task
        raw = m.group("n").lower()
        n = int(raw) if raw.isdigit() else _DATA["number_words"][raw]
        flags = ["working_days"] if unit == "WD" else []
        duration = f"P{n}{'D' if unit == 'WD' else unit}"
        due = None
        effect = m.groupdict().get("effect")  # the English pattern has no such group
        # "kể từ ngày Quyết định có hiệu lực": known when the decision says when that is
        start = c.effective if effect else c.issued
        issue = (anchor in _REL_ISSUE or anchor.removeprefix("the ") in _REL_ISSUE) \
            and not (c.lang == "vi" and _ANOTHER_ACT.match(c.text, m.end()))
        if start and (effect or m.groupdict().get("this") or issue or not m.group("anc") and lead in _REL_FROM_ISSUE):
            if unit == "WD":
                due = add_working_days(start, n)
            elif unit == "D":
                due = start + timedelta(days=n)
            elif unit == "W":
                due = start + timedelta(weeks=n)
            elif unit == "M":
                due = _add_months(start, n)
            else:
                due = _add_months(start, 12 * n)
        c.add(
            Deadline(m.group(0), (m.start(), m.end()), "relative", _iso(due), flags=flags, duration=duration)
        )


# ---------------------------------------------------------------- atoms with their cues


@dataclass
class _Cand:
    atom: _Atom
    s: int  # mention start (cue included)
    cue: str | None  # before | by | end_of | in | start | None
    cue_text: str = ""
    rec: str | None = None  # DAILY | WEEKLY | MONTHLY | QUARTERLY | YEARLY | PERIODIC ("định kỳ" alone)
    e: int = 0  # mention end
    end_atom: _Atom | None = None  # second atom of a range
    and_list: bool = False


def _cue(c: _Ctx, floor: int, a: _Atom) -> _Cand:
    """The atom with its cue: "trước", "hằng tháng, trước", "định kỳ trước", "by the end of" ..."""
    # the leftmost cue that runs up to the atom, as _CUE_RE.search over the window finds it
    starts = _CUE_STARTS[c.lang].finditer(c.text, max(floor, a.start - _WINDOW), a.start)
    m = next(filter(None, (_CUE_RE[c.lang].match(c.text, s.start(), a.start) for s in starts)), None)
    if not m:
        return _Cand(a, a.start, None, e=a.end)
    cue = _norm(m.group("cue"))
    cat = _CUE_CAT[c.lang][cue]
    if cat == "before" and ("cuối" in cue or "end of" in cue):
        cat = "end_of"
    g = m.groupdict()
    rec = _unit_freq(g.get("recu")) or ("PERIODIC" if g.get("per") else None)
    return _Cand(a, m.start("rec") if rec else m.start("cue"), cat, cue, rec, a.end)


_TIME_TO_DAY = re.compile(r"[\s,]*(?:ngày|on|the)?\s*", re.I)


def _atom_matches(c: _Ctx) -> Iterator[re.Match]:
    if c.lang != "vi":
        return _ATOM_RE[c.lang].finditer(c.text, c.lo, c.hi)
    starts = sorted(m.start() for regex in _VI_ATOM_STARTS for m in regex.finditer(c.text, c.lo, c.hi))
    return matches_from(_ATOM_RE["vi"], c.text, starts, c.hi)


def _candidates(c: _Ctx) -> list[_Cand]:
    if not any(hint.search(c.text, c.lo, c.hi) for hint in _ATOM_HINT[c.lang]):
        return []
    atoms = [a for m in _atom_matches(c) if (a := _atom(m))]
    cands: list[_Cand] = []
    floor = c.lo
    i = 0
    while i < len(atoms):
        a = atoms[i]
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        if a.unit == "time" and nxt and nxt.unit in ("date", "day") and _TIME_TO_DAY.fullmatch(c.text, a.end, nxt.start):
            i += 1  # "trước 16 giờ ngày 05/12/2025": the cue governs the day, the hour only narrows it
            continue
        cand = _cue(c, max(floor, c.lo), a)
        if nxt and a.unit not in ("time", "monthday") and nxt.unit not in ("time", "monthday", "day"):
            join = _RANGE_JOIN.fullmatch(c.text, a.end, nxt.start)
            if join and join.group(0).strip() in "-–—" and c.text[nxt.start : nxt.start + 4] == "Ngày":
                join = None  # "31/10/2025 - Ngày 05/11/2025, VPCP có ...": a bullet, not a range
            if join and (not join.group("and") or a.unit == "day"):
                cand.end_atom, cand.e, cand.and_list = nxt, nxt.end, bool(join.group("and"))
                i += 1
        cands.append(cand)
        floor = cand.e
        i += 1
    return cands


def _recurrence_after(c: _Ctx, cand: _Cand) -> None:
    m = _REC_AFTER.match(c.text, cand.e, c.hi)
    if m:
        cand.rec = (
            (cand.rec if cand.rec != "PERIODIC" else None)
            or _unit_freq(m.group("u1") or m.group("u2"))
            or _REC_EN[_norm(m.group("u3"))]
        )
        cand.e = m.end()


def _objective_year(t: str, cand: _Cand) -> bool:
    """The year an objective's indicator is to be reached ("lộ trình đạt mục tiêu ít nhất 50% xã, phường không có ma túy
    vào năm 2030", "để đạt mục tiêu tới năm 2026 tỷ lệ bao phủ bảo hiểm y tế đạt trên 95%"): a target of the results,
    like the statistics a task works towards, not the day its own work is due."""
    before = _sentence_before(t, cand.s, 120)
    return bool(_OBJECTIVE_LEFT.search(before)) and bool(_INDICATOR.search(before + _sentence_after(t, cand.e, 80)))


def _rejected(c: _Ctx, cand: _Cand) -> bool:
    """Negatives: citations, narrative frames, programme periods, objectives' years, statistics, datelines."""
    t, a = c.text, cand.atom
    left = t[max(0, cand.s - 120) : cand.s]
    left = left[left.rfind("|") + 1 :]  # "Văn bản ban hành | Tháng 12/2026": another cell's words qualify no date here
    right_at = cand.e
    strong = cand.cue in ("before", "by", "end_of")
    if _PROG_LEFT.search(left[-40:]):
        return True  # "giai đoạn 2022 - 2025", "tầm nhìn đến năm 2050"
    if _UNTIL_NOW.match(t, right_at) or _REPORT_RIGHT.match(t, right_at) or _JUST_PAST.match(t, right_at):
        return True
    if a.unit == "year" and cand.end_atom is None:
        if _PROG_RIGHT.match(t, right_at):
            return True  # "... đến năm 2030, tầm nhìn đến năm 2045"
        if cand.cue_text in ("đến", "tới") and _PROG_NAME.search(_sentence_before(t, cand.s, 110)):
            return True  # "Chiến lược ... đến năm 2030" names a programme
        if _objective_year(t, cand):
            return True
    if strong and cand.cue != "by":
        return False
    if _CITE_LEFT.search(left[-60:]) or _EVENT_LEFT.search(left[-80:]) or _EFFECT_LEFT.search(left[-30:]):
        return True
    if cand.cue_text == "vào" and _CONDITION_LEFT.search(left[-100:]):
        return True  # "... khi Luật Quản lý thuế được thông qua vào tháng 12/2025": the condition's event, not the task's
    if _CITE_RIGHT.match(t, right_at) or _STAT_RIGHT.match(t, right_at):
        return True
    if cand.cue is None and a.unit in ("date", "day"):
        if _DOC_LEFT.search(left) or _BASIS.search(_sentence_before(t, cand.s)):
            return True  # "Căn cứ Luật Dữ liệu ngày 30 tháng 11 năm 2024", "Quyết định ... ngày 31/3/2022"
        if _DATELINE.search(left[-50:]):
            return True
    if _clause_initial(t, cand.s) and re.match(r"\s*,", t[right_at : right_at + 3]):
        if cand.cue in (None, "start") and a.unit in ("date", "day"):
            return True  # "Ngày 16/10/2023, Thủ tướng đã ký ...", "ngày 20 và 21/11/2025, tại khu vực ..."
        # "By September 2009, the Ministry had issued ...", "Trong 10 tháng đầu năm, mặc dù ..."
        if _NARRATIVE.search(_sentence_after(t, right_at)):
            return True
    return False


def _resolve_year(a: _Atom, b: _Atom | None, issued: date | None) -> tuple[int | None, bool]:
    """Year for an atom written without one: from the range end, else from issued_on, rolled forward."""
    if a.year:
        return a.year, False
    if a.this_year:
        return (issued.year if issued else None), False
    if b is not None and b.year:
        return b.year, False
    if issued is None:
        return None, False
    span = _period(a, issued.year)
    if span and span[1] < issued:
        return issued.year + 1, True
    return issued.year, False


def _recurring_rrule(a: _Atom, freq: str) -> str | None:
    if freq == "PERIODIC":  # "định kỳ trước ngày 15/12": the written day recurs each year (or month)
        freq = "YEARLY" if a.unit == "date" and not a.year else "MONTHLY" if a.unit == "day" else ""
        if not freq:
            return None
    if freq == "MONTHLY" and a.day:
        return f"FREQ=MONTHLY;BYMONTHDAY={a.day}"
    if freq == "YEARLY" and a.unit == "date" and a.month and a.day:
        return f"FREQ=YEARLY;BYMONTH={a.month};BYMONTHDAY={a.day}"
    if freq == "YEARLY" and a.unit == "month":
        return f"FREQ=YEARLY;BYMONTH={a.month}"
    if freq == "YEARLY" and a.unit == "quarter" and a.quarter:
        return f"FREQ=YEARLY;BYMONTH={3 * a.quarter}"  # the quarter's last month
    if freq == "DAILY" and a.unit == "time":
        return f"FREQ=DAILY;BYHOUR={a.hour};BYMINUTE={a.minute}"
    return _freq_rrule(freq)


def _dl(t: str, cand: _Cand, kind: str, *args, **kw) -> Deadline:
    return Deadline(t[cand.s : cand.e], (cand.s, cand.e), kind, *args, **kw)


def _build(c: _Ctx, cand: _Cand) -> Deadline | None:
    a, b = cand.atom, cand.end_atom
    t = c.text
    if b is None and cand.cue == "start":
        return None  # "từ ngày 01/7/2025" opens a period (often entry into force), "tính đến ngày" is "as of"
    if _rejected(c, cand):
        return None
    if cand.rec:
        if b is not None and not cand.and_list:
            return None
        if (
            a.unit == "day"
            and cand.rec not in ("MONTHLY", "PERIODIC")
            or a.unit == "time"
            and cand.rec != "DAILY"
        ):
            return None
        return _dl(t, cand, "recurring", rrule=_recurring_rrule(a, cand.rec))
    if a.unit in ("time", "monthday") or (a.unit == "day" and b is None):
        return None
    fy = _FOLLOWING_YEAR.match(t, cand.e, c.hi) if a.unit in ("date", "month", "quarter") and not a.year else None
    if fy:
        cand.e = fy.end()
        # "of the following year" follows the reporting year of a yearly report: the paragraph's periodicity governs,
        # also from a sentence before ("... định kỳ hằng năm gửi báo cáo ... Bộ Khoa học và Công nghệ tổng hợp ...,
        # báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 01 của năm tiếp theo"); so for a month or a quarter ("... từ
        # ngày 16 đến ngày 31 tháng 12 hằng năm; c) Trong quý I của năm liền kề đánh giá, Sở Nội vụ chủ trì ..."). "Năm liền
        # kề" is the year after one the text names but does not date ("năm liền kề đánh giá", the year after each assessed
        # year): a cycle in itself
        if "liền" in fy.group() or _REC_WORD_IN_SENTENCE.search(_paragraph_before(t, cand.s) + t[cand.e : cand.e + 40]):
            return _dl(t, cand, "recurring", rrule=_recurring_rrule(a, "YEARLY"))
    # a year-less atom is a deadline only when a cue says so ("trước ngày 20/12", "by August 5")
    if not a.year and not a.this_year and (b is None or not b.year) and cand.cue in (None, "start"):
        return None
    year_cues = ("before", "by", "end_of") if c.lang == "en" else ("before", "by", "end_of", "in")
    if a.unit == "year" and cand.cue not in year_cues and not _OPEN_ENDED.match(t, cand.e):
        return None  # English "in 2011" is narrative far more often than a target
    if cand.cue is None and b is None and c.issued and a.unit == "date" and a.year:
        if (a.year, a.month, a.day) == (c.issued.year, c.issued.month, c.issued.day):
            return None  # the dateline ("Hà Nội, ngày 18 tháng 11 năm 2025") restates the issue date
    flags: list[str] = []
    if b is not None:
        return _build_range(c, cand, flags)
    if a.unit == "date" and not a.year and not fy and _REC_WORD_IN_SENTENCE.search(_sentence_before(t, cand.s, 200)):
        # "định kỳ hằng năm, báo cáo ... trước ngày 20/11": the same day every year, not this year's
        return _dl(t, cand, "recurring", rrule=f"FREQ=YEARLY;BYMONTH={a.month};BYMONTHDAY={a.day}")
    year, rolled = _resolve_year(a, None, c.issued)
    if fy and c.issued and not a.year:
        year, rolled = c.issued.year + 1, False
    if rolled:
        flags.append("rolled_forward")
    if year is None:
        kind = "date" if a.unit in ("date", "year") or cand.cue in ("before", "by", "end_of") else "range"
        return _dl(t, cand, kind, flags=[*flags, "year_unknown"])
    span = _period(a, year)
    if span is None:
        return None
    ps, pe = span
    oe = _OPEN_ENDED.match(t, cand.e, c.hi)
    if oe:
        cand.e = oe.end()
        return _dl(t, cand, "range", None, _iso(ps), None, flags=[*flags, "open_ended"])
    if cand.cue == "before":
        # "trước ngày 15/12/2025" is due that day, as written; "trước năm 2030", "trước tháng 6/2026" (a span of days):
        # the last day the work may be done is the one before the period starts
        due = ps - timedelta(days=1) if ps != pe else ps
        return _dl(t, cand, "date", _iso(due), flags=[*flags, "before"])
    if cand.cue in ("by", "end_of") or ps == pe or a.unit == "year":
        return _dl(t, cand, "date", _iso(pe), flags=flags)
    return _dl(t, cand, "range", _iso(pe), _iso(ps), _iso(pe), flags=flags)


def _build_range(c: _Ctx, cand: _Cand, flags: list[str]) -> Deadline | None:
    a, b = cand.atom, cand.end_atom
    if a.unit == "day":  # "từ ngày 16 đến ngày 22/11/2025": the first day borrows month and year
        a = _Atom(a.start, a.end, "date", b.year, b.month, a.day)
        if b.unit != "date":
            return None
    elif a.unit == "date" and b.unit == "date" and a.year is None:
        a = _Atom(a.start, a.end, "date", b.year, a.month, a.day)
    yb, rolled_b = _resolve_year(b, None, c.issued)
    ya, _ = _resolve_year(a, b, c.issued) if a.year or b.year else (yb, False)
    if ya is None or yb is None:
        return Deadline(c.text[cand.s : cand.e], (cand.s, cand.e), "range", flags=[*flags, "year_unknown"])
    sa, sb = _period(a, ya), _period(b, yb)
    if sa is None or sb is None or sb[1] < sa[0]:
        return None
    if rolled_b:
        flags.append("rolled_forward")
    mention = c.text[cand.s : cand.e]
    return Deadline(mention, (cand.s, cand.e), "range", _iso(sb[1]), _iso(sa[0]), _iso(sb[1]), flags=flags)


def _find_atoms(c: _Ctx) -> None:
    cands = _candidates(c)
    for cand in cands:
        _recurrence_after(c, cand)
    # "trước ngày 01/6 và 15/11 hằng năm": the recurrence written after the last date covers the first
    for prev, nxt in zip(reversed(cands[:-1]), reversed(cands[1:]), strict=True):
        if (
            nxt.rec
            and prev.rec in (None, "PERIODIC")
            and re.fullmatch(r"\s*(?:và|and|,)\s*", c.text[prev.e : nxt.s])
        ):
            prev.rec = nxt.rec
    for cand in cands:
        d = _build(c, cand)
        if d is not None:
            c.add(d)


# ---------------------------------------------------------------- recurrence words, vague words


def _find_recurrence_words(c: _Ctx) -> None:
    t = c.text
    if not any(hint.search(t, c.lo, c.hi) for hint in _REC_HINT[c.lang]):
        return
    for m in _REC_WORDS[c.lang].finditer(t, c.lo, c.hi):
        if not c.free(m.start(), m.end()):
            continue
        g = m.groupdict()
        if c.lang == "en":
            if _REC_NOT_BEFORE.match(t, m.end()):
                continue
            rrule = _freq_rrule(_REC_EN[_norm(m.group())])
        else:
            if not g["per"] and _REC_NOT_AFTER.search(t[max(0, m.start() - 40) : m.start()]):
                continue  # "ngân sách hằng năm" is the annual budget, not an annual task
            n = g["n1"] or g["n3"]
            rrule = _freq_rrule(_unit_freq(g["u1"] or g["u2"]), int(n) if n else None)
        c.add(Deadline(m.group(0), (m.start(), m.end()), "recurring", rrule=rrule))


def _find_vague(c: _Ctx) -> None:
    t = c.text
    for m in _VAGUE_RE[c.lang].finditer(t, c.lo, c.hi):
        key = _norm(m.group(0))
        na, nb = _VAGUE_NOT_AFTER.get(key), _VAGUE_NOT_BEFORE.get(key)
        if na and na.search(t[max(0, m.start() - 30) : m.start()]):
            continue  # "chi thường xuyên" (recurrent spending), "cảnh báo sớm" (early warning)
        if nb and nb.match(t, m.end()):
            continue  # "ngay cả" (even), "sớm nhất" (earliest)
        if c.free(m.start(), m.end()):
            c.add(Deadline(m.group(0), (m.start(), m.end()), "none"))


def _mark_targets(c: _Ctx) -> None:
    """Flag deadlines introduced by "phấn đấu" / "strive": a target, kept beside the hard deadline."""
    prev_end = 0
    for d in c.out:
        s = d.span[0]
        head = c.text[max(prev_end, s - 80) : s]
        cut = max(head.rfind("."), head.rfind(";"), head.rfind("|"))
        if _TARGET[c.lang].search(head[cut + 1 :]) and "target" not in d.flags:
            d.flags.append("target")
        prev_end = d.span[1]


# ---------------------------------------------------------------- public API


# "Quyết định này có hiệu lực (thi hành) kể từ ngày ký": the decision's entry into force is its issue date
_EFFECT_AT_SIGNING = re.compile(r"có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?từ\s+ngày\s+ký", re.I)


def entry_into_force(text: str, issued_on: str | None) -> str | None:
    """The document's entry into force, where it says that is its signing; None when it does not say."""
    return issued_on if _EFFECT_AT_SIGNING.search(text) else None


# Every Vietnamese finder's hint in two patterns searched in C: a paragraph without any of these words, dates,
# hours or years (most paragraphs of a directive) holds no deadline, and is left after two searches.
_VI_TIME_HINTS = (
    re.compile(phrase_starts([*_VI_ATOM_WORDS, *_REL["vi_units"], *_RW["vi_every"], *_RW["vi_periodic"], *_VG["vi"]])),
    re.compile(rf"\d(?:{_VI_ATOM_DIGIT_THEN}|\d{{3}})"),
)


def find_deadlines(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    issued_on: str | None = None,
    language: str = "vi",
    effective_on: str | None = None,
) -> list[Deadline]:
    """Every deadline expression in text[start:end], with spans into text, in text order."""
    lang = "en" if language == "en" else "vi"
    hi = len(text) if end is None else min(end, len(text))
    if lang == "vi" and not any(hint.search(text, max(0, start), hi) for hint in _VI_TIME_HINTS):
        return []
    c = _Ctx(text, max(0, start), hi, lang, _issued(issued_on), _issued(effective_on))
    _find_relative(c)
    _find_atoms(c)
    _find_recurrence_words(c)
    _find_vague(c)
    _find_target_years(c)
    _find_labelled_years(c)
    _find_review_years(c)
    c.out.sort(key=lambda d: d.span)
    _mark_targets(c)
    return c.out


# A year that is the task's own target ("hoàn thành vượt mức các chỉ tiêu, kế hoạch năm 2025", "The Ministry
# shall submit it in 2010"): due at that year's end (ANNOTATION.md). Only the issue year and the next: later
# years in a text are visions and programme horizons ("tầm nhìn đến năm 2045"), not deadlines.
_TARGET_YEAR = {
    "vi": re.compile(r"(?<!\w)(?:hoàn\s+thành|kế\s+hoạch|chỉ\s+tiêu|nhiệm\s+vụ|vốn)(?:\s+[^\s.;:]+){0,12}?"
                     # not the year of a written date ("Kế hoạch số 321-KH/TU ngày 11 tháng 4 năm 2025 của ...")
                     r"\s+(?:trong\s+)?(?<!tháng \d )(?<!tháng \d\d )(?P<mention>năm\s+(?P<year>(?:19|20)\d\d))(?![\d/-])",
                     re.I),
    "en": re.compile(r"(?<!\w)shall(?:\s+[^\s.;:]+){0,60}?\s+(?:in|during)\s+(?P<mention>(?P<year>(?:19|20)\d\d))"
                     r"(?![\d/-])"),
}


_A_YEAR = re.compile(r"(?:19|20)\d\d")  # what every target year holds; searched by re in C


def _find_target_years(c: _Ctx) -> None:
    if c.issued is None or not _A_YEAR.search(c.text, c.lo, c.hi):
        return
    for m in _TARGET_YEAR[c.lang].finditer(c.text, c.lo, c.hi):
        year = int(m.group("year"))
        s = m.start("year")
        if c.issued.year <= year <= c.issued.year + 1 and not _PROG_LEFT.search(c.text[max(0, s - 50):s]):
            c.add(Deadline(m.group("mention"), m.span("mention"), "date", f"{year}-12-31", flags=["target"]))


# A review the task holds in a year ("tổ chức sơ kết ... vào năm 2027", "a preliminary review in 2015 and the final review
# in 2020"): an event the task must meet (ANNOTATION.md), however far off; the review of a year ("video clip tổng kết
# năm 2025") is no date of one
# (preliminary, final) review, by language
_REVIEWS = {"vi": (r"sơ\s+kết", r"tổng\s+kết"), "en": (r"(?:preliminary|mid-term|interim)\s+review", r"final\s+review")}
# a task reviewed midway and at its end is done at its final review (obligation_deadlines)
PRELIMINARY_REVIEW = re.compile(rf"(?i)(?<!\w)(?:{_REVIEWS['vi'][0]}|{_REVIEWS['en'][0]})\b")
FINAL_REVIEW = re.compile(rf"(?i)(?<!\w)(?:{_REVIEWS['vi'][1]}|{_REVIEWS['en'][1]})\b")
_REVIEW_YEAR = {
    "vi": re.compile(rf"(?<!\w)(?:{'|'.join(_REVIEWS['vi'])})(?:\s+[^\s.;:]+){{0,10}}?\s+(?:vào|trong)\s+(?:cuối\s+)?"
                     r"(?P<mention>năm\s+(?P<year>(?:19|20)\d\d))(?![\d/-])", re.I),
    "en": re.compile(rf"(?<!\w)(?:{'|'.join(_REVIEWS['en'])})(?:\s+[^\s.;:]+){{0,10}}?\s+"
                     r"(?:in|at\s+the\s+end\s+of)\s+(?P<mention>(?P<year>(?:19|20)\d\d))(?![\d/-])", re.I),
}


def _find_review_years(c: _Ctx) -> None:
    if c.text.find("kết" if c.lang == "vi" else "review", c.lo, c.hi) < 0:
        return
    for m in _REVIEW_YEAR[c.lang].finditer(c.text, c.lo, c.hi):
        if c.free(*m.span("mention")):
            c.add(Deadline(m.group("mention"), m.span("mention"), "date", f"{m.group('year')}-12-31"))


# "Thời gian thực hiện: Năm 2025 - 2026", "Lộ trình thực hiện: Năm 2025 - 2026", "Thời gian hoàn thành: năm 2026": a
# labelled time field holding only a year or a span of years is due at the end of its last year
_LABELLED_YEARS = re.compile(
    r"(?<!\w)(?:Thời\s+gian(?:\s+(?:thực\s+hiện|hoàn\s+thành))?|Thời\s+hạn(?:\s+hoàn\s+thành)?|Lộ\s+trình(?:\s+thực\s+hiện)?"
    r"|Tiến\s+độ(?:\s+(?:thực\s+hiện|hoàn\s+thành))?)\s*:\s*(?P<mention>(?:[Nn]ăm\s+)?(?P<first>(?:19|20)\d\d)"
    # a sentence's full stop may follow the year ("Năm 2026."), a date's dot and digits may not ("2026.05")
    r"(?:\s*[-–]\s*(?:[Nn]ăm\s+)?(?P<last>(?:19|20)\d\d))?)(?![\d/-]|\.\d)"
    r"(?!\s*(?:và\s+(?:các|những)\s+năm|trở\s+đi|hằng\s+năm|hàng\s+năm))", re.I)  # "Năm 2025 và các năm tiếp theo": ongoing


def _find_labelled_years(c: _Ctx) -> None:
    if not _A_YEAR.search(c.text, c.lo, c.hi):
        return
    for m in _LABELLED_YEARS.finditer(c.text, c.lo, c.hi):
        if c.free(*m.span("mention")):
            c.add(_years(m.group("mention"), m.span("mention"), m.group("first"), m.group("last")))


def _years(mention: str, span: tuple[int, int], first: str, last: str | None) -> Deadline:
    """A year ('2026') is due at its end; a span of years ('2026 - 2027') is a range due at the end of the last."""
    if last:
        return Deadline(mention, span, "range", f"{last}-12-31", start=f"{first}-01-01", end=f"{last}-12-31")
    return Deadline(mention, span, "date", f"{first}-12-31")


# A task's time slot (a table's time column, a "Thời gian thực hiện:" field) read when the finders above date nothing
# in it: a task table's time column often says only "2026" or "2026-2027"
_YEAR_CELL = re.compile(r"\s*(?:Năm\s+)?(\d{4})(?:\s*[-–]\s*(\d{4}))?\s*", re.I)
# "Giai đoạn 2026 - 2030", "Hoàn thành trong giai đoạn 2026 - 2027 và vận hành thường xuyên": in a time slot the period
# is the task's own window (ANNOTATION.md: a heading "Giai đoạn 2026-2030:" dates its points), due at its end
_PERIOD = re.compile(r"\b[Gg]iai\s+đoạn\s+((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b")


# "the 2011-2015 period": an English translation's period
_PERIOD_EN = re.compile(r"\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\s+period\b")


# "Giai đoạn 2025-2027", "- Giai đoạn 2026 - 2030:": a heading or a table's sub-heading row that is only a period;
# "The 2010-2015 period:", "Major tasks for the 2011-2015 period:" (ANNOTATION.md)
_PERIOD_LINE = re.compile(r"\s*(?:[-+•]\s*)?(?:" + _PERIOD.pattern + r"|(?:[A-Za-z]+\s+){0,4}[Tt]he\s+" + _PERIOD_EN.pattern
                          + r")\s*:?\s*")


def period_heading(text: str, start: int, end: int) -> list[Deadline]:
    """A heading that is only a period dates the tasks under it, due at its end (ANNOTATION.md: "Giai đoạn
    2026-2030:"); in running text the same words name a programme's span and are no deadline."""
    return period_in_slot(text, start, end) if _PERIOD_LINE.fullmatch(text, start, end) else []


def bare_year(text: str, start: int, end: int) -> list[Deadline]:
    """A slot that holds only a year or a span of years."""
    m = _YEAR_CELL.fullmatch(text, start, end)  # pos/endpos, not ^ and $: those only hold at the text's ends
    return [_years(text[start:end].strip(), (start, end), m.group(1), m.group(2))] if m else []


def period_in_slot(text: str, start: int, end: int) -> list[Deadline]:
    """The first period a time slot names, as a range to its end."""
    m = _PERIOD.search(text, start, end) or _PERIOD_EN.search(text, start, end)
    return [_years(m.group(0), m.span(), m.group(1), m.group(2))] if m else []


_NAMES_A_DAY = re.compile(r"\d{1,2}\s*/\s*\d{1,2}|ngày\s+\d|[A-Z][a-z]+\s+\d{1,2}\b|\d{1,2}\s+tháng", re.I)


def primary_deadline(deadlines: list[Deadline]) -> Deadline | None:
    """The deadline an obligation carries: hard and dated first, then a dated target, then any other
    non-vague one (recurring, relative without a known anchor), and a vague mention only when nothing else."""

    def rank(d: Deadline) -> float:
        if d.kind == "none":
            return 4
        if d.date is None:
            return 3
        if "target" in d.flags:
            return 2
        return 1 if _NAMES_A_DAY.search(d.mention) else 1.5  # "trước ngày 05/12/2025" before "trong năm 2025"

    best = min(deadlines, key=rank, default=None)  # min keeps the first of equal rank: text order
    return best


def parse_date(s: str, *, default_year: int | None = None) -> date | None:
    """The first calendar date written in s ("ngày 20 tháng 11 năm 2025", "February 24, 2011", "02/6/2014")."""
    found: list[tuple[int, date]] = []
    for regex in _ATOM_RE.values():
        for m in regex.finditer(s):
            a = _atom(m)
            if a is None or a.unit != "date":
                continue
            year = a.year or default_year
            span = _period(a, year) if year else None
            if span:
                found.append((a.start, span[0]))
                break
    return min(found)[1] if found else None
