"""Who a clause names: the bodies at its head (its grammatical subject), its partners and whom it reports to,
read by the obligation walk (obligations.py) through one ``SubjectReader`` per document.

The reader also knows the bodies a document is about without naming them in a clause: the province of a conclusion
notice of a working session, the body whose remit a regulation sets out, the full name a document shortens, and the
provinces a text defines as its "các tỉnh, thành phố".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from pipeline.extract.agencies import AgencyMention, AgencyRegistry
from pipeline.extract.cue_index import CueIndex
from pipeline.extract.obligation_cues import INNER_OPENER, INNER_OPENERS, cues, words
from pipeline.extract.obligation_deadlines import CASE_CLAUSE
from pipeline.extract.subject_openers import subject_openers
from pipeline.knowledge.patterns import UPPER_VI
from pipeline.segment.segmenter import Segmentation

CHAIN_REACH = 600  # characters: how far after a cue or a clause's start its list of bodies may run
RELATED = re.compile(r"\s*(?:có\s+)?liên\s+quan|\s*(?:concerned|relevant)\b", re.I)
# the nouns that name bodies by what they are, not who: "các cơ quan, đơn vị, địa phương", "các ngành, tổ chức"
_GENERIC_NOUNS = r"cơ\s+quan|đơn\s+vị|địa\s+phương|ngành|tổ\s+chức"
# a class named by its tier of government ("Ủy ban nhân dân các xã, phường", "Sở Y tế các tỉnh, thành phố trực thuộc Trung
# ương"): a definite class, which a "..., đơn vị liên quan" after it does not narrow ("phối hợp với các cơ quan, UBND các
# xã, phường, đơn vị liên quan": the communes are partners; "các sở, ngành, đơn vị có liên quan" names nobody)
TIERED_CLASS = re.compile(r"\b(?:các|cấp)\s+(?:xã|phường|tỉnh|huyện|quận)\b", re.I)
# "các sở, ngành, cơ quan liên quan": more generic nouns may stand between a group and its "liên quan"
RELATED_AFTER = re.compile(rf"(?:\s*,?\s*(?:các\s+)?(?:{_GENERIC_NOUNS}|agencies|units|localities))*(?:{RELATED.pattern})",
                           re.I)
# "phối hợp các lực lượng và UBND các xã, phường", "phối hợp với các sở, cơ quan liên quan, Ủy ban nhân dân các xã,
# phường": partners named by no body (RELATED) may stand in a partners' list before those it names
GENERIC_PARTNERS_GAP = re.compile(
    rf"[\s,]*(?:(?:các\s+)?(?:{_GENERIC_NOUNS}|lực\s+lượng|sở|ban|bộ)[\s,]*(?:và\s+)?)+"
    r"(?:(?:có\s+)?liên\s+quan)?[\s,]*(?:và\s+)?")
# "làm việc với lãnh đạo tỉnh Sơn La": the province a conclusion notice of a working session is about
SESSION_WITH = re.compile(
    r"làm\s+việc\s+(?:với|tại)\s+(?:lãnh\s+đạo\s+|Ban\s+Thường\s+vụ\s+|Thường\s+trực\s+)?(?:Tỉnh\s+ủy,?\s+)?"
    r"(tỉnh|thành\s+phố)\s+((?:[A-ZĐÂĂÊÔƠƯ][\wÀ-ỹ]*)(?:\s+[A-ZĐÂĂÊÔƠƯ][\wÀ-ỹ]*){0,3})")
# "bao gồm các tỉnh, thành phố trực thuộc Trung ương: Hà Tĩnh, ..., Lâm Đồng (sau đây gọi tắt là các tỉnh, thành phố)"
DEFINED_PROVINCES = re.compile(r"tỉnh,\s*thành\s+phố(?:\s+trực\s+thuộc\s+[Tt]rung\s+ương)?\s*:\s*(?P<list>[^():;\n]{3,300}?)"
                               r"\s*\(\s*(?:sau\s+đây\s+)?gọi\s+(?:tắt\s+|chung\s+)?là\s+(?:các\s+)?tỉnh,\s*thành\s+phố\s*\)")
# "đã làm việc với thường trực Tỉnh ủy, Ủy ban nhân dân các tỉnh: Đắk Lắk, Gia Lai, Khánh Hòa và Lâm Đồng về công tác
# ...": the provinces a conclusion notice of a working session with several is about
SESSION_PROVINCES = re.compile(r"làm\s+việc\s+(?:với|tại)\s[^.:;]{0,80}?(?:Ủy\s+ban\s+nhân\s+dân|UBND)\s+các\s+tỉnh"
                               r"(?:,\s*thành\s+phố)?\s*:\s*(?P<list>[^():;.\n]{3,300}?)\s+(?:về|để|nhằm)\s")
# "Ủy ban nhân dân các tỉnh, thành phố nêu tại Điều 1 căn cứ ...", "... có tên tại Phụ lục": the provinces the text lists
# (its appendix's table: "1 | TUYÊN QUANG | 152.100")
NAMED_PROVINCES = re.compile(r"(?:Ủy\s+ban\s+nhân\s+dân|UBND)\s+các\s+(?:tỉnh,?\s+thành\s+phố|địa\s+phương)\s+"
                             r"(?:nêu\s+tại|có\s+tên\s+(?:tại|trong)|nêu\s+trên|(?:tại|trong)\s+(?:Phụ\s+lục|danh\s+sách))")
TABLE_ROW = re.compile(r"^.* \| .*$", re.M)
# the same table as a PDF's text layer gives it, without its rules: a cell a line, or a place and its figures on one
# ("TUYÊN QUANG" / "152.100", "THÁI NGUYÊN 100.100")
FLAT_PLACE_LINE = re.compile(r"^(?P<place>[^\W\d_][^\d|\n]{1,38}?)(?:[ \t]+[\d.,]+)*[ \t]*$", re.M)
# a class name -> the prefix of the specific bodies that stand for it when the addressees name them
CLASS_PREFIX = {
    "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương": "Ủy ban nhân dân t",
    "Tỉnh ủy, Thành ủy các tỉnh, thành phố trực thuộc Trung ương": "T",
}
TOPIC = re.compile(r"\s*(?:(?:Về|Đối\s+với|Regarding)\s[^:.;]{0,250}:|(?:Bước|Step)\s+\d{1,2}\s*:[\s:]*|(?:Trong\s+thời\s+gian\s+tới|Thời\s+gian\s+tới"
                   r"|Đồng\s+thời|Trên\s+cơ\s+sở\s+đó|Theo\s+đó|Trước\s+mắt|Bên\s+cạnh\s+đó|Tiếp\s+theo|In\s+particular)\s*,"
                   # a leading adverbial up to the comma before the capitalised subject: "Trên cơ sở đề nghị của
                   # các Bộ, cơ quan liên quan, Bộ Tài chính ...", "Based on the above tasks ..., ministers ..."
                   # ("Căn cứ nội dung Kế hoạch và tình hình thực tiễn, các sở, ban, ngành ... xây dựng ...")
                   r"|(?:Trên\s+cơ\s+sở|Căn\s+cứ\s+(?:vào\s+|theo\s+)?(?:tình\s+hình|kết\s+quả|đề\s+nghị|báo\s+cáo|ý\s+kiến|khả\s+năng"
                   r"|nhu\s+cầu|chức\s+năng|điều\s+kiện|nội\s+dung|[Kk]ế\s+hoạch\s+này|dự\s+toán|quy\s+định)|Based\s+on|Depending\s+on|Accordingly"
                   r"|In\s+order\s+to)"  # ("..., in order to ... implement Directive No. 30, the Provincial ...")
                   rf"(?:[\s,](?:No\.|[^.;:]){{0,300}}?)??,\s*(?=[{UPPER_VI}]|các\s|ministers|heads|chairm|the\s|localities\s)"
                   # the case it is for: "Đối với hồ sơ TTHC ..., Trung tâm Phục vụ hành chính công tỉnh ..."
                   rf"|{CASE_CLAUSE}"
                   # a purpose clause before a class of bodies: "Để nâng cao hiệu lực, ..., các Sở, ngành, UBND cấp xã ... triển
                   # khai" (before a named body it is mostly who asks: "Để ..., Thủ tướng Chính phủ yêu cầu ..."); the clause
                   # never runs over a request: "Để ..., Thủ tướng Chính phủ yêu cầu các Bộ, các ngành, ...:" asks the Bộ
                   rf"|Để\s(?:(?!(?:{words(INNER_OPENERS)})\s)[^.;:]){{0,300}}?,\s*(?=các\s)"
                   # the date the work is due by, before its subject: "Chậm nhất đến ngày 01 tháng 7 năm 2027, các Bộ, ngành ..."
                   rf"|(?:Chậm\s+nhất|(?:Trước|Từ|Kể\s+từ)\s+ngày)\s[^.;:,]{{0,60}},\s*(?=[{UPPER_VI}]|các\s)"
                   # when or how often, before the subject: "Hằng năm, Sở Nội vụ ...", "Trong thời hạn 15 ngày sau khi ...,
                   # Sở Nội vụ ... có trách nhiệm ...", "Sau khi ..., Bộ Tài chính khẩn trương ...", "Annually, ...". The
                   # clause names no one ("Sau khi nghe báo cáo của Bộ Khoa học và Công nghệ, Bộ Công an, ..." is who
                   # reported, and its first comma no end): a capitalised word other than a Roman numeral ends the try, and a
                   # condition ("Trong quá trình thực hiện, nếu có khó khăn, ...") is FEEDBACK_CONDITION's
                   rf"|(?:(?:Hằng|Hàng)\s+(?:năm|quý|tháng|tuần)|Định\s+kỳ|Trong\s+(?:thời\s+hạn|vòng|quý|tháng|năm|tuần|quá\s+trình)"
                   rf"|Sau\s+khi"
                   rf"|Annually|Every\s+year|Periodically|Within)\b"
                   rf"(?:(?!\s(?![IVX]+\b)[{UPPER_VI}]|\s(?:nếu|trường\s+hợp)\s)[^.;:]){{0,200}}?,\s*"
                   rf"(?=[{UPPER_VI}]|các\s|ministries|provincial))\s*")
# the issuer asking in its own text ("Bộ Nội vụ đề nghị ...", "Chính phủ trân trọng đề nghị ...", "Thủ tướng Chính phủ
# yêu cầu ...")
ISSUER_ASKS = re.compile(r"\s*(?:trân\s+trọng\s+)?(?:đề\s+nghị|yêu\s+cầu|giao)\s+")
# any body's demand ("Ủy ban nhân dân tỉnh yêu cầu Sở Nội vụ ..."); another body's "đề nghị" is mostly a proposal upward
# ("Bộ Tài chính đề nghị Thủ tướng Chính phủ ..."), and is read as a request in the issuer's own words only
BODY_DEMANDS = re.compile(r"\s*yêu\s+cầu\s+")
# In a report of what a body said or asked (a press report, a translation), the speaker is not the actor:
# - it says ("The Prime Minister said that ...", "Prime Minister Pham Minh Chinh noted that when drafting documents,
#   ministries and branches must review ..."): the reported clause's own subject acts, after an adverbial that may open it;
# - it asks others ("the Provincial People's Committee requests the Department of Home Affairs to ...", "... requests
#   Party committees at all levels, ... to focus on ..."): those asked act, a class of them naming no body;
# - it asks for something done and names no one ("Prime Minister requests to strengthen discipline ..."): no actor at all
#   (ANNOTATION.md). An office's holder may be named after it ("Prime Minister Pham Minh Chinh").
_HOLDER = r"(?:\s+[A-Z]\w*){0,4}?"
SPEAKER_SAYS = re.compile(rf"{_HOLDER}\s+(?:said|says|noted|notes|stressed|stresses|emphasi[sz]ed|emphasi[sz]es"
                          r"|affirmed|affirms|pointed\s+out|points\s+out)\s+(?:that\s+)?"
                          r"(?:(?:when|while|after|before|during|in|for|as|if)\b[^,.;:]{0,120},\s*)?")
SPEAKER_ASKS = re.compile(r"\s+(?:requests|requested|asks|asked|requires|required)\s+(?!to\s)")
SPEAKER_ASKS_NOBODY = re.compile(rf"{_HOLDER}\s+(?:requests|requested|asks|asked)\s+to\s")
# an application that asks a body, the subject of its own sentence: "Hồ sơ đề nghị Bộ Văn hóa, Thể thao và Du lịch xem
# xét, trình ...", "Văn bản của tổ chức tín dụng phi ngân hàng đề nghị Ngân hàng Nhà nước chấp thuận ...": what the file
# asks for (a procedure's contents), not a request of this text
APPLICATION_ASKS = re.compile(r"\W*(?:\d{1,3}\.\s+|[a-zđ]\)\s+)?(?:Hồ\s+sơ|Văn\s+bản|Đơn|Tờ\s+trình)\b[^.;:,]{0,80}?"
                              r"\bđề\s+nghị\s+", re.I)
# the closing feedback clause of plans and decisions: "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ
# quan, đơn vị, địa phương phản ánh về ...", "..., trường hợp có vướng mắc hoặc phát sinh ..., Sở Nội vụ phối hợp ...":
# the condition goes before the clause's subject (a body, a generic actor, or "đề nghị" and its addressees)
FEEDBACK_CONDITION = re.compile(
    r"\s*(?:Trong\s+quá\s+trình\s[^.;:]{0,80}?,?\s+)?(?:[Nn]ếu|[Tt]rường\s+hợp)\s[^.;:]{0,120}?"
    r"(?:vướng\s+mắc|khó\s+khăn|bất\s+cập|phát\s+sinh|cần\s+(?:sửa\s+đổi|bổ\s+sung|điều\s+chỉnh))[^.;:]{0,160}?"
    # ("..., yêu cầu nhiệm vụ, Sở Nội vụ ...": without a comma only "đề nghị" is the request)
    rf"(?:,\s*|\s+(?=đề\s+nghị\s|[{UPPER_VI}]))(?=các\s|đề\s+nghị\s|yêu\s+cầu\s|[{UPPER_VI}])")
FEEDBACK_OPENERS = ("Trong", "Nếu", "nếu", "Trường", "trường")
# "QUY ĐỊNH CHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN VÀ CƠ CẤU TỔ CHỨC CỦA SỞ TƯ PHÁP": a regulation of one body's remit; its
# article "Nhiệm vụ và quyền hạn" lists that body's duties without naming it again
REMIT_TITLE = re.compile(r"NHIỆM\s+VỤ,?\s+(?:VÀ\s+)?QUYỀN\s+HẠN\b[^\n]{0,60}?\bCỦA\s+(?P<body>[^\n(]{3,120})")
# the commas a leading adverbial may run on to, when the word after its first one opens no subject
LATER_COMMA = re.compile(r"[.;:]|,\s*")
LATER_COMMA_REACH = 200
DEFINITION_REACH = 300  # characters: how long a full name defined by "(gọi tắt là ...)" may be
SESSION_REACH = 4000  # characters: where a notice says whom its session was with
PROVINCE_WORD = re.compile(r"\s*(Tỉnh|Thành\s+phố|UBND\s+tỉnh|Ủy\s+ban\s+nhân\s+dân\s+tỉnh)\b(?!\s+[A-ZĐ])")


@dataclass
class Subject:
    bodies: list[AgencyMention]
    end: int
    explicit: bool
    opened: bool
    conditioned: bool = False  # after the feedback clause's condition ("nếu có khó khăn, vướng mắc, ...")


def list_parts(listed: str, offset: int) -> Iterator[tuple[str, int]]:
    """The parts of a list written "A, B và C" (as written, and where each starts: `offset` is where `listed` does)."""
    for item in re.finditer(r"[^,]+", listed):
        for part in re.split(r"\s+và\s+", item.group()):
            yield part, offset + item.start() + item.group().find(part)


class SubjectReader:
    """Reads who a document's clauses name; the bodies named from a position are looked up once and remembered."""

    def __init__(self, text: str, seg: Segmentation, registry: AgencyRegistry,
                 mentions: Callable[[int, int], list[AgencyMention]], cue_hits: CueIndex, *, language: str,
                 issuer: str | None, document_name_at: Callable[[int, int], bool] = lambda pos, end: False) -> None:
        self.text = text
        self.seg = seg
        self.registry = registry
        self.mentions = mentions  # the bodies named in text[start:end]
        self.document_name_at = document_name_at  # whether a name only this document makes a body's opens text[pos:end]
        self.cue_hits = cue_hits
        self.language = language
        self.issuer = issuer  # the body whose document this is: when it asks, the bodies it asks act
        self.cues = cues()
        self.openers = subject_openers(registry)
        self._subjects: dict[tuple[int, int, bool], list[AgencyMention]] = {}  # (pos, end, over_generic) -> bodies
        self._full_names: dict[str, str | None] = {}
        self.subject_body = self._subject_body()
        self.remit_body = self._remit_body()

    def _subject_body(self) -> AgencyMention | None:
        """A conclusion notice of a working session with a province ('làm việc với lãnh đạo tỉnh Sơn La')
        addresses its unassigned tasks to that province's People's Committee."""
        m = SESSION_WITH.search(self.text, 0, SESSION_REACH)
        if not m:
            return None
        unit, place = m.group(1).lower(), " ".join(m.group(2).split())
        agency = self.registry.lookup(f"Ủy ban nhân dân {unit} {place}")
        if agency is None:
            return None
        return AgencyMention(span=m.span(2), mention=self.text[m.start(1):m.end(2)], name=agency.name,
                             name_en=agency.name_en, kind=agency.kind)

    def _remit_body(self) -> AgencyMention | None:
        """The body whose functions, duties and powers the document (or the regulation it issues) sets out."""
        for block in self.seg.blocks:
            if block.kind in ("header", "attached_title"):
                m = REMIT_TITLE.search(self.text, block.span[0], block.span[1])
                found = self.mentions(*m.span("body")) if m else []
                if found:
                    return found[0]
        return None

    def subject(self, start: int, end: int) -> Subject:
        """Bodies named at the head of a clause (its grammatical subject), after a topic label
        ('Về hỗ trợ kinh phí: Giao Bộ Tài chính ...') and an opener ('Giao', 'Đề nghị', 'To assign')."""
        topic = TOPIC.match(self.text, start, end)
        start = topic.end() if topic else start
        # the condition opens with one of a few words: most clauses are passed by a string test
        condition = FEEDBACK_CONDITION.match(self.text, start, end) \
            if self.text[start:start + 16].lstrip().startswith(FEEDBACK_OPENERS) else None
        start = condition.end() if condition else start
        opened = self.cues.subject.opener.match(self.text, start, end)
        pos = opened.end() if opened else start
        # "Tỉnh căn cứ ...": the province the notice is about (only a notice about a province is tried)
        if self.subject_body and (word := PROVINCE_WORD.match(self.text, pos, end)):
            body = AgencyMention(span=word.span(1), mention=word.group(1), name=self.subject_body.name,
                                 name_en=self.subject_body.name_en, kind=self.subject_body.kind)
            return Subject([body], word.end(1), True, bool(opened))
        chain = self.bodies_at(pos, end)
        if chain and self.language == "en" and (spoken := self._spoken(chain, end, bool(opened), bool(condition))):
            return spoken
        if chain and ((asks := BODY_DEMANDS.match(self.text, chain[-1].span[1], end))
                      or self.issuer and all(m.name == self.issuer for m in chain)
                      and (asks := ISSUER_ASKS.match(self.text, chain[-1].span[1], end))) \
                and (asked := self.bodies_at(asks.end(), end)):
            # "Bộ Nội vụ đề nghị Ủy ban nhân dân các tỉnh, thành phố triển khai ...": the issuer asks; the bodies it
            # asks act. Any body demanding does ("Thủ tướng Chính phủ yêu cầu các Bộ, ngành ... tập trung ..." in the
            # Government Office's notice)
            return Subject(asked, asked[-1].span[1], True, True, bool(condition))
        lead = condition or topic  # the adverbial or condition before the subject
        ends_at_comma = lead is not None and self.text[lead.start():lead.end()].rstrip().endswith(",")
        if not chain and lead and not opened and (condition or ends_at_comma):
            # the adverbial runs on past a comma before a capitalised word that names no body ("Trên cơ sở nội dung Chỉ thị
            # số 52-CT/TW, Kế hoạch hành động, các Bộ, cơ quan ngang bộ, ... tổ chức xây dựng ..."): its next commas
            for comma in LATER_COMMA.finditer(self.text, pos, min(end, pos + LATER_COMMA_REACH)):
                if comma.group() in ".;:":
                    break  # the sentence or clause ends: the adverbial was its own
                if found := self.bodies_at(comma.end(), end):
                    return Subject(found, found[-1].span[1], True, False, bool(condition))
        explicit = bool(chain)  # _chain reaches the first body only through titles and connector words
        if not explicit:
            # "Để đảm bảo tiến độ ..., yêu cầu Bộ Y tế, ... tiếp tục ...": the request comes mid-sentence
            inners = INNER_OPENER.finditer(self.text, pos, end) if self.cue_hits.may_match("inner_opener", pos, end) \
                else ()
            for inner in inners:
                if APPLICATION_ASKS.fullmatch(self.text, pos, inner.end()):
                    break
                found = self.bodies_at(inner.end(), end)  # "đề nghị các đồng chí quan tâm": no scan
                if found and found[0].span[0] - inner.end() < 20:
                    return Subject(found, found[-1].span[1], True, True)
        return Subject(chain, chain[-1].span[1] if chain else pos, explicit, bool(opened), bool(condition))

    def _spoken(self, chain: list[AgencyMention], end: int, opened: bool, conditioned: bool) -> Subject | None:
        """Who acts when the bodies at a clause's head say or ask something (SPEAKER_SAYS, SPEAKER_ASKS); None when
        they do neither."""
        after = chain[-1].span[1]
        if SPEAKER_ASKS_NOBODY.match(self.text, after, end):
            return Subject([], after, False, opened, conditioned)
        if (asks := SPEAKER_ASKS.match(self.text, after, end)) and \
                ((asked := self.bodies_at(asks.end(), end)) or self.cues.subject.generic_actor.match(self.text, asks.end(), end)):
            return Subject(asked, asked[-1].span[1] if asked else asks.end(), True, True, conditioned)
        if said := SPEAKER_SAYS.match(self.text, after, end):
            reported = self.bodies_at(said.end(), end)
            return Subject(reported, reported[-1].span[1] if reported else said.end(), bool(reported), opened,
                           conditioned)
        return None

    def bodies_at(self, pos: int, end: int, over_generic: bool = False) -> list[AgencyMention]:
        """The bodies named from `pos` on, joined only by list punctuation, connectors and titles (and, over_generic,
        by partners that name no body: GENERIC_PARTNERS_GAP)."""
        key = (pos, end, over_generic)  # an item is asked whether it only names bodies, then for its subject
        if key not in self._subjects:
            # most clauses open with a verb, even after an opener: no need to look for bodies
            self._subjects[key] = self.chain(pos, end, self.near(pos, end), over_generic) \
                if self.may_name_a_body(pos, end) else []
        return self._subjects[key]

    def chain_from(self, pos: int, end: int) -> list[AgencyMention]:
        """The bodies named from `pos` on, however far the list runs (a lead-in's addressees)."""
        return self.chain(pos, end, self.mentions(pos, end)) if self.may_name_a_body(pos, end) else []

    def may_name_a_body(self, pos: int, end: int) -> bool:
        """Whether the clause at `pos` opens with words that a body's name, title or list can start with.
        Most background sentences ("Theo báo cáo ...", "Trong thời gian qua ...") do not, and need no scan."""
        return self.openers.may_open(self.text, pos, end, self.language) or self.document_name_at(pos, end)

    def near(self, pos: int, end: int) -> list[AgencyMention]:
        """The bodies named within a chain's reach of pos: a list of bodies after a cue is never longer."""
        return self.mentions(pos, min(end, pos + CHAIN_REACH))

    def chain(self, pos: int, end: int, found: list[AgencyMention], over_generic: bool = False) -> list[AgencyMention]:
        """Mentions that follow `pos` separated only by list punctuation and connector words."""
        chain: list[AgencyMention] = []
        for mention in found:  # sorted by start, as mentions() gives them
            if chain and tuple(mention.span) == tuple(chain[-1].span):
                chain.append(mention)  # a standing group: several classes share one phrase
                continue
            if mention.span[0] < pos:
                continue
            gap = self.text[pos:mention.span[0]]
            if not chain and gap.startswith("[") or not (self.cues.subject.connector_gap.match(gap)
                                                         or over_generic and GENERIC_PARTNERS_GAP.fullmatch(gap)):
                break
            chain.append(mention)
            pos = mention.span[1]
        return chain

    def partners(self, start: int, end: int) -> list[AgencyMention]:
        partners: list[AgencyMention] = []
        for cue in self.cues.roles.support.finditer(self.text, start, end):  # most tasks name no partner: no lookup
            partners.extend(m for m in self.bodies_at(cue.end(), end, over_generic=True) if not self.related_only(m))
        return partners

    def related_only(self, mention: AgencyMention, generic_nouns: bool = True) -> bool:
        """'phối hợp với các bộ, cơ quan liên quan', a partners' cell 'Sở, ban, ngành có liên quan': a group
        narrowed to whoever is concerned is a generic partner, not named (ANNOTATION.md). In a list cell
        ('Bộ Y tế, Sở Y tế, cơ quan, đơn vị liên quan') the qualifier must follow the group itself, as it must a class
        named by its tier of government (TIERED_CLASS)."""
        if mention.kind != "group":
            return False
        after = self.text[mention.span[1]:mention.span[1] + 60]
        stretch = generic_nouns and not TIERED_CLASS.search(mention.name)  # its name, however it is written
        return bool(RELATED.search(mention.mention) or (RELATED_AFTER if stretch else RELATED).match(after))

    def reports(self, start: int, end: int) -> list[str]:
        names: list[str] = []
        for cue in self.cues.roles.report.finditer(self.text, start, end):
            for mention in self.bodies_at(cue.end(), end):
                before = self.text[cue.end():mention.span[0]]
                if "(" in before and self.cues.roles.channel.search(before[before.rfind("("):]):
                    break  # "(qua Sở Nội vụ)": a channel, not the body reported to
                if mention.name not in names:
                    names.append(mention.name)
        return names

    def full_name(self, short: str) -> str | None:
        """The full name of the body a document calls by its head alone, from where it first names it in full: its
        title, else its text after the recitals ('Ban Chỉ đạo' -> 'Ban Chỉ đạo Trung ương về cải cách ...')."""
        if short not in self._full_names:
            self._full_names[short] = None
            # "Ban Chỉ đạo Trung ương về cải cách chính sách tiền lương, ... (gọi tắt là Ban Chỉ đạo)": a definition
            defined = re.search(rf"\(\s*(?:sau\s+đây\s+)?gọi\s+(?:tắt\s+)?là\s+{re.escape(short)}\s*\)", self.text)
            if defined:
                before = self.text[max(0, defined.start() - DEFINITION_REACH):defined.start()]
                at = before.rfind(short)
                full = " ".join(before[at:].split()).rstrip(" ,;:") if at >= 0 else ""
                if len(full) > len(short):
                    self._full_names[short] = full
                    return full
            blocks = sorted(self.seg.blocks, key=lambda b: (b.kind != "header", b.kind == "recital", b.span[0]))
            for block in blocks:
                for m in re.finditer(re.escape(short), self.text[block.span[0]:block.span[1]]):
                    at = block.span[0] + m.start()
                    longer = [x for x in self.mentions(at, min(block.span[1], at + 300))
                              if x.span[0] == at and len(x.name) > len(short) and x.name.startswith(short)]
                    if longer:
                        self._full_names[short] = longer[0].name
                        return longer[0].name
        return self._full_names[short]

    @cached_property
    def defined_provinces(self) -> list[AgencyMention]:
        """The People's Committees of the provinces a text names as its "các tỉnh, thành phố" ("bao gồm các tỉnh,
        thành phố trực thuộc Trung ương: Hà Tĩnh, ..., Đắk Lắk và Lâm Đồng (sau đây gọi tắt là các tỉnh, thành phố)"), or
        as those its working session was with ("làm việc với ... Ủy ban nhân dân các tỉnh: Đắk Lắk, Gia Lai, ...")."""
        found = DEFINED_PROVINCES.search(self.text) or SESSION_PROVINCES.search(self.text, 0, SESSION_REACH)
        if not found:
            return self._tabled_provinces() if NAMED_PROVINCES.search(self.text) else []
        out: list[AgencyMention] = []
        for part, at in list_parts(found["list"], found.start("list")):
            committee = self._province_committee(part, at)
            if committee is None:
                return []  # not a list of provinces alone
            out.append(committee)
        return out

    def _tabled_provinces(self) -> list[AgencyMention]:
        """The People's Committees of the provinces a text's tables list, a cell each ("1 | TUYÊN QUANG | 152.100", or
        the same row flat: "TUYÊN QUANG 152.100"), in their order; none unless at least two."""
        cells = ((cell, row.start() + row.group().find(cell)) for row in TABLE_ROW.finditer(self.text)
                 for cell in row.group().split(" | ") if 2 < len(cell.strip()) < 40)
        # no pipe row names one: the table may be flat
        out = self._committees(cells) or self._committees((m["place"], m.start())
                                                          for m in FLAT_PLACE_LINE.finditer(self.text))
        return out if len(out) > 1 else []

    def _committees(self, places: Iterable[tuple[str, int]]) -> list[AgencyMention]:
        """The People's Committees of the provinces among the (written, at) places, each once, in their order."""
        out: list[AgencyMention] = []
        for written, at in places:
            if (committee := self._province_committee(written, at)) and all(m.name != committee.name for m in out):
                out.append(committee)
        return out

    def _province_committee(self, written: str, at: int) -> AgencyMention | None:
        """The People's Committee of the province `written` at `at` names ("Hà Tĩnh", "TUYÊN QUANG"), or None."""
        name = written.strip()
        agency = self.registry.lookup(name.title() if name.isupper() else name) if name else None
        if agency is None or agency.kind not in ("province", "city"):
            return None
        return AgencyMention((at, at + len(written)), written, agency.name, agency.name_en, agency.kind)

    def specific(self, who: list[AgencyMention], addressees: list[AgencyMention]) -> list[AgencyMention]:
        """'các tỉnh, thành phố' in a dispatch addressed to named provinces, or in a text that names them so,
        means those provinces."""
        out: list[AgencyMention] = []
        for mention in who:
            prefix = CLASS_PREFIX.get(mention.name)
            named = [a for a in addressees or self.defined_provinces if a.name.startswith(prefix)] if prefix else []
            out.extend(named or [mention])
        return out
