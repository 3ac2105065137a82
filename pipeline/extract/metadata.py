"""Metadata stage: the document's own symbol, type, issuer, date, place, title and signer.

Read from the header blocks (Vietnamese layout of Decree 30/2020: issuer | motto, "Số: ..." |
"<place>, ngày .. tháng .. năm ..", type name and summary) or, for English renderings, from the
title line ("Decision No. 282/QD-TTg of February 24, 2011 ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline import knowledge
from pipeline.extract.agencies import AgencyRegistry
from pipeline.extract.agency_model import Agency
from pipeline.extract.deadlines import parse_date
from pipeline.extract.references import canonical_symbol, doc_type_name, parse_own_symbol, parse_symbol
from pipeline.knowledge import patterns
from pipeline.knowledge.dates import (
    ACROSS_COLUMNS,
    DAY,
    DAY_WORD,
    DAY_WORD_ANY_ACCENT,
    GLUED_GAP,
    MONTH,
    NUMERIC_DATELINE_LINE,
    VI_WRITTEN_DATE,
    YEAR,
    iso_date,
    named,
    written_date,
)
from pipeline.knowledge.doc_types import NORMATIVE_TYPES, STATE_TYPES, TYPE_WORDS_EN
from pipeline.knowledge.patterns import NUMBER_CELL, NUMBER_LABEL, PROVINCIAL_BODY, UPPER_VI
from pipeline.records import Metadata
from pipeline.segment.segmenter import MOTTO, Segmentation

# The header's dateline, as OCR reads it: it glues the words to the numbers ("ngày24 tháng9": no gap needed)
# and misreads the digits of day and month ("Hà Nội. ngàyl6 tháng 9", "ngày ]] tháng"): these letters are
# read back as the digits they stand for.
_OCR_MISREAD, _OCR_MEANT = "lI|]oO", "111100"
_OCR_DIGITS = str.maketrans(_OCR_MISREAD, _OCR_MEANT)
_OCR_NUMBER = rf"[\d{re.escape(_OCR_MISREAD)}]{{1,2}}"
PLACE_DATE = re.compile(
    rf"(?P<place>[^\d,;:()]{{2,60}}?)\s*[,.]\s*{DAY_WORD_ANY_ACCENT}{GLUED_GAP}"
    + written_date(named("d", _OCR_NUMBER), named("m", _OCR_NUMBER), named("y", YEAR), gap=GLUED_GAP),
    re.I)
# "Hà Nội ngày 01 tháng 12 năm 2025", OCR's "Số: 2676 /QĐ-BGDĐT Hà Nội ngày 24 tháng9 năm 2025": the comma left out;
# only the dateline, at the end of its line
BARE_DATELINE = re.compile(
    rf"{ACROSS_COLUMNS}(?P<place>(?:[A-ZĐÂĂÊÔƠƯ][^\s\d,;:()]*\s+){{1,6}}){DAY_WORD_ANY_ACCENT}{GLUED_GAP}"
    + written_date(named("d", DAY), named("m", MONTH), named("y", YEAR), gap=GLUED_GAP) + r"\s*$")
NUMERIC_DATELINE = re.compile(NUMERIC_DATELINE_LINE)
EN_TITLE = re.compile(
    r"\b(?P<type>Decision|Resolution|Directive|Decree|Circular|Joint Circular|Official\s+(?:Dispatch|Letter|Telegram)"
    r"|Plan|Notice|Conclusion|Law|Ordinance|Order)\s+No\.?\s*(?P<symbol>[^\s,;]+(?:\s*/\s*[^\s,;]+)*)"
    r"(?:\s+(?:of|dated)\s+(?P<date>[A-Z][a-z]+\s+\d{1,2},\s*\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}))?")
# "THỦ TƯỚNG CHÍNH PHỦ điện:": the sender of a công điện, after its title
SENDER = re.compile(r"^(.{3,80}?)\s+điện\s*:?\s*$")
MAX_ISSUER_LINE = 120
SIGNER = re.compile(r"^[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][\wÀ-ỹ]*(?:\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈÍÌÓÒÚÙÝỲ][\wÀ-ỹ]*){1,4}$")


@lru_cache(maxsize=1)
def _type_words() -> list[tuple[str, str]]:
    """(upper-case type name, code) pairs, longest first, from the shared type table."""
    pairs = {("CÔNG VĂN", "CV")}
    for table in (STATE_TYPES, NORMATIVE_TYPES):
        pairs.update((name.upper(), code) for code, name in table.items())
    return sorted(pairs, key=lambda p: -len(p[0]))


@lru_cache(maxsize=1)
def _type_words_by_initial() -> dict[str, list[tuple[str, str]]]:
    """_type_words by their first letter, each list in its order: a header line is tried against the names it can open
    with (it must open with one), not against all of them."""
    by_initial: dict[str, list[tuple[str, str]]] = {}
    for name, code in _type_words():
        by_initial.setdefault(name[:1], []).append((name, code))
    return by_initial


@dataclass(frozen=True)
class Header:
    """What a document's header says: its metadata, and the body its text speaks for (the issuer, or the parent an
    issuing unit stands under: "Bộ" in the Tax Department's letter is the Ministry of Finance), which the rules read
    the text with."""

    metadata: Metadata
    authority: str | None


def extract_metadata(text: str, seg: Segmentation, language: str) -> Metadata:
    return read_header(text, seg, language).metadata


def read_header(text: str, seg: Segmentation, language: str) -> Header:
    meta = Metadata()
    # a site's summary before the document (preamble) is not its header, though the issuer's and number's
    # cells may stand just before the motto where the preamble is taken to end
    start = next((i for i, b in enumerate(seg.blocks) if b.kind != "preamble"), len(seg.blocks))
    start = max(0, start - HEADER_BEFORE_MOTTO)
    if seg.blocks and OWN_NUMBER_LINE.match(text, seg.blocks[0].span[0], seg.blocks[0].span[1]):
        start = 0  # "Số: 173/2025/NĐ-CP" opens the text: a page that left out the motto starts with the header itself
    header = [text[b.span[0]:b.span[1]].strip() for b in seg.blocks[start: max(seg.header_end, start + 1) + 2]]
    head_lines = [text[b.span[0]:b.span[1]].strip() for b in seg.blocks[start:start + 30]]
    _symbol_and_date(meta, head_lines)
    if meta.symbol is None and (block := _authentication_block(text)):
        _symbol_and_date(meta, block)
    _type_and_title(meta, header)
    authority = _issuer(meta, head_lines, language)
    if meta.issuer is None and meta.title and LEADERS_CONCLUSION.match(meta.title):
        # a notice of the Prime Minister's or a Deputy's conclusions whose header was lost: the Government Office issues
        # such notices (TB-VPCP); the text speaks for the leader, not for the office, so the authority stays unknown
        meta.issuer = GOVERNMENT_OFFICE
    meta.signer = _signer(text, seg)
    if meta.symbol and not meta.issued_on:
        meta.issued_on = _date_from_own_mentions(text, meta.symbol)
    if not meta.issued_on:
        meta.issued_on = _adoption_date(text)
    coded = parse_symbol(meta.symbol).doc_type if meta.symbol else None
    if meta.doc_type is None or meta.doc_type == "CV" and coded and coded != "CV" and not _abbreviated_subject(meta):
        # the symbol's type code outranks the công văn default that a "Về việc" line gives when the type line
        # itself was not read (an OCR'd "QUYÉT ĐỊNH"); not the "V/v" that only letters write, whose "5332/CT-CS" is
        # the Tax Department's (Cục Thuế) letter, not a chỉ thị
        meta.doc_type = coded or meta.doc_type
        meta.doc_type_name = None
    if meta.doc_type and not meta.doc_type_name:
        meta.doc_type_name = doc_type_name(meta.doc_type)
    return Header(meta, authority)


HEADER_BEFORE_MOTTO = 8  # blocks
# the title of a notice of the Prime Minister's (or a Deputy's) conclusions or directions, which the Government Office
# issues: "KẾT LUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ BÙI THANH SƠN ..."
LEADERS_CONCLUSION = re.compile(r"(?:THÔNG\s+BÁO\s+)?(?:KẾT\s+LUẬN|Ý\s+KIẾN\s+CHỈ\s+ĐẠO)\s+CỦA\s+(?:PHÓ\s+)?THỦ\s+TƯỚNG\b",
                                re.I)
GOVERNMENT_OFFICE = "Văn phòng Chính phủ"
OWN_NUMBER_LINE = re.compile(patterns.OWN_NUMBER_LINE)


# "V/v" ("về việc", the subject line) under the number: written by letters only
ABBREVIATED_SUBJECT = re.compile(r"(?:^|(?<=\s))V/[vV](?=[\s.:])")


def _abbreviated_subject(meta: Metadata) -> bool:
    return bool(meta.title and ABBREVIATED_SUBJECT.match(meta.title))

# "CHÍNH PHỦ_______ Số: 171/2025/NĐ-CP", "---------- Số: 1661/NQ-UBTVQH15": a page ran the issuer's cell and the number's
# cell into one line; a converter that writes a table's cell on one line ran them with a space only ("THỦ TƯỚNG CHÍNH
# PHỦ Số: 32/2025/QĐ-TTg", html2text's Markdown of ../shared/corpus/pages/vi_qd_32_2025_ttg.html)
GLUED_NUMBER = re.compile(rf"(?:[_|]|-{{3,}}|(?<=[{UPPER_VI}]{{2}})\s)\s*(?P<cell>{NUMBER_CELL})(?=\d)")
NUMBER_LABEL_ALONE = re.compile(rf"(?:{NUMBER_LABEL}|No\.?)\s*:?")  # "Số:" with the number on the next line
NUMBER_LINE = re.compile(rf"(?:{NUMBER_LABEL}|So|No\.?|Number)\s*[:.]?\s*\S")  # a line the own number opens


def _symbol_and_date(meta: Metadata, lines: list[str]) -> None:
    for i, line in enumerate(lines):
        if NUMBER_LABEL_ALONE.fullmatch(line) and i + 1 < len(lines):
            line = f"{line} {lines[i + 1]}"  # "Số:" with the number on the next line
        if meta.symbol is None and NUMBER_LINE.match(line):
            meta.symbol = parse_own_symbol(line)
        elif meta.symbol is None and (glued := GLUED_NUMBER.search(line)):
            meta.symbol = parse_own_symbol(line[glued.start("cell"):])
        if meta.issued_on is None and "ngày" in line.lower():
            m = PLACE_DATE.search(line) or BARE_DATELINE.search(line) or NUMERIC_DATELINE.search(line)
            if m:
                meta.place = _place(m.group("place"))
                meta.issued_on = iso_date(m.group("y"), m.group("m").translate(_OCR_DIGITS),
                                         m.group("d").translate(_OCR_DIGITS))
    if meta.symbol is None:
        meta.symbol = _symbol_from_title_line(lines)
    if meta.symbol is None or meta.issued_on is None:
        for line in lines:
            m = EN_TITLE.match(line)  # the title line itself, never a citation inside a recital
            if m:
                meta.symbol = meta.symbol or parse_own_symbol(f"No. {m.group('symbol')}")
                if meta.issued_on is None and m.group("date"):
                    parsed = parse_date(m.group("date"))
                    meta.issued_on = parsed.isoformat() if parsed else None
                if meta.title is None:
                    meta.title = line[m.end():].strip(" ,;") or None
                break
    if meta.symbol is None:
        _symbol_from_caption(meta, lines)


def _symbol_from_caption(meta: Metadata, lines: list[str]) -> None:
    """A page that holds a decision without its header (the decision's text, then what it promulgates) is numbered
    and dated by the caption of what it promulgates: "(Promulgated together with the Prime Minister's Decision No.
    40/QD-TTg of January 7, 2016)", "(Ban hành kèm theo Quyết định số 2623/QĐ-TTg ngày 03 tháng 12 năm 2025 ...)"."""
    for line in lines:
        if line[:1] == "(" and patterns.ATTACHMENT_CAPTION.match(line) and (m := OWN_MENTION.search(line)):
            meta.symbol = parse_own_symbol(f"No. {m.group('symbol')}")
            if meta.symbol and meta.issued_on is None and (parsed := parse_date(m.group("date"))):
                meta.issued_on = parsed.isoformat()
            return


# A consolidated text (văn bản hợp nhất) carries its own number and date only in the consolidating body's
# authentication block at its end: "BỘ CÔNG THƯƠNG" / "Số: 49/VBHN-BCT" / "XÁC THỰC VĂN BẢN HỢP NHẤT" / "Hà Nội, ngày
# 04 tháng 6 năm 2026" / "KT. BỘ TRƯỞNG"; its header is the consolidated text's own, without a number
AUTHENTICATION = re.compile(r"XÁC\s+THỰC\s+VĂN\s+BẢN\s+HỢP\s+NHẤT")
AUTHENTICATION_LINES = 3  # lines before and after the block's title that hold its number and dateline


def _authentication_block(text: str) -> list[str]:
    """The lines around a consolidated text's authentication title (the last one), or none."""
    titles = list(AUTHENTICATION.finditer(text)) if "XÁC" in text else []  # a substring test first, in C
    if not titles:
        return []
    found = titles[-1]
    reach = AUTHENTICATION_LINES * MAX_ISSUER_LINE  # the block's lines are short: its body, number, dateline, signer
    before = text[max(0, found.start() - reach):found.start()].split("\n")[-AUTHENTICATION_LINES - 1:]
    after = text[found.end():found.end() + reach].split("\n", AUTHENTICATION_LINES + 1)[:AUTHENTICATION_LINES + 1]
    return [line.strip() for line in before + after if line.strip()]


OWN_MENTION = re.compile(
    rf"(?:No\.?|số)\s*(?P<symbol>\d+[^\s,;()]*)\s*,?\s+(?:of|dated|{DAY_WORD})\s+"
    rf"(?P<date>[A-Z][a-z]+\s+\d{{1,2}},\s*\d{{4}}|{VI_WRITTEN_DATE}|{DAY}/{MONTH}/{YEAR})")


def _symbol_from_title_line(lines: list[str]) -> str | None:
    """A legal database page whose copy of the document lost its header still titles it with its type and
    number on a line of their own: "Quyết định 1408/QĐ-BXD", "Decision 57/QD-TTg"."""
    for line in lines:
        words = line.split()
        if 2 <= len(words) <= 4 and "/" in words[-1] and " ".join(words[:-1]).upper() in _title_type_names():
            return parse_own_symbol(f"Số: {words[-1]}")
    return None


@lru_cache(maxsize=1)
def _title_type_names() -> frozenset[str]:
    """Type names in capitals, Vietnamese and English, from the shared type table."""
    return frozenset([name for name, _ in _type_words()] + [w.upper() for w in TYPE_WORDS_EN])


# "Nghị quyết này được Ủy ban Thường vụ Quốc hội ... thông qua ngày 16 tháng 6 năm 2025.": a resolution or a law the
# National Assembly or its Standing Committee adopts is dated by its closing line, not a dateline
ADOPTED_ON = re.compile(rf"(?:Nghị\s+quyết|Luật|Bộ\s+luật|Pháp\s+lệnh)\s+này\s+(?:đã\s+)?được\s[^.;]{{0,160}}?thông\s+qua\s+"
                        rf"{DAY_WORD}\s+(?P<date>{VI_WRITTEN_DATE}|{DAY}/{MONTH}/{YEAR})")
ADOPTION_REACH = 4000  # characters before the end: the closing line stands over the signature


def _adoption_date(text: str) -> str | None:
    found = ADOPTED_ON.search(text, max(0, len(text) - ADOPTION_REACH))
    parsed = parse_date(found["date"]) if found else None
    return parsed.isoformat() if parsed else None


def _date_from_own_mentions(text: str, symbol: str) -> str | None:
    """An appendix's '(Promulgated together with Decision No. 40/QD-TTg of January 7, 2016)' dates it."""
    for m in OWN_MENTION.finditer(text):
        if canonical_symbol(m.group("symbol")) == symbol:
            parsed = parse_date(m.group("date"))
            if parsed:
                return parsed.isoformat()
    return None


def _place(words: str) -> str | None:
    """The place name before ', ngày': its trailing title-case words ('Hà Nội', 'Thành phố Hồ Chí Minh');
    an OCR'd header puts the number cell on the same line ('Số: 2627 /QĐ-BGDĐT Hà Nội')."""
    kept: list[str] = []
    for word in reversed(words.split()):
        if not word[:1].isupper() or (len(word) > 1 and word.isupper() and kept) or "/" in word or "-" in word:
            break
        kept.append(word)
    return " ".join(reversed(kept)) or None


def _type_and_title(meta: Metadata, header: list[str]) -> None:
    for i, line in enumerate(header):
        found = _type_word(line)
        if found:
            name, code = found
            meta.doc_type_name = name.capitalize() if code != "CV" else "Công văn"
            meta.doc_type = code
            rest = line[len(name):].strip()
            if not rest and i + 1 < len(header):
                rest = header[i + 1]
            meta.title = meta.title or (rest or None)
            return
        subject = ABBREVIATED_SUBJECT.search(line)  # a page may put the number's cell and "V/v" on one line
        if (subject or line.startswith("Về việc")) and meta.title is None:
            meta.title = line[subject.start():] if subject else line
            if subject and not line[subject.end():].strip(" :") and i + 1 < len(header):
                meta.title = f"{meta.title} {header[i + 1]}"  # "Số: 5331/CT-CS V/v:" then the subject's own line
            meta.doc_type = meta.doc_type or "CV"
            meta.doc_type_name = meta.doc_type_name or "Công văn"


# "NGHỊ ĐỊNHVề hợp đồng ...": the page ran the type's line and the title's into one; the title is in sentence case
GLUED_TITLE = re.compile(rf"[{UPPER_VI}](?=[^\W\d_{UPPER_VI}])")


def _type_word(line: str) -> tuple[str, str] | None:
    """(type name, code) when the line opens with a type name in capitals ("KẾ HOẠCH", "CÔNG ĐIỆN ...")."""
    upper = line.upper()
    for name, code in _type_words_by_initial().get(upper[:1], ()):
        if (upper == name or upper.startswith(name + " ") and not MOTTO.search(line)
                or upper.startswith(name) and GLUED_TITLE.match(line, len(name))) and line[: len(name)].isupper():
            return name, code
    return None


def _issuer(meta: Metadata, lines: list[str], language: str) -> str | None:
    """Sets the issuer; returns the body the text speaks for (the issuer, or the parent of the unit that issues)."""
    registry = AgencyRegistry.default()
    issuer_lines = []
    for line in lines[:4]:
        # the issuer's cell comes before the motto, the number and the type name, and is short; a header
        # lost in a crawl leaves the title, the addressees ("- Bí thư ...") or the first paragraph here
        motto = MOTTO.search(line)
        if motto and (cell := line[:motto.start()].strip(COLUMN_GAP)).isupper():
            # a text layer or OCR reads the header's two columns across: the issuer's cell (in capitals, as a header
            # sets it), then the motto's, on one line ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "TỈNH
            # QUẢNG NGÃI Độc lập - Tự do - ..."); a sentence that names the republic ("... là Ủy viên Bộ Chính trị Ban
            # Chấp hành Trung ương Đảng Cộng sản Việt Nam") is none
            issuer_lines.append(cell)
            continue
        if motto or line.startswith(("Số", "No.", "-", "Kính gửi")) or _type_word(line) \
                or len(line) > MAX_ISSUER_LINE:
            break
        issuer_lines.append(line)
    parent = None  # the last body of the cell the registry knows: the issuer, or the parent a unit stands under
    for i, line in enumerate(issuer_lines):
        agency, rest = _header_body(line, registry)
        if agency is None and i + 1 < len(issuer_lines):
            # "ỦY BAN NHÂN DÂN" / "TỈNH ĐỒNG NAI": a name broken over two lines of the header cell
            agency, rest = _header_body(f"{line} {issuer_lines[i + 1]}", registry)
        if agency is None and parent is not None:
            rest = line  # "BỘ TÀI CHÍNH" / "CỤC THUẾ": the unit on a line of its own under its parent
        if agency is not None:
            meta.issuer = parent = agency.name
        if parent is not None and (unit := _issuing_unit(rest, parent, registry)):
            meta.issuer = unit
    if meta.issuer is None:
        sender = next((m for line in lines[:12] if (m := SENDER.match(line))), None)
        agency = _header_agency(sender.group(1), registry) if sender else None
        meta.issuer = agency.name if agency else None
    if meta.issuer is None and meta.symbol:
        code = parse_symbol(meta.symbol).issuer_code
        code = LEGISLATURE_TERM.sub("", code) if code else code  # "NQ-UBTVQH15": the Standing Committee of the 15th
        agency = registry.lookup(code) if code and code not in ("UBND", "HĐND") else None
        meta.issuer = agency.name if agency else None
    return parent if parent is not None else meta.issuer


_GRAMMAR = knowledge.load("agency_grammar")
# the head nouns a unit's name opens with, as the grammar writes them, keyed in lower case ("cục" -> "Cục")
UNIT_HEADS = {head.casefold(): head for head in _GRAMMAR["heads_vi"] if head[0].isupper()}
UNIT_HEAD = re.compile(rf"(?:{'|'.join(map(re.escape, sorted(UNIT_HEADS, key=len, reverse=True)))})(?!\w)", re.I)
# the words that say where a body is, keyed in lower case, as the grammar writes them ("tỉnh", "Trung ương")
LOCALITY_WORDS = {word.casefold(): word for word in _GRAMMAR["locality_words"]}
UNIT_PLACE = re.compile(r"\b(?:tỉnh|thành phố|Trung ương|Việt Nam)\b", re.I)  # a unit's name that says where it is
PARTY_CENTRE = "Ban Chấp hành Trung ương"  # its commissions are named with "Trung ương" ("Ban Tuyên giáo và Dân vận ...")
STAMP_SPECKS = "[](|*-–—~ "  # what a text layer reads of a signature stamp before the signer's name ("[ Phạm Thị ...")
COLUMN_GAP = " \t-–—_|:.^ˆ~"  # what stands between the header's two columns read across (rules, OCR's specks)
LEGISLATURE_TERM = re.compile(r"(?<=QH)\d{1,2}$")  # the National Assembly's term after its code (QH15, UBTVQH15)


def _header_agency(line: str, registry: AgencyRegistry) -> Agency | None:
    return _header_body(line, registry)[0]


def _header_body(line: str, registry: AgencyRegistry) -> tuple[Agency | None, str]:
    """The body a line of the header's issuer cell names, as the registry knows it, and the words after its name
    ("BỘ TÀI CHÍNH CỤC THUẾ" -> Bộ Tài chính, "Cục Thuế"; "" where the line is the name)."""
    candidate = " ".join(line.replace("-", " ").split())
    agency = registry.lookup(candidate) or registry.lookup(candidate.title())
    if agency is not None:
        return agency, ""
    # a header in capitals is read title-cased, its abbreviation spelt out first ("UBND THÀNH PHỐ HÀ NỘI TRUNG TÂM
    # PHỤC VỤ HÀNH CHÍNH CÔNG": "Ubnd" is no name)
    read = registry.spelled_out(candidate).title() if candidate.isupper() else candidate
    mentions = registry.find_mentions(read)
    # the parent then its unit ("Ủy Ban Nhân Dân Thành Phố Hà Nội Sở Giáo Dục Và Đào Tạo"): the parent, and the unit's
    # words, which the registry may know without their province
    named = next((m for m in mentions[:-1] if UNIT_HEAD.match(read, m.span[1] + 1)), mentions[-1] if mentions else None)
    agency = registry.lookup(named.name) if named else None
    return agency, read[named.span[1]:].strip(" ,") if agency is not None else ""


def _issuing_unit(words: str, parent: str, registry: AgencyRegistry) -> str | None:
    """The unit that issues the document under its parent body (DOMAIN.md, the layout's box 2: "BỘ NỘI VỤ" over "CỤC
    VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC", one cell a page may run into one line: "BỘ TÀI CHÍNH CỤC THUẾ"), when `words` (what
    the cell says after the parent's name) open with a head noun: named as the registry knows it, else in the case
    agencies' names are written, with the parent's province where the unit is a province's ("UBND THÀNH PHỐ HÀ NỘI
    TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" -> "Trung tâm Phục vụ hành chính công thành phố Hà Nội")."""
    head = UNIT_HEAD.match(words)
    if head is None:
        return None
    name = _agency_case(words, head)
    province = PROVINCIAL_BODY.match(parent)
    place = province.group("place") if province else "Trung ương" if parent == PARTY_CENTRE else None
    if place and not UNIT_PLACE.search(name):
        name = f"{name} {place}"
    agency = registry.lookup(name)
    return agency.name if agency is not None else name


def _agency_case(words: str, head: re.Match[str]) -> str:
    """A body's name read in capitals, written as names are (Decree 30/2020, Appendix II: the words of the kind of
    body and of its field open with a capital): the head noun as the grammar writes it, the field's first word and
    each word after "và" capitalised, the others in lower case; where it says its place, the locality word as the
    grammar writes it and each word of the place's name capitalised ("CỤC HẢI QUAN" -> "Cục Hải quan", "BAN TUYÊN GIÁO
    VÀ DÂN VẬN" -> "Ban Tuyên giáo và Dân vận", "THUẾ TỈNH VĨNH LONG" -> "Thuế tỉnh Vĩnh Long")."""
    out = [UNIT_HEADS[head.group().casefold()]]
    rest = words[head.end():].split()
    place = next((k for k in range(len(rest)) if " ".join(rest[k:k + 2]).casefold() in LOCALITY_WORDS
                  or rest[k].casefold() in LOCALITY_WORDS), len(rest))
    for k, word in enumerate(rest[:place]):
        low = word.casefold()
        out.append(low if low == "và" or k and rest[k - 1].casefold() != "và" else low.capitalize())
    if place < len(rest):
        locality = 2 if " ".join(rest[place:place + 2]).casefold() in LOCALITY_WORDS else 1
        out.append(LOCALITY_WORDS[" ".join(rest[place:place + locality]).casefold()])
        out.extend(word.capitalize() for word in rest[place + locality:])
    return " ".join(out)


def _signer(text: str, seg: Segmentation) -> str | None:
    for block in reversed(seg.of_kind("signature")):
        line = text[block.span[0]:block.span[1]].strip().lstrip(STAMP_SPECKS)
        if SIGNER.match(line) and not line.isupper() and len(line.split()) >= 2:
            return line
    return None
