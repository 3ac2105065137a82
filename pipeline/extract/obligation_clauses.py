"""The tasks of one unit of work (a paragraph, an item, a point): its sentences and ';'-clauses, each read for its own
subject (obligation_subjects.py), else given to whom it inherits (obligation_actors.py), and the clauses that are no
task (titles in capitals, figures, a member of a board, what was done, whom a body answers to). One ``ClauseReader``
per document, asked by the walk (obligations.py) and by the heading reader for a lead-in that carries a task of its
own (obligation_headings.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.extract.agencies import AgencyMention
from pipeline.extract.bodies import ENTERPRISE_CLASS
from pipeline.extract.obligation_actors import (
    ACCOUNTABLE,
    FURTHER_ACTION,
    ActorInheritance,
    subject_shall_act,
)
from pipeline.extract.obligation_cues import CLOSING_REACH, DOCUMENT_CLAUSE_REACH, INNER_OPENER, NO_TASK_CUES
from pipeline.extract.obligation_drafts import Draft, add_assignee
from pipeline.extract.obligation_forms import list_or_form
from pipeline.extract.obligation_subjects import TOPIC, Subject
from pipeline.extract.obligation_units import DUTY_AFTER, INLINE_NUMBER, REQUEST_AFTER
from pipeline.extract.obligation_walk import HeadingContext, TaskDocument, TaskReader, WalkState
from pipeline.extract.statistics_lines import statistic
from pipeline.knowledge.patterns import FIELDS_LIST, SHARED_MINISTRIES, UPPER_VI
from pipeline.segment.segmenter import Block, match_enumerator

MIN_CLAUSE = 40
# the break is group 1, the white space after the stop (a lookbehind on the stop is tried at every position)
# "...; (2) Bộ Y tế hoàn thành ...", "đề nghị: (i) Tập đoàn ... (ii) Chủ đầu tư ...": an inline number opens a clause
# whatever its first word, and the clause starts after it
_SENTENCE_BREAK = r"[.;](\s+)(?=(?:[A-ZĐ]|giao\s|đề\s+nghị\s|yêu\s+cầu\s))"
_CLAUSE_BREAK = re.compile(_SENTENCE_BREAK + rf"|[.;:](\s+{INLINE_NUMBER}\s+)")
_PLAIN_BREAK = re.compile(_SENTENCE_BREAK)  # for the units without "(": most, and the one-branch pattern is faster
NUMBER_OPENS = re.compile(INLINE_NUMBER + r"\s")
SUBJECT_THEN_NUMBER = re.compile(r"\s*:\s*\((?:1|i)\)\s")  # "Bộ Khoa học và Công nghệ: (1) trình ..."
_NUMBER_BEFORE = re.compile(rf"{INLINE_NUMBER}\s*$")

# after its subject, a clause that tells what was done or received rather than what is to be done
NARRATION = re.compile(r"[\s,]*(?:đã|đang|vừa|nhận\s+được|có\s+kế\s+hoạch|xin\s+(?:thông\s+báo|trả\s+lời)|trả\s+lời"
                       r"|has\s+(?:been\s+)?\w+ed|have\s+(?:been\s+)?\w+ed|received)\b")
PROPOSES = re.compile(r"\s*(?:Đề\s+nghị|Kiến\s+nghị|Đề\s+xuất)\b", re.I)
# a list item that only names something by its quoted title ("Dự án 1: “Phòng ngừa, đấu tranh tội phạm về ma túy”."):
# the object of the lead-in above it, not a task
NAMED_ITEM = re.compile(r"\s*(?:[^\s:“”\"][^:“”\"]{0,40}:\s*)?[“\"][^“”\"]{1,300}[”\"]\s*[.;,]?\s*$"
                          # ... or a programme's numbered project by its title, unquoted ("Dự án 9: Quản lý, giám sát,
                          # đánh giá Chương trình.", "Dự án 7 (Tiểu dự án 2): ..."), with no one named to do it
                          r"|\s*(?:Tiểu\s+dự\s+án|Dự\s+án|Hợp\s+phần)\s+\d+[^:]{0,30}:\s*"
                          r"(?![^.;]*\b(?:chủ\s+trì|giao|thực\s+hiện|phối\s+hợp)\b)[^.;:]{1,150}[.;]?\s*$")
# the person who holds an office, named right after it ("Phó Thủ tướng Chính phủ Hồ Đức Phớc"): two to four capitalised
# syllables
PERSON_AFTER = re.compile(rf"[ \t]+([{UPPER_VI}][^\W\d_]*(?:[ \t]+[{UPPER_VI}][^\W\d_]*){{1,3}})(?![^\W\d_])")
# the next sentence of a paragraph, where it opens with a capital
SENTENCE_AFTER = re.compile(r"\.\s+(?=[A-Z])")
SENTENCE_AFTER_VI = re.compile(rf"\.\s+(?=[{UPPER_VI}])")
OPENING_WORD = 4  # characters before a sentence's subject: "Các " ("Các Sở Giáo dục và Đào tạo ...")
# "Liên hiệp các hội ... không được làm ảnh hưởng ...": what a body must not do is a rule, not work given to it; "... là
# ...", or the bodies and nothing else before the clause ends ("Sở Tư pháp, ..., Phòng An ninh chính trị nội bộ Công an
# tỉnh; thường trực ...": a board's members): no work either
NOT_WORK_AFTER_SUBJECT = re.compile(r"[\s,]*(?:(?:không\s+được|không\s+phải|là)\b|[;.])")
# what a body did or has done, told in the past ("Ministries and branches also issued regulations ...", "The Criminal
# Science Institute has increasingly developed ..."): no work given
EN_NARRATION = re.compile(r"(?:\s+(?:also|already|recently|then))?\s+(?:has|have|had|was|were|\w+ed)\b")


def _number_kind(text: str, start: int) -> str:
    """How the inline number right before a clause is written: "arabic" ("(2)"), "roman" ("(ii)"), or "" (none)."""
    m = _NUMBER_BEFORE.search(text, max(0, start - 8), start)
    return "" if m is None else "roman" if text[m.start() + 1] in "ivx" else "arabic"


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Sentences and ';'-clauses of a unit, so 'Giao X ...; giao Y ...' gives two obligations; each with whether an
    inline number opened it ("...; (2) chủ trì, phối hợp ...": a task of its own, whoever it names)."""
    spans: list[tuple[int, int, bool]] = []
    pos, numbered = start, False
    breaks = _CLAUSE_BREAK if text.find("(", start, end) >= 0 else _PLAIN_BREAK
    for m in breaks.finditer(text, max(start - 1, 0), end):  # the stop may stand right before start
        gap = m.lastindex or 1
        if len(text[pos:m.start(gap)].strip()) < MIN_CLAUSE:
            continue  # "Bí thư tỉnh ủy, thành ủy; Chủ tịch ...": a list, not a clause of its own
        if text[m.start()] == ";" and _parts_fields(text, pos, m.start()):
            continue  # "... of the Ministries of Labor, War Invalids and Social Affairs; Health; ...": one list's fields
        spans.append((pos, m.start(gap), numbered))
        pos, numbered = m.end(), gap == 2
    if text[pos:end].strip():
        spans.append((pos, end, numbered))
    return spans


def _parts_fields(text: str, start: int, stop: int) -> bool:
    """Whether the ';' at `stop` parts the fields of an English list that shares its head ("the Ministries of Planning
    and Investment; Finance; and Labor, War Invalids and Social Affairs"), which a clause has no more than a name."""
    head = text.rfind(SHARED_MINISTRIES, start, stop)
    return head >= 0 and FIELDS_LIST.fullmatch(text, head, stop) is not None


MAX_TITLE_LINE = 120
# a repealed clause's note, after its footnote mark: "[17] (được bãi bỏ).", "(Bãi bỏ)", "(repealed)"
_REPEALED = re.compile(r"\s*(?:\[\d+\]\s*)?[*_]*\(\s*(?:(?:được|đã|đã\s+được)\s+)?(?:bãi\s+bỏ|repealed|annulled)\s*\)"
                       r"[*_.;\s]*", re.I)


def _title_line(text: str, start: int, end: int) -> bool:
    unit = text[start:end].strip()
    return len(unit) <= MAX_TITLE_LINE and unit.isupper()


# a bracketed note after a name: its years ("(2006-2011)", on a biography page), its tier ("(tương đương cấp xã)", in a
# table of allowances by position)
_NAME_NOTE = re.compile(r"\(\s*(?:\d{4}\s*[-–]\s*(?:\d{4}|nay)|\d{1,2}[./]\d{1,2}[./]\d{4}|tương\s+đương\s[^()]{1,40})\s*\)")
_MEMBER_TAIL = re.compile(r"[\s,]*(?:[A-ZĐ][^\s,;.]*(?:\s+[^\s,;.]+){0,6})?[\s,;.]*$")


def _member_line(text: str, start: int, subject_end: int, end: int) -> bool:
    """After its bodies, a member of a list has at most a capitalised role ("Phó Trưởng ban thường trực") and
    ends with ';' or '.'; a line that holds nothing but a body's name ("Trường Mầm non đô thị Sài Đồng", a cell of a
    table of units) is one too. A task has a predicate."""
    if not _NAME_NOTE.sub("", text[subject_end:end]).strip(" \t\n,;.:"):
        return True  # "Phó Thủ tướng Thường trực Chính phủ (2006-2011)": a name and its years, on a biography page
    return text[start:end].rstrip().endswith((";", ".")) and bool(_MEMBER_TAIL.fullmatch(text, subject_end, end))


class ClauseReader(TaskReader):
    """The tasks of one block, clause by clause."""

    def __init__(self, doc: TaskDocument, walk: WalkState, actors: ActorInheritance) -> None:
        super().__init__(doc, walk)
        self.cue_hits = doc.cue_hits
        self.actors = actors

    def tasks(self, block: Block, contexts: list[HeadingContext], intro: list[AgencyMention] | None,
              carry: Draft | None = None) -> list[Draft]:
        """The tasks of one block; with ``carry``, the task above whose sentence runs on into the block: clauses without a
        subject of their own extend it."""
        if (settled := self._settled(block, contexts, intro, carry)) is not None:
            return settled
        drafts: list[Draft] = [carry] if carry else []
        title_end = self.units.past_title(block)  # the item's work, and its first clause's subject, begin after its title
        # "3. Khẩn trương ... chiến lược dữ liệu: (1) Thanh tra ...", "a) Bộ Khoa học và Công nghệ: (1) trình ...; (2) chủ
        # trì ...": numbers right after a title or a subject are tasks; after a task's words ("giải quyết 03 vấn đề tồn
        # đọng: (i) ...; (ii) ...") they list its parts
        numbers_tasks = title_end > block.content_start and bool(NUMBER_OPENS.match(self.text, title_end))
        task_numbers = ""  # how the numbers that open tasks are written: "(2)" arabic, "(ii)" roman
        for start, end, numbered in self._requests_joined(clause_spans(self.text, title_end, block.span[1])):
            opens = block.content_start if start == title_end else start  # the first task keeps its title
            if self._no_work(start, end):
                continue
            found = self._subject(start, end, contexts)
            if found.explicit and NARRATION.match(self.text, found.end, end):
                continue  # "Cục Thuế nhận được công văn số ...", "Bộ Tài chính đã ban hành ...": what was, not work
            answers = ACCOUNTABLE.match(self.text, found.end if found.explicit else start, end)
            if answers and not FURTHER_ACTION.search(self.text, answers.end(), end):
                continue  # "... chịu trách nhiệm toàn diện trước Thủ tướng Chính phủ về ...": answerability, not work
            if found.explicit:
                if self._named_task(block, opens, (start, end), found, numbered, drafts):
                    numbers_tasks = numbers_tasks or len(drafts) == 1 \
                        and bool(SUBJECT_THEN_NUMBER.match(self.text, found.end, end))
            elif found.conditioned and self.units.generic_actor_at(found.end, end):
                drafts.append(self.draft(block, opens, end, [], "responsible"))  # "..., các cơ quan, đơn vị phản ánh"
                drafts[-1].generic_actor = True
            elif found.conditioned and (handler := self.units.feedback_handler(found.end, end)) \
                    and handler[0].name != self.doc.issuer:  # the issuer hearing of its own rules (through its unit): no task
                drafts.append(self.draft(block, opens, end, handler, "responsible"))
            elif drafts and numbered and numbers_tasks \
                    and (kind := _number_kind(self.text, start)) == (task_numbers := task_numbers or kind):
                # "Bộ Khoa học và Công nghệ: (1) ...; (2) chủ trì ...": its body; numbers of another kind list a task's
                # parts ("(5) Phát triển VNeID ... với 05 chức năng chính: (i) Lưu trữ ...; (ii) Định danh ...")
                drafts.append(self.draft(block, start, end, [], "responsible"))
                drafts[-1].assignees = [replace(a) for a in drafts[0].assignees if a.role != "support"]
            elif drafts and not numbered and self.doc.language == "en" and start > block.content_start \
                    and subject_shall_act(self.text, start, end):
                # "... coordinate with the Ministry of Justice in implementing the solutions. State economic groups shall
                # evaluate their legal affairs staff ...": a later sentence with a subject and work of its own
                drafts.append(self.draft(block, start, end, [], "responsible"))
                drafts[-1].generic_actor = True
            elif drafts:
                drafts[-1].span = (drafts[-1].span[0], end)
            elif self.cues.units.praise.match(self.text, start, end) or self.cues.units.entitlement.match(self.text, start, end):
                continue  # "Ghi nhận, đánh giá cao ...", "Được ngân sách ... cấp": no work given to anyone
            else:
                inherited = self.actors.inherited(block, contexts, intro, start, end)
                if inherited is None:
                    if REQUEST_AFTER.search(self.text, end - 1, block.span[1]) \
                            or DUTY_AFTER.search(self.text, end - 1, block.span[1]) \
                            or self._body_acts_after(end, block.span[1]):
                        # "Căn cứ quy định nêu trên, cơ quan thuế không có trách nhiệm ... Do vậy, đề nghị X ...", "...
                        # trình phê duyệt để triển khai thực hiện. Bộ Tài chính có trách nhiệm phân bổ ...": later words ask
                        continue
                    return []
                who, role, partners = inherited
                if who and who == self.doc.given_work and not intro \
                        and REQUEST_AFTER.search(self.text, end - 1, block.span[1]):
                    # "Về mức chi phí quản lý ...: Trên cơ sở ý kiến của Bộ Tài chính ... Vì vậy, đề nghị Ủy ban nhân dân
                    # các tỉnh ...": in a letter, what comes before its request to the addressees is the ground for it
                    continue
                drafts.append(self.draft(block, opens, end, who, role))
                drafts[-1].generic_actor = not who
                for partner in partners:  # the heading's partners support each of its points
                    add_assignee(drafts[-1].assignees, partner, "support")
        made = drafts[1:] if carry else drafts  # the task carried on is the walk's already
        headings = tuple(c.span for c in reversed(contexts))  # whether one dates them is read only if needed
        for draft in made:
            draft.headings = headings
        return made

    def _settled(self, block: Block, contexts: list[HeadingContext], intro: list[AgencyMention] | None,
                 carry: Draft | None) -> list[Draft] | None:
        """The block's tasks where its kind or its opening words settle them before its clauses are read (none, or those
        of the sentence after a formula); None where the clauses are to be read."""
        hits, start = self.cue_hits, block.content_start
        units = self.cues.units
        # one lookup rules out both lists for most blocks (the closing formula has the longer reach)
        if hits.may_match(NO_TASK_CUES, start, min(start + CLOSING_REACH, block.span[1])):
            line = self.text[start:block.span[1]]
            if self.doc.closing(start, line):
                return []  # "X chịu trách nhiệm thi hành Quyết định này", "... để biết, thực hiện"; a page may run on
            if units.document_clause.found(hits, line, start, DOCUMENT_CLAUSE_REACH) \
                    and not self.cues.subject.opener.match(line):  # "Giao Sở Tư pháp căn cứ các TTHC ban hành ..."
                # the document takes effect, promulgates its attachment, repeals another; "Quyết định này có hiệu lực
                # thi hành kể từ ngày ký. Giao Sở Giáo dục và Đào tạo chủ trì ...": a sentence after it may give work
                if given := REQUEST_AFTER.search(line):
                    return self.tasks(replace(block, content_start=start + given.end()), contexts, intro, carry)
                return []
        if self._closing_runs_on(block):
            # "Điều 4. Chánh Văn phòng UBND tỉnh, Giám đốc Sở ...;" then "Chủ tịch UBND các xã, ... chịu trách nhiệm thi
            # hành Quyết định này./.": the recipients of the formula, broken over two lines
            return []
        if block.kind not in ("body", "appendix"):
            return []
        if block.enum == "bullet" and NAMED_ITEM.match(self.text, block.content_start, block.span[1]):
            return []  # "- Dự án 1: “Phòng ngừa, đấu tranh tội phạm ...”.": what the lead-in above works on, named
        return None

    def _no_work(self, start: int, end: int) -> bool:
        """A clause that is no work whoever it names: a title, a repealed clause's note, figures, a list or a form."""
        if _title_line(self.text, start, end):
            return True  # "THỦ TƯỚNG CHÍNH PHỦ", "II. NHIỆM VỤ CỤ THỂ": a name or title in capitals, not a task
        if _REPEALED.fullmatch(self.text, start, end):
            return True  # "1.[17] (được bãi bỏ).": a consolidated text keeps the number of a clause since repealed
        if statistic(self.text, start, end):
            return True  # "Cắt giảm 2.269/6.974 ĐKKD (đạt 32,5%)": figures, not work
        # a recipients list the page flattened ("Chính phủ; - Các bộ, ...; - Lưu: VT"), a form to fill
        return list_or_form(self.text, start, end)

    def _subject(self, start: int, end: int, contexts: list[HeadingContext]) -> Subject:
        """The clause's own subject; none where a department's duties propose to the body they name, or where a class of
        enterprises acts in an approved programme's own content."""
        found = self.subjects.subject(start, end)
        if found.explicit and found.opened and PROPOSES.match(self.text, start, end) \
                and any(c.duties for c in contexts):
            # "Đề nghị Chủ tịch Ủy ban nhân dân tỉnh quyết định ..." among a department's duties: it proposes
            return Subject([], start, False, False)
        if found.explicit and self.doc.approves and all(b.name.startswith(ENTERPRISE_CLASS) for b in found.bodies) \
                and not self.actors.implementing(contexts):
            # "4. Các doanh nghiệp công nghệ số căn cứ ..." in an approved programme's own content is one of its measures,
            # as any class's work there is; the section that gives its work out names them (ObligationActors.inherited)
            return Subject([], start, False, False)
        return found

    def _named_task(self, block: Block, opens: int, clause: tuple[int, int], found: Subject, numbered: bool,
                    drafts: list[Draft]) -> bool:
        """A clause that names its own bodies: a new task of theirs (True), the task above asked again of the same
        bodies (extended), or a member of a list (no task)."""
        (start, end), own, zone_end = clause, found.bodies, found.end
        if (start, end) == (block.content_start, block.span[1]) and _member_line(self.text, start, zone_end, end):
            return False  # "Bộ trưởng Bộ Nội vụ, Phó Trưởng ban thường trực;": a member, not a task
        lead = bool(self.cues.roles.lead.match(self.text, zone_end, min(end, zone_end + 30)))
        names = [a.name for a in drafts[-1].assignees] if drafts else []
        if drafts and not numbered and sorted(names) == sorted(m.name for m in own) \
                and not (own and INNER_OPENER.search(self.text, start, own[0].span[0])) \
                and not self._another_person(drafts[-1].assignees, own):  # asked anew
            drafts[-1].span = (drafts[-1].span[0], end)
            return False
        drafts.append(self.draft(block, opens, end, own, "lead" if lead else "responsible"))
        drafts[-1].explicit = True
        return True

    def _another_person(self, before: list[AgencyMention], own: list[AgencyMention]) -> bool:
        """Whether the clause's office is held by another person than the one the task above names ("Giao Phó Thủ tướng
        Chính phủ Trần Hồng Hà chỉ đạo ...; Phó Thủ tướng Chính phủ Hồ Đức Phớc kịp thời chỉ đạo ..."): two offices'
        holders, two tasks, though the registry names both offices alike."""
        if len(before) != 1 or len(own) != 1:
            return False
        first, second = (PERSON_AFTER.match(self.text, m.span[1]) for m in (before[0], own[0]))
        return first is not None and second is not None and first.group(1) != second.group(1)

    def _requests_joined(self, clauses: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
        """'Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã, phường tổ chức ...': a ';'
        between the bodies one request asks parts its addressees, not two clauses; so does a ';' after a clause that
        only names bodies (_names_only)."""
        out: list[tuple[int, int, bool]] = []
        for clause in clauses:
            if out and (self._asks_only(out[-1][0], out[-1][1]) or self._names_only(out[-1][0], out[-1][1])):
                out[-1] = (out[-1][0], clause[1], out[-1][2])
            else:
                out.append(clause)
        return out

    def _asks_only(self, start: int, end: int) -> bool:
        """Whether text[start:end] ends with ';' right after the bodies a request names ("... yêu cầu Thủ trưởng các sở,
        ban, ngành;")."""
        if self.doc.last_mark(start, end) != ";" or (cue := INNER_OPENER.search(self.text, start, end)) is None:
            return False
        return self._only_bodies(self.subjects.chain_from(cue.end(), end), end)

    def _names_only(self, start: int, end: int) -> bool:
        """Whether text[start:end] names bodies and nothing more before its ';' ("Bộ trưởng các Bộ: Quốc phòng, Công an,
        ..., Y tế; Chủ tịch Ủy ban nhân dân các tỉnh, thành phố ven biển ... tổ chức theo dõi ..."): the first of the
        subjects that share the next clause's work, however long the list (MIN_CLAUSE joins the short ones)."""
        return self.doc.last_mark(start, end) == ";" and self._only_bodies(self.subjects.bodies_at(start, end), end)

    def _only_bodies(self, chain: list[AgencyMention], end: int) -> bool:
        """Whether the bodies of `chain` are all that is left before `end` but the list's marks."""
        return bool(chain) and not self.text[chain[-1].span[1]:end].strip(" ,;:")

    def _body_acts_after(self, end: int, block_end: int) -> bool:
        """Whether a later sentence of the paragraph opens with bodies of its own, after one that names no actor ("Central
        and local working groups review legal documents. Leaders of ministries, branches and localities strictly perform
        ...", "Điều 2. Tài liệu được đăng tải trên Cổng thông tin điện tử của Bộ Giáo dục và Đào tạo. Các Sở Giáo dục và
        Đào tạo, các cơ sở giáo dục và đào tạo khai thác, sử dụng ..."): its clauses are read on, unless it tells what the
        bodies did."""
        english = self.doc.language == "en"
        after = (SENTENCE_AFTER if english else SENTENCE_AFTER_VI).search(self.text, end - 1, block_end)
        if after is None:
            return False
        found = self.subjects.subject(after.end(), block_end)
        if english:
            return bool(found.bodies) and not EN_NARRATION.match(self.text, found.end, block_end)
        sentence_end = self.text.find(".", found.end, block_end)
        sentence_end = block_end if sentence_end < 0 else sentence_end
        # the bodies open the sentence and are given work: not what they did, what they must not do, who they are (a
        # board's members), nor a lead-in to the points below ("... với những nội dung cụ thể như sau:")
        # ("... cần khẩn trương tập trung hoàn thành. Thủ tướng Chính phủ đề nghị các Đồng chí Bộ trưởng, ... lãnh đạo,
        # chỉ đạo ...": a body that opens the sentence asks, and those it asks act)
        return found.explicit and bool(found.bodies) \
            and (self._opens_after_adverbial(found.bodies[0], after.end(), block_end)
                 or found.opened and self._opens_with_body(after.end(), block_end)) \
            and not NARRATION.match(self.text, found.end, block_end) \
            and not NOT_WORK_AFTER_SUBJECT.match(self.text, found.end, block_end) \
            and not self.text[found.end:sentence_end].rstrip().endswith(":") \
            and not _member_line(self.text, after.end(), found.end, sentence_end + 1)

    def _opens_after_adverbial(self, body: AgencyMention, start: int, end: int) -> bool:
        """Whether `body` opens the sentence at `start`, or follows its leading adverbial ("... chưa có trong danh mục.
        Theo đó, Cục Thuế sẽ cập nhật ...")."""
        if body.span[0] <= start + OPENING_WORD:
            return True  # most sentences: no need to read an adverbial
        topic = TOPIC.match(self.text, start, end)
        return topic is not None and body.span[0] <= topic.end() + OPENING_WORD

    def _opens_with_body(self, start: int, end: int) -> bool:
        """Whether a body's name opens text[start:end] (a speaker who asks, not "Văn bản thống nhất ... hồ sơ đề nghị ...")."""
        chain = self.subjects.bodies_at(start, end)
        return bool(chain) and chain[0].span[0] <= start + OPENING_WORD

    def _closing_runs_on(self, block: Block) -> bool:
        """Whether the block is a list of the closing formula's bodies that the page broke off before its verb: it ends
        with ";" or "," and the next line, which opens no block of its own, holds the formula."""
        if self.doc.last_mark(block.content_start, block.span[1]) not in (";", ","):
            return False
        after = block.span[1] + 1
        end = self.text.find("\n", after)
        line = self.text[after:len(self.text) if end < 0 else end]
        return match_enumerator(line.lstrip()) is None and self.doc.closing(after, line[:CLOSING_REACH])

    def draft(self, block: Block, start: int, end: int, who: list[AgencyMention], role: str) -> Draft:
        path, parent, contexts = block.path, self.walk.parent, self.walk.contexts
        if path is None and block.enum is None and parent is not None and parent.enum == "article" and contexts \
                and contexts[-1].span == (parent.content_start, parent.span[1]):
            # "Điều 19. Đề nghị Tòa án nhân dân thành phố, ..." read as a heading for the bodies it names, though the
            # page gave it no colon: the paragraph below it is the article's, as below a titled one
            path = parent.path
        title = self.walk.article_title
        duties_title = bool(self.cues.responsibility_article.search(title))
        draft = Draft(path=path, span=(start, end), content_start=start,
                       # its title says so, or names only the bodies whose duties its clauses set out
                       responsibility=self.walk.bodies_article or duties_title or self._under_duty_lead(),
                       # "Điều 1. Vị trí và chức năng": "Sở Tư pháp là cơ quan chuyên môn ..." there gives no work
                       descriptive=bool(self.cues.units.describing_article.match(title)),
                       procedure=not duties_title and bool(self.cues.units.procedure_article.match(title)),
                       regulated=bool(who) and all(m.regulated for m in who))
        for mention in self.subjects.specific(who, self.doc.addressees):
            add_assignee(draft.assignees, mention, role)
        return draft

    def _under_duty_lead(self) -> bool:
        """Whether the innermost heading that names an actor gives it duties ("Bộ X chịu trách nhiệm:"): its points are
        that actor's work, as in an article on responsibilities."""
        return next((c.duty_lead for c in reversed(self.walk.contexts) if c.assignees or c.generic), False)
