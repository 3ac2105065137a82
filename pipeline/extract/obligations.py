"""Extract stage, obligations: who must do what, with whom, reporting to whom, by when.

One obligation per assignable unit of work (ANNOTATION.md): each point ``a)``, each numbered item
that assigns work, each dash bullet under an addressee heading, each "Giao/Yêu cầu/Đề nghị X ..."
sentence, each row of a task table. Assignees come from the unit's own subject, else from the
addressee heading above it, else from the document's addressees; roles from "chủ trì" (lead) and
"phối hợp" (support). Cue words are data in ``data/obligation_cues.json``.

``ObligationExtractor`` walks the blocks after the header in order and hands each kind to its reader; what the
readers share is the document as they see it and where the walk stands (obligation_walk.py: ``TaskDocument``,
``WalkState``). The readers, one job each:

- obligation_headings.py: headings and lead-ins, and what they carry down to the units below them;
- obligation_fields.py: tasks spelled out as labelled fields ("- Cơ quan chủ trì: ...");
- obligation_quotes.py: provisions the text quotes (rules, not work);
- obligation_clauses.py: the tasks of one unit, clause by clause, and the clauses that are none;
- obligation_actors.py: whom a unit that names no actor belongs to;
- obligation_forms.py: forms annexed and flattened recipients lists (no work);
- task_tables.py: task-table rows.

They lean on obligation_subjects.py (who a clause names: its subject, partners and whom it reports to),
obligation_units.py (what one block's words say about who acts, whatever the walk's state), obligation_build.py
(which drafts are tasks, and the obligations made of them), obligation_cues.py (the compiled cues and the
automaton prefilter of cue_index.py), body_mentions.py (which bodies a span names, with defined_names.py and
enterprise_classes.py), subject_openers.py (whether a
clause can open with a body at all, before its paragraph is scanned), statistics_lines.py (units of figures),
obligation_deadlines.py (a task's deadlines) and obligation_drafts.py (the obligation being built).
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.extract.agencies import Agency, AgencyMention, AgencyRegistry
from pipeline.extract.obligation_actors import ActorInheritance
from pipeline.extract.obligation_build import ObligationBuilder
from pipeline.extract.obligation_clauses import ClauseReader
from pipeline.extract.obligation_drafts import Draft, add_assignee
from pipeline.extract.obligation_fields import FieldReader
from pipeline.extract.obligation_forms import FORM_TITLE_CELL, form_row, opens_form
from pipeline.extract.obligation_headings import LONG_LEAD_IN, HeadingReader
from pipeline.extract.obligation_quotes import QuotationTracker
from pipeline.extract.obligation_subjects import list_parts
from pipeline.extract.obligation_units import REMIT_HEADING
from pipeline.extract.obligation_walk import HeadingContext, LastBlock, TaskDocument, TaskReader, WalkState
from pipeline.extract.task_tables import TaskTable
from pipeline.knowledge.patterns import (
    APPENDIX_LABEL,
    ARTICLE_WORD,
    ATTACHMENT_CAPTION,
    DUTIES_OF,
    PAGE_NUMBER,
)
from pipeline.records import Assignee, Obligation, Reference
from pipeline.segment.segmenter import LEVEL, Block, Segmentation

MAX_TITLE_ITEM = 90  # an item's title is a short line
# a page number the text kept, alone in its paragraph (a page break it stood by was not marked)
STRAY_NUMBER = re.compile(PAGE_NUMBER)
MAX_STRAY_NUMBER = 12  # most paragraphs are longer: a length test before the regex
# "Điều 2. Sở Công Thương có trách nhiệm rà soát, ...\nHoàn thành trước ngày 21/11/2025.": a line that only gives the
# time of the task before it belongs to that task
TIME_ONLY = re.compile(r"\s*(?:Hoàn\s+thành|Thời\s+hạn(?:\s+hoàn\s+thành)?|Thời\s+gian\s+hoàn\s+thành)\s+(?:trước|chậm\s+nhất|trong|vào|không\s+quá)\b[^\n:]{0,100}$",
                       re.I)
# "1.4. The Ministry of Finance shall ensure ..." then "It shall coordinate with the Ministry of Justice and the Ministry
# of Industry and Trade in ...": an English translation goes on with the item's body as a pronoun in a paragraph of its
# own; the paragraph is more of the item's task (its partners are the task's)
PRONOUN_SUBJECT = re.compile(r"\s*(?:It|They)\s+(?:shall|must)\b")
# a chapter's title that devolves powers: "PHÂN CẤP MỘT SỐ NỘI DUNG THUỘC LĨNH VỰC XÂY DỰNG, GIAO THÔNG ...", "PHÂN CẤP,
# PHÂN QUYỀN ..."
DEVOLUTION_TITLE = re.compile(r"[\s.:–-]*PHÂN\s+(?:CẤP|QUYỀN)\b")
# a short item without a closing stop: it may only name the bodies whose work follows
BARE_ITEM = re.compile(r"[^\n]{1,120}(?<![.;:!?])\s*")
# "- Sản phẩm: Hệ thống cảnh báo ... được vận hành": what a task delivers, not a task
OUTPUT_LABEL = re.compile(r"\s*(?:[-+•]\s*)?(?:Sản\s+phẩm(?:\s+đầu\s+ra)?|Kết\s+quả\s+(?:đầu\s+ra|dự\s+kiến))\s*:", re.I)
BARE_ARTICLE = re.compile(rf"\s*{ARTICLE_WORD}\s+\d+[a-z]?\s*[.:]?\s*")  # an article's number, its title below it

# blocks that hold no task of the document's own
NO_TASK_KINDS = frozenset({"recital", "recipients", "signature", "header", "addressees", "attached_title", "preamble",
                           "footnote"})


class ObligationExtractor(TaskReader):
    """The walk over one document's blocks: which reader each block goes to, and what the walk keeps between them.
    It reads one document once (``extract``)."""

    def __init__(self, text: str, seg: Segmentation, *, language: str, issued_on: str | None,
                 references: list[Reference], province: str | None = None,
                 registry: AgencyRegistry | None = None, normative: bool = False, central: bool = False,
                 articles_only: bool = False, issuer: str | None = None) -> None:
        super().__init__(TaskDocument(text, seg, language=language, issued_on=issued_on, references=references,
                                      province=province, registry=registry, normative=normative, central=central,
                                      articles_only=articles_only, issuer=issuer), WalkState())
        self.actors = ActorInheritance(self.doc, self.walk)
        self.clauses = ClauseReader(self.doc, self.walk, self.actors)
        self.headings = HeadingReader(self.doc, self.walk, self.clauses)
        self.fields = FieldReader(self.doc, self.walk)
        self.quotes = QuotationTracker(self.doc, self.walk)

    # --- blocks ---------------------------------------------------------------------------------

    def extract(self, doc_id: str, addressees: list[AgencyMention]) -> list[Obligation]:
        """Walk the blocks after the header in order; each kind of block has its reader."""
        self.doc.address(addressees)
        drafts: list[Draft] = []
        doc = self.doc
        table = TaskTable(self.text, doc.cues.layout.columns, doc.cue_hits, self.mentions,
                          lambda mention: self.subjects.related_only(mention, generic_nouns=False), doc.cell_bodies)
        kind_now = ""  # the kind of the block read last: a broken table header is looked for once per table
        since_row = 0  # how many drafts there were when the last table row was read
        for block in doc.seg.blocks[doc.seg.header_end:]:
            if block.kind in NO_TASK_KINDS:
                if block.kind == "signature":  # an item's labelled fields never follow its document's signature
                    self.walk.close_item()
                continue
            if block.span[0] >= doc.tasks_end and self._tasks_closed():
                break  # the procedures a decision publishes: whatever they hold is no task, and is not read
            line = self.text[block.span[0]:block.span[1]]
            previous_kind, kind_now = kind_now, block.kind
            if block.kind == "appendix" and APPENDIX_LABEL.match(line):
                self.walk.open_appendix()  # "Phụ lục 01" alone on its line: the forms after a regulation's articles
            if block.kind == "table_row":
                if self.walk.in_form or form_row(line) or FORM_TITLE_CELL.match(line):
                    # the rows of a form annexed, to be filled in ("Kiểm tra nhận thức | ......... | ........."), its
                    # signing line, or a row that opens one ("Mẫu 4: Sổ gốc cấp giấy chứng nhận ... | ...")
                    self.walk.in_form = self.walk.in_form or bool(FORM_TITLE_CELL.match(line))
                    continue
                tail = table.tail(block, line)
                if tail is not None:  # the row's task was written above it, line by line: the tail completes it
                    self._complete_row(table, tail, block, drafts, since_row)
                else:
                    drafts.extend(table.row(block, line, after_row=previous_kind == "table_row"))
                if table.broken_header is not None:
                    # the labels of a header the page broke into lines ("STT" / "Tên nhiệm vụ" / "Cơ quan chủ trì"),
                    # known once its first row is read: a heading above them may have made tasks of them
                    labels, table.broken_header = table.broken_header, None
                    drafts[:] = [d for d in drafts if not labels[0] <= d.span[0] < labels[1]]
                table.row_end, since_row = block.span[1], len(drafts)
                self.walk.close_item()  # fields below a table row are no item's above it
                continue
            if table.absorbs(block, line):
                continue  # the broken cells of a table of results ("Nhiệm vụ giao Bộ trưởng Bộ Y tế chỉ đạo")
            table.line(block, line)
            self._read_block(block, line, drafts)
        builder = ObligationBuilder(self.text, self.subjects, doc.deadlines, doc.references, doc.cues,
                                    normative=doc.normative, issuer=doc.issuer, tasks_end=doc.tasks_end)
        return builder.build(doc_id, drafts)

    def _complete_row(self, table: TaskTable, tail: list[tuple[int, int]], block: Block, drafts: list[Draft],
                      since: int) -> None:
        """The drafts made since the table's last row, and written after it, are the tasks of the row whose tail
        this is: they take its lead, partners and time; what a task delivers ("- Sản phẩm: ...") is dropped. Only the
        drafts made since that row (from index `since`) can qualify: a long table costs one pass."""
        since = min(since, len(drafts))  # a numbered item's title may have been dropped since
        mine = [d for d in drafts[since:] if table.row_end <= d.span[0] < block.span[0]]
        outputs = {id(d) for d in mine if OUTPUT_LABEL.match(self.text, d.content_start)}  # drafts by identity
        for draft in mine:
            if not draft.explicit and id(draft) not in outputs:
                table.complete(draft, tail)
        if outputs:
            drafts[since:] = [d for d in drafts[since:] if id(d) not in outputs]

    def _devolves(self, block: Block, line: str) -> bool:
        """Whether the block lies in a chapter that devolves powers ("Chương II" then "PHÂN CẤP MỘT SỐ NỘI DUNG THUỘC
        LĨNH VỰC XÂY DỰNG ..."): its clauses say which body decides, issues or appraises what (rules of competence, as
        a normative text's are), not work given to it; the work is in the chapters on carrying the text out."""
        walk = self.walk
        if block.enum in ("part", "section"):
            walk.devolving = bool(DEVOLUTION_TITLE.match(self.text, block.content_start, block.span[1]))
            walk.chapter_title_next = not walk.devolving and block.heading
            return walk.devolving
        if walk.chapter_title_next:
            walk.chapter_title_next = False
            if not block.enum and line.isupper():
                walk.devolving = bool(DEVOLUTION_TITLE.match(line.strip()))
        return walk.devolving

    def _tasks_closed(self) -> bool:
        """Past the end of the tasks, whether no block can reach back to a task before it: a labelled field
        ("- Cơ quan chủ trì: ...") completes the fields' group or the enumerated item above it; once both lie
        past the end, every draft the walk could make or change starts there, and _finish drops it."""
        walk = self.walk
        return (walk.parent is None or walk.parent.span[0] >= self.doc.tasks_end) and \
            all(d.span[0] >= self.doc.tasks_end for d in walk.group)

    def _read_block(self, block: Block, line: str, drafts: list[Draft]) -> None:
        """A block outside task tables: a labelled field, a heading, a quoted provision or a unit of work. Each step
        below reads the block as one of them, or passes it on."""
        opens_article = False
        if (amendment := self.quotes.amendment(block)) is not None:
            # "6. Sửa đổi điểm a khoản 1 Điều 15 như sau:" then "“a) Ủy ban nhân dân cấp tỉnh có trách nhiệm ...": the new
            # wording an amendment gives is this text's own rules, read past its quotation mark and number
            block = replace(block, content_start=amendment[0])
            opens_article = amendment[1]
        if block.enum in (None, "bullet") and len(line) <= MAX_STRAY_NUMBER and STRAY_NUMBER.fullmatch(line):
            # a page number the text kept ("6. Về chính quyền địa phương:" / "2" / "a) ...", or "- 2 -"): no task, and
            # no lead-in that would cut the points below it off from the one above
            return
        if line[:1] == "(" and not block.enum and ATTACHMENT_CAPTION.match(line):
            return  # "(Kèm theo Kế hoạch số 617/KH-UBND ngày 01/12/2025 ...)": the caption under an appendix's title
        if self.headings.object_of_lead_in(block, drafts):
            return
        last = self.walk.take_last()
        if self._passes_over(block, line, drafts) or self._reads_field(block, drafts, last):
            return
        walk = self.walk
        if block.enum != "bullet" and not (block.enum is None and walk.group and self.doc.rest_of_above(block)):
            walk.group, walk.collecting = [], False
        if self.headings.leads_bullets(block, line) or self._reads_structure(block, line, drafts, opens_article) \
                or self._reads_aside(block, line, drafts, last):
            return
        self._read_unit(block, line, drafts, last)

    def _passes_over(self, block: Block, line: str, drafts: list[Draft]) -> bool:
        """Blocks that hold no work of this text: the forms it annexes, and a normative text's chapter that devolves
        powers; an item that only titled the point below it stops being a task."""
        walk = self.walk
        if opens_form(line):
            walk.in_form = True  # the forms a text annexes run to its end, or to the next article or chapter
            return True
        if block.enum and drafts and _titles(self.text, drafts[-1], block):
            drafts.pop()  # "1. Nhiệm vụ, giải pháp tổng thể" then "1.1. ...": the item is the title of its points
        if walk.in_form:
            if block.enum not in ("article", "part"):
                return True
            walk.in_form = False
        return self.doc.normative and self._devolves(block, line)

    def _reads_field(self, block: Block, drafts: list[Draft], last: LastBlock) -> bool:
        """A labelled field, a task bullet of the fields' group, or a line that only gives the time of the task above."""
        walk = self.walk
        # a label ends with ':': most blocks hold none, and the alternation of labels is not tried
        label = self.doc.cues.layout.field_label.match(self.text, block.content_start, block.span[1]) \
            if self.text.find(":", block.content_start, block.span[1]) >= 0 else None
        if label and block.enum in ("bullet", "subpoint", "point", None):
            self.fields.read(block, label, drafts, last.bare_bullet)
            return True
        if walk.collecting and block.enum == "bullet":
            draft = Draft(path=block.path, span=(block.content_start, block.span[1]), content_start=block.content_start)
            drafts.append(draft)
            walk.group.append(draft)
            return True
        if not block.enum and drafts and self._goes_on_task(block) and self.doc.touches(drafts[-1].span[1], block):
            drafts[-1].span = (drafts[-1].span[0], block.span[1])
            return True
        return False

    def _reads_structure(self, block: Block, line: str, drafts: list[Draft], opens_article: bool = False) -> bool:
        """Where the block stands in the text's structure: an enumerated block closes the headings of its level and
        below, an article opens its title (opens_article: the article an amendment gives in full); a block that heads
        others is read as a heading."""
        walk = self.walk
        level = heading_level(block)
        if block.enum and block.enum != "bullet":
            walk.contexts = [c for c in walk.contexts if c.level < level]
            walk.parent = block
        if block.enum in ("article", "part"):
            walk.article_title = line[:160] if block.enum == "article" else ""
            walk.bodies_article = block.enum == "article" and self.doc.normative and self.units.names_only(block)
            if block.enum == "article":
                walk.intro = None  # "Bộ Nội vụ ... có nhiệm vụ, quyền hạn sau:" addresses its own article's points only
        elif self.doc.normative and not walk.article_title:
            return True  # before its first article a normative text has only its title and enacting formula
        elif not block.enum and BARE_ARTICLE.fullmatch(walk.article_title):
            walk.article_title += " " + line[:160]  # "Điều 4." then "Trách nhiệm thi hành" on a line of its own
            if self.units.names_duties(block) or self.cues.units.non_task_heading.match(line.strip()):
                # "Trách nhiệm của Sở Y tế": the article's points are its duties; "Requirements" (BeautifulSoup's text of
                # an English page sets "Article 1." and its title apart): no task below it
                self.headings.heading(block, line, LEVEL["article"], drafts)
                return True
        elif opens_article:
            walk.article_title += " " + line[:160]  # "Điều 10. Sửa đổi, bổ sung Điều 22" then "“Điều 22. Trách nhiệm của ..."
            if DUTIES_OF.match(self.text, block.content_start, block.span[1]):  # an article's title, however long
                self.headings.heading(block, line, LEVEL["article"], drafts)
                return True
        if block.enum and (block.heading or self.units.names_only(block) or self.units.duties_title(block)
                           or block.enum != "bullet" and self.headings.names_a_class(block)):
            self.headings.heading(block, line, level, drafts)
            return True
        if block.enum:
            walk.under_heading = False
        if block.enum and block.enum != "bullet":
            walk.item_actor = block  # whom it names is read only when a bullet below it asks
        return False

    def _reads_aside(self, block: Block, line: str, drafts: list[Draft], last: LastBlock) -> bool:
        """A block that gives no task of its own where it stands: a quoted provision, a remit's title, the explanation of
        the bullet task above it, or a lead-in to the points below."""
        walk = self.walk
        if block.kind in ("body", "appendix") and self.quotes.quoted(block):
            if (request := self.units.request_after_citation(block)) is not None:
                # "Tại khoản 1 Điều 37 Nghị định ... quy định: ... Do vậy, đề nghị Thuế tỉnh Gia Lai căn cứ ...": an
                # answer cites the rules, then asks its addressee to act on them
                drafts.extend(self.clauses.tasks(replace(block, content_start=request), walk.contexts, walk.intro))
            return True
        if not block.enum and self.subjects.remit_body and walk.contexts and not walk.contexts[-1].assignees \
                and REMIT_HEADING.match(self.text, block.content_start, block.span[1]):
            walk.contexts[-1].assignees = [self.subjects.remit_body]  # "Điều 2." then "Nhiệm vụ và quyền hạn" on a line of its own
            walk.contexts[-1].duties = True
            return True
        bullet_task = last.bullet_task
        if not block.enum and bullet_task is not None and walk.intro and drafts and drafts[-1] is bullet_task[0] \
                and self.doc.touches(bullet_task[1], block) and not line.rstrip().endswith(":") \
                and not self.subjects.subject(block.content_start, block.span[1]).explicit:
            walk.bullet_task = (bullet_task[0], block.span[1])
            return True
        if not block.enum and not (walk.intro and (self.actors.continues_item(block, line)
                                                   or self.actors.after_class_paragraph(block))):
            intro = self.headings.intro(block, walk.intro)
            if intro is not walk.intro:
                walk.intro, walk.intro_at = intro, block.span[0]
            if line.rstrip().endswith(":") and (len(line) <= 2 * LONG_LEAD_IN or self.headings.announces_points(block)):
                return True
        return False

    def _read_unit(self, block: Block, line: str, drafts: list[Draft], last: LastBlock) -> None:
        """A unit of work: its tasks, joined to the block above where the page broke it, and what it leaves for the
        block below."""
        walk = self.walk
        # "...; Các bộ, ngành, địa phương ... tổ chức rà soát ...;" then "gửi kết quả về Bộ Công an trước ngày 10 tháng 12 năm
        # 2025; Bộ Công an tổng hợp, ...": the page broke the last task's sentence; its words run on into this paragraph
        carry = drafts[-1] if not block.enum and drafts and self.doc.rest_of_above(block) \
            and self.doc.touches(drafts[-1].span[1], block) else None
        made = self.clauses.tasks(block, walk.contexts, walk.intro, carry)
        if not block.enum and made and walk.under_heading and walk.contexts and walk.contexts[-1].continued:
            made = self._continue_duty(walk.contexts[-1], made)
        bare_item, heading_item = last.bare_item, last.heading_item
        if not made and not block.enum and bare_item and drafts and drafts[-1] is bare_item[1] \
                and self.doc.touches(bare_item[0].span[1], block):
            made, heading_item = self._under_bare_item(block, bare_item[0], drafts)
        elif made and block.enum == "bullet" and bare_item and drafts and drafts[-1] is bare_item[1] \
                and self.doc.touches(bare_item[0].span[1], block):
            drafts.pop()  # "5. Các sở, ban, ngành, đoàn thể cấp tỉnh và UBND các xã, phường" then "- Tiếp tục ...": a heading
        if heading_item and not block.enum and made and made[0].span[0] == block.content_start \
                and self.doc.touches(heading_item.span[1], block):
            made[0].span = (heading_item.content_start, made[0].span[1])
            made[0].path = made[0].path or heading_item.path
        if block.enum == "bullet" and made and walk.objects_from >= 0:
            # the first of the bullets that list what a heading names ("a) Tham mưu ... quyết định:"): the heading's
            # task, which the next ones extend
            made = [made[0]]
            made[0].span = (walk.objects_from, made[0].span[1])
            walk.objects_until = block.span[1]
        walk.objects_from = -1
        if block.enum == "bullet" and not made:
            walk.bare_bullet = block
        elif block.enum == "bullet":
            walk.bullet_task = (made[-1], block.span[1])
        elif block.enum in LEVEL and len(made) == 1 and made[0].explicit \
                and BARE_ITEM.fullmatch(self.text, block.content_start, block.span[1]):
            walk.bare_item = (block, made[0])
        drafts.extend(made)

    def _continue_duty(self, context: HeadingContext, made: list[Draft]) -> list[Draft]:
        """A paragraph under a duty's point ('a) Tham mưu, giúp Ủy ban nhân dân tỉnh:' then 'Trình Hội đồng nhân dân tỉnh
        quyết định ...'): its subject-less work is the point's task, which starts at the point and runs on to its last
        paragraph; a clause that names its own body stays a task of its own."""
        walk = self.walk
        own = [d for d in made if d.explicit]
        rest = [d for d in made if not d.explicit]
        if walk.continued_task is not None and walk.continued_task[0] is context:
            if rest:
                task = walk.continued_task[1]
                task.span = (task.span[0], max(d.span[1] for d in rest))
            return own
        if not rest:
            return made
        first = rest[0]
        first.span = (context.span[0], first.span[1])
        first.content_start = context.span[0]
        walk.continued_task = (context, first)
        return made

    def _under_bare_item(self, block: Block, item: Block, drafts: list[Draft]) -> tuple[list[Draft], Block | None]:
        """'5. Sở, ban, ngành liên quan' then 'Căn cứ theo chức năng, nhiệm vụ, ... xây dựng kế hoạch ...': the item
        only named the bodies whose work the paragraph (with no actor of its own) gives, so it is read again as the
        paragraph's heading; the paragraph's tasks, and the item they start at."""
        walk = self.walk
        contexts, item_actor = list(walk.contexts), walk.item_actor
        self.headings.heading(item, self.text[item.span[0]:item.span[1]], heading_level(item), [])
        made = self.clauses.tasks(block, walk.contexts, walk.intro)
        heading_item, walk.heading_item = walk.heading_item, None
        if made:
            drafts.pop()  # the item's own task was its heading
            made[0].path = made[0].path or item.path
            return made, heading_item
        walk.contexts, walk.item_actor, walk.under_heading = contexts, item_actor, False
        if self.doc.closing(block.content_start, self.text[block.content_start:block.span[1]]):
            # "Điều 3. Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Thủ trưởng cơ quan thuộc" then "Chính phủ, ... chịu trách
            # nhiệm thi hành Quyết định này./.": one closing formula the page broke in two
            drafts.pop()
        return [], None

    def _goes_on_task(self, block: Block) -> bool:
        """A paragraph that is more of the task above it: only its time (TIME_ONLY), or, in English, its body again as a
        pronoun (PRONOUN_SUBJECT)."""
        start, end = block.content_start, block.span[1]
        return bool(TIME_ONLY.match(self.text, start, end)
                    or self.doc.language == "en" and PRONOUN_SUBJECT.match(self.text, start, end))


def heading_level(block: Block) -> float:
    """How deep a block stands among the headings: its enumerator's kind (LEVEL), and a decimal number one step
    deeper per part, so that "1.1. The Ministry of Justice" heads "1.1.1. To assume ..." below it and "1.2." ends it
    (the segmenter gives all of them the kind "subitem")."""
    level = LEVEL.get(block.enum or "", 9)
    if block.enum == "subitem" and block.label:
        level += (block.label.count(".") - 1) / 10  # at most three dots: still above a point's level
    return level


def _titles(text: str, draft: Draft, block: Block) -> bool:
    """Whether the draft is a short item without a closing stop ("8. Giám đốc Sở, Thủ trưởng cơ quan, ban, ngành")
    whose first point is `block` ("8.a"): a title, its tasks below it."""
    return bool(draft.path and block.path and block.path.startswith(draft.path + ".")) \
        and draft.span[1] - draft.content_start <= MAX_TITLE_ITEM \
        and not text[draft.content_start:draft.span[1]].rstrip().endswith((".", ";", ":", "!", "?"))


# an addressees line of places alone, a dash before it: "- Đắk Lắk và Khánh Hòa;"
PLACES_LINE = re.compile(r"\s*[-–+•]?\s*(?P<places>[^\W\d_][^:;()]{0,200}?)\s*[;.,]?\s*$")


def _places_going_on(text: str, block: Block, listed: list[AgencyMention], registry: AgencyRegistry
                     ) -> list[AgencyMention]:
    """'- Bí thư tỉnh ủy, Chủ tịch Ủy ban nhân dân các tỉnh: Gia Lai,' / '- Đắk Lắk và Khánh Hòa;' (dev
    vi_cd_223_ttg_2025): a line of places alone, after an addressees line whose list of provinces ended with a comma, goes
    on with that list; each place gets the bodies the list gave its first (its party committee, its People's
    Committee). Nothing unless every part of the line is a province or a centrally-run city."""
    line = PLACES_LINE.fullmatch(text, block.span[0], block.span[1]) if listed else None
    if line is None:
        return []
    # the bodies of the list above that stand for their province, each looked up once
    firsts = [agency for m in listed if (agency := registry.lookup(m.name)) is not None and agency.province
              and agency.province in agency.name]
    found: list[AgencyMention] = []
    for part, at in list_parts(line.group("places"), line.start("places")):
        place = part.strip()
        committee = registry.lookup(place)
        if committee is None or committee.kind not in ("province", "city") or not committee.province:
            return []
        at += part.find(place)
        for first in firsts:
            if (body := _at_place(first, committee, registry)) is not None:
                found.append(AgencyMention((at, at + len(place)), place, body.name, body.name_en, body.kind))
    return found


def _at_place(first: Agency, committee: Agency, registry: AgencyRegistry) -> Agency | None:
    """The body of the place `committee` stands for that is to it what `first` is to its own province."""
    if first.kind in ("province", "city"):
        return committee
    place = committee.province
    names = [first.name.replace(first.province, place)]
    if first.kind == "party":  # a city's party committee is its Thành ủy, a province's its Tỉnh ủy
        names += [f"{word} {place}" for word in ("Tỉnh ủy", "Thành ủy")]
    return next((body for name in names if (body := registry.lookup(name)) and body.province == place), None)


def extract_obligations(text: str, seg: Segmentation, *, doc_id: str, language: str, issued_on: str | None,
                        references: list[Reference], province: str | None = None,
                        registry: AgencyRegistry | None = None, normative: bool = False,
                        central: bool = False, articles_only: bool = False, issuer: str | None = None
                        ) -> tuple[list[Obligation], list[Assignee]]:
    """All obligations of a document, and the bodies the document as a whole is addressed to."""
    extractor = ObligationExtractor(text, seg, language=language, issued_on=issued_on, references=references,
                                    province=province, registry=registry, normative=normative, central=central,
                                    articles_only=articles_only, issuer=issuer)
    addressee_mentions: list[AgencyMention] = []
    listed: list[AgencyMention] = []  # the bodies the addressees line above named, if it ended its list with a comma
    for block in seg.of_kind("addressees"):
        line = text[block.span[0]:block.span[1]]
        opener = re.match(r"^.*?(?:Kính\s+gửi|điện|To)\s*:", line, re.I)
        start = block.span[0] + (opener.end() if opener else 0)  # not the issuer in "THỦ TƯỚNG ... điện:"
        found = extractor.mentions(start, block.span[1]) or _places_going_on(text, block, listed, extractor.doc.registry)
        for mention in found:
            if all(m.name != mention.name for m in addressee_mentions):
                addressee_mentions.append(mention)
        listed = found if line.rstrip().endswith(",") else []
    addressees: list[Assignee] = []
    for mention in addressee_mentions:
        add_assignee(addressees, mention, "responsible")
    return extractor.extract(doc_id, addressee_mentions), addressees
