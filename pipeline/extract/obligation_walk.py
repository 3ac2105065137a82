"""What the readers of a document's tasks share: the document as they see it (``TaskDocument``: its text, blocks,
cues and the helpers over them, read-only once built) and where the walk over its blocks stands (``WalkState``,
with the headings above the block read now as ``HeadingContext``s). The walk (obligations.py) and its readers
(obligation_headings.py, obligation_fields.py, obligation_clauses.py, obligation_actors.py, obligation_quotes.py)
hold the same two objects; each reader is a ``TaskReader``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from pipeline.extract.agencies import AgencyMention, AgencyRegistry
from pipeline.extract.body_mentions import BodyMentions
from pipeline.extract.class_subjects import ClassSubjects
from pipeline.extract.obligation_cues import CLOSING_REACH, cue_index, cues, words
from pipeline.extract.obligation_deadlines import DeadlineReader, Paragraphs
from pipeline.extract.obligation_drafts import Draft
from pipeline.extract.obligation_subjects import SubjectReader
from pipeline.extract.obligation_units import UnitReader
from pipeline.knowledge.patterns import ARTICLE_WORDS
from pipeline.records import Reference
from pipeline.segment.segmenter import Block, Segmentation

APPROVAL_WITHIN = 20_000  # Article 1 comes right after the recitals
# "Article 1. To approve the national program ..., with the following principal contents:"
APPROVES = re.compile(rf"(?:{words(ARTICLE_WORDS)})\s+1\s*[.:]?\s*(?:To\s+approve|Phê\s+duyệt)", re.I)
# the divisions of a text ("Điều 3.", "Phần II", "Chương I", "Mục 2"): never an item of a list, nor a point's title
DIVISIONS = frozenset({"article", "part", "chapter", "section"})
# bodies a document is sent up to (a council, the National Assembly's bodies, the Government): never its actors
OVERSIGHT_KINDS = frozenset({"provincial_council", "na_body", "government"})


class TaskDocument:
    """One document as the readers of its tasks see it: its text and blocks, what kind of text it is, the cues, and
    the readers of its bodies, subjects, units and deadlines (each reads a paragraph once, when first asked)."""

    def __init__(self, text: str, seg: Segmentation, *, language: str, issued_on: str | None,
                 references: list[Reference], province: str | None = None,
                 registry: AgencyRegistry | None = None, normative: bool = False, central: bool = False,
                 articles_only: bool = False, issuer: str | None = None) -> None:
        self.text = text
        self.seg = seg
        self.language = language
        self.issued_on = issued_on
        self.references = references
        self.province = province
        self.issuer = issuer  # the body whose document this is: its own decisions in it are the act, not tasks
        self.central = central  # a central body's document: "Sở Xây dựng" there is every province's
        self.normative = normative  # rules are not obligations; only work given to state bodies is
        # a decision that publishes administrative procedures: what follows its signature is the procedures
        # (steps, offices, time limits), rules rather than tasks; its own articles assign the work
        # (its own closing: the first signature or recipients list, not one of the forms annexed after it)
        closing = next((b.span[0] for b in seg.blocks[seg.header_end:] if b.kind in ("signature", "recipients")),
                       None) if articles_only else None
        self.tasks_end = closing if closing is not None else len(text)
        self.registry = registry or AgencyRegistry.default()
        self.cues = cues()
        self.class_subjects = ClassSubjects.default()
        self.paragraphs = Paragraphs(seg.blocks)
        self.bodies = BodyMentions(text, self.paragraphs, self.registry, language=language, province=province,
                                   central=central, issuer=issuer)
        self.mentions = self.bodies.within
        self.cell_bodies = self.bodies.in_cell  # a task table's lead or partners cell
        self.deadlines = DeadlineReader(text, self.paragraphs, issued_on=issued_on, language=language)
        self.cue_hits = cue_index(text)
        self.subjects = SubjectReader(text, seg, self.registry, self.mentions, self.cue_hits, language=language,
                                      issuer=issuer, document_name_at=self.bodies.document_name_at)
        self.units = UnitReader(text, self.cues, self.subjects, self.mentions, normative=normative)
        # APPROVES opens with an article word: matched only where the automaton found one
        self.approves = any(APPROVES.match(text, at, APPROVAL_WITHIN)
                            for at in self.cue_hits.starts("article", 0, APPROVAL_WITHIN))
        self.addressees: list[AgencyMention] = []
        self.given_work: list[AgencyMention] = []

    def address(self, addressees: list[AgencyMention]) -> None:
        """The bodies the document is addressed to, and those of them a unit without a subject of its own is given to:
        not a council, the National Assembly's bodies or the Government, to whom a plan or report is sent upward
        ("Kính gửi: Hội đồng nhân dân tỉnh Cà Mau" over a province's budget plan) for decision or information, not to
        act on (read for every unit that names no actor: computed once)."""
        self.addressees = addressees
        self.given_work = [a for a in addressees if a.kind not in OVERSIGHT_KINDS]

    def touches(self, end: int, block: Block) -> bool:
        """Nothing but white space between end (of a block or task above) and the block."""
        return not self.text[end:block.span[0]].strip()

    def last_mark(self, start: int, end: int) -> str:
        """The last character of text[start:end] that is not white space ("" if none): read in place, no copy."""
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return self.text[end - 1] if end > start else ""

    def line_before(self, block: Block) -> int:
        """Where the line before the block starts (the block's own line break ends it)."""
        return self.text.rfind("\n", 0, max(0, block.span[0] - 1)) + 1

    def rest_of_above(self, block: Block) -> bool:
        """A paragraph (without a number) that opens in lower case is the rest of the block above, which the page broke:
        of a field ('+ Nội dung: ... khoản 7 Điều 20;' then 'khoản 7 Điều 21; ...'), not the end of its group; of an
        item ('5. Quan tâm giải quyết các vấn đề còn tồn đọng như:' then 'tài sản công dôi dư, ...')."""
        return self.text[block.content_start:block.content_start + 1].islower()

    def closing(self, start: int, unit: str) -> bool:
        """Whether the unit (text from start) is a closing formula ("X chịu trách nhiệm thi hành Quyết định này")."""
        return self.cues.units.closing.found(self.cue_hits, unit, start, CLOSING_REACH)


@dataclass
class HeadingContext:
    """A heading above the block read now, and what it carries down to the units below it."""
    level: float  # obligations.heading_level
    assignees: list[AgencyMention]
    lead: bool = False
    task_section: bool = True
    span: tuple[int, int] = (0, 0)  # the heading's words: "b) Hoàn thành trong tháng 11 năm 2025, cụ thể:" dates its points
    generic: bool = False  # "5. Các đơn vị thực hiện kiểm kê:": an actor, though it names no body
    partners: list[AgencyMention] = field(default_factory=list)  # "2. Sở X chủ trì, phối hợp với Y, Z:"
    duties: bool = False  # "Nhiệm vụ, quyền hạn của Bộ X", "Trách nhiệm của Sở Y": its points are X's own duties
    # one of those duties, named by a point that ends with ':' ("a) Tham mưu, giúp Ủy ban nhân dân tỉnh:"): the paragraphs
    # below it are its content, one task with it
    continued: bool = False
    duty_lead: bool = False  # "1. Bộ X chịu trách nhiệm:": the bodies it names are given its points as duties


class LastBlock(NamedTuple):
    """What the block read last left for the next one only (WalkState.take_last)."""
    bare_bullet: Block | None
    heading_item: Block | None
    bare_item: tuple[Block, Draft] | None
    bullet_task: tuple[Draft, int] | None


@dataclass
class WalkState:
    """Where the walk over a document's blocks stands: what the blocks read so far tell about the next."""
    contexts: list[HeadingContext] = field(default_factory=list)  # the headings above, innermost last
    intro: list[AgencyMention] | None = None  # whom the last lead-in paragraph addresses
    intro_at: int = -1  # where that lead-in stands
    parent: Block | None = None  # the last enumerated non-bullet block
    group: list[Draft] = field(default_factory=list)  # the tasks whose "- Cơ quan chủ trì: ..." fields are being read
    collecting: bool = False  # bullets after "a) Nhiệm vụ:" are tasks of the group
    quoting: bool = False  # inside the points of a legal provision the text quotes
    quote_open_until: int = -1  # inside an open quotation mark (“ ... ”), up to this offset at most
    article_title: str = ""  # of the article being read (a normative text's responsibilities article)
    bodies_article: bool = False  # that article is titled with bodies alone ("Điều 2. Sở Giáo dục và Đào tạo")
    item_actor: Block | None = None  # the last task item: whom it names is its bullets' actor
    under_heading: bool = False  # no enumerated unit since the last heading: its paragraphs are its tasks
    answering: bool = False  # after "... có ý kiến như sau:": what follows answers a query, to no addressee's work
    in_form: bool = False  # after "Mẫu số 09": a form annexed to the text, to be filled in, not work given by it
    # a normative text's chapter that devolves powers ("Chương II" / "PHÂN CẤP MỘT SỐ NỘI DUNG ..."): who decides what
    devolving: bool = False
    chapter_title_next: bool = False  # the block read last opened a chapter whose title may stand on the next line
    bare_bullet: Block | None = None  # the block read last, when it was a bullet that made no task (it named no actor)
    # the block read last, when it was an item that only heads its paragraph ("1. Sở Khoa học và Công nghệ chủ trì, phối
    # hợp với Văn phòng UBND tỉnh:" then the work on a line of its own): the item is the task's start
    heading_item: Block | None = None
    # the block read last, when it was a short item whose one task is its subject alone, unpunctuated ("5. Sở, ban, ngành
    # liên quan"), with that task: if the paragraph below has no actor of its own, the item was its heading
    bare_item: tuple[Block, Draft] | None = None
    # the task of the block read last, when it was a bullet of a list a lead-in addresses: a paragraph below it with no
    # subject of its own explains it ("- Kiểm soát chi phí khám, chữa bệnh ..." then "Đẩy nhanh tiến độ xây dựng ...");
    # the list, and whom the lead-in addresses, go on below it
    bullet_task: tuple[Draft, int] | None = None  # with where the last block read under it ends
    continued_task: tuple[HeadingContext, Draft] | None = None  # the task a duty's point and its paragraphs make so far
    # a bullet that names bodies and ends with a colon ("- Ủy ban nhân dân thành phố Hà Nội và ... cần tập trung một số
    # nhiệm vụ quan trọng như sau:"), by its mark: the bullets of another mark below it ("+ ...") are those bodies' work
    bullet_lead: tuple[str, list[AgencyMention]] | None = None
    objects_until: int = -1  # where the last bullet listing a lead-in's objects ends (HeadingReader.object_of_lead_in)
    objects_from: int = -1  # where the heading whose objects the next bullet lists starts (HeadingReader.object_of_lead_in)
    class_paragraph_end: int = -1  # where the last paragraph a class of bodies opened below a request's item ends

    def take_last(self) -> LastBlock:
        """What the block read last left for this one, cleared: it holds for the next block only."""
        last = LastBlock(self.bare_bullet, self.heading_item, self.bare_item, self.bullet_task)
        self.bare_bullet = self.heading_item = self.bare_item = self.bullet_task = None
        return last

    def close_item(self) -> None:
        """No labelled field below this point completes the enumerated item or the fields' group above it."""
        self.parent, self.group = None, []

    def open_appendix(self) -> None:
        """An appendix begins: the headings and the article above it head none of its units."""
        self.close_item()
        self.contexts, self.article_title, self.item_actor, self.under_heading = [], "", None, False
        self.bodies_article = False


class TaskReader:
    """One reader of a document's tasks: the document, the helpers every reader asks of it, and the walk they share."""

    def __init__(self, doc: TaskDocument, walk: WalkState) -> None:
        self.doc = doc
        self.text = doc.text
        self.cues = doc.cues
        self.subjects = doc.subjects
        self.units = doc.units
        self.mentions = doc.mentions  # the bodies named in text[start:end]
        self.walk = walk
