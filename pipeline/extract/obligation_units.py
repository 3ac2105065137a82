"""What one block's words say about who acts, answered from the text, the cues and the bodies it names, never from
where the walk stands: whether a block only names bodies or titles their duties, whom an item names as its actor,
whether a lead-in names who does the points below it, whether a generic actor opens it, where an item's title ends,
and whether a letter asks its addressee. One ``UnitReader`` per document, asked by the obligation walk
(obligations.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.extract.agencies import AgencyMention
from pipeline.extract.obligation_cues import Cues
from pipeline.extract.obligation_subjects import TOPIC, SubjectReader
from pipeline.knowledge.patterns import DUTIES_OF, TEXT_OWNER, UPPER_VI
from pipeline.segment.segmenter import Block

# an addressee heading names its bodies anywhere; a longer heading only through its subject or request
SHORT_HEADING = 120
# the predicate of a lead-in whose subject does the listed work ("... tập trung thực hiện các nhiệm vụ sau:")
# "..., các tổ chức chính trị - xã hội, các xã, phường, các doanh nghiệp (sau đây viết tắt là cơ quan, đơn vị) và mọi
# người dân triển khai": short list items and a parenthesis may stand between the bodies and the verb
ACTING_VERB = (r"(?:thực\s+hiện|triển\s+khai|chỉ\s+đạo|tổ\s+chức|tập\s+trung|khẩn\s+trương|chủ\s+trì"
               r"|shall|should|must|are\s+to)\b")
ACTING = re.compile(r"(?:\s*,\s*[^\s,.;:()][^,.;:()]{0,29}?){0,6}?\s*(?:\([^()]{0,80}\))?[\s,]*(?:[^\s,.;:]+\s+){0,6}?"
                    + ACTING_VERB, re.I)
# "..., UBND tỉnh ban hành Kế hoạch triển khai thực hiện trên địa bàn tỉnh như sau:": the issuer issues the plan; the
# verb of doing is in the plan's title, and the list below names no actor by it
ISSUES_PLAN = re.compile(r"\s*(?:ban\s+hành|xây\s+dựng)\s+(?:Kế\s+hoạch|Chương\s+trình|Đề\s+án|Phương\s+án)\b")
HAS_ACTING_VERB = re.compile(ACTING_VERB, re.I)  # no verb of doing in a lead-in: ACTING cannot match, no scan
ACTING_PLACE = re.compile(r"(?:^|,\s*|\s)(?:[Tt]ỉnh|[Tt]hành\s+phố)(?:\s+[A-ZĐÂĂÊÔƠƯ][\wÀ-ỹ]*){0,3}")
# "Nghị quyết số 50/NQ-CP ngày 13/3/2025 của Chính phủ": the body after a cited document's date or number owns that
# document; it is no subject
CITED_OWNER = re.compile(r"(?:ngày\s+\d{1,2}(?:/\d{1,2}/\d{4}|\s+tháng\s+\d{1,2}\s+năm\s+\d{4})|\d+/[\w-]+)\s+của\s+$"
                         rf"|{TEXT_OWNER}")
REMIT_HEADING = re.compile(r"\s*(?:Chức\s+năng,\s*)?Nhiệm\s+vụ,?\s+(?:và\s+)?quyền\s+hạn\s*[.:]?\s*$", re.I)
# whom a feedback clause reports to: "... phản ánh (kịp thời) về Sở Khoa học và Công nghệ để tổng hợp"
REPORTED_TO = re.compile(r"\bphản\s+(?:ánh|ảnh)\s+(?:kịp\s+thời\s+)?(?:bằng\s+văn\s+bản\s+)?(?:về|với|đến)\s+")
REPORTED_TO_REACH = 100  # characters after the condition: who reports comes first, then to whom
# the people and firms a generic actor may name besides state bodies ("các cơ quan, tổ chức, cá nhân")
NOT_STATE = re.compile(r"cá\s+nhân|doanh\s+nghiệp|chủ\s+đầu\s+tư|người\s+dân|enterprises|individuals", re.I)
GENERIC_ACTOR_REACH = 60
MIN_WORK = 20  # characters of work after a generic actor: fewer are a label ("Cơ quan phối hợp")
# "Do vậy, đề nghị Công ty ...", "Về thủ tục hải quan: đề nghị Công ty nghiên cứu ...": a request to the addressee, named
# by its head noun
THEREFORE = r"(?:Do\s+(?:vậy|đó)|Vì\s+vậy|Theo\s+đó)"  # the connector before a request that follows from the rules cited
ADDRESSEE_REQUEST = re.compile(rf"\s*(?:(?:{THEREFORE}|Căn\s+cứ\s[^,.;:]{{0,120}})\s*,\s*)?"
                               r"[Đđ]ề\s+nghị\s+(?:Quý\s+)?(?P<head>Công\s+ty|Doanh\s+nghiệp|Chi\s+nhánh|Hội|Hiệp\s+hội"
                               r"|Ông|Bà)\b")
# a sentence that asks someone to act, after sentences that only cite or reason ("... . Do vậy, đề nghị Thuế tỉnh X ..."),
# the case it is asked for first ("... . Do vậy, đối với trường hợp vướng mắc về ..., đề nghị Thuế tỉnh Nghệ An báo cáo ...")
REQUEST_AFTER = re.compile(rf"[.;]\s+(?=(?:{THEREFORE}\s*,\s*)?(?:[Đđ]ối\s+với\s[^.;:]{{0,250}}?,\s*)?"
                           r"(?:[Đđ]ề\s+nghị|[Yy]êu\s+cầu|[Gg]iao)\s)")
# a sentence that gives a body work of its own, after sentences that do not ("... trình phê duyệt để triển khai thực hiện.
# Bộ Tài chính có trách nhiệm phân bổ kinh phí ...")
DUTY_AFTER = re.compile(rf"[.;]\s+[{UPPER_VI}][^.;:]{{0,100}}?\s(?:có|chịu)\s+trách\s+nhiệm\s+(?!trước\b|về\b|toàn\s+diện)")
ADDRESSEE_REACH = 200  # characters: how far into a unit its request to the addressee may open
# a task numbered inside a paragraph: "(1) Thanh tra Chính phủ ban hành ...; (2) Bộ Công an chủ trì ...", "(ii) ..."
INLINE_NUMBER = r"\((?:\d{1,2}|[ivx]{1,4})\)"
# an item's title then its work on the same line, after a colon ("2. Đẩy mạnh rà soát, ..., cơ chế chính sách:Các bộ
# khẩn trương ...", "3. Khẩn trương ... chiến lược dữ liệu: (1) Thanh tra Chính phủ ban hành ..."): a title is written in
# lower case after its first letter, unlike a label naming someone ("Trưởng ban Chỉ đạo Trung ương: ...")
MAX_TITLE = 200  # characters: an item's title and its colon stand within them (ITEM_TITLE's reach and more)
ITEM_TITLE = re.compile(rf"[{UPPER_VI}][^\n:;.\d{UPPER_VI}]{{15,160}}?(:)\s*(?:{INLINE_NUMBER}\s*)?(?=[{UPPER_VI}])")
MAX_NAMES_LINE = 300  # a line naming only bodies is short; longer items are not tested (it costs a scan)
FIGURE_CHARACTERS = "0123456789.,% -–"  # what a statistics cell holds besides its figures: separators, a dash for none


class UnitReader:
    """Questions about one block (or clause) of a document; whom an item names is read once and remembered."""

    def __init__(self, text: str, cues: Cues, subjects: SubjectReader,
                 mentions: Callable[[int, int], list[AgencyMention]], *, normative: bool) -> None:
        self.text = text
        self.cues = cues
        self.subjects = subjects
        self.mentions = mentions  # the bodies named in text[start:end]
        self.normative = normative  # only state bodies act in a normative text, not the people and firms it binds
        self._actors: dict[tuple[int, int], list[AgencyMention] | None] = {}

    def duties_title(self, block: Block) -> bool:
        """'Điều 34. Nhiệm vụ, quyền hạn của Bộ Nội vụ': an article titled with a body's duties heads its clauses,
        whether or not the page set the title apart."""
        if block.enum != "article":
            return False
        start, end = block.content_start, block.span[1]
        return self.names_duties(block) or end - start <= SHORT_HEADING \
            and bool(self.subjects.remit_body and REMIT_HEADING.match(self.text, start, end))

    def names_duties(self, block: Block) -> bool:
        """A short title naming whose duties follow: "Trách nhiệm của các Sở, ngành Thành phố"."""
        return block.span[1] - block.content_start <= SHORT_HEADING \
            and bool(DUTIES_OF.match(self.text, block.content_start, block.span[1]))

    def actor_of(self, block: Block) -> list[AgencyMention] | None:
        """The bodies a task item names as its subject ([] for a generic actor, None for none): the dash
        bullets under "1. Các cơ quan, đơn vị ... xây dựng kế hoạch ...:" are that actor's tasks too."""
        if block.span not in self._actors:  # read once, however many bullets ask
            self._actors[block.span] = self._read_actor(block)
        return self._actors[block.span]

    def _read_actor(self, block: Block) -> list[AgencyMention] | None:
        found = self.subjects.subject(block.content_start, block.span[1])
        if found.explicit:
            return found.bodies
        return [] if self.cues.subject.generic_actor.match(self.text, block.content_start, block.span[1]) else None

    def names_only(self, block: Block) -> bool:
        """'1. Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố':
        an item that only names bodies (too long for the segmenter's heading test) heads the points below it;
        it is no task by itself. Not a bullet, nor a line ending in ';' ('- Bộ Tài chính;'): those are
        members of a list (often a recipients list inside an annexed form), not headings."""
        content = self.text[block.content_start:block.span[1]].rstrip()
        if block.enum == "bullet" or len(content) > MAX_NAMES_LINE or content.endswith((";", ",")):
            return False
        end = block.span[1]
        opened = self.cues.subject.opener.match(self.text, block.content_start, end)
        chain = self.subjects.bodies_at(opened.end() if opened else block.content_start, end)
        # a statistics table's row that a text layer ran into one line names its body and its figures ("6. Bộ Xây dựng
        # 84,95", "Thanh tra Chính phủ -"): names only, all the same
        return bool(chain) and not self.text[chain[-1].span[1]:end].strip(" :;,.").strip(FIGURE_CHARACTERS)

    def acting_lead_in(self, block: Block) -> list[AgencyMention] | None:
        """'Nhằm đạt được mục tiêu ..., các bộ, ngành, địa phương tập trung thực hiện các nhiệm vụ sau:': the
        bodies of a lead-in that act (a chain of bodies followed by a verb of doing) own the list below it."""
        start, end = block.span
        if not HAS_ACTING_VERB.search(self.text, start, end):
            return None  # most lead-ins name no verb of doing: no need to look for their bodies
        found = self.mentions(start, end)
        for i, first in enumerate(found):
            if CITED_OWNER.search(self.text, max(start, first.span[0] - 40), first.span[0]):
                continue  # "... ngày 13/3/2025 của Chính phủ về ban hành Kế hoạch ...": whose document, not who acts
            chain = self.subjects.chain(first.span[0], end, found[i:])
            if chain and ACTING.match(self.text, chain[-1].span[1], end) \
                    and not ISSUES_PLAN.match(self.text, chain[-1].span[1], end):
                return chain
        if self.subjects.subject_body and any(ACTING.match(self.text, place.end(), end)
                                              for place in ACTING_PLACE.finditer(self.text, start, end)):
            # "..., tỉnh Đắk Lắk cần tiếp tục thực hiện:": the province's committee (not "... năm 2025 của Tỉnh")
            return [self.subjects.subject_body]
        return None

    def request_after_citation(self, block: Block) -> int | None:
        """Where a request opens a sentence of a block that cites a provision, if one does."""
        if "ề nghị" not in self.text[block.content_start:block.span[1]]:
            return None
        found = REQUEST_AFTER.search(self.text, block.content_start, block.span[1])
        return found.end() if found else None

    def addressee_asked(self, start: int, end: int, addressees: list[AgencyMention]) -> list[AgencyMention]:
        """'Đề nghị Công ty nghiên cứu các văn bản dẫn trên để thực hiện.' in a letter to 'Công ty TNHH ...': the request
        calls the addressee by its head noun."""
        if not addressees or self.text.find("ề nghị", start, min(end, start + ADDRESSEE_REACH)) < 0:
            return []  # most units ask nothing of their addressee: a string test
        topic = TOPIC.match(self.text, start, end)
        asked = ADDRESSEE_REQUEST.match(self.text, topic.end() if topic else start, end)
        if not asked:
            return []
        head = " ".join(asked["head"].split()).casefold()
        return [a for a in addressees if a.name.casefold().startswith(head)]

    def past_title(self, block: Block) -> int:
        """Where an item's work begins: after a title that opens its line and names nobody ("2. Đẩy mạnh rà soát, ...,
        cơ chế chính sách:Các bộ khẩn trương trình ...", "3. Khẩn trương xây dựng ... chiến lược dữ liệu: (1) Thanh tra
        Chính phủ ban hành ..."); a title that names the actor ("a) Bộ Công an: (1) ...") is the work's subject."""
        start = block.content_start
        if not block.enum or self.text.find(":", start, min(block.span[1], start + MAX_TITLE)) < 0:
            return start  # most items hold no colon near their start: no title before their work
        title = ITEM_TITLE.match(self.text, start, block.span[1])
        if title and not self.mentions(start, title.start(1)):
            work = self.subjects.subject(title.end(), block.span[1])
            if work.explicit and (work.opened or work.bodies and work.bodies[0].span[0] == title.end()):
                return title.end()  # the work after it opens with its body, or "Giao X ...", "Đề nghị X ..."
        return start

    def feedback_handler(self, pos: int, end: int) -> list[AgencyMention]:
        """'Trong quá trình triển khai ..., nếu có khó khăn, vướng mắc, các tổ chức, cá nhân phản ánh về Sở Khoa học và
        Công nghệ để tổng hợp, báo cáo ...': those who meet the difficulty are no state bodies a rule gives work to;
        the body they report to handles it."""
        to = REPORTED_TO.search(self.text, pos, min(end, pos + REPORTED_TO_REACH))
        return self.subjects.bodies_at(to.end(), end) if to else []

    def generic_actor_at(self, pos: int, end: int, *, heading: bool = False) -> bool:
        """Whether a generic actor opens the words at `pos` ("các cơ quan, đơn vị ..."); in a normative text only
        state bodies count, not "tổ chức, cá nhân" or enterprises the rules bind."""
        actor = self.cues.subject.generic_actor.match(self.text, pos, end)
        if not actor or not heading and len(self.text[actor.end():end].strip(" :;,.")) < MIN_WORK:
            return False  # "Cơ quan chủ trì thực hiện": a table header's cell, not a unit of work
        if heading and NOT_STATE.match(actor.group().strip()) and not self.text[pos:end].rstrip().endswith(":"):
            return False  # "i) Doanh nghiệp số": a heading's topic; "Các doanh nghiệp:" act
        return not (self.normative and NOT_STATE.search(self.text, pos, min(end, pos + GENERIC_ACTOR_REACH)))
