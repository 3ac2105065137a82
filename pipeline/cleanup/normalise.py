"""Normalise stage: one canonical text per document, which every later span indexes into.

- Unicode NFC, no zero-width characters, every blank but the line break a plain space, one
  tone-placement convention (the old style of official texts: hòa, ủy, thủy, khỏe), markdown
  emphasis removed;
- crawled tables ("|" lines between cells) rebuilt: a real table row becomes one line with cells
  joined by " | ", layout tables (header boxes, the body cell) become paragraphs; a task table a PDF's
  text layer flattened (cells one after another) is rebuilt as rows first (flat_tables.py);
- hard-wrapped lines re-joined into paragraphs, one paragraph per line.
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.cleanup.blanks import OTHER_BLANKS, squeeze_lines
from pipeline.cleanup.flat_tables import rebuild_flat_tables
from pipeline.cleanup.furniture import strip_furniture
from pipeline.cleanup.markdown_tables import frame_markdown_tables
from pipeline.cleanup.ocr_words import repair_ocr_words
from pipeline.cleanup.page_breaks import join_pages
from pipeline.cleanup.tab_tables import frame_tab_rows
from pipeline.knowledge.dates import PLACED_DATELINE_AT_END, UNPLACED_DATELINE_LINE
from pipeline.knowledge.doc_types import NORMATIVE_TYPES, PARTY_TYPES, STATE_TYPES
from pipeline.knowledge.motto import ENGLISH, PARTY, REPUBLIC, SLOGAN
from pipeline.knowledge.patterns import (
    ARTICLE_TITLES,
    ARTICLE_WORD,
    ARTICLE_WORDS,
    ATTACHMENT_CAPTION,
    CHAPTER_WORD,
    CHAPTER_WORDS,
    JOINING_WORDS,
    NOT_CITING,
    OWN_NUMBER_LINE,
    PAGE_NUMBER,
    UPPER_VI,
    in_both_cases,
    opened_by,
)
from pipeline.knowledge.tables import MAX_HEADER_LABEL, ROW_NUMBER_LABEL, SUBGROUP_LABEL

# --- characters -----------------------------------------------------------------------------------

# characters replaced one by one (str.translate with a dict is slow on long texts; one regex pass is not)
# (every blank becomes a space here, so the later whole-text passes meet spaces only)
_ODD_CHARS = {**dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", ""),
              **dict.fromkeys(OTHER_BLANKS, " "),
              # OCR and some fonts give the Icelandic eth for the Vietnamese Đ
              "\u00d0": "Đ", "\u00f0": "đ",
              # the Official Gazette's text layer gives the noncharacter U+FFFE for a hyphen ("08/2021/NĐ\ufffeCP",
              # "Ả\uffferập"), which no text writes
              "\ufffe": "-",
              # OCR reads a symbol's slash as the fraction slash U+2044 ("Quyết định số 973⁄/QĐ-BGDĐT" in our OCR of dev
              # vi_qd_2605_bgddt_2025.pdf), which no directive writes
              "\u2044": "/",
              # a text-mode browser's table ("w3m -dump"): its box-drawing rules are a table's pipes and separator lines
              **{chr(c): "|" if chr(c) in "│┃║╎╏┆┇┊┋" else "-" for c in range(0x2500, 0x2580)}}
_ODD_RE = re.compile("[" + re.escape("".join(_ODD_CHARS)) + "]")
# the section sign between two digits, where no text writes it: OCR's reading of an 8 in a number
_OCR_EIGHT = re.compile(r"(?<=\d)§(?=\d)")
# a dash bullet OCR read as a tilde ("~ Bước 2: Trung tâm Quản lý chất lượng ...", "~ Các đơn vị, cá nhân được phân
# công ..." in our OCR of dev vi_kh_753_dct_2026.pdf), and a sub-item's 5 read as a dollar sign or an S with caron
# ("$.2. Phòng Đào tạo và Phòng Công tác sinh viên"): at a line's start only, where no text writes them (each pattern
# opens with its character and looks behind it for the line's start, so re skips in C to the next one)
_OCR_DASH = re.compile(rf"~(?<![^\n]~)(?=[^\S\n]+[{UPPER_VI}])")
_OCR_FIVE = re.compile(r"[$Š](?<![^\n][$Š])(?=\.\d{1,2}\.[^\S\n])")
# a day or month number that OCR read with a pipe for a 1 ("Hà Nội, ngày |] tháng 9 năm 2025" in dev vi_qd_2576_bgddt_2025
# read at 150 dpi), which the table pass would take for a cell's rule: two characters, one of them no pipe (each
# pattern opens with its word, which re finds as fast as str.find)
_PIPE_NUMBER = r"(?:\|[\dlI\]]|[\dlI\]]\|)"
_PIPES_IN_DATE = (re.compile(rf"ngày {_PIPE_NUMBER}(?= tháng)"), re.compile(rf"tháng {_PIPE_NUMBER}(?= năm)"))


# Typographic single quotes stay in the text, as the document writes them: an anchor, a quotation or a name is
# copied from it ("the Steering Committee’s head"). The rules' patterns are written with the straight apostrophe
# ("People's Committees"), so they read a view with the quotes straightened, character for character: every span
# is the same in both.
def straight_quotes(text: str) -> str:
    """The text with ‘ ’ read as ' (same length, same offsets). Two replaces, each a C scan for one character, not
    str.translate, which looks every character of a long text up in its table."""
    if "\u2019" in text:
        text = text.replace("\u2019", "'")
    return text.replace("\u2018", "'") if "\u2018" in text else text


_TONED = {  # vowel -> (grave, acute, hook, tilde, dot)
    "a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ", "o": "òóỏõọ", "u": "ùúủũụ",
}


def _tone_table() -> dict[str, str]:
    """New-style 'oà, oè, uỳ' (tone on the second vowel of an open syllable) -> old-style 'òa, òe, ùy'."""
    table: dict[str, str] = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in range(5):
            new = first + _TONED[second][tone]
            old = _TONED[first][tone] + second
            for f in (str.lower, str.upper, str.capitalize):
                table[f(new)] = f(old)
    return table


_TONE_TABLE = _tone_table()
# not after q (quý is right in both styles), and only at the end of a syllable; a two-character class
# pattern is much faster than an alternation of every pair, and pairs not in the table are left alone.
# The q test is a lookbehind *after* the pair so that the pattern opens with a character class, which
# lets the regex engine jump between candidate vowels instead of testing every position.
_SECOND_VOWELS = "".join(sorted({pair[1] for pair in _TONE_TABLE}))
_PAIR_ENDS_SYLLABLE = r"(?<![qQ]..)(?![^\W\d_])"  # tested just after the pair: not "qu", no letter next
_TONE_RE = re.compile(r"([oOuU][" + _SECOND_VOWELS + "])" + _PAIR_ENDS_SYLLABLE)


# The odd characters and the new-style tone pairs found in one scan of the composed text (each is a scan of the whole
# text, and most texts hold no odd character). Composing first gives the old order's text (odd characters out, then
# composed, then the tones) unless a character is deleted: a soft hyphen may part a letter from its tone mark, and the
# word a tone pair ends may run on past it; a text that holds one goes the old way.
_DELETED = frozenset(c for c, replacement in _ODD_CHARS.items() if not replacement)
# one class opens the pattern, so the scan skips in C between candidates: an odd character, or o/u before a toned vowel
_ODD_OR_TONE = re.compile("[oOuU" + re.escape("".join(_ODD_CHARS)) + "]"
                          "(?:(?<=[oOuU])([" + _SECOND_VOWELS + "])" + _PAIR_ENDS_SYLLABLE + "|(?<![oOuU]))")


def normalise_characters(text: str) -> str:
    text = frame_tab_rows(text.replace("\r\n", "\n").replace("\r", "\n"))  # before tabs become spaces
    if "\u00d0" in text:
        text = text.replace("Đ\u00d0", "Đ")  # OCR's "QĐÐ-BGDĐT": one letter read twice
    if "\u2044/" in text:
        text = text.replace("\u2044/", "/")  # "973⁄/QĐ-BGDĐT": one slash read twice
    if "§" in text:
        text = _OCR_EIGHT.sub("8", text)  # OCR's "Quyết định số 20§1/QĐ-BGDĐT": an 8 read as the section sign
    if "~" in text:
        text = _OCR_DASH.sub("-", text)
    if "$." in text or "Š." in text:
        text = _OCR_FIVE.sub("5", text)
    if "|" in text:
        for pipe_in_date in _PIPES_IN_DATE:
            text = pipe_in_date.sub(_pipe_as_one, text)  # OCR's "ngày |] tháng": a 1 read as a pipe
    deleted = False

    def replaced(m: re.Match[str]) -> str:
        nonlocal deleted
        if m.group(1) is not None:
            pair = m.group(0)
            return _TONE_TABLE.get(pair, pair)
        deleted = deleted or m.group(0) in _DELETED
        return _ODD_CHARS[m.group(0)]

    out = _ODD_OR_TONE.sub(replaced, unicodedata.normalize("NFC", text))
    if not deleted:
        return out
    # composed after the odd characters go: a soft hyphen between a letter and its tone mark kept them apart
    return old_style_tones(unicodedata.normalize("NFC", _ODD_RE.sub(lambda m: _ODD_CHARS[m.group(0)], text)))


def _pipe_as_one(m: re.Match[str]) -> str:
    return m.group().replace("|", "1")


def old_style_tones(text: str) -> str:
    """'hoà, uỷ' -> 'hòa, ủy' (NFC text); the length is kept, so offsets stay valid."""
    return _TONE_RE.sub(lambda m: _TONE_TABLE.get(m.group(1), m.group(1)), text)


# --- markdown -------------------------------------------------------------------------------------

# a whole run of stars, unless it stands between parentheses (a footnote's "(*)"); the possessive "*+"
# keeps a kept run from being shortened into a match, and the pattern opens with a literal for a fast scan
_EMPHASIS = re.compile(r"\*(?<!\*\*)(?:(?<!\(\*)\**+|\**+(?!\)))")
_HEADING = re.compile(r"^[^\S\n]{0,3}#{1,6}[^\S\n]*", re.M)  # at each line's start
# Markdown's backslash before a punctuation mark (html2text writes "1\\. Development viewpoints", "\\- To develop ..."):
# the mark itself, as CommonMark reads it
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
# emphasis in underscores ("_Căn cứ Luật Bưu chính số 49/2010/QH12;_"), and an empty one left alone ("32/2025/QĐ-TTg __"),
# but not a form's blank to fill in ("Số: ______")
# (each pattern opens with its underscore and looks behind it, so re skips in C to the next one)
_UNDERSCORED = re.compile(r"_(?<![\w_]_)_?(?=[^\s_])([^_\n]*?[^\s_])_{1,2}(?![\w_])")
_EMPTY_UNDERSCORES = re.compile(r"_(?<!\S_)_?(?!\S)")
_SEPARATOR = re.compile(r"^[-_=–—.*\s]{3,}$")
_SEPARATOR_OPENERS = "-_=–—.*"  # how a stripped separator line starts (a cheap test before the regex)


# an article's title set in bold on lines of its own ("**Điều 4. Bổ sung, điều chỉnh**"): the article's text after it
# is a paragraph of its own, however the page wrapped the lines
# (the literal stars first and the line start looked behind them: re skips in C to the next "**", 4x faster than "^")
_BOLD_ARTICLE_TITLE = re.compile(rf"(\*\*(?<![^\n]\*\*)(?:{ARTICLE_WORD}|{CHAPTER_WORD})\s[^*]{{1,200}}\*\*)[^\S\n]*\n"
                                 rf"(?=[^\S\n]*[{UPPER_VI}])")


def clean_markdown(text: str) -> str:
    """Emphasis stars (not a footnote's "(*)"), underscores and heading marks removed and backslash escapes read, over
    the whole text at once; an article's title in bold ends its paragraph."""
    if "*" in text:
        if "**" in text:
            text = _BOLD_ARTICLE_TITLE.sub("\\1\n\n", text)
        text = _EMPHASIS.sub("", text)
    if "#" in text:
        text = _HEADING.sub("", text)
    if "\\" in text:
        text = _ESCAPED.sub(r"\1", text)
    if "_" in text:
        text = _EMPTY_UNDERSCORES.sub("", _UNDERSCORED.sub(r"\1", text))
    return text


# --- tables and paragraphs -----------------------------------------------------------------------

_ENUMERATOR = re.compile(
    # "2.[18] Chủ trì, ...": a consolidated text's footnote mark may follow the number (the amending text's note)
    r"^(?:[-–—•+]\s*|\d{1,4}(?:\.\d{1,2})*\s*[.)](?=\s|[^\W\d_]|\[\d)|[a-zđ]{1,2}\d?\)|[a-zđ]/\s"
    # "IV. TỔ CHỨC THỰC HIỆN", or glued to its title in capitals ("IV.TỔ CHỨC THỰC HIỆN"; not "V.I.Lênin", "C.Mác")
    rf"|[IVXLC]{{1,6}}[.)](?:\s|(?=[{UPPER_VI}]{{2}}))"
    # "2/ Bộ Quốc phòng ...": an item numbered with a slash, as some issuers and sites write it (not "15/2025/NĐ-CP")
    r"|\d{1,3}/\s+(?=[^\W\d_])"
    # "a. Chủ trì ...", as some issuers letter their points (not "p. Cống Vị", "h. Gia Lâm", "x. ...": a ward, a district),
    # a consolidated text's footnote mark perhaps first ("a. [34]" / "Binh chủng Công binh ban hành ...")
    rf"|[a-gđ]\.\s+(?=[{UPPER_VI}]|\[\d{{1,3}}\])"
    rf"|\((?:\d{{1,2}}|[a-zđ])\)\s+(?=[{UPPER_VI}])"  # "(1) Tỷ trọng kinh tế số ...": a point in brackets
    rf"|{ARTICLE_WORD}\s+\d+[a-z]?\s*(?:[.:]|$|(?=[A-ZĐ]){NOT_CITING})|{CHAPTER_WORD}\s+[IVXLC\d]|Mục\s+\d"
    r"|(?:Phần|PHẦN)\s+[IVXLC\d]"
    r"|Section\s+\d|\[\d+\]|Nơi\s+nhận|Kính\s+gửi|Số\s*:|KT\.|TM\.|TL\.|Q\.\s|TUQ\.|T/M|K/T|"
    r"PHỤ\s+LỤC|Phụ\s+lục\s+[IVXLC\d])"
)
# a dash and a lower-case word after a line that ends mid-sentence: the second half of a compound ("chính trị - xã
# hội", "kinh tế - xã hội", "dạy - học") the page wrapped at its dash; a dash bullet opens with a capital or follows
# a lead-in that ends with ":" or ";"
_DASH_WORD = re.compile(r"[-–]\s+([^\W\d_])")
_BARE_ENUMERATOR = re.compile(r"^(?:\d{1,4}(?:\.\d{1,2})*|[IVXLC]{1,6}|[a-zđ])\s*[.)]$")
# a line that is only a subgroup's label of a table ("II.1", "I.2.3"): it opens a block, as its group's title above
# ended one ("II" / "Giai đoạn 2028-2030" / "II.1" / "Cung cấp dịch vụ số ...")
_SUBGROUP_LABEL = re.compile(SUBGROUP_LABEL)
_SPLIT_ENUMERATOR = re.compile(r"^(?:\d{1,3}(?:\.\d{1,2})*|[IVXLC]{1,6}|[a-zđ])[.)]$")  # no year: "2025."
_BARE_NUMBER = re.compile(r"^\d{1,3}$")
_PAGE_NUMBER = re.compile(PAGE_NUMBER)
MAX_PAGE_NUMBER = 9  # "- 123 -"
# a cell of figures ("23", "33,33", "1.149", "-"): a number beside one is a cell of a flat table, not a page's number
_FIGURE_CELL = re.compile(r"[-–]|[-–]?\s*\d[\d.,]*\s*%?")
MAX_HEADER_LABELS = 12  # a task table's columns (a page may wrap a label over two lines)
MAX_SPLIT_ENUMERATOR = 8  # "1.2.3." or "XVIII.": longer lines are no number set apart (most lines: a length test)
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
_ORDINAL_NUMBER = re.compile(r"(?:\d|\b[IVXL]{1,5})$")  # "the 10", "the X" (th)
# words a page may wrap before the number they take ("Điều" / "1. Ban hành ...", "PHẦN" / "I. DANH MỤC ...")
_NUMBERED_WORDS = frozenset({"điều", "article", "phần", "part", "chương", "chapter", "mục", "section", "khoản",
                             "điểm", "point", "clause", "số", "no.", "năm", "tháng", "ngày"})
# alone on a line: the number is on the next (in capitals too: "ĐIỀU 1.", "CHƯƠNG I")
_ARTICLE_WORDS = frozenset(in_both_cases((*ARTICLE_WORDS, *CHAPTER_WORDS)))
_JOINING_WORDS = frozenset({*JOINING_WORDS, "bởi"})  # no sentence ends with one
_MOTTO_OPENERS = (*REPUBLIC, PARTY)
# an article's number and one of the standard titles, and nothing more: a line of its own in a text a page wrapped
_ARTICLE_OPENERS = in_both_cases(ARTICLE_WORDS)
_TITLED_ARTICLE = re.compile(ARTICLE_WORD + r"\s+\d+[a-z]?\s*[.:]\s*(?:"
                             + "|".join(re.escape(title) for title in ARTICLE_TITLES) + r")\s*[.:]?", re.I)
# a document type's name in capitals, alone on its line: the header's title, or the enacting word before the articles
_OWN_NUMBER_LINE = re.compile(OWN_NUMBER_LINE)
_DATELINE_END = re.compile(f"{PLACED_DATELINE_AT_END}|{UNPLACED_DATELINE_LINE}")
_TYPE_TITLES = frozenset(f"{name.upper()}{colon}" for types in (STATE_TYPES, NORMATIVE_TYPES, PARTY_TYPES)
                         for name in types.values() for colon in ("", ":"))
_LONGEST_TYPE_TITLE = max(map(len, _TYPE_TITLES))  # a length test before the set's (most lines are longer)
_ROMAN_START = re.compile(r"[IVXLC]{1,6}\b")
_SLOGANS = (SLOGAN, ENGLISH[1])  # the motto's second line: "Độc lập - Tự do - Hạnh phúc"
# how a sentence ends (./. and .) included); tested on a stripped line: str.endswith, not a regex search
_SENTENCE_ENDS = (".", ";", ":", "!", "?", "…", ".)", ";)")
MAX_TABLE_CELL = 600


def _rows(text: str) -> list[list[list[str]]]:
    """Group the lines of `text` into rows of cells; two pipes with nothing between end a row."""
    if "|" not in text:  # plain text: one row of one cell
        lines = text.split("\n")
        return [[lines]] if any(line.strip() for line in lines) else []
    # the text between two pipes is a cell: split at every pipe at once rather than line by line
    chunks = text.split("|")
    last = len(chunks) - 1
    cells = [_cell_lines(chunk, after_pipe=i > 0, before_pipe=i < last) for i, chunk in enumerate(chunks)]
    if _BLANK_CELL_IN_LINE.search(text):  # a regex scan first: most texts have no such cell
        for i in _blank_cells_within_lines(chunks):
            cells[i] = [""]
    rows: list[list[list[str]]] = [[cells[0]]]
    for i in range(1, len(cells)):
        if i > 1 and not cells[i - 1]:  # the pipe before this cell followed a pipe with nothing between
            rows[-1].pop()
            rows.append([cells[i]])
        elif chunks[i - 1][-1:] not in ("\n", "") and i < last and cells[i] \
                and _between_rows(chunks[i - 1], chunks[i], chunks[i + 1]):  # (a crawl's cells end with a line break)
            rows.extend(([cells[i]], []))  # text of its own; the next pipe opens a row
        else:
            rows[-1].append(cells[i])
    return [row for row in rows if any(any(s.strip() for s in c) for c in row)]


# two pipes with only blanks between, a cell with text after them on the same line
_BLANK_CELL_IN_LINE = re.compile(r"\|[ \t]*\|(?=[ \t|]*[^\s|])")


def _blank_cells_within_lines(chunks: list[str]) -> list[int]:
    """The blank chunks that are empty cells of a row written on one line ("| 1 | Rà soát ... | Sở Tư pháp |  | 2026 |",
    as PDF tables, DOCX and flat tables are written): a cell with text follows them on the same line. At a line's
    end two pipes with nothing between still end a crawl's row ("Chức vụ | |")."""
    found: list[int] = []
    run: list[int] = []  # blank chunks in a row on one line, after a cell of that line
    for i in range(1, len(chunks) - 1):
        chunk = chunks[i]
        if "\n" in chunk or chunks[i - 1][-1:] == "\n" and not run:
            run = []
        elif not chunk.strip():
            run.append(i)
        else:
            found.extend(run)
            run = []
    return found


def _between_rows(before: str, chunk: str, after: str) -> bool:
    """Whether `chunk` is text between two rows written one to a line ("| 1 | ... |" / "II" / "Phát triển hạ tầng" /
    "| 2.1 | ... |", as a PDF's tables are read): the pipe before it ends a line of cells and the pipe after it opens
    one. A crawl's cell stands on lines of its own between pipes that stand alone ("|" / "cell" / "|")."""
    inner = chunk.strip(" ")
    return inner[:1] == inner[-1:] == "\n" and before[-1:] != "\n" != after[:1] and bool(before.strip()) \
        and bool(after.strip())


def _cell_lines(chunk: str, *, after_pipe: bool, before_pipe: bool) -> list[str]:
    """The lines of the text between two pipes. Its first and last pieces share a line with a pipe
    ("Số: 09/2025/NĐ-CP |"): they count only when not blank; the lines between count whatever they hold."""
    lines = chunk.split("\n")
    if before_pipe and not lines[-1].strip():
        lines.pop()
    if after_pipe and lines and not lines[0].strip():
        del lines[0]
    return lines


# cells of the layout table that frames a document (header, addressees, signature), not data
# (how such a cell opens, what it holds anywhere: the motto, a telegram's "... điện:", a dateline at its end)
_LAYOUT_CELL_START = re.compile(r"Số\s*:|Kính\s+gửi|Nơi\s+nhận|KT\.|TM\.|TL\.")
_LAYOUT_CELL_TEXT = re.compile(opened_by(r"CỘNG\s+HÒA\s+XÃ\s+HỘI|\bđiện\s*:|" + PLACED_DATELINE_AT_END, "Cđ,"))


def _is_table_row(cells: list[str]) -> bool:
    filled = [c for c in cells if c]
    if len(filled) < 3 or max(map(len, cells)) > MAX_TABLE_CELL:
        return False
    return not any(_LAYOUT_CELL_START.match(c) or _LAYOUT_CELL_TEXT.search(c) for c in cells)


_ROW_NUMBER_HEADER = re.compile(rf"^{ROW_NUMBER_LABEL}$")


def _opens_header(line: str) -> bool:
    """A line that is only the row-number column's label ("STT", "TT"): a table's header opens there."""
    return len(line) <= MAX_SPLIT_ENUMERATOR and bool(_ROW_NUMBER_HEADER.match(line))


def _cell_text(cell: list[str]) -> str:
    """The cell's lines (of a squeezed text: see _paragraphs) as one line; strip() stands for split-join."""
    return " ".join(filter(None, map(str.strip, cell)))


def _longer_than(cell: list[str], limit: int) -> bool:
    """Whether ``len(_cell_text(cell)) > limit``, reading the cell's lines only as far as it takes."""
    if sum(map(len, cell)) + len(cell) - 1 <= limit:
        return False  # not even with every blank kept
    size = -1  # the words and the single spaces between them
    for line in cell:
        words = line.split()
        size += sum(map(len, words)) + len(words)
        if size > limit:
            return True
    return False


def _table_cells(row: list[list[str]]) -> tuple[int, list[str]]:
    """(index of the first cell of the real table row at the end of `row`, the texts of the cells from
    there); (len(row), []) when the row holds no table row.

    A crawl runs the text before a table (even the whole body) into the table's first row, so the
    table is the trailing run of short cells; an "STT" header cell marks where it starts. Only those
    cells are joined into text: the long cell before them may be most of the document.
    """
    k = len(row)
    tail: list[str] = []  # the trailing short cells' texts, last first
    while k > 0 and not _longer_than(row[k - 1], MAX_TABLE_CELL):
        tail.append(_cell_text(row[k - 1]))
        k -= 1
    cells = tail[::-1]
    if len(cells) < 3 or not _is_table_row(cells):
        return len(row), []
    if k == 0:
        return 0, cells  # the whole row is a table row
    for i in range(len(cells) - 1, -1, -1):
        if _ROW_NUMBER_HEADER.match(cells[i]):
            return k + i, cells[i:]
    return k, cells


PAGE_LINE = 130  # characters: a page's line holds 90 to 120; a longer one is a paragraph kept on one line


def _wrap_width(lines: list[str]) -> int:
    # a table's row on one line ("| 1 | ... |", as the PDF reader and other tools write them) is as long as its cells,
    # not as the page is wide: where the lines of text alone are a page's width, the text was wrapped to it
    long_lines = [s for s in lines if len(s) > 20 and len(s.strip()) > 20]  # strip only the long ones
    text_width = _percentile([len(s) for s in long_lines if "|" not in s])
    return text_width if text_width <= PAGE_LINE else _percentile([len(s) for s in long_lines])


def _percentile(lengths: list[int]) -> int:
    """The 90th percentile of the long lines' lengths."""
    lengths.sort()
    return lengths[int(len(lengths) * 0.9)] if lengths else 80


def _starts_lower(line: str) -> bool:
    """Lower case, a digit or closing punctuation: the line cannot open a new block by itself."""
    first = line.lstrip()[:1]
    return first.islower() or first.isdigit() or first in ",;)%"


def _joins(prev: str, line: str, wrap: int) -> bool:
    """Whether `line` continues the paragraph that `prev` ended (a hard wrap, not a new block)."""
    if prev in _ARTICLE_WORDS:  # "**Điều\n4.** Thủ trưởng ...", "Chương\nII": a page wrapped the number
        # (in capitals the word may open a title the page wrapped: "ĐIỀU" / "KHOẢN THI HÀNH")
        return line[:1].isdigit() or bool(_ROMAN_START.match(line)) or prev.isupper() and line.isupper()
    titled = prev.startswith(_ARTICLE_OPENERS) and _TITLED_ARTICLE.fullmatch(prev)
    if not titled and not _continues(prev.rstrip(), line, wrap):
        return False  # most lines open a block of their own: the tests below could only say so too
    if line in _ARTICLE_WORDS:
        return False  # "(Có Phụ lục đính kèm)" then "**Điều" / "2. **Sở ...": the word opens the next article
    if _opens_header(line):
        return False  # "STT", "TT": a table's header opens (its labels follow, one to a line)
    if line.startswith(_MOTTO_OPENERS):
        return False  # the header's two columns one after the other: the issuer's lines, then the motto's
    if line[:1] == "(" and ATTACHMENT_CAPTION.match(line):
        return False  # "OVERALL STRATEGY for ... toward 2030" then "(Promulgated together with ... Decision No. 40/QD-TTg"
    if prev.startswith(_SLOGANS):
        return False  # the motto's last line ("Độc lập - Tự do - Hạnh phúc"): a line of its own, whatever follows
    if titled:
        return line[:1].islower()  # "Điều 2. Nhiệm vụ và quyền hạn" then "Bộ Nội vụ thực hiện ...": the title ends there
    if len(line) <= _LONGEST_TYPE_TITLE and line in _TYPE_TITLES and not prev.isupper():
        # "QUYẾT ĐỊNH" after the dateline, "QUYẾT ĐỊNH:" after the last recital: a block of its own (but "VII. CHẾ ĐỘ" /
        # "BÁO CÁO" is a heading wrapped)
        return False
    if line[:1] in "-–" and (dashed := _DASH_WORD.match(line)) and dashed.group(1).islower():
        return True  # "các tổ chức chính trị" / "- xã hội thuộc Thành phố": a compound the page wrapped at its dash
    # a line that opens with an enumerator starts a block whatever `prev` says; the regex goes last, as
    # the dear test that most lines need not reach
    return not _ENUMERATOR.match(line) and not _SUBGROUP_LABEL.fullmatch(line)


def _continues(prev: str, line: str, wrap: int) -> bool:
    """Whether `line` reads as the rest of `prev`'s paragraph, leaving enumerators aside."""
    if prev[-1:] in ".)" and _BARE_ENUMERATOR.match(prev):  # how a bare enumerator ends: a cheap test first
        return True  # "1." on a line of its own, its text on the next
    if prev.endswith(_SENTENCE_ENDS):
        # a colon the page wrapped after ("... các vấn đề còn tồn đọng như:" / "tài sản công dôi dư, ...") runs on into a
        # word in lower case; what a colon lists opens with a mark, a capital or a figure
        return _starts_lower(line) and not prev.endswith((";", "./.")) and (prev[-1] != ":" or line[:1].islower())
    if _starts_lower(line) or prev.endswith((",", "-", "–", "&")):
        return True
    if prev.isupper():
        return line.isupper()  # a title wrapped over several lines, but not the text after it
    if wrap > 200:
        return False  # the source had one paragraph per line
    if prev[:1] == "S" and _OWN_NUMBER_LINE.match(prev) or prev[-4:].isdigit() and _DATELINE_END.search(prev):
        return False  # "Số: 1948/QĐ-UBND", "Cao Bằng, ngày 18 tháng 11 năm 2025": header cells, each a block of its own
    # an unpunctuated line in hard-wrapped text is a wrap: headings of such sources end with ":",
    # are in capitals, or stand before a blank line or an enumerator (both break a paragraph anyway)
    return True


def _runs_on_after_blank(current: list[str], lines: list[str], i: int) -> bool:
    """Whether the paragraph `current` goes on past the blank line lines[i]: it stopped mid-sentence, and the next line
    opens in lower case, which no block does, or the paragraph's last word joins it to what follows, or the paragraph is
    a dash item and the next line ends as the list's items do (a PDF's text tool set a blank line between the lines of
    one paragraph: "Căn cứ Nghị định số 26/2025/NĐ-CP của Chính phủ quy định chức năng," / "" / "nhiệm vụ, quyền hạn và
    cơ cấu tổ chức ..."; "- Phó Chủ tịch Ủy ban Trung ương Mặt trận tổ quốc Việt Nam, Chủ tịch" / "" / "Tổng Liên đoàn
    lao động Việt Nam;")."""
    prev = current[-1]
    if prev.endswith(_SENTENCE_ENDS):
        return False
    for line in lines[i + 1:i + 3]:
        if line.strip():
            line = line.strip()
            if _ENUMERATOR.match(line):
                return False  # an item or a point "a)" opens a block
            return line[:1].islower() or prev.rsplit(None, 1)[-1] in _JOINING_WORDS \
                or current[0][:1] in "-–" and line.endswith(";")
    return False


def _split_enumerator(lines: list[str], i: int) -> int:
    """How many lines an item's number takes when the page set it apart from its text, which opens with a capital
    on the next line: "1." (1 line), or "6" then "." (2 lines; English pages of the national legal database);
    0 when lines[i] is no such number. A year ending a wrapped sentence ("... trong tháng 11 năm" / "2025.") is
    none: a number of four digits is not taken."""
    number = lines[i].strip()
    taken = 1
    if _BARE_NUMBER.match(number) and i + 1 < len(lines) and lines[i + 1].strip() in (".", ")"):
        number, taken = number + lines[i + 1].strip(), 2
    if not _SPLIT_ENUMERATOR.match(number) or i + taken >= len(lines):
        return 0
    after = lines[i + taken].strip()
    return taken if after[:1].isupper() else 0


# "Kính gửi: Thuế tỉnh Ninh Bình" then "Cục Thuế nhận được công văn số ...": a letter's body opens after its addressee,
# whose line may lack the closing full stop. It opens with the ground of the letter ("Trả lời công văn ...", "Thực hiện
# Công văn số ...", "Căn cứ ...", "Xét đề nghị ...", "Ngày 30/6/2025, ...") or with its sender asking or answering ("Bộ
# Tài chính đề nghị ...", "Ủy ban nhân dân Thành phố yêu cầu ..."); an addressee's name wrapped onto the next line
# ("Trung ương", "Sở Nội vụ") or its address ("(Đ/c: ...)") does neither
ADDRESSEE_WORDS = "Kính gửi"
LETTER_BODY = re.compile(
    r"(?:Trả\s+lời\s+(?:công\s+văn|văn\s+bản|đơn)|Thực\s+hiện|Căn\s+cứ|Xét|Tiếp\s+theo|Ngày\s+\d"
    rf"|[{UPPER_VI}][^\s,.;:]*(?:\s+[^\s,.;:]+){{0,7}}?\s+(?:đã\s+)?"
    r"(?:nhận\s+được|đề\s+nghị|yêu\s+cầu|có\s+ý\s+kiến|thông\s+báo|trân\s+trọng))\b")


def _paragraphs(lines: list[str], wrap: int) -> list[str]:
    """The paragraphs of a cell's lines, which come from a squeezed text (``squeeze_lines``): only the
    ends of a line's part between table pipes may still hold a space, so strip() stands for split-join."""
    paragraphs: list[str] = []
    current: list[str] = []
    skip = 0
    glued = False  # the line before was an ordinal's suffix: this one goes on the same run of text
    labels = 0  # in a table's header, its labels one to a line ("STT" / "Tên nhiệm vụ" / "Cơ quan chủ trì"): how many more
    for i, line in enumerate(lines):
        if skip:
            skip -= 1
            continue
        stripped = line.strip() if line else ""
        if stripped in _ORDINAL_SUFFIXES and current and _ORDINAL_NUMBER.search(current[-1]):
            # "the 10" / "th" / "Party Central Committee’s 4" / "th" / "plenum ...": a superscript the page set on
            # a line of its own; the number, its suffix and the words after it are one run of text
            current[-1] += stripped
            glued = True
            continue
        if glued:
            if not stripped:
                continue  # a blank line after the suffix (BeautifulSoup's text of a page: "XIII" / "th" / "\u00a0" / ...)
            glued = False
            current[-1] += " " + stripped
            continue
        if stripped and len(stripped) <= MAX_SPLIT_ENUMERATOR and (taken := _split_enumerator(lines, i)) and current \
                and current[-1].rsplit(None, 1)[-1].casefold() not in _NUMBERED_WORDS:
            # an item's number starts a block, whatever is above it (unless "Điều" / "PHẦN" wrapped before it)
            paragraphs.append(" ".join(current))
            current = ["".join(part.strip() for part in lines[i:i + taken])]
            skip = taken - 1
            continue
        if stripped and len(stripped) <= MAX_PAGE_NUMBER and (page := _PAGE_NUMBER.fullmatch(stripped)) \
                and len(page.group(1)) <= 3 and current \
                and current[-1].rsplit(None, 1)[-1].casefold() not in _NUMBERED_WORDS \
                and i + 1 < len(lines) and lines[i + 1].strip() \
                and not _FIGURE_CELL.fullmatch(lines[i + 1].strip()) and not _FIGURE_CELL.fullmatch(lines[i - 1].strip()):
            # (an item's number set apart was read above) a number alone on a line between two lines of text, that no
            # word before it takes ("khoản" / "3"): a page number the text kept where the page cut a sentence; at the
            # end of a paragraph or a cell it is the text's ("Tỷ lệ đạt dưới 95%:" / "0")
            continue
        if not stripped or stripped[0] in _SEPARATOR_OPENERS and _SEPARATOR.match(stripped):
            if len(current) == 1 and _BARE_ENUMERATOR.match(current[0]):
                continue  # "1." alone, its text after a blank line: keep them together
            if current and not stripped and _runs_on_after_blank(current, lines, i):
                continue
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if labels and len(stripped) > MAX_HEADER_LABEL:
            labels = 0  # the header has ended: a row's text
        if current and not labels and _joins(current[-1], stripped, wrap) \
                and not (current[0].startswith(ADDRESSEE_WORDS) and LETTER_BODY.match(stripped)):
            current.append(stripped)
        else:
            if current:
                paragraphs.append(" ".join(current))
            current = [stripped]
            # the row-number column's label opens a header: its labels stand apart even where lines wrap, for the
            # task tables to read them above the first row
            if _opens_header(stripped):
                labels = MAX_HEADER_LABELS
            elif labels:
                labels -= 1
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


# a locality word glued to the place's name ("Ủy ban nhân dân tỉnhThái Nguyên", "các phườngThủy Xuân"), as a page's
# markup left it: the space goes back, so the body and its place are read as written. The tiers of 2025 (districts are
# gone), one pattern a word: each opens with its word, which re finds as fast as str.find (one alternation with a
# look-behind cost normalise a fifth of its time; these three passes cost it about 3%)
_GLUED_PLACES = tuple(re.compile(rf"{word}(?=[{UPPER_VI}][a-zà-ỹđ])") for word in ("tỉnh", "xã", "phường"))


def _unglue_places(text: str) -> str:
    for glued in _GLUED_PLACES:
        text = glued.sub(_spaced_after_word, text)
    return text


def _spaced_after_word(m: re.Match[str]) -> str:
    """The locality word and a space, where it is a word of its own ("tỉnh", not the end of "Tỉnh" in another word)."""
    return m.group() if m.start() and m.string[m.start() - 1].isalnum() else m.group() + " "


def normalise(raw: str, *, strip_site_furniture: bool = True) -> str:
    text = repair_ocr_words(_unglue_places(normalise_characters(raw)))
    if strip_site_furniture:
        text = strip_furniture(text)  # with a PDF's running heads, before the pages they head are joined
    text = join_pages(text, _starts_lower)
    text = frame_markdown_tables(clean_markdown(text))
    wrap = _wrap_width(text.split("\n"))  # on the lines as they came: blanks count in their lengths
    text = squeeze_lines(rebuild_flat_tables(text))
    out: list[str] = []
    for row in _rows(text):
        # a row of one or two cells is plain text (often the whole body), never a table row
        lead, cells = _table_cells(row) if len(row) >= 3 else (len(row), [])
        for cell in row[:lead]:
            out.extend(_paragraphs(cell, wrap))
        if lead < len(row):
            while cells and not cells[0]:
                cells.pop(0)  # the opening pipe of a row, not a cell
            while cells and not cells[-1]:
                cells.pop()
            out.append(" | ".join(cells))
    return "\n".join(p for p in out if p.strip()) + "\n"
