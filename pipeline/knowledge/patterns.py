"""Small helpers for building the stages' regexes from the phrase lists in ``data/``."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache, lru_cache

from pipeline.knowledge.doc_types import NUMBER_WORDS

# the capital letters of Vietnamese, for a character class: a range such as "À-Ỹ" would take in the small
# letters between (à, đ, ấ ...)
UPPER_VI = "A-ZĐÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ"

# the names of the legal texts an article number cites ("Điều 86 Luật Hải quan", "Điều 4 Nghị định số 123/2020/NĐ-CP")
LEGAL_TEXTS = r"Luật|Bộ\s+luật|Nghị\s+định|Thông\s+tư|Quyết\s+định|Nghị\s+quyết|Pháp\s+lệnh"
# the body that issued a kind of text, named right after it: "Nghị quyết của Quốc hội", "văn bản chỉ đạo của Thủ tướng
# Chính phủ" (who wrote it, not who acts); searched in the words before a body's name
TEXT_OWNER = rf"(?:{LEGAL_TEXTS}|Chỉ\s+thị|Công\s+điện|[Vv]ăn\s+bản(?:\s+chỉ\s+đạo)?)\s+của\s+$"
# after an article's number: not a cited document's name ("Điều 4 Nghị định số 123/2020/NĐ-CP ...", wrapped to a line's
# start, cites another text's article; it opens no article of this one)
NOT_CITING = rf"(?!(?:{LEGAL_TEXTS}|Hiến\s+pháp)\b)"
# a province's People's Committee or Council as the registry names it ("Ủy ban nhân dân tỉnh Đắk Lắk"): where it is
# ("tỉnh Đắk Lắk") and the province's name
PROVINCIAL_BODY = re.compile(r"^(?:Ủy ban nhân dân|Hội đồng nhân dân) (?P<place>(?:tỉnh|thành phố) (?P<province>.+))$", re.I)
# words that join what follows to what went before: no phrase ends with one, so a line that ends with one goes on below
# it ("... năm 2026 của" / "Thủ tướng Chính phủ ...", "Bộ Khoa học và" / "Công nghệ")
JOINING_WORDS = ("và", "hoặc", "của", "cho", "về", "với", "các", "những", "tại", "trong", "theo", "để", "từ", "đến")
# The words that number a text's articles, chapters and parts, Vietnamese and English; written in capitals too ("ĐIỀU 1.")
ARTICLE_WORDS = ("Điều", "Article")
CHAPTER_WORDS = ("Chương", "Chapter")
PART_WORDS = ("Phần", "Part")


def in_both_cases(words: Iterable[str]) -> tuple[str, ...]:
    """The words as written and in capitals."""
    words = tuple(words)
    return (*words, *(word.upper() for word in words))


# "Điều", "ĐIỀU", "Article", "ARTICLE" as a regex (case-sensitive patterns use it: "điều" in running text is no article)
ARTICLE_WORD = "(?:" + "|".join(in_both_cases(ARTICLE_WORDS)) + ")"
CHAPTER_WORD = "(?:" + "|".join(in_both_cases(CHAPTER_WORDS)) + ")"
PART_WORD = "(?:" + "|".join(in_both_cases(PART_WORDS)) + ")"

# The standard titles of articles in Vietnamese legal drafting (and their English renderings): an article that carries
# one sets it on its own line, above its first paragraph
ARTICLE_TITLES = (
    "Phạm vi điều chỉnh", "Đối tượng áp dụng", "Phạm vi điều chỉnh và đối tượng áp dụng", "Giải thích từ ngữ",
    "Vị trí và chức năng", "Vị trí, chức năng", "Chức năng", "Nhiệm vụ và quyền hạn", "Nhiệm vụ, quyền hạn",
    "Chức năng, nhiệm vụ, quyền hạn", "Cơ cấu tổ chức", "Tổ chức thực hiện", "Trách nhiệm thi hành",
    "Trách nhiệm tổ chức thực hiện", "Điều khoản thi hành", "Điều khoản chuyển tiếp", "Quy định chuyển tiếp",
    "Hiệu lực thi hành", "Hiệu lực", "Nguyên tắc", "Chế độ làm việc", "Mối quan hệ công tác", "Kinh phí thực hiện",
    "Scope of regulation", "Subjects of application", "Scope of regulation and subjects of application",
    "Interpretation of terms", "Position and functions", "Tasks and powers", "Organizational structure",
    "Implementation provisions", "Implementation responsibility", "Effect", "Transitional provisions",
)
# the label of the header's number cell: the one-word Vietnamese number words of data/doc_types.json as a header writes
# them, capitalised or in capitals: "Số", and "Sô" as OCR reads a scan that lost the tone mark ("Sô:2576 /QĐ-BGDĐT")
VI_NUMBER_WORDS = tuple(word for word in NUMBER_WORDS if word.islower() and " " not in word)  # "số", "sô"
NUMBER_LABELS = in_both_cases(word.capitalize() for word in VI_NUMBER_WORDS)
NUMBER_LABEL = "(?:" + "|".join(NUMBER_LABELS) + ")"
# the header's number cell, as its label opens it, and the line that is only the document's own number ("Số:
# 1948/QĐ-UBND"): metadata reads the number there, normalise lets no line run on after it
NUMBER_CELL = rf"{NUMBER_LABEL}\s*:\s*"
OWN_NUMBER_LINE = rf"{NUMBER_CELL}\d+\s*/\S+\s*$"  # OCR may read a space before the slash ("Sô:2576 /QĐ-BGDĐT")
# a header line that opens with the number cell: its label, then the number ("Số: 1948/QĐ-UBND", "Số 45/CĐ-TTg", "No.
# 57/QD-TTg"), a symbol whose number is left blank or garbled ("Số: /QĐ-UBND", OCR's "Số: Á3/KH-DCT"), or nothing (the
# number on the next line); not a table's row-number label ("Số TT | Tên kỳ thi | ..."), nor a sentence or field that
# opens with "Số" ("Số liệu ...", "Số ĐT: ...")
NUMBER_CELL_OPENING = rf"(?:{NUMBER_LABEL}|No\.?|Number)\s*[:.]?\s*(?:\d|[^\s/|]{{0,8}}\s*/|$)"
# an appendix's label alone on its line ("Phụ lục 01", "PHỤ LỤC II", "Appendix 2"): the segmenter ends the body there,
# signed or not, and the walk opens the appendix
APPENDIX_LABEL = re.compile(r"^(?:PHỤ\s+LỤC|Phụ\s+lục|APPENDIX|Appendix|ANNEX|Annex)(?:\s+(?:số\s+)?(?:[IVXLC]{1,6}|\d{1,2})[a-z]?)?"
                            r"\s*[.:]?\s*$")
# the note that ties a document attached after a decision's signature to the decision ("(Ban hành kèm theo Quyết định số
# 2623/QĐ-TTg ...)", "(Promulgated together with the Prime Minister's Decision No. 40/QD-TTg ...)"); case-insensitive
ATTACHMENT_NOTE = r"(?:(?:Ban\s+hành\s+)?kèm\s+theo|(?:Promulgated|Issued|Attached)\s+(?:together\s+)?with)\b"
# the note as the caption under the attached document's title sets it, in brackets: a line of its own
ATTACHMENT_CAPTION = re.compile(rf"\(\s*{ATTACHMENT_NOTE}", re.I)

# an English list that shares its head: "the Ministries of Health, Education and Training, and Finance", "the Ministries of
# Planning and Investment; Finance; and Labor, War Invalids and Social Affairs". A field is a run of capitalised words,
# which may hold commas and "and" itself ("Labor, War Invalids and Social Affairs"); ';' parts fields that do
SHARED_MINISTRIES = "Ministries of"  # the list's head, as a string test finds it before the patterns are tried
MINISTRIES_OF = re.compile(r"\b" + SHARED_MINISTRIES.replace(" ", r"\s+") + r"\s+")
MINISTRY_FIELDS = r"[A-Z][\w-]*(?:(?:,\s*|\s+)(?:and\s+)?[A-Z][\w-]*)*"
FIELD_SEPARATOR = re.compile(r"\s*[,;]\s*(?:and\s+)?(?=[A-Z])|\s+and\s+(?=[A-Z])")
FIELDS_LIST = re.compile(rf"{MINISTRIES_OF.pattern}{MINISTRY_FIELDS}(?:;\s*(?:and\s+)?{MINISTRY_FIELDS})*")


def page_number(number: str = r"(\d{1,4})") -> str:
    """A page's number on a line of its own, as a page sets it ("2", "- 2 -"): `number` between the blanks and dashes."""
    return rf"[ \t]*(?:[-–][ \t]*)?{number}(?:[ \t]*[-–])?[ \t]*"


PAGE_NUMBER = page_number()  # group 1 is the number


def first_letters(phrases: Iterable[str], extra: str = "") -> str:
    """A lookahead on the first letters of the phrases, in both cases, e.g. ``(?=[GgYy])``.

    Python's regex engine tries every alternative of an alternation at every position of the text; a
    pattern opened by this one-character test skips most positions cheaply (3-4x faster scans). A phrase
    that opens with regex syntax rather than a letter gives no lookahead (an empty string): never wrong.
    ``extra`` is added to the class as is (e.g. ``\\d``).
    """
    first = set()
    for phrase in phrases:
        phrase = phrase.strip()
        if not phrase or not phrase[0].isalnum():
            return ""
        first.update({phrase[0].lower(), phrase[0].upper()})
    return f"(?=[{re.escape(''.join(sorted(first)))}{extra}])"


@cache
def any_case(letters: str) -> str:
    """Every character a case-insensitive regex takes for one of ``letters``: "s" gives "Ssſ" (the long s),
    "k" gives "Kk" and the Kelvin sign. Escape it (``re.escape``) to put it in a character class.

    A pattern that opens with such a case-sensitive class, rather than a lookahead or a ``(?i)`` letter, lets
    ``re`` skip in C to the next position where the class matches (a prefix search), instead of trying the
    pattern at every position. The equivalents are read from ``re`` itself, over the Basic Multilingual
    Plane (no letter outside it folds to a Latin or Vietnamese one)."""
    found = re.findall(f"(?i)[{re.escape(letters)}]", _bmp())
    return "".join(sorted(set(found)))


@lru_cache(maxsize=1)
def _bmp() -> str:
    return "".join(map(chr, range(0x10000)))


def phrase(text: str) -> str:
    """A phrase as a regex: literal words joined by any whitespace (text may be hard-wrapped)."""
    return r"\s+".join(re.escape(word) for word in text.split())


def alternation(phrases: Iterable[str], plural: bool = False) -> str:
    """Phrases as one alternation, longest first (so "chậm nhất trước" wins over "trước"); with
    ``plural`` each may take an English plural ending ("Decision" / "Decisions")."""
    ending = r"(?:e?s)?" if plural else ""
    return "|".join(phrase(p) + ending for p in sorted(phrases, key=len, reverse=True))


def word_alternation(*lists: tuple[Iterable[str], bool], word_start: bool = True) -> str:
    """``(?<!\\w)(?:alternation(a)|alternation(b, plural=True)|...)``, case-insensitive, in a form ``re`` scans in C.

    Each list is (phrases, plural). The pattern is one branch per first letter and per case of it
    (``n(?<!\\w.)(?i:ghị\\s+định|...)|N(?<!\\w.)(?i:ghị\\s+định|...)|...``): from branches that open with a
    literal ``re`` takes the set of first characters to jump to in C, and at each it skips in C the branches of
    other letters; a ``(?i)`` pattern gets neither, and tries every phrase at every position. At one position
    only the phrases of one first letter can match, in the order ``alternation`` gives them, so what matches is
    what the plain alternation matches. Compile it without ``re.IGNORECASE``; the phrases are matched in any
    case all the same. Every phrase must open with a letter or digit. With ``word_start`` False a phrase may
    also begin inside a word (no ``(?<!\\w)``).
    """
    at_word_start = r"(?<!\w.)" if word_start else ""
    return _by_first_letter(lists, lambda rests: f"{at_word_start}(?i:{rests})")


def word_start(phrases: Iterable[str], not_after: str) -> str:
    """Any of the phrases, case-sensitive (spaces match any run of white space, the longest wins as in
    ``trie``), not preceded by a character of the class ``not_after`` (e.g. ``[\\w/]``): the case-sensitive
    sibling of ``word_alternation``.

    A pattern that opens with a lookbehind (``(?<![\\w/])(?:Cục|Sở|...)``) is tried at every position of the
    text; one whose every branch opens with a literal letter lets ``re`` skip in C to the next position holding
    one of those letters, and the lookbehind then follows that letter (``S(?<![\\w/]S)ở``), which says the same
    as the lookbehind before it."""
    by_first: dict[str, list[str]] = {}
    for text in phrases:
        text = " ".join(text.split())
        by_first.setdefault(text[0], []).append(text[1:])
    return "(?:" + "|".join(f"{re.escape(c)}(?<!{not_after}{re.escape(c)})(?:{trie(rests)})"
                            for c, rests in by_first.items()) + ")"


def phrase_starts(phrases: Iterable[str]) -> str:
    """The first character of every place where one of the phrases begins (in any case, inside a word too),
    in the fast form of ``word_alternation``. Each match is that one character, so no place is hidden inside
    another match: the positions to try a costlier pattern at, where it can only begin with one of them."""
    return _by_first_letter([(phrases, False)], lambda rests: f"(?i:(?={rests}))")


def _by_first_letter(lists: Iterable[tuple[Iterable[str], bool]], after: Callable[[str], str]) -> str:
    """One branch per first letter of the phrases and per case of it: the letter, then ``after`` given the
    alternation of the rests of its phrases (longest phrase first)."""
    rests: dict[str, list[str]] = {}
    for phrases, plural in lists:
        ending = r"(?:e?s)?" if plural else ""
        for text in sorted(phrases, key=len, reverse=True):
            first, rest = text.strip()[0], text.strip()[1:]
            if not first.isalnum():
                raise ValueError(f"a phrase must open with a letter or digit: {text!r}")
            rest = phrase(rest) if rest[:1] != " " else r"\s+" + phrase(rest)
            rests.setdefault(first.lower(), []).append(rest + ending)
    return "(?:" + "|".join(re.escape(case) + after("|".join(parts))
                            for first, parts in rests.items() for case in any_case(first)) + ")"


def opened_by(pattern: str, first: str) -> str:
    """Where ``pattern``, which can only start with one of the characters ``first``, matches: a one-character
    match opened by their class, so the scan skips in C between those characters (a pattern opened by a
    lookahead is tried at every position). The match is that first character only."""
    return f"[{re.escape(first)}](?<=(?={pattern}).)"


def matches_from(pattern: re.Pattern[str], text: str, starts: Iterable[int], endpos: int) -> Iterator[re.Match]:
    """What ``pattern.finditer(text, pos, endpos)`` finds, tried only at ``starts``: every position from ``pos``
    on where a match can begin, in order (found by faster patterns). Like finditer, the next match is sought
    from the end of the last one. For a pattern that never matches the empty string."""
    last = 0
    for start in starts:
        if start >= last and (m := pattern.match(text, start, endpos)):
            yield m
            last = m.end()


def trie(phrases: Iterable[str]) -> str:
    """A regex matching any of the literal phrases, nested by shared prefix ("Cục|Chi cục|Công an" ->
    "C(?:ục|hi\\ cục|ông\\ an)"). Python tries the alternatives of a flat alternation one by one at every
    position; nested by first letters it tests a handful. Longer phrases come first at each branch point, so
    the longest phrase wins as in a sorted flat alternation. Spaces match any run of white space."""
    tree: dict = {}
    for text in phrases:
        node = tree
        for ch in text:
            node = node.setdefault(ch, {})
        node[""] = {}  # end of a phrase

    def emit(node: dict) -> str:
        branches = []
        for ch, child in node.items():
            if ch == "":
                continue
            atom = r"\s+" if ch == " " else re.escape(ch)
            branches.append((_depth(child), atom + emit(child)))
        branches.sort(key=lambda b: -b[0])
        parts = [b for _, b in branches]
        if "" in node:
            parts.append("")  # the phrase may end here: tried after the longer ones
        if len(parts) == 1:
            return parts[0]
        return "(?:" + "|".join(parts) + ")"

    return emit(tree)


def _depth(node: dict) -> int:
    return max((1 + _depth(child) for ch, child in node.items() if ch), default=0)


# whose duties follow: "Trách nhiệm của Bộ ...", "Nhiệm vụ, quyền hạn của Bộ Nội vụ", "Tasks and powers of the Ministry
# of ...", "Responsibility of ..."; headings often drop "của" before the bodies ("Trách nhiệm các cơ quan, đơn vị cấp
# thành phố và ..."). The segmenter sets such a line apart as a heading; the walk reads whose duties it names
DUTIES_OF = re.compile(first_letters(["nhiệm", "trách", "tasks", "duties", "responsibilities"])
                       + r"\b(?:nhiệm\s+vụ|trách\s+nhiệm|tasks?|duties|responsibilit(?:y|ies))"
                         r"(?:\s*,?\s*(?:và\s+|and\s+)?(?:quyền\s+hạn|thẩm\s+quyền|powers))?"
                         r"\s+(?:(?:của|of)\s+|(?=các\s))",
                       re.I)
