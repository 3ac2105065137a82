"""Extract stage, obligations: who must do what, with whom, reporting to whom, by when.

One obligation per assignable unit of work (ANNOTATION.md): each point ``a)``, each numbered item
that assigns work, each dash bullet under an addressee heading, each "Giao/Yêu cầu/Đề nghị X ..."
sentence, each row of a task table. Assignees come from the unit's own subject, else from the
addressee heading above it, else from the document's addressees; roles from "chủ trì" (lead) and
"phối hợp" (support). Cue words are data in ``data/obligation_cues.json``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import deque
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import accumulate

from pipeline import knowledge
from pipeline.extract.agencies import Agency, AgencyMention, AgencyRegistry, fold_name
from pipeline.extract.bodies import BodyGrammar, BodyName
from pipeline.extract.deadlines import entry_into_force, find_deadlines, primary_deadline
from pipeline.knowledge.patterns import UPPER_VI, first_letters
from pipeline.records import Assignee, Deadline, Obligation, Reference, obligation_id
from pipeline.segment.segmenter import LEVEL, Block, Segmentation


def _words(alternatives: list[str]) -> str:
    return "|".join(sorted((a.replace(" ", r"\s+") for a in alternatives), key=len, reverse=True))


@dataclass(frozen=True)
class Cues:
    opener: re.Pattern[str]
    connector_gap: re.Pattern[str]
    lead: re.Pattern[str]
    lead_after_opener: re.Pattern[str]
    support: re.Pattern[str]
    report: re.Pattern[str]
    channel: re.Pattern[str]
    closing: re.Pattern[str]
    document_clause: re.Pattern[str]
    generic_actor: re.Pattern[str]
    entitlement: re.Pattern[str]
    modal_subject: re.Pattern[str]
    responsibility_article: re.Pattern[str]
    praise: re.Pattern[str]
    non_task_heading: re.Pattern[str]
    columns: dict[str, re.Pattern[str]]
    generic: re.Pattern[str]
    field_label: re.Pattern[str]
    field_kinds: dict[str, str]
    connector_words: tuple[str, ...]


@lru_cache(maxsize=1)
def cues() -> Cues:
    """Compiled cue patterns. Those used with pattern.match(text, pos) carry no '^': it would only
    match at the start of the whole text, never at pos."""
    data = knowledge.load("obligation_cues")
    connectors = _words(data["subject_connectors"])
    return Cues(
        opener=re.compile(rf"\s*(?:{_words(data['assign_openers'])})\b\s*:?\s*"),
        connector_gap=re.compile(rf"^[\s,;:()\-–/]*(?:(?:{connectors})\b[\s,;:()\-–/]*)*$"),
        lead=re.compile(rf"[\s,;:(]*(?:{_words(data['lead_cues'])})\b", re.I),
        lead_after_opener=re.compile(first_letters(data['lead_cues']) + rf"\b(?:{_words(data['lead_cues'])})\b", re.I),
        support=re.compile(first_letters(data['support_cues']) + rf"\b(?:{_words(data['support_cues'])})\b", re.I),
        report=re.compile(first_letters(data['report_cues']) + rf"\b(?:{_words(data['report_cues'])})\b", re.I),
        channel=re.compile(rf"^\s*\(?\s*(?:{_words(data['report_channel'])})\b", re.I),
        closing=re.compile(first_letters(data['closing_formula']) + rf"(?:{_words(data['closing_formula'])})", re.I),
        document_clause=re.compile("|".join(f"(?:{c})" for c in data["document_clauses"]), re.I | re.M),
        generic_actor=re.compile(rf"\s*(?:(?:{_words(data['assign_openers'])})\s+)?(?:{_words(data['generic_actors'])})\b",
                                 re.I),
        entitlement=re.compile(rf"\s*(?:{_words(data['entitlement_openers'])})\b"),
        modal_subject=re.compile(data["modal_subject"]),
        responsibility_article=re.compile("|".join(data["responsibility_articles"]), re.I),
        praise=re.compile(rf"\s*(?:{_words(data['praise_openers'])})\b"),
        non_task_heading=re.compile(rf"^(?:(?:Điều|Article)\s+\d+[a-z]?\s*[.:]?\s*|[IVX\d]+[.)]\s*)?"
                                    rf"(?:{_words(data['non_task_headings'])})\b"),
        columns={k: re.compile("|".join(map(re.escape, v)), re.I) for k, v in data["table_columns"].items()},
        generic=re.compile(_words(data["generic_partners"]), re.I),
        field_label=re.compile(rf"\s*({_words([w for ws in data['field_labels'].values() for w in ws])})\s*:\s*",
                               re.I),
        field_kinds={" ".join(w.lower().split()): kind for kind, ws in data["field_labels"].items() for w in ws},
        connector_words=tuple(data["subject_connectors"]),
    )


DUTIES_OF = re.compile(first_letters(["nhiệm", "trách", "tasks", "duties", "responsibilities"])
                       + r"\b(?:nhiệm\s+vụ|trách\s+nhiệm|tasks|duties|responsibilities)\s+(?:của|of)\s+", re.I)
INNER_OPENER = re.compile(first_letters(["yêu", "đề", "giao", "request", "assign"])
                          + r"\b(?:yêu\s+cầu|đề\s+nghị|giao|requests?|requesting|assigns?)\s+(?!của\b|of\b)", re.I)
# an addressee heading names its bodies anywhere; a longer heading only through its subject or request
SHORT_HEADING = 120
CHAIN_REACH = 600  # characters: how far after a cue or a clause's start its list of bodies may run
APPROVAL_WITHIN = 20_000  # Article 1 comes right after the recitals
# "Article 1. To approve the national program ..., with the following principal contents:"
APPROVES = re.compile(r"(?:Article|Điều)\s+1\s*[.:]?\s*(?:To\s+approve|Phê\s+duyệt)", re.I)
RELATED = re.compile(r"\s*(?:có\s+)?liên\s+quan|\s*(?:concerned|relevant)\b", re.I)
# "các sở, ngành, cơ quan liên quan": more generic nouns may stand between a group and its "liên quan"
RELATED_AFTER = re.compile(r"(?:\s*(?:,|và|and)?\s*(?:các\s+)?(?:cơ\s+quan|đơn\s+vị|địa\s+phương|ngành|tổ\s+chức"
                           r"|agencies|units|localities))*(?:" + RELATED.pattern + ")", re.I)
SESSION_WITH = re.compile(
    r"làm\s+việc\s+(?:với|tại)\s+(?:lãnh\s+đạo\s+|Ban\s+Thường\s+vụ\s+|Thường\s+trực\s+)?(?:Tỉnh\s+ủy,?\s+)?"
    r"(tỉnh|thành\s+phố)\s+((?:[A-ZĐÂĂÊÔƠƯ][\wÀ-ỹ]*)(?:\s+[A-ZĐÂĂÊÔƠƯ][\wÀ-ỹ]*){0,3})")

# a class name -> the prefix of the specific bodies that stand for it when the addressees name them
CLASS_PREFIX = {
    "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương": "Ủy ban nhân dân t",
    "Tỉnh ủy, Thành ủy các tỉnh, thành phố trực thuộc Trung ương": "T",
}


FIRST_WORD = re.compile(r"[\s,;:(\-–]*([^\W\d_]+|\d)")


@lru_cache(maxsize=4)
def _subject_openers(registry: AgencyRegistry) -> frozenset[str]:
    """First words of every name, alias, title and list phrase in the registry data, plus the connector
    words a subject may begin with."""
    data = knowledge.load("agencies")
    words: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, str):
            first = FIRST_WORD.match(value)
            if first:
                words.add(fold_name(first.group(1)))
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(data)
    for alias, _, _ in registry.aliases():
        walk(alias)
    walk(list(cues().connector_words))
    return frozenset(words)


# the predicate of a lead-in whose subject does the listed work ("... tập trung thực hiện các nhiệm vụ sau:")
# "..., các tổ chức chính trị - xã hội, các xã, phường, các doanh nghiệp (sau đây viết tắt là cơ quan, đơn vị) và mọi
# người dân triển khai": short list items and a parenthesis may stand between the bodies and the verb
ACTING = re.compile(r"(?:\s*,\s*[^\s,.;:()][^,.;:()]{0,29}?){0,6}?\s*(?:\([^()]{0,80}\))?[\s,]*(?:[^\s,.;:]+\s+){0,6}?"
                    r"(?:thực\s+hiện|triển\s+khai|chỉ\s+đạo|tổ\s+chức|tập\s+trung|khẩn\s+trương|chủ\s+trì"
                    r"|shall|should|must|are\s+to)\b", re.I)
ACTING_PLACE = re.compile(r"(?:^|,\s*|\s)(?:[Tt]ỉnh|[Tt]hành\s+phố)(?:\s+[A-ZĐÂĂÊÔƠƯ][\wÀ-ỹ]*){0,3}")
# after its subject, a clause that tells what was done or received rather than what is to be done
NARRATION = re.compile(r"[\s,]*(?:đã|đang|vừa|nhận\s+được|có\s+kế\s+hoạch|xin\s+(?:thông\s+báo|trả\s+lời)|trả\s+lời"
                       r"|has\s+(?:been\s+)?\w+ed|have\s+(?:been\s+)?\w+ed|received)\b")
# "X chịu trách nhiệm toàn diện trước Thủ tướng Chính phủ về tính chính xác ...", "Chịu trách nhiệm trước pháp luật
# về ...", "chịu trách nhiệm về nội dung báo cáo": whom a body answers to, not work it is given
ACCOUNTABLE = re.compile(r"[\s,]*(?:phải\s+)?chịu\s+trách(?:\s+nhiệm)?(?:\s+toàn\s+diện)?\s+(?:trước\s|về\s+(?:tính|nội\s+dung"
                         r"|số\s+liệu|kết\s+quả)\b)", re.I)
# "...; chủ động chỉ đạo ...", "..., báo cáo Chính phủ ...": the answerable body is also given work
FURTHER_ACTION = re.compile(r";|,\s*(?:đồng\s+thời\s+)?(?:báo\s+cáo|chủ\s+động|kịp\s+thời|khẩn\s+trương|tổ\s+chức|chỉ\s+đạo)\b")
# a paragraph that quotes a provision of another document: "Tại khoản 1 Điều 60 Thông tư 80/2021/TT-BTC ...
# hướng dẫn:", "Theo quy định tại Điều 18 Nghị định số 103/2024/NĐ-CP:"
QUOTE_MARKS = "\"“‘'«”’»"
# a quoted provision, not a quoted slogan ("“mỗi người làm việc bằng hai”")
QUOTED_PROVISION = re.compile(r"\s*[\"“‘«]\s*(?:Điều\s+\d|Khoản\s+\d|Chương\s|\d{1,3}\.\s|[a-zđ]\)\s)")
CITES_PROVISION = re.compile(r"\s*Tại\s+(?:điểm|khoản|Điều|Mục)\s")  # "Tại khoản 3 Điều 18 Nghị định ...": a citation
# what follows a quoted provision: the letter's own conclusion or request
QUOTE_ENDS = re.compile(r"\s*(?:Đề\s+nghị|Giao|Yêu\s+cầu|Căn\s+cứ\s+(?:các\s+)?(?:quy\s+định|hướng\s+dẫn)\s+(?:nêu\s+)?trên"
                        r"|Trên\s+cơ\s+sở)", re.I)
QUOTES_RULES = re.compile(r"^\s*(?:Tại|Theo|Căn\s+cứ|Theo\s+quy\s+định\s+tại)\s+(?:quy\s+định\s+tại\s+)?(?:điểm|khoản|Điều|Mục"
                          r"|Chương|Phụ\s+lục|Nghị\s+định|Thông\s+tư|Luật|Bộ\s+luật|Quyết\s+định|Nghị\s+quyết)\b.*"
                          r"(?:quy\s+định|hướng\s+dẫn)[^:]{0,60}:\s*$", re.I)
TOPIC = re.compile(r"\s*(?:(?:Về|Đối\s+với|Regarding)\s[^:.;]{0,250}:|(?:Bước|Step)\s+\d{1,2}\s*:[\s:]*|(?:Trong\s+thời\s+gian\s+tới|Thời\s+gian\s+tới"
                   r"|Đồng\s+thời|Trên\s+cơ\s+sở\s+đó|Trước\s+mắt|Bên\s+cạnh\s+đó|Tiếp\s+theo)\s*,"
                   # a leading adverbial up to the comma before the capitalised subject: "Trên cơ sở đề nghị của
                   # các Bộ, cơ quan liên quan, Bộ Tài chính ...", "Based on the above tasks ..., ministers ..."
                   r"|(?:Trên\s+cơ\s+sở|Căn\s+cứ\s+(?:vào\s+)?(?:tình\s+hình|kết\s+quả|đề\s+nghị|báo\s+cáo|ý\s+kiến|khả\s+năng|nhu\s+cầu"
                   r"|chức\s+năng|điều\s+kiện)|Based\s+on|Depending\s+on)"
                   rf"\s[^.;:]{{0,300}}?,\s*(?=[{UPPER_VI}]|ministers|heads|chairm|the\s))\s*")
# "3. Về kiến nghị tăng mức hỗ trợ ... 143.000 tỷ đồng ...:": a topic the paragraphs below answer, however long
TOPIC_HEADING = re.compile(r"\s*(?:Về|Regarding)\s.*:\s*$")  # not "Đối với X, các sở ...:", which has a subject
# "b) Để đạt được mục tiêu phát điện sớm hơn tiến độ ..., đề nghị:": the request's objects are the points below
FRAMING_LEAD_IN = re.compile(r"\b(?:đề\s+nghị|yêu\s+cầu|giao|kiến\s+nghị|requests?|requires?)\s*:\s*$", re.I)
PROVINCE_WORD = re.compile(r"\s*(Tỉnh|Thành\s+phố|UBND\s+tỉnh|Ủy\s+ban\s+nhân\s+dân\s+tỉnh)\b(?!\s+[A-ZĐ])")


@dataclass
class _Subject:
    bodies: list[AgencyMention]
    end: int
    explicit: bool
    opened: bool


@dataclass
class _Context:
    level: int
    assignees: list[AgencyMention]
    lead: bool = False
    task_section: bool = True
    deadline: tuple[int, int] | None = None  # "b) Hoàn thành trong tháng 11 năm 2025, cụ thể:" dates its points
    generic: bool = False  # "5. Các đơn vị thực hiện kiểm kê:": an actor, though it names no body
    partners: list[AgencyMention] = field(default_factory=list)  # "2. Sở X chủ trì, phối hợp với Y, Z:"


@dataclass
class _Draft:
    path: str | None
    span: tuple[int, int]
    content_start: int
    assignees: list[Assignee] = field(default_factory=list)
    reports_to: list[str] = field(default_factory=list)
    deadline_text: tuple[int, int] | None = None  # a table cell holding the deadline
    heading_deadline: tuple[int, int] | None = None  # the span of a dated lead-in above the unit
    explicit: bool = False  # the unit names its own body (not inherited from a heading or the addressees)
    responsibility: bool = False  # inside an article on responsibilities or implementation
    needs_named_actor: bool = False  # made from a labelled field: a task only once a field names its body


class ObligationExtractor:
    def __init__(self, text: str, seg: Segmentation, *, language: str, issued_on: str | None,
                 references: list[Reference], province: str | None = None,
                 registry: AgencyRegistry | None = None, normative: bool = False, central: bool = False,
                 articles_only: bool = False) -> None:
        self.text = text
        self.central = central  # a central body's document: "Sở Xây dựng" there is every province's
        self.normative = normative  # rules are not obligations; only work given to state bodies is
        # a decision that publishes administrative procedures: what follows its signature is the procedures
        # (steps, offices, time limits), rules rather than tasks; its own articles assign the work
        closing = seg.blocks[seg.closing_start].span[0] if articles_only and seg.closing_start is not None else None
        self.tasks_end = closing if closing is not None else len(text)
        self._article_title = ""
        self._item_actor: Block | None = None  # the last task item: whom it names is its bullets' actor
        self._actors: dict[tuple[int, int], list[AgencyMention] | None] = {}
        self._known: dict[str, Agency | None] = {}  # open-world names looked up in the registry
        self._under_heading = False  # no enumerated unit since the last heading: its paragraphs are its tasks
        self.seg = seg
        self.language = language
        self.issued_on = issued_on
        self.references = references
        self.province = province
        self.registry = registry or AgencyRegistry.default()
        self.cues = cues()
        self.addressees: list[AgencyMention] = []
        self._mention_cache: dict[tuple[int, int], list[AgencyMention]] = {}
        self._mention_starts: dict[tuple[int, int], list[int]] = {}
        self._block_spans = [b.span for b in seg.blocks]
        self._block_ends = [b.span[1] for b in seg.blocks]
        self._deadline_cache: dict[tuple[int, int], list[Deadline]] = {}
        self.subject_body = self._subject_body()
        self.approves = bool(APPROVES.search(text, 0, APPROVAL_WITHIN))

    # --- agencies -------------------------------------------------------------------------------

    def _subject_body(self) -> AgencyMention | None:
        """A conclusion notice of a working session with a province ('làm việc với lãnh đạo tỉnh Sơn La')
        addresses its unassigned tasks to that province's People's Committee."""
        m = SESSION_WITH.search(self.text, 0, min(len(self.text), 4000))
        if not m:
            return None
        unit, place = m.group(1).lower(), " ".join(m.group(2).split())
        agency = self.registry.lookup(f"Ủy ban nhân dân {unit} {place}")
        if agency is None:
            return None
        return AgencyMention(span=m.span(2), mention=self.text[m.start(1):m.end(2)], name=agency.name,
                             name_en=agency.name_en, kind=agency.kind)

    def mentions(self, start: int, end: int) -> list[AgencyMention]:
        """Bodies named inside text[start:end]. Each paragraph is scanned once, when first asked about,
        so long tables that no task reads (procedure lists, statistics) are never scanned."""
        out: list[AgencyMention] = []
        for span in self._paragraphs_between(start, end):
            found = self._mention_cache.get(span)
            if found is None:
                found = [m for m in self.registry.find_mentions(self.text, span[0], span[1], language=self.language,
                                                                 province=self.province)
                         if not self.cues.generic.fullmatch(m.mention)]
                found = [self._as_class(m) for m in self._with_open_world(found, span)]
                if self.central:
                    found = [_as_local_class(m) for m in found]
                self._mention_cache[span] = found  # sorted by start (_with_open_world); the classes keep starts
                self._mention_starts[span] = [m.span[0] for m in found]
            # the mentions sorted by start: a sorted lookup, not a pass over all of a long paragraph's mentions
            for m in found[bisect_left(self._mention_starts[span], start):]:
                if m.span[0] >= end:
                    break
                if m.span[1] <= end:
                    out.append(m)
        return out

    def _with_open_world(self, known: list[AgencyMention], span: tuple[int, int]) -> list[AgencyMention]:
        """Add the bodies the registry does not know, recognised by the grammar of agency names."""
        known = sorted(known, key=lambda m: m.span[0])
        found = BodyGrammar.default().find(self.text, span[0], span[1], self.language)
        shared = [b.span for b in found if b.distributive]
        if shared:  # "Sở Xây dựng các tỉnh: Nghệ An, Hà Tĩnh": the items, not the shared head, are the bodies
            lo, hi = min(s for s, _ in shared), max(e for _, e in shared)
            known = [m for m in known if not (lo <= m.span[0] and m.span[1] <= hi)]
        starts = [m.span[0] for m in known]  # known is sorted by start
        reach = list(accumulate((m.span[1] for m in known), max))  # the furthest end among the first k
        added = []
        for body in found:
            i = bisect_left(starts, body.span[1])  # the known mentions that start before the body ends
            if i and reach[i - 1] > body.span[0]:
                continue  # one of them reaches into it: the registry named this body already
            added.append(self._open_world_mention(body))
        return sorted(known + added, key=lambda m: m.span[0]) if added else known

    def _as_class(self, mention: AgencyMention) -> AgencyMention:
        """'Cục Thuế các tỉnh, thành phố', 'Sở Tư pháp các tỉnh' name a class of local bodies (ANNOTATION.md);
        'các đơn vị thuộc Cục Thuế' the class of a body's units."""
        units = UNITS_OF.search(self.text, max(0, mention.span[0] - 40), mention.span[0])
        if units and mention.kind != "group":
            return AgencyMention(span=(units.start(), mention.span[1]), mention=self.text[units.start():mention.span[1]],
                                 name=f"các đơn vị thuộc {mention.name}", name_en=None, kind="group")
        if mention.kind == "group" or " các " in f" {mention.name} ":
            return mention
        after = OF_EVERY_PROVINCE.match(self.text, mention.span[1])
        return _local_class(mention, after.end(), self.text[mention.span[0]:after.end()]) if after else mention

    def _open_world_mention(self, body: BodyName) -> AgencyMention:
        name = body.text
        if body.local and self.province:
            name = f"{name} {self.province}"  # "Trung tâm Kiểm soát bệnh tật tỉnh" in Đắk Lắk's plan
        if name not in self._known:  # the same unknown body recurs through a document: look it up once
            self._known[name] = self.registry.lookup(name)
        agency = self._known[name]
        if agency is not None:
            return AgencyMention(span=body.span, mention=body.text, name=agency.name, name_en=agency.name_en,
                                 kind=agency.kind)
        english = self.language == "en"
        return AgencyMention(span=body.span, mention=body.text, name=name, name_en=name if english else None,
                             kind="body")

    def subject(self, start: int, end: int) -> _Subject:
        """Bodies named at the head of a clause (its grammatical subject), after a topic label
        ('Về hỗ trợ kinh phí: Giao Bộ Tài chính ...') and an opener ('Giao', 'Đề nghị', 'To assign')."""
        topic = TOPIC.match(self.text, start, end)
        start = topic.end() if topic else start
        opened = self.cues.opener.match(self.text, start, end)
        pos = opened.end() if opened else start
        word = PROVINCE_WORD.match(self.text, pos, end)
        if word and self.subject_body:  # "Tỉnh căn cứ ...": the province the notice is about
            body = AgencyMention(span=word.span(1), mention=word.group(1), name=self.subject_body.name,
                                 name_en=self.subject_body.name_en, kind=self.subject_body.kind)
            return _Subject([body], word.end(1), True, bool(opened))
        chain = self._bodies_at(pos, end, bool(opened))
        explicit = bool(chain)  # _chain reaches the first body only through titles and connector words
        if not explicit:
            # "Để đảm bảo tiến độ ..., yêu cầu Bộ Y tế, ... tiếp tục ...": the request comes mid-sentence
            for inner in INNER_OPENER.finditer(self.text, pos, end):
                found = self._chain(inner.end(), end, self._near(inner.end(), end))
                if found and found[0].span[0] - inner.end() < 20:
                    return _Subject(found, found[-1].span[1], True, True)
        return _Subject(chain, chain[-1].span[1] if chain else pos, explicit, bool(opened))

    def _bodies_at(self, pos: int, end: int, opened: bool) -> list[AgencyMention]:
        """The bodies named from `pos` on, joined only by list punctuation, connectors and titles."""
        if not (opened or self._may_name_a_body(pos, end)):
            return []  # most clauses open with a verb: no need to look for bodies
        return self._chain(pos, end, self._near(pos, end))

    def _may_name_a_body(self, pos: int, end: int) -> bool:
        """Whether the clause at `pos` opens with a word that a body's name, title or list can start with.
        Most background sentences ("Theo báo cáo ...", "Trong thời gian qua ...") do not, and need no scan."""
        word = FIRST_WORD.match(self.text, pos, end)
        if not word:
            return False
        if fold_name(word.group(1)) in _subject_openers(self.registry):
            return True
        # a body the registry does not know: a head noun followed by a capitalised name ("Trung tâm Y tế")
        return bool(BodyGrammar.default().opens_a_name(self.text, word.start(1), end, self.language))

    def _near(self, pos: int, end: int) -> list[AgencyMention]:
        """The bodies named within a chain's reach of pos: a list of bodies after a cue is never longer."""
        return self.mentions(pos, min(end, pos + CHAIN_REACH))

    def _chain(self, pos: int, end: int, found: list[AgencyMention]) -> list[AgencyMention]:
        """Mentions that follow `pos` separated only by list punctuation and connector words."""
        chain: list[AgencyMention] = []
        for mention in found:  # sorted by start, as mentions() gives them
            if chain and tuple(mention.span) == tuple(chain[-1].span):
                chain.append(mention)  # a standing group: several classes share one phrase
                continue
            if mention.span[0] < pos:
                continue
            if not self.cues.connector_gap.match(self.text[pos:mention.span[0]]):
                break
            chain.append(mention)
            pos = mention.span[1]
        return chain

    def partners(self, start: int, end: int) -> list[AgencyMention]:
        partners: list[AgencyMention] = []
        for cue in self.cues.support.finditer(self.text, start, end):  # most tasks name no partner: no lookup
            partners.extend(m for m in self._chain(cue.end(), end, self._near(cue.end(), end))
                            if not self._related_only(m))
        return partners

    def _related_only(self, mention: AgencyMention, generic_nouns: bool = True) -> bool:
        """'phối hợp với các bộ, cơ quan liên quan', a partners' cell 'Sở, ban, ngành có liên quan': a group
        narrowed to whoever is concerned is a generic partner, not named (ANNOTATION.md). In a list cell
        ('Bộ Y tế, Sở Y tế, cơ quan, đơn vị liên quan') the qualifier must follow the group itself."""
        if mention.kind != "group":
            return False
        after = self.text[mention.span[1]:mention.span[1] + 60]
        return bool(RELATED.search(mention.mention) or (RELATED_AFTER if generic_nouns else RELATED).match(after))

    def reports(self, start: int, end: int) -> list[str]:
        names: list[str] = []
        for cue in self.cues.report.finditer(self.text, start, end):
            for mention in self._chain(cue.end(), end, self._near(cue.end(), end)):
                before = self.text[cue.end():mention.span[0]]
                if "(" in before and self.cues.channel.search(before[before.rfind("("):]):
                    break  # "(qua Sở Nội vụ)": a channel, not the body reported to
                if mention.name not in names:
                    names.append(mention.name)
        return names

    # --- blocks ---------------------------------------------------------------------------------

    def extract(self, doc_id: str, addressees: list[AgencyMention]) -> list[Obligation]:
        self.addressees = addressees
        drafts: list[_Draft] = []
        contexts: list[_Context] = []
        intro: list[AgencyMention] | None = None
        table_columns: dict[str, int] | None = None
        group: list[_Draft] = []  # the tasks whose "- Cơ quan chủ trì: ..." fields are being read
        collecting = False  # bullets after "a) Nhiệm vụ:" are tasks of the group
        parent: Block | None = None  # the last enumerated non-bullet block
        recent_lines: deque[str] = deque(maxlen=2 * MAX_TABLE_COLUMNS)  # a table header's cells, perhaps
        quoting = False  # inside the points of a legal provision the text quotes
        kind_now = ""  # the kind of the block read last: a broken table header is looked for once per table
        for block in self.seg.blocks[self.seg.header_end:]:
            if block.kind in ("recital", "recipients", "signature", "header", "addressees", "attached_title", "preamble",
                              "footnote"):
                continue
            line = self.text[block.span[0]:block.span[1]]
            previous_kind, kind_now = kind_now, block.kind
            if block.kind == "table_row":
                cells = line.split(" | ")
                header = self._table_header(cells)
                if header:
                    table_columns = header
                elif table_columns is None and previous_kind != "table_row":
                    # a header whose cells the page broke into lines of their own ("TT", "Nội dung thực hiện",
                    # "Cơ quan chủ trì", ...) a little above the first row
                    table_columns = self._broken_header(list(recent_lines), len(cells))
                if table_columns and not header:
                    drafts.extend(self._table_row(block, cells, table_columns))
                continue
            recent_lines.append(line.strip())
            label = self.cues.field_label.match(self.text, block.content_start, block.span[1])
            if label and block.enum in ("bullet", "subpoint", "point", None):
                actor_above = any(c.assignees or c.generic for c in contexts)
                group, collecting = self._field(block, label, group, parent, drafts, actor_above)
                continue
            if collecting and block.enum == "bullet":
                draft = _Draft(path=block.path, span=(block.content_start, block.span[1]),
                               content_start=block.content_start)
                drafts.append(draft)
                group.append(draft)
                continue
            if block.enum != "bullet":
                group, collecting = [], False
            level = LEVEL.get(block.enum or "", 9)
            if block.enum and block.enum != "bullet":
                contexts = [c for c in contexts if c.level < level]
                parent = block
            if block.enum in ("article", "part"):
                self._article_title = line[:160] if block.enum == "article" else ""
            elif self.normative and not self._article_title and block.kind != "table_row":
                continue  # before its first article a normative text has only its title and enacting formula
            if block.enum and (block.heading or self._names_only(block)):
                head = self.subject(block.content_start, block.span[1])
                framing = TOPIC_HEADING.match(self.text, block.content_start, block.span[1]) or \
                    FRAMING_LEAD_IN.search(self.text, block.content_start, block.span[1])
                duty = DUTIES_OF.match(self.text, block.content_start, block.span[1])
                if not (framing or duty) and len(self.text[head.end:block.span[1]].strip(" :;,.")) > LONG_LEAD_IN:
                    drafts.extend(self._block(block, contexts, intro))  # a lead-in with a task
                own = head.bodies
                if duty and not own:
                    # "Trách nhiệm của Ngân hàng Nhà nước chi nhánh nơi tổ chức tín dụng ... đặt trụ sở": the bodies
                    # right after "của"; what qualifies them is no task
                    own = self._chain(duty.end(), block.span[1], self._near(duty.end(), block.span[1]))
                if not own and block.span[1] - block.content_start <= SHORT_HEADING:
                    own = self.mentions(block.content_start, block.span[1])  # "2. Bộ Khoa học và Công nghệ"
                task_section = not self.cues.non_task_heading.match(line.strip())
                lead = bool(self.cues.lead_after_opener.search(line))
                generic = bool(self.cues.generic_actor.match(self.text, block.content_start, block.span[1]))
                partners = self.partners(block.content_start, block.span[1]) if own else []
                contexts.append(_Context(level, own, lead, task_section, self._heading_deadline(block), generic,
                                         partners))
                self._item_actor = None
                self._under_heading = True
                continue
            if block.enum:
                self._under_heading = False
            if block.enum and block.enum != "bullet":
                self._item_actor = block  # whom it names is read only when a bullet below it asks
            if block.kind in ("body", "appendix"):
                content = self.text[block.content_start:block.span[1]]
                if QUOTES_RULES.search(content) or CITES_PROVISION.match(content) or QUOTED_PROVISION.match(content):
                    quoting = True  # "- Tại khoản 1 Điều 106 ... quy định:", '"Điều 18. Miễn tiền sử dụng đất'
                    continue
                if quoting and not QUOTE_ENDS.match(content) and (block.enum or content.lstrip()[:1] in QUOTE_MARKS):
                    continue  # the quoted provision's articles and points are rules, not work this document gives
                quoting = False
            if not block.enum:
                intro = self._intro(block, intro)
                if line.rstrip().endswith(":") and len(line) <= 2 * LONG_LEAD_IN:
                    continue
            drafts.extend(self._block(block, contexts, intro))
        return self._finish(doc_id, drafts)

    def _actor_of(self, block: Block) -> list[AgencyMention] | None:
        """The bodies a task item names as its subject ([] for a generic actor, None for none): the dash
        bullets under "1. Các cơ quan, đơn vị ... xây dựng kế hoạch ...:" are that actor's tasks too."""
        if block.span not in self._actors:  # read once, however many bullets ask
            self._actors[block.span] = self._read_actor(block)
        return self._actors[block.span]

    def _read_actor(self, block: Block) -> list[AgencyMention] | None:
        found = self.subject(block.content_start, block.span[1])
        if found.explicit:
            return found.bodies
        return [] if self.cues.generic_actor.match(self.text, block.content_start, block.span[1]) else None

    def _names_only(self, block: Block) -> bool:
        """'1. Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố':
        an item that only names bodies (too long for the segmenter's heading test) heads the points below it;
        it is no task by itself. Not a bullet, nor a line ending in ';' ('- Bộ Tài chính;'): those are
        members of a list (often a recipients list inside an annexed form), not headings."""
        content = self.text[block.content_start:block.span[1]].rstrip()
        if block.enum == "bullet" or len(content) > MAX_NAMES_LINE or content.endswith((";", ",")):
            return False
        end = block.span[1]
        opened = self.cues.opener.match(self.text, block.content_start, end)
        chain = self._bodies_at(opened.end() if opened else block.content_start, end, bool(opened))
        return bool(chain) and not self.text[chain[-1].span[1]:end].strip(" :;,.")

    def _field(self, block: Block, label: re.Match[str], group: list[_Draft], parent: Block | None,
               drafts: list[_Draft], actor_above: bool = True) -> tuple[list[_Draft], bool]:
        """Plans often spell tasks out as labelled fields: '- Nội dung: ...' or 'a) Nhiệm vụ:' followed by
        task bullets, then '- Cơ quan chủ trì: ...', '- Cơ quan phối hợp: ...', '- Thời gian thực hiện: ...'.
        The fields apply to every task of the group. Returns the group and whether bullets are tasks."""
        kind = self.cues.field_kinds.get(" ".join(label.group(1).lower().split()), "other")
        start, end = label.end(), block.span[1]
        empty = not self.text[start:end].strip(" .;:")
        if kind == "task":
            if drafts and parent is not None and drafts[-1].span[0] >= parent.content_start \
                    and drafts[-1].span[1] <= parent.span[1]:
                drafts.pop()  # the numbered item is only the title of the task spelled out below
            if empty:
                return [], True
            draft = _Draft(path=block.path, span=(start, end), content_start=start)
            drafts.append(draft)
            return [draft], False
        if not group:
            if drafts and parent is not None and drafts[-1].span[0] >= parent.content_start \
                    and drafts[-1].span[1] <= parent.span[1]:
                group = [drafts[-1]]  # the numbered item itself was taken as the task
                group[0].assignees = []
            elif parent is not None:
                # "- Thời gian thực hiện: 05 ngày ..." under an item nobody is named for is a time, not a task,
                # unless a later field names who acts ("- Cơ quan chủ trì: ...")
                group = [_Draft(path=parent.path, span=(parent.content_start, parent.span[1]),
                                content_start=parent.content_start,
                                needs_named_actor=kind not in ("lead", "support") and not actor_above
                                and self._actor_of(parent) is None)]
                drafts.append(group[0])
            else:
                return group, False
        if len(group) == 1:
            group[0].span = (group[0].span[0], max(group[0].span[1], end))
        if kind in ("lead", "support") and not empty:
            for mention in self.mentions(start, end):
                if kind == "support" and self._related_only(mention, generic_nouns=False):
                    continue
                role = "support" if kind == "support" else (
                    "lead" if "chủ trì" in label.group(1).lower() or self.cues.lead.match(self.text, mention.span[1], end)
                    else "responsible")
                if kind == "lead" and self.cues.support.search(self.text, start, mention.span[0]):
                    role = "support"  # "Sở A chủ trì, phối hợp với Sở B": B supports
                for draft in group:
                    _add(draft.assignees, mention, role)
        elif kind == "deadline" and not empty:
            for draft in group:
                draft.deadline_text = (start, end)
        return group, False

    def _intro(self, block: Block, previous: list[AgencyMention] | None) -> list[AgencyMention] | None:
        """'Thủ tướng Chính phủ yêu cầu Bộ trưởng, ... như sau:' sets who the following list addresses."""
        line = self.text[block.span[0]:block.span[1]]
        if not line.rstrip().endswith(":"):
            return None
        cue = re.search(r"\b(?:yêu cầu|đề nghị|giao|requests?|requesting|assigns?)\b", line, re.I)
        if not cue:
            # "Theo Mục 1 ... về nhiệm vụ của các Bộ trưởng, ... như sau:" names whom the list concerns
            duty = DUTIES_OF.search(line)
            if not duty:
                return self._acting_lead_in(block) or previous
            start = block.span[0] + duty.end()
            return self._chain(start, block.span[1], self.mentions(start, block.span[1])) or previous
        start = block.span[0] + cue.end()
        chain = self._chain(start, block.span[1], self.mentions(start, block.span[1]))
        return chain or None

    def _acting_lead_in(self, block: Block) -> list[AgencyMention] | None:
        """'Nhằm đạt được mục tiêu ..., các bộ, ngành, địa phương tập trung thực hiện các nhiệm vụ sau:': the
        bodies of a lead-in that act (a chain of bodies followed by a verb of doing) own the list below it."""
        start, end = block.span
        found = self.mentions(start, end)
        for i, first in enumerate(found):
            chain = self._chain(first.span[0], end, found[i:])
            if chain and ACTING.match(self.text, chain[-1].span[1], end):
                return chain
        place = ACTING_PLACE.search(self.text, start, end)
        if place and self.subject_body and ACTING.match(self.text, place.end(), end):
            return [self.subject_body]  # "..., tỉnh Đắk Lắk cần tiếp tục thực hiện:": the province's committee
        return None

    def _block(self, block: Block, contexts: list[_Context], intro: list[AgencyMention] | None) -> list[_Draft]:
        line = self.text[block.content_start:block.span[1]]
        if self.cues.closing.search(line, 0, 400):  # a page may run the signature and annexes on after it
            return []  # "X chịu trách nhiệm thi hành Quyết định này", "... để biết, thực hiện"
        if DOCUMENT_CLAUSE_HINT.search(line, 0, 200) and self.cues.document_clause.search(line, 0, 200) \
                and not self.cues.opener.match(line):  # "Giao Sở Tư pháp căn cứ các TTHC ban hành kèm theo ..."
            return []  # the document takes effect, promulgates its attachment, repeals another
        if block.kind not in ("body", "appendix"):
            return []
        drafts: list[_Draft] = []
        carried = next((c.deadline for c in reversed(contexts) if c.deadline), None)
        for start, end in _clauses(self.text, block.content_start, block.span[1]):
            if _title_line(self.text, start, end):
                continue  # "THỦ TƯỚNG CHÍNH PHỦ", "II. NHIỆM VỤ CỤ THỂ": a name or title in capitals, not a task
            if _statistic(self.text, start, end):
                continue  # "Cắt giảm 2.269/6.974 ĐKKD (đạt 32,5%)": figures, not work
            found = self.subject(start, end)
            own, zone_end = found.bodies, found.end
            if found.explicit and NARRATION.match(self.text, zone_end, end):
                continue  # "Cục Thuế nhận được công văn số ...", "Bộ Tài chính đã ban hành ...": what was, not work
            answers = ACCOUNTABLE.match(self.text, zone_end if found.explicit else start, end)
            if answers and not FURTHER_ACTION.search(self.text, answers.end(), end):
                continue  # "... chịu trách nhiệm toàn diện trước Thủ tướng Chính phủ về ...": answerability, not work
            if found.explicit:
                if (start, end) == (block.content_start, block.span[1]) and _member_line(self.text, start, zone_end,
                                                                                        end):
                    continue  # "Bộ trưởng Bộ Nội vụ, Phó Trưởng ban thường trực;": a member, not a task
                lead = bool(self.cues.lead.match(self.text, zone_end, min(end, zone_end + 30)))
                names = [a.name for a in drafts[-1].assignees] if drafts else []
                if drafts and sorted(names) == sorted(m.name for m in own):
                    drafts[-1].span = (drafts[-1].span[0], end)
                    continue
                drafts.append(self._draft(block, start, end, own, "lead" if lead else "responsible"))
                drafts[-1].explicit = True
            elif drafts:
                drafts[-1].span = (drafts[-1].span[0], end)
            elif self.cues.praise.match(self.text, start, end) or self.cues.entitlement.match(self.text, start, end):
                continue  # "Ghi nhận, đánh giá cao ...", "Được ngân sách ... cấp": no work given to anyone
            else:
                inherited = self._inherited(block, contexts, intro, start, end)
                if inherited is None:
                    return []
                who, role, partners = inherited
                drafts.append(self._draft(block, start, end, who, role))
                for partner in partners:  # the heading's partners support each of its points
                    _add(drafts[-1].assignees, partner, "support")
        for draft in drafts:
            draft.heading_deadline = carried
        return drafts

    def _inherited(self, block: Block, contexts: list[_Context], intro: list[AgencyMention] | None,
                   start: int, end: int) -> tuple[list[AgencyMention], str, list[AgencyMention]] | None:
        """Who a subject-less unit belongs to, or None when it is not a task at all."""
        if not block.enum and not (self._under_heading and contexts and contexts[-1].assignees):
            return None  # a plain paragraph without an assignment is background, unless a body's heading heads it
        if any(not c.task_section for c in contexts):
            return None
        for context in reversed(contexts):
            if context.assignees:
                return context.assignees, "lead" if context.lead else "responsible", context.partners
        if block.enum == "bullet" and self._item_actor is not None:
            actor = self._actor_of(self._item_actor)
            if actor is not None:
                return actor, "responsible", []
        if block.kind == "appendix":
            return None  # appendices hold statistics and footnotes unless a heading or table assigns work
        if intro:
            return intro, "responsible", []
        if self.addressees:
            return self.addressees, "responsible", []
        if self.approves:
            return None  # the approved scheme's own content; its assignments come in their own section
        if self.cues.generic_actor.match(self.text, start, end) or \
                self.language == "en" and self.cues.modal_subject.match(self.text, start, end):
            return [], "responsible", []  # "Các cơ quan, đơn vị ...", "Enterprises shall ...": names nobody known
        return None  # no actor in its words nor above it: an activity, objective or rule, not an obligation

    def _draft(self, block: Block, start: int, end: int, who: list[AgencyMention], role: str) -> _Draft:
        draft = _Draft(path=block.path, span=(start, end), content_start=start,
                       responsibility=bool(self.cues.responsibility_article.search(self._article_title)))
        for mention in self._specific(who):
            _add(draft.assignees, mention, role)
        return draft

    def _specific(self, who: list[AgencyMention]) -> list[AgencyMention]:
        """'các tỉnh, thành phố' in a dispatch addressed to named provinces means those provinces."""
        out: list[AgencyMention] = []
        for mention in who:
            prefix = CLASS_PREFIX.get(mention.name)
            named = [a for a in self.addressees if prefix and a.name.startswith(prefix)] if prefix else []
            out.extend(named or [mention])
        return out

    # --- task tables ----------------------------------------------------------------------------

    def _table_header(self, cells: list[str]) -> dict[str, int] | None:
        columns: dict[str, int] = {}
        for i, cell in enumerate(cells):
            if len(cell) > 60:
                return None
            for name, pattern in self.cues.columns.items():
                if name not in columns and pattern.search(cell):
                    columns[name] = i
                    break
        return columns if "task" in columns and ("lead" in columns or "deadline" in columns) else None

    def _broken_header(self, lines: list[str], width: int) -> dict[str, int] | None:
        """The header cells begin with the row-number column ("TT", "STT") when it has one."""
        numbered = [i for i, line in enumerate(lines) if ROW_NUMBER_HEADING.fullmatch(line)]
        starts = [numbered[-1]] if numbered else range(len(lines) - width, -1, -1)
        for start in starts:
            header = self._table_header(lines[start:start + width])
            if header:
                return header
        return None

    def _table_row(self, block: Block, cells: list[str], columns: dict[str, int]) -> list[_Draft]:
        if len(cells) <= columns["task"]:
            return []
        offsets = _cell_offsets(self.text, block.span[0], cells)
        task_start, task_end = offsets[columns["task"]]
        if task_end - task_start < 15:
            return []
        number = cells[0].strip() if re.fullmatch(r"\d{1,3}(?:\.\d{1,2})*\.?", cells[0].strip()) else None
        draft = _Draft(path=number.rstrip(".") if number else None, span=(task_start, task_end),
                       content_start=task_start)
        for name, role in (("lead", "lead"), ("support", "support")):
            if name in columns and columns[name] < len(cells):
                s, e = offsets[columns[name]]
                for mention in self.mentions(s, e):
                    if role == "lead" or not self._related_only(mention, generic_nouns=False):
                        _add(draft.assignees, mention, role)
        if "deadline" in columns and columns["deadline"] < len(cells):
            draft.deadline_text = offsets[columns["deadline"]]
        draft.span = (task_start, block.span[1])
        return [draft]

    # --- finishing ------------------------------------------------------------------------------

    def _assigns_work(self, draft: _Draft) -> bool:
        """In a normative document only clauses that give work to a named body or class of bodies count:
        those that name it themselves, or stand in an article on responsibilities or implementation."""
        return not self.normative or bool(draft.assignees) and (draft.explicit or draft.responsibility)

    def _finish(self, doc_id: str, drafts: list[_Draft]) -> list[Obligation]:
        obligations: list[Obligation] = []
        drafts = [d for d in drafts if self._assigns_work(d) and d.span[0] < self.tasks_end
                  and not (d.needs_named_actor and not d.assignees)]
        seen_paths: dict[str | None, int] = {}
        for draft in drafts:
            start, end = draft.span
            text = self.text[start:end].strip()
            if not text:
                continue
            for mention in self.partners(start, end):
                _add(draft.assignees, mention, "support")
            deadlines = self._deadlines(draft)
            ordinal = seen_paths.get(draft.path, 0)
            seen_paths[draft.path] = ordinal + 1
            obligations.append(Obligation(
                id=obligation_id(doc_id, draft.path, text, ordinal),
                path=draft.path,
                span=(start, end),
                text=self.text[start:end],
                action=_action(self.text, start, end, draft, self.cues),
                assignees=draft.assignees,
                deadline=primary_deadline(deadlines),
                reports_to=self.reports(start, end),
                references=[r.id for r in self.references if start <= r.span[0] and r.span[1] <= end],
                deadlines=deadlines,
            ))
        return obligations

    def deadlines_in(self, start: int, end: int) -> list[Deadline]:
        """Deadlines written inside text[start:end], each paragraph read once and the result reused."""
        out: list[Deadline] = []
        for p_start, p_end in self._paragraphs_between(start, end):
            if (p_start, p_end) not in self._deadline_cache:
                # the document's entry into force is looked up only for a paragraph that counts from it
                effective = self._entry_into_force if self.text.find("hiệu lực", p_start, p_end) >= 0 else None
                self._deadline_cache[(p_start, p_end)] = find_deadlines(
                    self.text, p_start, p_end, issued_on=self.issued_on, language=self.language,
                    effective_on=effective)
            out.extend(d for d in self._deadline_cache[(p_start, p_end)] if start <= d.span[0] and d.span[1] <= end)
        return out

    @cached_property
    def _entry_into_force(self) -> str | None:
        return entry_into_force(self.text, self.issued_on)

    def _paragraphs_between(self, start: int, end: int) -> list[tuple[int, int]]:
        i = bisect_left(self._block_ends, start)
        spans = []
        while i < len(self._block_spans) and self._block_spans[i][0] < end:
            spans.append(self._block_spans[i])
            i += 1
        return spans

    def _heading_deadline(self, block: Block) -> tuple[int, int] | None:
        found = self.deadlines_in(block.content_start, block.span[1])
        dated = [d for d in found if d.date and "target" not in d.flags]
        return (block.content_start, block.span[1]) if dated else None

    def _deadlines(self, draft: _Draft) -> list[Deadline]:
        found = self._own_deadlines(draft)
        if draft.heading_deadline and not any(d.date for d in found):
            s, e = draft.heading_deadline
            found = found + [d for d in self.deadlines_in(s, e) if d.date]
        return found

    def _own_deadlines(self, draft: _Draft) -> list[Deadline]:
        start, end = draft.deadline_text or draft.span
        found = self.deadlines_in(start, end)
        if not found and draft.deadline_text:
            found = _bare_year(self.text, start, end)
        if draft.deadline_text:
            s, e = draft.span
            found = found + [d for d in self.deadlines_in(s, e) if d.span[0] < start]
        return found


LOCAL_CLASS = "các tỉnh, thành phố trực thuộc Trung ương"
# "các đơn vị thuộc Cục Thuế", "đơn vị trực thuộc Sở": the units of a body, right before its name
UNITS_OF = re.compile(r"(?<!\w)(?:các\s+)?đơn\s+vị\s+(?:trực\s+)?thuộc\s+$", re.I)
OF_EVERY_PROVINCE = re.compile(r"\s+(?:ở\s+|của\s+)?các\s+tỉnh(?:,\s*thành\s+phố)?(?:\s+trực\s+thuộc\s+(?:Trung\s+ương|TW))?"
                               r"(?!\s*:)")
_LOCAL_BODY = re.compile(r"^Sở\s(?!.*\b(?:tỉnh|thành phố|các)\b)")


def _as_local_class(mention: AgencyMention) -> AgencyMention:
    """'Sở Xây dựng' in a ministry's or the Government's text is a class of local bodies (ANNOTATION.md):
    'Sở Xây dựng các tỉnh, thành phố trực thuộc Trung ương'."""
    return _local_class(mention, mention.span[1], mention.mention) if _LOCAL_BODY.match(mention.name) else mention


def _local_class(mention: AgencyMention, end: int, written: str) -> AgencyMention:
    """The body named as the class of every province's such body, its mention running to `end`."""
    return AgencyMention(span=(mention.span[0], end), mention=written, name=f"{mention.name} {LOCAL_CLASS}",
                         name_en=mention.name_en, kind="group")


def _add(assignees: list[Assignee], mention: AgencyMention, role: str) -> None:
    for existing in assignees:
        if existing.name == mention.name:
            return
    assignees.append(Assignee(mention=mention.mention, span=tuple(mention.span), name=mention.name,
                              name_en=mention.name_en, role=role))


MAX_TABLE_COLUMNS = 12
ROW_NUMBER_HEADING = re.compile(r"S?TT|Số\s+TT|No\.?", re.I)
MIN_CLAUSE = 40
# an addressee heading or introduction this long ("Các đồng chí Bộ trưởng, ... chỉ đạo thực hiện ..., cụ thể:")
# carries a task of its own besides introducing the points below it
LONG_LEAD_IN = 100
MAX_NAMES_LINE = 300  # a line naming only bodies is short; longer items are not tested (it costs a scan)
_CLAUSE_BREAK = re.compile(r"(?<=[.;])\s+(?=(?:[A-ZĐ]|giao\s|đề\s+nghị\s|yêu\s+cầu\s))")


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences and ';'-clauses of a unit, so 'Giao X ...; giao Y ...' gives two obligations."""
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        if len(text[pos:m.start()].strip()) < MIN_CLAUSE:
            continue  # "Bí thư tỉnh ủy, thành ủy; Chủ tịch ...": a list, not a clause of its own
        spans.append((pos, m.start()))
        pos = m.end()
    if text[pos:end].strip():
        spans.append((pos, end))
    return spans


# every document clause holds one of these words: a cheap test before the full alternation
DOCUMENT_CLAUSE_HINT = re.compile(r"(?=[hHeEtTbBkKn])(?:hiệu\s+lực|effect|together\s+with|hereby|Bãi\s+bỏ|kèm\s+theo"
                                  r"|này\s+thay\s+thế)", re.I)
MAX_TITLE_LINE = 120


def _title_line(text: str, start: int, end: int) -> bool:
    unit = text[start:end].strip()
    return len(unit) <= MAX_TITLE_LINE and unit.isupper()


_NUMBER_TOKEN = re.compile(r"\S*\d\S*")
_DATE_OR_SYMBOL = re.compile(r"\d{1,2}/\d{1,2}/\d{4}|/\w*[A-ZĐ]")  # a date or a document number is no figure
_DIGIT_RUN = re.compile(r"\d[\d.,/%]*")  # found only where a digit stands: a cheap count of the figures
STATISTIC_SHARE = 0.25  # a unit this much made of figures reports results; tasks carry a date or two at most
MIN_FIGURES = 3


def _statistic(text: str, start: int, end: int) -> bool:
    if len(_DIGIT_RUN.findall(text, start, end)) < MIN_FIGURES:
        return False  # most units hold a figure or two at most: no need to count their words
    words = text[start:end].split()
    figures = [w for w in words if _NUMBER_TOKEN.fullmatch(w) and not _DATE_OR_SYMBOL.search(w)]
    return len(figures) >= MIN_FIGURES and len(figures) >= STATISTIC_SHARE * len(words)


_MEMBER_TAIL = re.compile(r"[\s,]*(?:[A-ZĐ][^\s,;.]*(?:\s+[^\s,;.]+){0,6})?[\s,;.]*$")


def _member_line(text: str, start: int, subject_end: int, end: int) -> bool:
    """After its bodies, a member of a list has at most a capitalised role ("Phó Trưởng ban thường trực") and
    ends with ';' or '.'; a task has a predicate."""
    return text[start:end].rstrip().endswith((";", ".")) and bool(_MEMBER_TAIL.fullmatch(text, subject_end, end))


def _cell_offsets(text: str, start: int, cells: list[str]) -> list[tuple[int, int]]:
    offsets: list[tuple[int, int]] = []
    pos = start
    for cell in cells:
        s = text.find(cell, pos) if cell else pos
        s = pos if s < 0 else s
        offsets.append((s, s + len(cell)))
        pos = s + len(cell)
    return offsets


_YEAR_CELL = re.compile(r"\s*(?:Năm\s+)?(\d{4})(?:\s*[-–]\s*(\d{4}))?\s*", re.I)


def _bare_year(text: str, start: int, end: int) -> list[Deadline]:
    """A task table's time column often says only '2026' or '2026-2027': due at that year's end."""
    m = _YEAR_CELL.fullmatch(text, start, end)  # pos/endpos, not ^ and $: those only hold at the text's ends
    if not m:
        return []
    last = m.group(2) or m.group(1)
    if m.group(2):
        return [Deadline(mention=text[start:end].strip(), span=(start, end), kind="range",
                         date=f"{last}-12-31", start=f"{m.group(1)}-01-01", end=f"{last}-12-31")]
    return [Deadline(mention=text[start:end].strip(), span=(start, end), kind="date", date=f"{last}-12-31")]


def _action(text: str, start: int, end: int, draft: _Draft, c: Cues) -> str:
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


def extract_obligations(text: str, seg: Segmentation, *, doc_id: str, language: str, issued_on: str | None,
                        references: list[Reference], province: str | None = None,
                        registry: AgencyRegistry | None = None, normative: bool = False,
                        central: bool = False, articles_only: bool = False
                        ) -> tuple[list[Obligation], list[Assignee]]:
    """All obligations of a document, and the bodies the document as a whole is addressed to."""
    extractor = ObligationExtractor(text, seg, language=language, issued_on=issued_on, references=references,
                                    province=province, registry=registry, normative=normative, central=central,
                                    articles_only=articles_only)
    addressee_mentions: list[AgencyMention] = []
    for block in seg.of_kind("addressees"):
        line = text[block.span[0]:block.span[1]]
        opener = re.match(r"^.*?(?:Kính\s+gửi|điện|To)\s*:", line, re.I)
        start = block.span[0] + (opener.end() if opener else 0)  # not the issuer in "THỦ TƯỚNG ... điện:"
        for mention in extractor.mentions(start, block.span[1]):
            if all(m.name != mention.name for m in addressee_mentions):
                addressee_mentions.append(mention)
    addressees: list[Assignee] = []
    for mention in addressee_mentions:
        _add(addressees, mention, "responsible")
    return extractor.extract(doc_id, addressee_mentions), addressees
