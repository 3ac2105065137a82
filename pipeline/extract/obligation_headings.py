"""Headings and lead-ins: what a block that heads others carries down to the units below it (its bodies, their role,
partners and duties, the date it sets), whom a lead-in paragraph addresses ("... yêu cầu Bộ trưởng, ... như sau:"), a
bullet that opens a list of its own, and the bullets that only list what the line above them names. One
``HeadingReader`` per document, asked by the walk (obligations.py); a long lead-in's own task is read by the clause
reader (obligation_clauses.py).
"""

from __future__ import annotations

import re

from pipeline.extract.agencies import AgencyMention
from pipeline.extract.obligation_clauses import ClauseReader, clause_spans
from pipeline.extract.obligation_drafts import Draft
from pipeline.extract.obligation_subjects import Subject
from pipeline.extract.obligation_units import ACTING, REMIT_HEADING, SHORT_HEADING
from pipeline.extract.obligation_walk import DIVISIONS, HeadingContext, TaskDocument, TaskReader, WalkState
from pipeline.knowledge.patterns import DUTIES_OF
from pipeline.knowledge.patterns import TEXT_OWNER as OWNER
from pipeline.segment.segmenter import Block

# "3. Về kiến nghị tăng mức hỗ trợ ... 143.000 tỷ đồng ...:": a topic the paragraphs below answer, however long
TOPIC_HEADING = re.compile(r"\s*(?:Về|Regarding)\s.*:\s*$")  # not "Đối với X, các sở ...:", which has a subject
# "b) Để đạt được mục tiêu phát điện sớm hơn tiến độ ..., đề nghị:", "..., Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân
# cùng cấp quyết định:": the request's objects are the points below
FRAMING_LEAD_IN = re.compile(r"\b(?:đề\s+nghị|yêu\s+cầu|giao|kiến\s+nghị|requests?|requires?|trình\s+[^.;:]{0,80}?quyết\s+định)"
                             r"\s*:\s*$", re.I)
# "..., các Sở, ngành, UBND cấp xã ... theo chức năng, nhiệm vụ, thẩm quyền quy định triển khai thực hiện những nội dung
# sau:": the words that only hand the points below to the subject are no task of the lead-in's own
POINTS_FOLLOW = re.compile(r"(?:triển\s+khai\s+)?thực\s+hiện\s+(?:tốt\s+)?(?:những|các|một\s+số)\s+(?:nội\s+dung|nhiệm\s+vụ)"
                           r"(?:\s+[^:]{0,40}?)?\s+sau(?:\s+đây)?\s*:\s*$", re.I)
# the same hand-over as all that follows the bodies a long lead-in asks: "(và các đơn vị liên quan) (trong phạm vi chức
# năng, quyền hạn của mình) tập trung thực hiện các nhiệm vụ trọng tâm, cụ thể như sau:", "nâng cao trách nhiệm, tập trung
# thực hiện các nội dung sau:", "như sau:"
ANNOUNCES_POINTS = re.compile(
    r"\s*(?:(?:và\s+)?(?:các\s+)?(?:cơ\s+quan|đơn\s+vị)(?:,\s*đơn\s+vị)?\s+(?:có\s+)?liên\s+quan\s*)?"
    r"(?:(?:trong\s+phạm\s+vi|theo)\s+chức\s+năng[^:]{0,50}?(?:của\s+mình|được\s+giao)\s*,?\s*)?"
    r"(?:,\s*)?(?:trong\s+đó\s+)?(?:cần\s+)?"  # "..., trong đó cần tập trung thực hiện các nhiệm vụ, giải pháp trọng tâm như sau:"
    r"(?:(?:nâng\s+cao\s+trách\s+nhiệm|tập\s+trung|chỉ\s+đạo|và|tổ\s+chức|triển\s+khai|thực\s+hiện|hoàn\s+thành|ngay"
    r"|nghiêm|đầy\s+đủ|kịp\s+thời|có\s+hiệu\s+quả|quyết\s+liệt|đồng\s+bộ|tiếp\s+tục)[\s,]*)*"
    r"(?:(?:những|các|một\s+số)\s+(?:nhiệm\s+vụ|nội\s+dung|giải\s+pháp)(?:,\s*giải\s+pháp)?[^,:;.]{0,40}?(?:,\s*)?)?"
    r"(?:cụ\s+thể\s+)?(?:như\s+)?sau(?:\s+đây)?\s*:\s*$", re.I)
# "1. Tổng Kiểm toán nhà nước quyết định thu hồi thẻ trong những trường hợp sau đây:", "1. Học viện Chính trị quốc gia Hồ
# Chí Minh tổ chức bồi dưỡng các chương trình sau:": the points below are the cases or things it lists, not tasks; a
# lead-in that names its body is the task itself
CASES_LEAD_IN = re.compile(r"\b(?:trường\s+hợp|điều\s+kiện|tiêu\s+chuẩn|tiêu\s+chí|chương\s+trình)\s+(?:sau|dưới)(?:\s+đây)?"
                           r"\s*:\s*$", re.I)
# "Về vấn đề này, Cục Thuế có ý kiến như sau:": a letter answering a query; its points state the rules that apply
ANSWER_LEAD_IN = re.compile(r"\b(?:có|xin\s+có|cho)\s+ý\s+kiến\s+(?:như\s+sau|trả\s+lời)[^:]{0,20}:\s*$"
                            r"|\btrả\s+lời\s+(?:như\s+sau|[^:]{0,80}?như\s+sau)\s*:\s*$", re.I)
# "đơn vị sử dụng công chức", "cơ quan quản lý nhà nước về ...": a kind of state unit, after "Trách nhiệm của"
UNIT_OF_STATE = re.compile(r"(?:các\s+)?(?:đơn\s+vị|cơ\s+quan)\s+\w", re.I)
# "5. Xây dựng Nghị định của Chính phủ", "Dự thảo Quyết định của Thủ tướng Chính phủ": the body after a text and "của"
# owns the text; it is not who acts
TEXT_OWNER = re.compile(OWNER, re.I)
# a heading that opens with the work ("Tham mưu", "Trình", "Phối hợp với") names whom it serves, not who acts; one
# that sets a body up ("1. Thành lập Ban Chỉ đạo quốc gia về ...") names what the work makes
HEADING_VERB = re.compile(r"\s*(?:Tham\s+mưu|Trình|Giúp|Phối\s+hợp|Báo\s+cáo|Đề\s+xuất|Kiến\s+nghị|Hướng\s+dẫn"
                          r"|Chỉ\s+đạo|Thành\s+lập|Kiện\s+toàn)\b", re.I)
# a line whose bullets list what it names, not tasks: "... trình Hội đồng nhân dân cấp tỉnh quyết định:", "... bao gồm:"
OBJECT_LIST = re.compile(r"(?:\bbao\s+gồm|\bgồm(?:\s+có)?|\bquyết\s+định|\bphê\s+duyệt)\s*:\s*$")
# a heading's words in brackets right before its closing colon: "1. Các cơ quan đăng ký đầu tư (Sở Tài chính, ...):"
NAMED_IN_BRACKETS = re.compile(r"\(([^()]{3,400})\)\s*:\s*$")
MIN_CLAUSE_WORDS = 4  # a clause's own words after its subject: "Bộ A; Bộ B:" is a list of bodies, not two clauses
# a lead-in that gives its bodies duties, listed in the points below it: "1. Bộ Văn hóa, Thể thao và Du lịch chịu trách
# nhiệm:", "..., cơ quan chuyên môn về văn hóa cấp tỉnh nơi có địa điểm khảo cổ có trách nhiệm sau đây:"
DUTY_LEAD = re.compile(r"(?:(?:có|chịu)\s+trách\s+nhiệm|có\s+(?:các\s+)?nhiệm\s+vụ(?:,?\s*(?:và\s+)?quyền\s+hạn)?)"
                       r"(?:\s+sau(?:\s+đây)?)?\s*:\s*$")
# an addressee heading or introduction this long ("Các đồng chí Bộ trưởng, ... chỉ đạo thực hiện ..., cụ thể:")
# carries a task of its own besides introducing the points below it
LONG_LEAD_IN = 100


class HeadingReader(TaskReader):
    """Reads the blocks that head others into the walk's headings and lead-ins."""

    def __init__(self, doc: TaskDocument, walk: WalkState, clauses: ClauseReader) -> None:
        super().__init__(doc, walk)
        self.clauses = clauses  # a long lead-in's own task

    def heading(self, block: Block, line: str, level: float, drafts: list[Draft]) -> None:
        """A heading or an item that only names bodies: its bodies, role, partners and date carry down to the
        units below it; a long lead-in is also a task of its own."""
        walk = self.walk
        head = self.subjects.subject(block.content_start, block.span[1])
        request = FRAMING_LEAD_IN.search(self.text, block.content_start, block.span[1])
        framing = TOPIC_HEADING.match(self.text, block.content_start, block.span[1]) or request
        duty = DUTIES_OF.match(self.text, block.content_start, block.span[1])
        # "1. Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế Phú Yên, ...):" says which bodies its
        # class is, and nothing more
        bracketed = self._named_in_brackets(block) if not head.bodies and not duty \
            and self.units.generic_actor_at(block.content_start, block.span[1], heading=True) else []
        own_words = "" if bracketed else self.text[head.end:block.span[1]]
        if follow := POINTS_FOLLOW.search(own_words):
            own_words = own_words[:follow.start()]
        leads_in = line.rstrip().endswith(":")
        lists_cases = leads_in and bool(CASES_LEAD_IN.search(line))
        # "X, ... là đầu mối thu thập ... có trách nhiệm:" hands X the points below as its duties: however long the words
        # that describe X, the lead-in is no task of its own
        duty_lead = bool(DUTY_LEAD.search(self.text, block.content_start, block.span[1]))
        if not (framing or duty or duty_lead) \
                and (len(own_words.strip(" :;,.")) > LONG_LEAD_IN or lists_cases and head.bodies):
            drafts.extend(self.clauses.tasks(block, walk.contexts, walk.intro))  # a lead-in with a task
        elif head.bodies and block.enum not in DIVISIONS:
            walk.heading_item = block
        own = head.bodies or bracketed
        partners_from = block.content_start
        if leads_in and head.bodies and (tail := self._colon_clause(block, head)):
            # "Điều 1. Chính phủ cơ bản thống nhất với dự án ... . Giao Bộ Công an chủ trì ...; Bộ Công an chịu trách nhiệm
            # ..., bảo đảm một số yêu cầu sau:": the points are the work of the clause that announces them
            own, partners_from = tail
        if duty and not own:
            # "Trách nhiệm của Ngân hàng Nhà nước chi nhánh nơi tổ chức tín dụng ... đặt trụ sở": the bodies
            # right after "của"; what qualifies them is no task
            own = self.subjects.bodies_at(duty.end(), block.span[1])
        if not own and block.span[1] - block.content_start <= SHORT_HEADING:
            # "2. Bộ Khoa học và Công nghệ", "1. Đối với Sở Y tế": not "1.3. Tham mưu Ủy ban nhân dân tỉnh quản lý ...:",
            # whose body is whom the work is for
            own = [m for m in self.mentions(block.content_start, block.span[1])
                   if not HEADING_VERB.match(self.text, block.content_start, m.span[0])
                   and not TEXT_OWNER.search(self.text, max(block.content_start, m.span[0] - 30), m.span[0])]
        if not own and self.subjects.remit_body and REMIT_HEADING.match(self.text, block.content_start, block.span[1]):
            own = [self.subjects.remit_body]  # "Điều 2. Nhiệm vụ và quyền hạn" of the regulation of Sở Tư pháp's remit
        # "3. Căn cứ khả năng cân đối ngân sách, ..., Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân cùng cấp quyết định:":
        # a request whose objects are the points below heads tasks, whatever ground it opens with
        task_section = bool(request) or not self.cues.units.non_task_heading.match(line.strip()) and not lists_cases
        lead = bool(self.cues.roles.lead_after_opener.search(line))
        # "5. Các đơn vị thực hiện kiểm kê:", "Điều 18. Trách nhiệm của các cơ quan, đơn vị xử lý phản ánh kiến nghị",
        # "Điều 38. Trách nhiệm của đơn vị sử dụng công chức" (a kind of state unit, named by what it does)
        generic = not own and (self.units.generic_actor_at(duty.end() if duty else block.content_start, block.span[1],
                                                       heading=True)
                               or bool(duty) and bool(UNIT_OF_STATE.match(self.text, duty.end(), block.span[1]))
                               or self.names_a_class(block))
        partners = self.subjects.partners(partners_from, block.span[1]) if own else []
        duties = bool(duty) or bool(self.subjects.remit_body and own and own[0] is self.subjects.remit_body)
        continued = not (own or generic or framing or duty or lists_cases) and leads_in and block.enum not in DIVISIONS \
            and any(c.duties for c in walk.contexts)
        walk.contexts.append(HeadingContext(level, own, lead, task_section, (block.content_start, block.span[1]), generic,
                                      partners, duties, continued,
                                      duty_lead))
        walk.item_actor = None
        walk.under_heading = True

    def intro(self, block: Block, previous: list[AgencyMention] | None) -> list[AgencyMention] | None:
        """'Thủ tướng Chính phủ yêu cầu Bộ trưởng, ... như sau:' sets who the following list addresses."""
        line = self.text[block.span[0]:block.span[1]]
        if not line.rstrip().endswith(":"):
            return None
        if ANSWER_LEAD_IN.search(line):
            self.walk.answering = True
            return None
        cue = re.search(r"\b(?:yêu cầu|đề nghị|giao|requests?|requesting|assigns?)\b", line, re.I)
        if not cue and self.units.names_only(block):  # "Ủy ban nhân dân các tỉnh, thành phố:" above points a), b)
            return self.subjects.bodies_at(block.content_start, block.span[1])
        if not cue:
            # "Theo Mục 1 ... về nhiệm vụ của các Bộ trưởng, ... như sau:" names whom the list concerns
            duty = DUTIES_OF.search(line)
            if not duty:
                return self.units.acting_lead_in(block) or previous
            start = block.span[0] + duty.end()
            return self.subjects.chain_from(start, block.span[1]) or previous
        start = block.span[0] + cue.end()
        chain = self.subjects.chain_from(start, block.span[1])
        return chain or None

    def _colon_clause(self, block: Block, head: Subject) -> tuple[list[AgencyMention], int] | None:
        """The bodies of a lead-in's last clause (clause_spans: after a full stop or a semicolon) and where it starts,
        when that clause names other bodies than the lead-in's first (`head`) and goes on past them to its own words."""
        clauses = clause_spans(self.text, head.end, block.span[1])
        if len(clauses) < 2:
            return None
        last = clauses[-1][0]
        tail = self.subjects.subject(last, block.span[1])
        if not tail.bodies or len(self.text[tail.end:block.span[1]].split()) < MIN_CLAUSE_WORDS:
            return None
        first = {m.name for m in head.bodies}
        return (tail.bodies, last) if first.isdisjoint(m.name for m in tail.bodies) else None

    def leads_bullets(self, block: Block, line: str) -> bool:
        """Keep walk.bullet_lead: a bullet that opens a list of bullets of its own for the bodies it names (no task of
        its own); one of its mark again, or any other block, ends that list."""
        walk = self.walk
        if block.enum != "bullet":
            walk.bullet_lead = None
            return False
        mark = line.lstrip()[:1]
        if walk.bullet_lead is not None and mark == walk.bullet_lead[0]:
            walk.bullet_lead = None
        if walk.bullet_lead is not None or self.doc.last_mark(block.content_start, block.span[1]) != ":":
            return False
        found = self.subjects.subject(block.content_start, block.span[1])
        if not found.explicit or not ACTING.match(self.text, found.end, block.span[1]):
            return False
        walk.bullet_lead = (mark, found.bodies)
        return True

    def object_of_lead_in(self, block: Block, drafts: list[Draft]) -> bool:
        """A bullet that lists what the line above it names ("a) Tham mưu Ủy ban nhân dân tỉnh trình Hội đồng nhân dân
        cấp tỉnh quyết định:" then "- Phương án phân bổ vốn ...", "... bao gồm:" then "+ Chính sách ..."): part of that
        line's task, when the line is one."""
        walk = self.walk
        if block.enum != "bullet" or walk.group:  # a task's labelled fields gather its bullets themselves
            walk.objects_until = -1
            return False
        line_start = self.doc.line_before(block)
        if not (walk.objects_until >= 0 and self.doc.touches(walk.objects_until, block)
                or self.doc.last_mark(line_start, block.span[0]) == ":"
                and OBJECT_LIST.search(self.text, line_start, block.span[0])):
            walk.objects_until = -1
            return False
        if not drafts or drafts[-1].span[1] < line_start:
            walk.objects_until = -1
            if walk.contexts and self.doc.touches(walk.contexts[-1].span[1], block):
                walk.objects_from = walk.contexts[-1].span[0]  # a heading: its bullets make its one task
            return False  # else the line that names them is no task: the bullets are read as they stand
        drafts[-1].span = (drafts[-1].span[0], block.span[1])
        walk.objects_until = block.span[1]
        return True

    def _named_in_brackets(self, block: Block) -> list[AgencyMention]:
        """The bodies a heading's class of bodies is said to be, in brackets before its colon ("Các cơ quan đăng ký
        đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế Phú Yên, ...):"); none when the brackets say something else."""
        bracket = NAMED_IN_BRACKETS.search(self.text, block.content_start, block.span[1])
        if bracket is None:
            return []
        named = self.subjects.chain_from(bracket.start(1), bracket.end(1))
        return named if named and not self.text[named[-1].span[1]:bracket.end(1)].strip(" ,;.") else []

    def names_a_class(self, block: Block) -> bool:
        """A heading that names only a class of bodies: "4. Professional societies and associations:" over "a) To study
        ...", "19. Các cơ sở đào tạo đại học, sau đại học" over "a) Mở thêm chuyên ngành ..."."""
        if self.doc.language == "en":
            return self.doc.class_subjects.heads_english(self.text, block.content_start, block.span[1])
        return not self.units.normative and self.doc.class_subjects.heads_vietnamese(self.text, block.content_start,
                                                                                   block.span[1])

    def announces_points(self, block: Block) -> bool:
        """A long lead-in whose words after the bodies it asks only hand them the points below ("Để khắc phục ..., Chủ
        tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành ... tập trung thực hiện các nội dung sau:"): its length is
        its ground, not work of its own."""
        found = self.mentions(block.content_start, block.span[1])
        return bool(found) and bool(ANNOUNCES_POINTS.match(self.text, max(m.span[1] for m in found), block.span[1]))
