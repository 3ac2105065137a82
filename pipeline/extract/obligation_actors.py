"""Who a unit of work that names no actor of its own belongs to: the heading above it, the lead-in that addresses the
list it stands in, the document's addressees, or a class of bodies that opens it; or nobody, when it is no task at all
(background, an objective, a rule). One ``ActorInheritance`` per document, asked by the clause reader
(obligation_clauses.py) and the walk (obligations.py).
"""

from __future__ import annotations

import re

from pipeline.extract.agencies import AgencyMention
from pipeline.extract.bodies import BodyGrammar
from pipeline.extract.class_subjects import CLAUSE_REACH as CLASS_REACH
from pipeline.extract.obligation_build import OWN_DUTY
from pipeline.extract.obligation_subjects import TOPIC
from pipeline.extract.obligation_walk import DIVISIONS, HeadingContext, TaskReader
from pipeline.knowledge.patterns import alternation, in_both_cases
from pipeline.segment.segmenter import Block

# "X chịu trách nhiệm toàn diện trước Thủ tướng Chính phủ về tính chính xác ...", "Chịu trách nhiệm trước pháp luật
# về ...", "chịu trách nhiệm về nội dung báo cáo": whom a body answers to, not work it is given
ACCOUNTABLE = re.compile(r"[\s,]*(?:phải\s+)?chịu\s+trách(?:\s+nhiệm)?(?:\s+toàn\s+diện)?\s+(?:trước\s|về\s+(?:tính|nội\s+dung"
                         r"|số\s+liệu|kết\s+quả)\b|(?:đối\s+với|về)\s+(?:những\s+|các\s+)?hậu\s+quả\b)", re.I)
# "...; chủ động chỉ đạo ...", "..., báo cáo Chính phủ ...": the answerable body is also given work
FURTHER_ACTION = re.compile(r";|,\s*(?:đồng\s+thời\s+)?(?:báo\s+cáo|chủ\s+động|kịp\s+thời|khẩn\s+trương|tổ\s+chức|chỉ\s+đạo)\b")
# the section of an approved scheme, programme or plan that says who does its work
IMPLEMENTATION_HEADING = re.compile(
    rf"\s*(?:{alternation(in_both_cases(['Tổ chức thực hiện', 'Organization of implementation']))}"
    r"|IMPLEMENTATION\s+ORGANIZATION)\s*[:.]?\s*$")
# "... shall be implemented", "... shall take effect": the sentence's subject is not given work
PASSIVE_MODAL = re.compile(r"\s+(?:be\s+(?!responsible)\w+(?:ed|en|wn|t)\b|take\s+effect|apply|cover)", re.I)
# an English sentence that opens with its own subject and its modal: a noun phrase no known body may name, not a pronoun
# or the document ("State economic groups shall ...", not "It shall ...", "This Decision shall ...")
NOUN_SUBJECT_SHALL = re.compile(r"\s*(?!(?:It|They|This|These|That|Those|Such|Each|Every)\b)[A-Z][\w’'-]*"
                                r"(?:,?\s+[\w’'-]+){0,10}?\s+(?:shall|must)\b")
DUTY_REACH = 200  # characters: a class subject and its "có trách nhiệm"

Inherited = tuple[list[AgencyMention], str, list[AgencyMention]]  # (who, role, partners)


def subject_shall_act(text: str, start: int, end: int) -> bool:
    """Whether an English sentence opens with its own subject, one no known body may name, and gives it work ("State
    economic groups shall evaluate their legal affairs staff ..."): not a thing done ("Funds ... shall be allocated")."""
    opening = NOUN_SUBJECT_SHALL.match(text, start, end)
    return opening is not None and not PASSIVE_MODAL.match(text, opening.end(), end)


class ActorInheritance(TaskReader):
    """Whom a subject-less unit belongs to, from where the walk stands; and whether a paragraph goes on a list's item."""

    def inherited(self, block: Block, contexts: list[HeadingContext], intro: list[AgencyMention] | None,
                  start: int, end: int) -> Inherited | None:
        """Who a subject-less unit belongs to, or None when it is not a task at all."""
        if addressee := self.units.addressee_asked(start, end, self.doc.addressees):
            return addressee, "responsible", []
        if not block.enum and not (self.walk.under_heading and contexts
                                   and (contexts[-1].assignees or contexts[-1].continued)):
            if contexts and all(c.task_section for c in contexts) and self.units.generic_actor_at(start, end):
                return [], "responsible", []  # "Các cơ quan, đơn vị, địa phương căn cứ ... triển khai thực hiện"
            if intro and self._class_goes_on_item(block, start, end):
                return [], "responsible", []  # "Về kinh phí: Các địa phương phải ..." below a request's item
            if self.doc.language == "en" and not self.units.normative and subject_shall_act(self.text, start, end):
                # "Article 2. Competence to project the structure ..." then "The standing boards of People's Councils shall
                # assume the prime responsibility for ...": an unnumbered paragraph whose own subject is given work
                return [], "responsible", []
            return None  # a plain paragraph without an assignment is background, unless a body's heading heads it
        if any(not c.task_section for c in contexts) and not self._acting_list(contexts, intro):
            if self.units.generic_actor_at(start, end) and OWN_DUTY.search(self.text, start, min(end, start + DUTY_REACH)):
                # "III. KINH PHÍ THỰC HIỆN" ... "4. Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này
                # có trách nhiệm lập kế hoạch, dự toán ...": its own class is given a duty, whatever the section
                return [], "responsible", []
            return None
        if block.enum == "bullet" and self.walk.bullet_lead is not None:
            # "+ Hoàn thành ..." under "- Ủy ban nhân dân thành phố Hà Nội và ... cần tập trung ... như sau:"
            return self.walk.bullet_lead[1], "responsible", []
        for k, context in reversed(list(enumerate(contexts))):
            if context.assignees:
                return context.assignees, "lead" if context.lead else "responsible", context.partners
            if context.generic:
                return [], "responsible", []  # the points of "Trách nhiệm của các cơ quan, đơn vị ...:" name nobody
            if context.duties and not BodyGrammar.default().head.search(self.text, *context.span) \
                    and any(c.assignees for c in contexts[:k]):
                # "2. Trách nhiệm của Trưởng các tổ chức hành nghề công chứng" under "Điều 23. Trách nhiệm của Hội Công
                # chứng viên thành phố, các tổ chức hành nghề công chứng ...": whose duties its points are it says, and
                # names no body (no body's head noun: "Trách nhiệm của các Sở:" may mean the bodies above); the bodies of a
                # heading above are not theirs. In a normative text they are the duties of whoever its rules bind
                return None if self.units.normative else ([], "responsible", [])
        if block.enum == "bullet" and self.walk.item_actor is not None:
            actor = self.units.actor_of(self.walk.item_actor)
            if actor is not None:
                return actor, "responsible", []
        if intro and block.kind == "appendix":
            return intro, "responsible", []  # "Sở Tư pháp thực hiện ... các nhiệm vụ, quyền hạn cụ thể sau:" in an annex
        if block.kind == "appendix":
            return None  # appendices hold statistics and footnotes unless a heading, lead-in or table assigns work
        if self.walk.answering:
            return None  # an answer's points state the rules; its requests name their addressee ("Đề nghị Công ty ...")
        if intro:
            return intro, "responsible", []
        if addressed := self.doc.given_work:
            if self.cues.subject.generic_actor.match(self.text, start, end) or self.class_acts(start, end):
                # "3. Các cơ quan, đơn vị, địa phương căn cứ nội dung ... triển khai thực hiện": the unit names its own
                # actor, a class that names nobody (ANNOTATION.md), not the letter's addressees
                return [], "responsible", []
            return addressed, "responsible", []
        if self.doc.language == "en" and any(c.task_section for c in contexts) \
                and all(c.task_section for c in contexts) \
                and (modal := self.cues.subject.modal_subject.match(self.text, start, end)) \
                and not PASSIVE_MODAL.match(self.text, modal.end(), end):
            return [], "responsible", []  # "Project managing agencies shall set up ...": its subject acts, even in a scheme
        if self.doc.approves:
            if self.implementing(contexts) and (self.cues.subject.generic_actor.match(self.text, start, end)
                                                 or self.class_acts(start, end)):
                return [], "responsible", []  # "4. Các doanh nghiệp công nghệ số căn cứ ..., xây dựng ..."
            return None  # the approved scheme's own content; its assignments come in their own section
        if self.cues.subject.generic_actor.match(self.text, start, end) or \
                self.doc.language == "en" and self.cues.subject.modal_subject.match(self.text, start, end) or \
                bool(contexts) and self.class_acts(start, end):
            # "Các cơ quan, đơn vị ...", "Enterprises shall ...", "Cơ quan hải quan chấp nhận ...": names nobody known;
            # a class only under a heading: a form's numbered notes under none ("(18) Viện kiểm sát cùng cấp và những
            # người có quyền đề nghị ...") say what to write, not who acts
            return [], "responsible", []
        return None  # no actor in its words nor above it: an activity, objective or rule, not an obligation

    def implementing(self, contexts: list[HeadingContext]) -> bool:
        """Under the section of an approved scheme that gives its work out ("III. TỔ CHỨC THỰC HIỆN"), where a class
        that acts ("4. Các doanh nghiệp công nghệ số căn cứ ... xây dựng ...") is given work as the bodies are."""
        return any(IMPLEMENTATION_HEADING.match(self.text, c.span[0], c.span[1]) for c in contexts)

    def class_acts(self, start: int, end: int) -> bool:
        """A class of bodies named in lower case opens the unit and is given work, not only answerability ("Cơ sở khám
        bệnh, chữa bệnh chịu trách nhiệm về tính chính xác ..."); not in a normative text, whose rules bind such classes."""
        if self.doc.language != "vi" or self.units.normative:
            return False
        if topic := TOPIC.match(self.text, start, end):  # "Bước 6: Các khoa phối hợp theo dõi, đôn đốc ..."
            start = topic.end()
        if not self.doc.class_subjects.opens(self.text, start, end):
            return False
        answers = ACCOUNTABLE.search(self.text, start, min(end, start + CLASS_REACH))
        return not answers or bool(FURTHER_ACTION.search(self.text, answers.end(), end))

    def continues_item(self, block: Block, line: str) -> bool:
        """A second paragraph of a list's item ("1. Cấp ủy, chính quyền Thành phố phải ..." then "Ủy ban nhân dân Thành
        phố chỉ đạo ..."): the list, and whom its lead-in addresses, go on below it."""
        parent = self.walk.parent  # an item that is a sentence, not the title of what follows it
        if parent is None or parent.enum in DIVISIONS \
                or not self.doc.touches(parent.span[1], block):
            return False
        if self.doc.rest_of_above(block):
            return True
        return self.text[parent.content_start:parent.span[1]].rstrip().endswith((".", ";")) \
            and not line.rstrip().endswith(":")

    def _class_goes_on_item(self, block: Block, start: int, end: int) -> bool:
        """A paragraph that goes on a request's item ("1. Các địa phương phát động ngay ..." then "Về kinh phí: Các địa
        phương phải động viên ...", "Về tổ chức thực hiện: Các địa phương tổ chức họp ..."): the list the lead-in asks
        goes on, and the class of bodies that opens the paragraph (after its topic) is given work of its own."""
        line = self.text[block.span[0]:block.span[1]]
        if not self.continues_item(block, line) and not (self.after_class_paragraph(block)
                                                         and not line.rstrip().endswith(":")):
            return False
        topic = TOPIC.match(self.text, start, end)
        if not self.units.generic_actor_at(topic.end() if topic else start, end):
            return False
        self.walk.class_paragraph_end = block.span[1]  # the next paragraph may go on the item as well
        return True

    def after_class_paragraph(self, block: Block) -> bool:
        """Right below a paragraph that a class of bodies opened under a request's item (_class_goes_on_item)."""
        return self.walk.class_paragraph_end >= 0 and self.doc.touches(self.walk.class_paragraph_end, block)

    def _acting_list(self, contexts: list[HeadingContext], intro: list[AgencyMention] | None) -> bool:
        """'I. ĐÁNH GIÁ CHUNG' ... 'Để tiếp tục ..., thành phố Đà Nẵng cần tập trung thực hiện tốt một số nhiệm vụ, giải
        pháp sau đây:': a lead-in below an assessment heading that names who acts opens a list of tasks."""
        return bool(intro) and self.walk.intro_at > max(c.span[0] for c in contexts if not c.task_section)
