"""Provisions a text quotes: a letter that answers a query cites the rules that apply ("Tại khoản 1 Điều 60 Thông tư
80/2021/TT-BTC ... hướng dẫn:") and quotes them, point by point or between quotation marks. They are rules, not work the
document gives; the walk (obligations.py) asks ``QuotationTracker`` of each paragraph whether it stands in one. The
new wording a text's own amendment gives between quotation marks ("Sửa đổi điểm a khoản 1 Điều 15 như sau:" then
"“a) ...") is that text's own rules: ``amendment`` says where it starts.
"""

from __future__ import annotations

import re

from pipeline.extract.obligation_walk import TaskReader
from pipeline.knowledge.patterns import LEGAL_TEXTS
from pipeline.segment.segmenter import Block

# a paragraph that quotes a provision of another document: "Tại khoản 1 Điều 60 Thông tư 80/2021/TT-BTC ...
# hướng dẫn:", "Theo quy định tại Điều 18 Nghị định số 103/2024/NĐ-CP:"
QUOTE_MARKS = "\"“‘'«”’»"
# a quoted provision, not a quoted slogan ("“mỗi người làm việc bằng hai”")
QUOTED_PROVISION = re.compile(r"\s*[\"“‘«]\s*(?:Điều\s+\d|Khoản\s+\d|Chương\s|\d{1,3}\.\s|[a-zđ]\)\s)")
# "Tại khoản 3 Điều 18 Nghị định ...", "Căn cứ quy định tại khoản 1, khoản 2 Điều 50 Nghị định ...", "Điều 86 Luật Hải quan
# số 54/2014/QH13 quy định ...": a letter that answers a query cites the rules it applies
CITES_PROVISION = re.compile(r"\s*(?:(?:Tại|Căn\s+cứ(?:\s+vào)?(?:\s+quy\s+định\s+tại)?|Theo\s+quy\s+định\s+tại)\s+(?:điểm|khoản|Điều|Mục)\s"
                             rf"|(?:[Đđ]iểm\s+\S+\s+)?(?:[Kk]hoản\s+\d+\s+)?Điều\s+\d+\w?\s+(?:của\s+)?(?:{LEGAL_TEXTS})\b)")
# a quotation runs from its opening mark to its closing one, whatever points and paragraphs it holds
OPENING_QUOTES, CLOSING_QUOTES = "“«\"", "”»\""
QUOTE_REACH = 20_000  # characters: a closing mark the page lost does not make the rest of the text a quotation
# what follows a quoted provision: the letter's own conclusion or request
QUOTE_ENDS = re.compile(r"\s*(?:Đề\s+nghị|Giao|Yêu\s+cầu|Căn\s+cứ\s+(?:các\s+)?(?:quy\s+định|hướng\s+dẫn)\s+(?:nêu\s+)?trên"
                        r"|Trên\s+cơ\s+sở)", re.I)
# this text's own amending instruction, on the line before the new wording it gives between quotation marks: that wording
# is this text's own rules, not a provision it quotes ("Điều 10. Sửa đổi, bổ sung Điều 22" then "“Điều 22. Trách nhiệm
# của ...", "6. Sửa đổi điểm a khoản 1 Điều 15 như sau:" then "“a) Ủy ban nhân dân cấp tỉnh có trách nhiệm ..."; its item
# numbered "1/" as some issuers write it)
AMENDING_INSTRUCTION = re.compile(r"[^\S\n]*(?:Điều\s+\d+[a-zđ]?\s*[.:]\s*|\d{1,3}(?:\.\d{1,3})*[./]\s*|[a-zđ]\)\s*)?"
                                  r"(?:Sửa\s+đổi|Bổ\s+sung|Thay\s+thế)\b[^\n]*(?:như\s+sau\s*:|(?:Điều|khoản|điểm)\s+\d+[a-zđ]?)\s*")
# the opening of the new wording: its quotation mark, and the article, clause or point it numbers ("“Điều 22.", "“2a.",
# "“a)"), which this text's own structure does not number (the instruction's article and item do)
AMENDED_OPENING = re.compile(r"\s*[\"“«]\s*(?:(?P<article>Điều\s+\d+[a-zđ]?\s*[.:])|\d{1,3}[a-zđ]?\.|[a-zđ]\))?\s*")
QUOTES_RULES = re.compile(r"^\s*(?:Tại|Theo|Căn\s+cứ|Theo\s+quy\s+định\s+tại)\s+(?:quy\s+định\s+tại\s+)?(?:điểm|khoản|Điều|Mục"
                          r"|Chương|Phụ\s+lục|Nghị\s+định|Thông\s+tư|Luật|Bộ\s+luật|Quyết\s+định|Nghị\s+quyết)\b.*"
                          r"(?:quy\s+định|hướng\s+dẫn)[^:]{0,60}:\s*$", re.I)


class QuotationTracker(TaskReader):
    """Whether a block stands in a provision the text quotes; where a quotation is open is the walk's state."""

    def quoted(self, block: Block) -> bool:
        """Whether the block opens or continues a legal provision the text quotes (rules, not work this
        document gives)."""
        content = self.text[block.content_start:block.span[1]]
        walk = self.walk
        if block.span[0] < walk.quote_open_until:  # a paragraph inside the quotation ("Trường hợp ...") too
            if _closes_quotation(content, 0):
                walk.quote_open_until = -1
            return True
        # QUOTES_RULES ends with ':': a block without one is not tried
        if ":" in content and QUOTES_RULES.search(content) or CITES_PROVISION.match(content) \
                or QUOTED_PROVISION.match(content) \
                or walk.quoting and not QUOTE_ENDS.match(content) and (block.enum or content.lstrip()[:1] in QUOTE_MARKS):
            # "- Tại khoản 1 Điều 106 ... quy định:", '"Điều 18. Miễn tiền sử dụng đất', the provision's points
            walk.quoting = True
            opening = content.lstrip()[:1]
            if opening in OPENING_QUOTES and not _closes_quotation(content, 1):
                walk.quote_open_until = block.span[1] + QUOTE_REACH
            return True
        walk.quoting = False
        return False

    def amendment(self, block: Block) -> tuple[int, bool] | None:
        """Where the new wording starts in a block that opens it between quotation marks right after this text's own
        amending instruction, and whether it opens an article ("“Điều 22. Trách nhiệm của ..."); None for other blocks."""
        if block.enum is not None or self.text[block.content_start:block.content_start + 1] not in OPENING_QUOTES:
            return None
        if AMENDING_INSTRUCTION.fullmatch(self.text, self.doc.line_before(block), block.span[0]) is None:
            return None
        opening = AMENDED_OPENING.match(self.text, block.content_start, block.span[1])
        return (opening.end(), opening.group("article") is not None) if opening else None


def _closes_quotation(content: str, after: int) -> bool:
    """Whether a closing quotation mark stands in the block (after its opening mark, if it has one)."""
    rest = content.lstrip()[after:]
    return any(mark in rest for mark in CLOSING_QUOTES)
