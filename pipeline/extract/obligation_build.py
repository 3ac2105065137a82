"""From the walk's drafts to the contract's obligations: which drafts are tasks at all (in a normative text only work
given to state bodies, never the issuer's own act, nothing past the tasks' end), and each task's partners, reports,
deadlines, action phrase and stable id. One ``ObligationBuilder`` per document, after the walk (obligations.py).
"""

from __future__ import annotations

import re

from pipeline import knowledge
from pipeline.extract.deadlines import primary_deadline
from pipeline.extract.obligation_cues import Cues
from pipeline.extract.obligation_deadlines import DeadlineReader
from pipeline.extract.obligation_drafts import Draft, add_assignee
from pipeline.extract.obligation_subjects import SubjectReader
from pipeline.records import Obligation, Reference, obligation_id

# the issuer deciding or agreeing in its own text ("..., Ủy ban Thường vụ Quốc hội quyết định sắp xếp ...", "Chính phủ cơ
# bản thống nhất với dự án Pháp lệnh ..."): the act itself
ISSUER_DECIDES = re.compile(r"\s+(?:cơ\s+bản\s+)?(?:quyết\s+(?:định|nghị)|thống\s+nhất|nhất\s+trí|đồng\s+ý|thông\s+qua"
                            r"|phê\s+duyệt)\b")
# a body called by its head alone ("Ban Chỉ đạo"), or a unit of one ("Văn phòng Ban Chỉ huy"): the name ends with a short
# reference (data/agency_grammar.json)
SHORT_REFERENCE_END = re.compile(
    rf"(?:^|\s)(?:{'|'.join(map(re.escape, knowledge.load('agency_grammar')['short_references']))})$")
# a province's committee named without its province, as a central text's registry reading leaves it
BARE_COMMITTEES = frozenset({"Ủy ban nhân dân tỉnh", "Ủy ban nhân dân thành phố"})
# an enterprise or cooperative, bound by the rules of a normative text rather than given work by it
ENTERPRISE = re.compile(r"(?:các\s+)?(?:Công\s+ty|Doanh\s+nghiệp|Hợp\s+tác\s+xã)\b", re.I)
# the words by which a rule gives a body work, not competence
DUTY_WORDS = re.compile(r"\b(?:có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|phải|giao|đề\s+nghị|yêu\s+cầu|khẩn\s+trương|báo\s+cáo"
                        r"|hướng\s+dẫn|tổ\s+chức\s+(?:thực\s+hiện|triển\s+khai)|triển\s+khai|chỉ\s+đạo|theo\s+dõi|kiểm\s+tra|ban\s+hành"
                        r"|xây\s+dựng|rà\s+soát|quy\s+định\s+(?:cụ\s+thể|chi\s+tiết)"
                        # submits to a body ("trình Hội đồng nhân dân cùng cấp quyết định ..."), not a "chương trình"
                        r"|(?<!chương\s)trình\s+(?=(?-i:[A-ZĐ])|cấp\s+có\s+thẩm\s+quyền)"
                        r"|shall|must|is\s+responsible|are\s+responsible)\b", re.I)
# a step of an administrative procedure, timed from the day an application's file arrives: "Trong thời hạn 05 ngày làm
# việc kể từ ngày nhận được hồ sơ hợp lệ, Bộ Văn hóa, Thể thao và Du lịch có trách nhiệm ...": a rule of the
# procedure, which every file sets going again, not work to track (ANNOTATION.md: procedures are no obligations)
# The case it is for may go first ("Đối với đề nghị thành lập chi nhánh, trong thời hạn 05 ngày làm việc kể từ ngày nhận đầy
# đủ hồ sơ, Cục Quản lý, giám sát tổ chức tín dụng có văn bản lấy ý kiến ...").
PROCEDURE_STEP = re.compile(r"\W*(?:Đối\s+với\s+[^,.;:]{1,80},\s*)?Trong\s+(?:thời\s+hạn|vòng)\s+[^,.;:]{1,40}?,?\s*kể\s+từ\s+"
                            r"(?:ngày\s+|khi\s+)?(?:nhận\s+được|nhận|tiếp\s+nhận)\s+(?:(?:đầy\s+)?đủ\s+)?hồ\s+sơ\b", re.I)
# the words by which a rule about a body (AgencyMention.regulated) gives that body work
OWN_DUTY = re.compile(r"\bcó\s+trách\s+nhiệm\b")


class ObligationBuilder:
    """Turns one document's drafts into obligations."""

    def __init__(self, text: str, subjects: SubjectReader, deadlines: DeadlineReader, references: list[Reference],
                 cues: Cues, *, normative: bool, issuer: str | None, tasks_end: int) -> None:
        self.text = text
        self.subjects = subjects
        self.deadlines = deadlines
        self.references = references
        self.cues = cues
        self.normative = normative  # rules are not obligations; only work given to state bodies is
        self.issuer = issuer  # the body whose document this is: its own decisions in it are the act, not tasks
        self.tasks_end = tasks_end  # a decision publishing procedures: what follows its own closing is no task

    def _assigns_work(self, draft: Draft) -> bool:
        """In a normative document only clauses that give work to a named body or class of bodies count:
        those that name it themselves, or stand in an article on responsibilities or implementation."""
        if draft.descriptive:
            return False  # "Điều 1. Vị trí và chức năng": "Sở Tư pháp là cơ quan chuyên môn ..." describes the body
        if draft.regulated:
            # the body a text regulates, named by its short name: its duties article and "có trách nhiệm" give it work,
            # not the rules of how it works ("Quỹ mở sổ kế toán ...", "Trung tâm gửi giấy báo nhập học ...")
            return draft.responsibility or bool(OWN_DUTY.search(self.text, *draft.span))
        if not self.normative:
            return True
        if draft.procedure or PROCEDURE_STEP.match(self.text, draft.content_start, draft.span[1]):
            return False  # a step of a procedure the text sets out, not work it gives
        if draft.responsibility and draft.generic_actor:
            # "Điều 18. Trách nhiệm của các cơ quan, đơn vị xử lý ...": state bodies, named by their class; not "Doanh
            # nghiệp thực hiện dự án casino ... có trách nhiệm ...", an enterprise the rules bind
            return not ENTERPRISE.match(self.text, draft.content_start)
        if not draft.assignees or all(ENTERPRISE.match(a.name) for a in draft.assignees):
            return False  # "Trách nhiệm của Giám đốc Công ty TNHH ...": duties of enterprises are rules they obey
        if draft.responsibility:
            return True
        # outside an article on duties, a body named in a rule is given work only where the words say so: "Sở Tài chính
        # quyết định ...", "UBND cấp xã cấp giấy phép ..." state who is competent, not a task to track
        return draft.explicit and bool(DUTY_WORDS.search(self.text, *draft.span))

    def _issuer_decides(self, draft: Draft) -> bool:
        """'..., Ủy ban Thường vụ Quốc hội quyết định sắp xếp ...': the issuer deciding in its own text is the act
        the text makes, not work to track."""
        who = draft.assignees
        return bool(self.issuer) and len(who) == 1 and who[0].name == self.issuer \
            and bool(ISSUER_DECIDES.match(self.text, who[0].span[1]))

    def build(self, doc_id: str, drafts: list[Draft]) -> list[Obligation]:
        """The obligations of the drafts that are tasks, in the walk's order."""
        obligations: list[Obligation] = []
        drafts = [d for d in drafts if self._assigns_work(d) and d.span[0] < self.tasks_end
                  and not (d.needs_named_actor and not d.assignees) and not self._issuer_decides(d)]
        seen_paths: dict[str | None, int] = {}
        for draft in drafts:
            start, end = draft.span
            text = self.text[start:end].strip()
            if not text:
                continue
            for assignee in draft.assignees:
                if SHORT_REFERENCE_END.search(assignee.name):
                    # "Văn phòng Ban Chỉ huy" in a table's cell, where the text names "Văn phòng Ban Chỉ huy Phòng thủ dân
                    # sự tỉnh" in full: a unit of the body called by its head is named as the document names it in full
                    assignee.name = self.subjects.full_name(assignee.name) or assignee.name
                elif (subject := self.subjects.subject_body) is not None and assignee.name in BARE_COMMITTEES \
                        and subject.name.startswith(f"{assignee.name} "):
                    # "Ủy ban nhân dân Thành phố chỉ đạo ..." in the notice of a session with Đà Nẵng's leaders
                    assignee.name, assignee.name_en = subject.name, subject.name_en
            for mention in self.subjects.partners(start, end):
                add_assignee(draft.assignees, mention, "support")
            deadlines = self.deadlines.of(draft)
            ordinal = seen_paths.get(draft.path, 0)
            seen_paths[draft.path] = ordinal + 1
            obligations.append(Obligation(
                id=obligation_id(doc_id, draft.path, text, ordinal),
                path=draft.path,
                span=(start, end),
                text=self.text[start:end],
                action=_action(self.text, draft.content_start, end, draft, self.cues),
                assignees=draft.assignees,
                deadline=primary_deadline(deadlines),
                reports_to=self.subjects.reports(start, end),
                references=[r.id for r in self.references if start <= r.span[0] and r.span[1] <= end],
                deadlines=deadlines,
            ))
        return obligations


def _action(text: str, start: int, end: int, draft: Draft, c: Cues) -> str:
    """The task phrase: the unit's words after its subject and role cue, up to the first full stop."""
    pos = start
    if draft.assignees:
        firsts = [a for a in draft.assignees if start <= a.span[0] < start + 200 and a.role != "support"]
        if firsts:
            pos = max(a.span[1] for a in firsts)
    phrase = text[pos:end]
    phrase = re.sub(r"^[\s,;:]*(?:chủ\s+trì|shall|to)?[\s,;:]*", "", phrase, flags=re.I)
    cut = re.search(r"(?<=[^\d.])[.;](?=\s|$)", phrase)
    phrase = phrase[: cut.start()] if cut and cut.start() > 20 else phrase
    phrase = " ".join(phrase.split())
    return phrase[:300] or " ".join(text[start:end].split())[:300]
