"""Segment stage: the document's layout as a list of blocks (one per paragraph of normalised text).

Regions: header (issuer, number, place and date, type and title), addressees ("Kính gửi:",
"... điện:"), recitals ("Căn cứ ..."), body, closing ("Nơi nhận:", signature) and appendices.
Body blocks carry their enumeration path: Phần/Chương/section (Roman), Điều, item ``1.``,
sub-item ``1.1``, point ``a)`` in the Vietnamese alphabet (a b c d đ e g h i k ...; an English
second ``d)`` is ``đ``), ``(1)``/``(i)`` sub-points, and dash bullets that share their parent's path.
The walk through the regions is ``_RegionWalker``: one small handler per region, dispatched per line.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from enum import Enum
from itertools import pairwise

from pipeline.knowledge.dates import DATELINE_AT_END, NUMERIC_DATELINE_LINE
from pipeline.knowledge.motto import MOTTO_LINE as MOTTO
from pipeline.knowledge.patterns import (
    APPENDIX_LABEL,
    ARTICLE_WORD,
    ATTACHMENT_CAPTION,
    ATTACHMENT_NOTE,
    CHAPTER_WORD,
    DUTIES_OF,
    NOT_CITING,
    NUMBER_CELL_OPENING,
    NUMBER_LABELS,
    PART_WORD,
    UPPER_VI,
)

VIETNAMESE_POINTS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()
LATIN_POINTS = "a b c d e f g h i j k l m n o p q r s t u v w x y z".split()

_ROMAN = r"(?=[IVX])(?:X{0,3})(?:IX|IV|V?I{0,3})"  # opens with a numeral letter: "Chương trình" is no chapter
ENUMERATORS: list[tuple[str, str, re.Pattern[str]]] = [  # (kind, the characters it can open with, pattern)
    # the numeral is never empty, and a crawl may glue the title to it ("Chương IICHÍNH SÁCH HỖ TRỢ ...")
    ("part", "PC", re.compile(rf"^(?:{PART_WORD}|{CHAPTER_WORD})\s+(" + _ROMAN + r"(?<=[IVX])|\d+)"
                              rf"(?:\b|(?=[{UPPER_VI}]))[.:]?\s*")),
    ("article", "ĐA", re.compile(rf"^{ARTICLE_WORD}\s+(\d+[a-z]?)\s*(?:[.:]\s*|$|(?=[A-ZĐ]){NOT_CITING})")),
    ("section", "IVX", re.compile(r"^(" + _ROMAN + r")\s*[.)]\s*(?=\S)")),
    ("subitem", string.digits, re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3})\.?(?:\s+(?=\S)|(?=[^\W\d_]))")),
    # up to 9999 items (a plan or appendix of thousands of numbered tasks)
    ("item", string.digits, re.compile(r"^(\d{1,4})\s*[.)/]\s*(?=[^\d\s/])")),
    # "a)", "a/", and "a." before a capital ("a. Chủ trì, chỉ đạo ..."; not "v.v."), or before a consolidated text's
    # footnote mark and a capital ("a. [34] Binh chủng Công binh ban hành ...")
    ("point", string.ascii_lowercase + "đ",
     re.compile(rf"^(đ|dd|[a-z])(?:\s*[)/]\s*|\.\s+(?=[{UPPER_VI}]|\[\d{{1,3}}\]\s*[{UPPER_VI}]))")),
    ("subpoint", "(", re.compile(r"^\((\d{1,2}|[ivx]{1,4}|[a-zđ])\)\s*")),
    ("bullet", "-–—•+*[", re.compile(r"^(?:[-–—•+*]|\[\d{1,2}\])\s*(?=\S)")),
]


def _enumerators_by_opener() -> dict[str, tuple[tuple[str, re.Pattern[str]], ...]]:
    """The enumerators a line can open with, by its first character (in ENUMERATORS' order)."""
    openers = "".join(sorted({c for _, chars, _ in ENUMERATORS for c in chars}))
    return {c: tuple((kind, pattern) for kind, chars, pattern in ENUMERATORS if c in chars) for c in openers}


# most paragraphs open with no enumerator: their first character rules out all eight patterns at once
_BY_OPENER = _enumerators_by_opener()
LEVEL = {"part": 0, "article": 1, "section": 2, "item": 3, "subitem": 4, "point": 5, "subpoint": 6}

RECITAL = re.compile(r"^(?:Căn\s+cứ|Theo\s+đề\s+nghị|Xét\s+đề\s+nghị|Thực\s+hiện\s+ý\s+kiến|Pursuant\s+to"
                     r"|At\s+the\s+(?:proposal|request)|In\s+consideration|Considering)\b", re.I)
# "Căn cứ quy định nêu trên, ...", "Căn cứ các hướng dẫn trên, ...": a letter's reasoning from what it cited, not a recital
REFERS_BACK = re.compile(r"Căn\s+cứ\s+(?:các\s+)?(?:quy\s+định|hướng\s+dẫn|văn\s+bản|nội\s+dung)\s+(?:nêu\s+trên|trên\s+đây|dẫn\s+trên"
                         r"|trên)\b", re.I)
ADDRESSEE_OPEN = re.compile(r"^(?:Kính\s+gửi\s*:?|.{0,80}\bđiện\s*:\s*$|To\s*:)", re.I)
# the first footnote at the document's foot: "[1] 07 Bộ (Xây dựng, ...)" for a "[1]" marked in the text above
FIRST_FOOTNOTE = re.compile(r"^\[1\]\s*\S")
# (OCR may lose the label's N or read a speck for it: ".ơi nhận: KT. BỘ TRƯỞNG" in dev vi_qd_2827_bgddt_2025.pdf read at
# 200 dpi, page segmentation 3)
RECIPIENTS = re.compile(r"^(?:[^\w\s]?\s*N?ơi\s+nhận|Recipients?|Nơi gửi)\s*:?", re.I)
# the recipients list's first line, whatever became of its label: the bodies the closing formula names ("- Như Điều 3;",
# "- Như trên;"), a line no body text holds
AS_ABOVE = re.compile(r"^[-–•+]\s*Như\s+(?:trên|Điều\s+\d+)\s*;")
# the signer's authority before the title ("KT. BỘ TRƯỞNG"); a title alone is SENDER_TITLE below
SIGNATURE_PREFIX = re.compile(r"^(?:KT\.|TM\.|TL\.|TUQ\.|Q\.\s|T/M|K/T|T/L|FOR\s+THE|ON\s+BEHALF)")
SENDER_TITLE = re.compile(r"(?:THỦ\s+TƯỚNG(?:\s+CHÍNH\s+PHỦ)?|PHÓ\s+THỦ\s+TƯỚNG|BỘ\s+TRƯỞNG|THỨ\s+TRƯỞNG|CHỦ\s+TỊCH"
                          r"|PHÓ\s+CHỦ\s+TỊCH|GIÁM\s+ĐỐC|PHÓ\s+GIÁM\s+ĐỐC|CHÁNH\s+VĂN\s+PHÒNG|CỤC\s+TRƯỞNG|THỐNG\s+ĐỐC"
                          r"|PRIME\s+MINISTER|DEPUTY\s+PRIME\s+MINISTER|MINISTER|CHAIRMAN)")
APPENDIX = re.compile(r"^(?:PHỤ\s+LỤC|Phụ\s+lục|DANH\s+MỤC|Danh\s+mục|APPENDIX|Appendix|ANNEX|Annex)\b")
# A document attached after the signature (a decision's plan, regulation or programme) opens with its type
# name alone on a line in capitals, or with the note that ties it to the decision.
ATTACHED_TITLE = re.compile(r"^(?:KẾ\s+HOẠCH|QUY\s+CHẾ|QUY\s+ĐỊNH|CHƯƠNG\s+TRÌNH|ĐỀ\s+ÁN|ĐIỀU\s+LỆ|HƯỚNG\s+DẪN"
                            r"|CHIẾN\s+LƯỢC|PHƯƠNG\s+ÁN|KHUNG|PLAN|ACTION\s+PLAN|REGULATIONS?|PROGRAM(?:ME)?|SCHEME"
                            r"|STRATEGY|CHARTER)\b[^a-zà-ỹ]*$")
ATTACHED_NOTE = re.compile(rf"^\(?\s*{ATTACHMENT_NOTE}", re.I)


# an amending article that quotes the article it rewrites: "Điều 10. Sửa đổi, bổ sung Điều 22 “Điều 22. Trách nhiệm
# của Ngân hàng Nhà nước chi nhánh ...": the quoted article's title is the heading
AMENDED_ARTICLE = re.compile(r"(?:Sửa\s+đổi,?\s+bổ\s+sung|Bổ\s+sung|Thay\s+thế)\s+Điều\s+\d+[a-zđ]?(?:\s+như\s+sau)?\s*:?\s*"
                             r"[“\"]\s*Điều\s+\d+[a-zđ]?\s*\.\s*", re.I)
TOPIC_TITLE = re.compile(r"(?:Về|Regarding)\s")


@dataclass(slots=True)
class Block:
    span: tuple[int, int]
    kind: str  # preamble | header | addressees | recital | body | table_row | recipients | signature | appendix
    # | attached_title | footnote
    enum: str | None = None  # part | article | section | item | subitem | point | subpoint | bullet
    label: str | None = None  # the enumerator as written
    path: str | None = None
    content_start: int = 0  # offset in the text after the enumerator
    heading: bool = False  # an enumerated line that only names who or what the points below concern


@dataclass
class Segmentation:
    blocks: list[Block] = field(default_factory=list)
    header_end: int = 0  # index of the first block after the header
    closing_start: int | None = None  # index of "Nơi nhận"/signature, if found

    def of_kind(self, *kinds: str) -> list[Block]:
        return [b for b in self.blocks if b.kind in kinds]


def paragraphs(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            spans.append((start, end))
        start = end + 1
    return spans


# the note number a consolidated text (văn bản hợp nhất) sets after an amended point's number ("a) [2]")
FOOTNOTE_MARK = re.compile(r"\[\d{1,3}\]\s*")


def match_enumerator(line: str) -> tuple[str, str, int] | None:
    """(kind, label, length of the enumerator) for a paragraph that opens with one."""
    first = line[:1]
    # "\d" is any decimal digit (Arabic-Indic ones too), listed under the ASCII digits
    for kind, pattern in _BY_OPENER.get(first) or (_BY_OPENER["0"] if first.isdecimal() else ()):
        m = pattern.match(line)
        if m and (kind != "section" or m.group(1)):
            label = m.group(1) if m.groups() else m.group(0).strip()
            return kind, label, after_note(line, m.end())
    return None


def after_note(line: str, end: int) -> int:
    """Where an enumerator ending at `end` ends with the note number after it ("a) [2] Trung tâm ...": a consolidated
    text's note on the amended point, not its text)."""
    if line[end:end + 1] == "[" and (note := FOOTNOTE_MARK.match(line, end)):
        return note.end()
    return end


class _PathTracker:
    """Keeps the current enumeration context and turns labels into Vietnamese-letter paths."""

    def __init__(self) -> None:
        self.stack: dict[str, str] = {}
        self.latin = False  # the points follow the Latin alphabet (an "f)" or "e)" right after "d)")
        self._path = ""  # the stack's path, built once per enter(): every bullet asks for it

    def enter(self, kind: str, label: str) -> str:
        if kind == "point":
            label = self._point_letter(label)
        level = LEVEL[kind]
        for other in [k for k in self.stack if LEVEL[k] >= level]:
            del self.stack[other]
        self.stack[kind] = label
        self._path = self._build_path()
        return self._path

    def _point_letter(self, written: str) -> str:
        written = "đ" if written == "dd" else written
        previous = self.stack.get("point")
        if previous is None:
            self.latin = False
            return written
        if written == "f" or (previous == "d" and written == "e"):
            self.latin = True
        if not self.latin and previous == "d" and written == "d":
            return "đ"  # an English rendering prints the second d) for đ)
        return written

    def _build_path(self) -> str:
        parts: list[str] = []
        for kind, label in self.stack.items():  # in LEVEL order: enter() drops the deeper levels before adding one
            if kind == "subitem" and parts and label.startswith(parts[-1] + "."):
                parts.pop()  # "1.2" already says item 1
            parts.append(label)
        return ".".join(parts)

    def bullet_path(self) -> str | None:
        return self._path or None


# the enumerated blocks whose colon may announce points below them, and that may follow as those points or as siblings
LEAD_IN_KINDS = frozenset({"item", "subitem", "point", "subpoint"})


def _is_heading(content: str) -> bool:
    """'2. Bộ Khoa học và Công nghệ', '2. Chủ tịch UBND các tỉnh: Khánh Hòa, Đắk Lắk:' or 'I. NHIỆM VỤ'."""
    content = content.strip()
    if not content:
        return True
    if content.endswith(":") or not content.endswith(".") and DUTIES_OF.match(content):
        return True  # "2. Trách nhiệm của Ủy ban nhân dân các xã, phường" heads the points below it
    if content.isupper():
        return True
    if len(content) < 120 and not content.endswith((".", ";")) and TOPIC_TITLE.match(content):
        return True  # "1. Về việc rà soát, làm sạch dữ liệu số nhà đã cấp": a topic, its tasks below
    return len(content) < 90 and content[-1] not in ".;!?" and "," not in content[:-1][-40:] and (
        len(content.split()) <= 14)


def _unhead_empty_lead_ins(blocks: list[Block], text: str) -> None:
    """A point whose colon announces points the text does not give heads nothing: "a) Hướng dẫn và tạo điều kiện giải
    quyết nhanh các thủ tục đầu tư thuộc thẩm quyền:" then its sibling "b) Chủ động phối hợp ...". It is a point of text
    (a heading that only names bodies, "a) Sở Y tế:", is still read as one where its tasks are read)."""
    for block, after in pairwise(blocks):
        if block.heading and block.enum in LEAD_IN_KINDS and after.enum in LEAD_IN_KINDS and block.path and after.path \
                and not after.path.startswith(block.path + ".") and text[block.span[1] - 1] == ":":
            block.heading = False


def _document_start(text: str, spans: list[tuple[int, int]]) -> int:
    """Index of the first paragraph of the document itself. A crawled page may put a news summary before
    the document; the document opens with its issuer's name in capitals just above the national motto."""
    motto = next((i for i, (s, e) in enumerate(spans[:80]) if MOTTO.search(text, s, e)), None)
    if motto is None or motto < 4:
        return 0
    start = motto
    while start > 0 and motto - start < 3:
        line = text[spans[start - 1][0]:spans[start - 1][1]].strip()
        if not (line.isupper() and len(line) < 90 or line.startswith("|")):
            break
        start -= 1
    # only a preamble: a Nơi nhận before the motto means an earlier document, not a site's summary
    return 0 if any(RECIPIENTS.match(text[s:e].lstrip()) for s, e in spans[:start]) else start


def segment(text: str) -> Segmentation:
    return _RegionWalker(text).walk()


@dataclass(slots=True)
class _Line:
    """One paragraph as the region handlers see it."""

    index: int
    text: str  # stripped
    found: tuple[str, str, int] | None  # its enumerator (kind, label, length)
    lead: int  # blanks before the text
    # it opens with a capital letter, as every closing, appendix and attached title marker does: the
    # other lines (items, points, bullets, text) are not tried against them
    capital: bool
    block: Block


class CaptionState(Enum):
    """Where an attached document's title stands with its caption "(Ban hành kèm theo Quyết định số ...)"."""

    ABSENT = "absent"
    OPEN = "open"  # read up to a line that wraps before its closing bracket
    CLOSED = "closed"


class _RegionWalker:
    """Walks the paragraphs through the regions of a document, one handler per region.

    The preamble ends at the document's start, and the footnotes open at the first "[1]" note, wherever
    the walk is; otherwise a handler places the line's block (returns None) or says which region the line opens (the line
    then goes to that region's handler). Regions: preamble (a site's summary), header (with the
    addressees and recitals), body, closing (Nơi nhận, signature), appendix, attached_title (the
    title of a document attached after the signature) and footnotes.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = paragraphs(text)
        self.seg = Segmentation()
        self.first = _document_start(text, self.spans)
        self.region = "preamble"
        self.tracker = _PathTracker()
        self.header_done = False
        self.addressee_open = False
        self.introduced: str | None = None  # path of the item whose heading ends with ':' (its text follows)
        self.enumerated = False  # an article or item of the body was read: recitals are behind
        self.caption = CaptionState.ABSENT  # the caption that ties an attached document to the decision
        self.handlers = {"preamble": self._preamble, "header": self._header, "body": self._body,
                         "closing": self._closing, "appendix": self._appendix,
                         "attached_title": self._attached_title, "footnotes": self._footnotes}

    def walk(self) -> Segmentation:
        text, handlers = self.text, self.handlers
        for index, (start, end) in enumerate(self.spans):
            raw = text[start:end]
            line = raw.strip()
            lead = 0 if len(line) == len(raw) else len(raw) - len(raw.lstrip())  # normalised text has no blanks
            current = _Line(index, line, match_enumerator(line), lead, line[:1].isupper(),
                            Block(span=(start, end), kind="body", content_start=start + lead))
            if self.region == "preamble" and index >= self.first:
                self.region = "header"
            if line.startswith("[1]") and self.region not in ("preamble", "footnotes") and FIRST_FOOTNOTE.match(line) and \
                    text.find("[1]", 0, start) >= 0:
                self.region = "footnotes"  # notes to the text (sources, figures): what they say is no task
            while (opened := handlers[self.region](current)) is not None:
                self.region = opened
        if self.seg.header_end == 0 and not self.header_done:
            self.seg.header_end = len(self.seg.blocks)
        _unhead_empty_lead_ins(self.seg.blocks, text)
        return self.seg

    def _place(self, line: _Line, kind: str) -> None:
        line.block.kind = kind
        self.seg.blocks.append(line.block)

    def _open_appendix(self, line: _Line) -> None:
        """The line opens the appendix: it is the appendix's first line, and the walk stays there."""
        self.region = "appendix"
        self._place_text(line, appendix=True)

    def _new_document(self) -> str:
        """An attached document opens: its points are numbered afresh."""
        self.tracker, self.introduced = _PathTracker(), None
        self.caption = CaptionState.ABSENT
        return "attached_title"

    def _preamble(self, line: _Line) -> str | None:
        self._place(line, "preamble")  # a site's summary of the document, not the document
        return None

    def _header(self, line: _Line) -> str | None:
        text, found = line.text, line.found
        if ADDRESSEE_OPEN.match(text):
            self.addressee_open = True
            self._place(line, "addressees")
            return None
        if self.addressee_open and (found and found[0] == "bullet" or not found and len(text) < 120 and text.endswith(
                (";", ",")) or not found and text.endswith(".") and len(text) < 60):
            self._place(line, "addressees")  # a bullet, or the wrapped end of one ("Chính phủ;")
            return None
        self.addressee_open = False
        if _recital(text):
            self._place(line, "recital")
            return None
        if not self.header_done and _is_header_line(text, line.index - self.first) and not (found and found[0] != "bullet"):
            self._place(line, "header")
            return None
        self.header_done = True
        self.seg.header_end = len(self.seg.blocks)
        return "body"

    def _body(self, line: _Line) -> str | None:
        if RECIPIENTS.match(line.text) or AS_ABOVE.match(line.text) \
                or line.capital and _is_signature(line.text, len(self.spans) - line.index):
            self.region = "closing"
            self.seg.closing_start = len(self.seg.blocks)
            self._place_closing(line)
            return None
        if line.capital and APPENDIX_LABEL.match(line.text):
            return self._open_appendix(line)  # "Phụ lục 01" on its own line after a regulation's last article: its forms
        self._place_text(line, appendix=False)
        return None

    def _closing(self, line: _Line) -> str | None:
        if APPENDIX.match(line.text):
            return self._open_appendix(line)
        if _opens_attachment(line.text) or MOTTO.search(line.text):  # a second document's header or title
            return self._new_document()
        self._place_closing(line)
        return None

    def _place_closing(self, line: _Line) -> None:
        self._place(line, "recipients" if RECIPIENTS.match(line.text) or line.text.startswith("-") else "signature")

    def _appendix(self, line: _Line) -> str | None:
        if line.capital and ATTACHED_TITLE.match(line.text):  # a second document's title
            return self._new_document()
        if RECIPIENTS.match(line.text):  # a form of a decision annexed: its "Nơi nhận" closes it, as the body's does
            self.region = "closing"
            self._place_closing(line)
            return None
        self._place_text(line, appendix=True)
        return None

    def _attached_title(self, line: _Line) -> str | None:
        text = line.text
        if self.caption is CaptionState.CLOSED and not (_opens_attachment(text) or MOTTO.search(text)):
            # the caption "(Ban hành kèm theo Quyết định số ...)" ends the title: what follows it is the attached
            # document ("I. MỤC TIÊU", a task table's "STT" / "Nội dung" cells), however short or capitalised
            return "body"
        if _opens_attachment(text) or text.isupper() or text.startswith("(") or not text.rstrip().endswith(
                (".", ":", ";")) and len(text) < 90 and not line.found:
            self._place(line, "attached_title")
            if text[:1] == "(" and ATTACHMENT_CAPTION.match(text):
                self.caption = CaptionState.OPEN
            if self.caption is CaptionState.OPEN and ")" in text:  # a long caption wraps: "... ngày 21/11/2025)"
                self.caption = CaptionState.CLOSED
            return None
        return "body"

    def _footnotes(self, line: _Line) -> str | None:
        if line.capital and ATTACHED_TITLE.match(line.text):
            return self._new_document()
        if line.capital and (APPENDIX_LABEL.match(line.text) or line.text.isupper() and APPENDIX.match(line.text)):
            # the decision's notes, then its appendix: "[1] Thực hiện đối với ..." / "PHỤ LỤC DANH MỤC THỦ TỤC ..."
            return self._open_appendix(line)
        self._place(line, "footnote")
        return None

    def _place_text(self, line: _Line, appendix: bool) -> None:
        """A paragraph of the body or of an appendix: its enumeration path, or its item's."""
        text, found, block = line.text, line.found, line.block
        start, end = block.span
        if not found and text[:1].islower() and self.seg.blocks:
            previous = self.seg.blocks[-1]
            if previous.enum and previous.kind in ("body", "appendix") and self.text[previous.span[1] - 1] not in ".:;":
                previous.span = (previous.span[0], end)  # "... bệnh thông thường" / "ở cơ sở ...": a page broke the item
                return
        if appendix and line.capital and APPENDIX.match(text):
            self.tracker = _PathTracker()
        if not found and not self.enumerated and _recital(text):
            block.kind = "recital"  # inside an article "Căn cứ báo cáo của ..., X tổ chức ..." is a clause
        if " | " in text and text.count(" | ") >= 2:  # the test with `in` is the faster one
            block.kind = "table_row"
        elif found:
            kind, label, length = found
            block.enum = kind
            self.enumerated = self.enumerated or (kind != "bullet" and not appendix)
            block.label = label
            block.content_start = start + line.lead + length
            if kind == "article":
                amended = AMENDED_ARTICLE.match(self.text, block.content_start)
                if amended:
                    block.content_start, length = amended.end(), amended.end() - start - line.lead
            if kind == "bullet":
                block.path = self.tracker.bullet_path()
            else:
                block.path = self.tracker.enter(kind, label)
                block.heading = _is_heading(text[length:])
                self.introduced = block.path if text.endswith(":") or block.heading else None
        elif block.kind == "body" and self.introduced:
            # "1. Về kiến nghị ...:" then unnumbered paragraphs "Giao Bộ Tài chính ...": item 1's text
            block.path = self.introduced
        if appendix and block.kind == "body":
            block.kind = "appendix"
        self.seg.blocks.append(block)


def _recital(text: str) -> bool:
    """"Căn cứ Luật ...", "Theo đề nghị của ...": not "Căn cứ quy định nêu trên, ...", which reasons from what was cited."""
    return bool(RECITAL.match(text)) and not REFERS_BACK.match(text)


def _opens_attachment(line: str) -> bool:
    return bool(ATTACHED_TITLE.match(line) or ATTACHED_NOTE.match(line))


_DATELINE = re.compile(DATELINE_AT_END)
_NUMERIC_DATELINE = re.compile(NUMERIC_DATELINE_LINE)  # "Thành phố Hồ Chí Minh, ngày 28/11/2025"
_ENGLISH_TITLE_WITH_NUMBER = re.compile(r"^(?:Decision|Resolution|Directive|Decree|Circular|Official|Plan)\b.*\bNo\.")


_NUMBER_CELL_OPENING = re.compile(NUMBER_CELL_OPENING)
_NUMBER_CELL_WORDS = (*NUMBER_LABELS, "No", "Number")  # what the number cell opens with: a str test before the pattern


def _is_header_line(line: str, index: int) -> bool:
    """Header lines: issuer, motto, number, place/date, type name and title, all before the body."""
    if index > 25:
        return False
    if MOTTO.search(line) or line.startswith(_NUMBER_CELL_WORDS) and _NUMBER_CELL_OPENING.match(line):
        return True
    if len(line) < 80 and (_DATELINE.search(line) or _NUMERIC_DATELINE.search(line)):
        return True
    if line.isupper() or line.startswith(("V/v", "V/V", "Về việc", "Về ", "VỀ ")):
        return True
    if len(line) < 200 and _ENGLISH_TITLE_WITH_NUMBER.match(line):
        return True
    return False


def _is_signature(line: str, remaining: int) -> bool:
    """A signature block opens with an authority prefix in capitals near the end of the body, or with the
    sender's title alone in capitals ("THỦ TƯỚNG CHÍNH PHỦ", "CHỦ TỊCH") over the signer's name."""
    if remaining <= 40 and SENDER_TITLE.fullmatch(line):
        return True
    if not SIGNATURE_PREFIX.match(line):
        return False
    return remaining <= 12 or line.startswith(("KT.", "TM.", "TL.", "TUQ.", "T/M", "K/T", "T/L"))
