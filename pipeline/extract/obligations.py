"""Extract stage, obligations: who must do what, with whom, reporting to whom, by when.

One obligation per assignable unit of work (ANNOTATION.md): each point ``a)``, each numbered item
that assigns work, each dash bullet under an addressee heading, each "Giao/Yêu cầu/Đề nghị X ..."
sentence, each row of a task table. Assignees come from the unit's own subject, else from the
addressee heading above it, else from the document's addressees; roles from "chủ trì" (lead) and
"phối hợp" (support). Cue words are data in ``data/obligation_cues.json``.

``ObligationExtractor`` walks the blocks (its state between blocks is a ``_Walk``) and reads each kind with
its own method: labelled fields, headings, quoted provisions, units of work. It leans on one helper per job:
obligation_subjects.py (who a clause names: its subject, partners and whom it reports to), obligation_units.py
(what one block's words say about who acts, whatever the walk's state), obligation_build.py (which drafts are
tasks, and the obligations made of them), obligation_cues.py (the compiled cues and the automaton prefilter of
cue_index.py), body_mentions.py (which bodies a span names), subject_openers.py (whether a clause can open with
a body at all, before its paragraph is scanned), statistics_lines.py (units of figures), task_tables.py
(task-table rows), obligation_deadlines.py (a task's deadlines) and obligation_drafts.py (the obligation being
built).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from pipeline.extract.agencies import AgencyMention, AgencyRegistry
from pipeline.extract.bodies import BodyGrammar
from pipeline.extract.body_mentions import BodyMentions
from pipeline.extract.class_subjects import CLAUSE_REACH as CLASS_REACH
from pipeline.extract.class_subjects import ClassSubjects
from pipeline.extract.obligation_build import OWN_DUTY, ObligationBuilder
from pipeline.extract.obligation_cues import (
    CLOSING_REACH,
    DOCUMENT_CLAUSE_REACH,
    INNER_OPENER,
    NO_TASK_CUES,
    cue_index,
    cues,
    words,
)
from pipeline.extract.obligation_deadlines import DeadlineReader, Paragraphs
from pipeline.extract.obligation_drafts import Draft, add_assignee
from pipeline.extract.obligation_subjects import TOPIC, Subject, SubjectReader
from pipeline.extract.obligation_units import (
    ACTING,
    DUTY_AFTER,
    INLINE_NUMBER,
    REMIT_HEADING,
    REQUEST_AFTER,
    SHORT_HEADING,
    UnitReader,
)
from pipeline.extract.statistics_lines import statistic
from pipeline.extract.task_tables import TaskTable
from pipeline.knowledge.patterns import (
    APPENDIX_LABEL,
    ARTICLE_WORDS,
    DUTIES_OF,
    FIELDS_LIST,
    LEGAL_TEXTS,
    PAGE_NUMBER,
    SHARED_MINISTRIES,
    UPPER_VI,
    alternation,
    in_both_cases,
)
from pipeline.knowledge.patterns import TEXT_OWNER as OWNER
from pipeline.records import Assignee, Obligation, Reference
from pipeline.segment.segmenter import LEVEL, Block, Segmentation, match_enumerator

MAX_TITLE_ITEM = 90  # an item's title is a short line
APPROVAL_WITHIN = 20_000  # Article 1 comes right after the recitals
# a field that names the lead body, not any body that acts: "Cơ quan chủ trì:", "Lead agency:", "Agency in charge:"
LEAD_LABEL = re.compile(r"chủ\s+trì|\blead\b|in\s+charge", re.I)
# the section of an approved scheme, programme or plan that says who does its work
IMPLEMENTATION_HEADING = re.compile(
    rf"\s*(?:{alternation(in_both_cases(['Tổ chức thực hiện', 'Organization of implementation']))}"
    r"|IMPLEMENTATION\s+ORGANIZATION)\s*[:.]?\s*$")
# "Article 1. To approve the national program ..., with the following principal contents:"
APPROVES = re.compile(rf"(?:{words(ARTICLE_WORDS)})\s+1\s*[.:]?\s*(?:To\s+approve|Phê\s+duyệt)", re.I)


# after its subject, a clause that tells what was done or received rather than what is to be done
NARRATION = re.compile(r"[\s,]*(?:đã|đang|vừa|nhận\s+được|có\s+kế\s+hoạch|xin\s+(?:thông\s+báo|trả\s+lời)|trả\s+lời"
                       r"|has\s+(?:been\s+)?\w+ed|have\s+(?:been\s+)?\w+ed|received)\b")
# "X chịu trách nhiệm toàn diện trước Thủ tướng Chính phủ về tính chính xác ...", "Chịu trách nhiệm trước pháp luật
# về ...", "chịu trách nhiệm về nội dung báo cáo": whom a body answers to, not work it is given
ACCOUNTABLE = re.compile(r"[\s,]*(?:phải\s+)?chịu\s+trách(?:\s+nhiệm)?(?:\s+toàn\s+diện)?\s+(?:trước\s|về\s+(?:tính|nội\s+dung"
                         r"|số\s+liệu|kết\s+quả)\b|(?:đối\s+với|về)\s+(?:những\s+|các\s+)?hậu\s+quả\b)", re.I)
# "...; chủ động chỉ đạo ...", "..., báo cáo Chính phủ ...": the answerable body is also given work
FURTHER_ACTION = re.compile(r";|,\s*(?:đồng\s+thời\s+)?(?:báo\s+cáo|chủ\s+động|kịp\s+thời|khẩn\s+trương|tổ\s+chức|chỉ\s+đạo)\b")
# a page number the text kept, alone in its paragraph (a page break it stood by was not marked)
STRAY_NUMBER = re.compile(PAGE_NUMBER)
MAX_STRAY_NUMBER = 12  # most paragraphs are longer: a length test before the regex
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
QUOTES_RULES = re.compile(r"^\s*(?:Tại|Theo|Căn\s+cứ|Theo\s+quy\s+định\s+tại)\s+(?:quy\s+định\s+tại\s+)?(?:điểm|khoản|Điều|Mục"
                          r"|Chương|Phụ\s+lục|Nghị\s+định|Thông\s+tư|Luật|Bộ\s+luật|Quyết\s+định|Nghị\s+quyết)\b.*"
                          r"(?:quy\s+định|hướng\s+dẫn)[^:]{0,60}:\s*$", re.I)
# a list item that only names something by its quoted title ("Dự án 1: “Phòng ngừa, đấu tranh tội phạm về ma túy”."):
# the object of the lead-in above it, not a task
NAMED_ITEM = re.compile(r"\s*(?:[^\s:“”\"][^:“”\"]{0,40}:\s*)?[“\"][^“”\"]{1,300}[”\"]\s*[.;,]?\s*$"
                          # ... or a programme's numbered project by its title, unquoted ("Dự án 9: Quản lý, giám sát,
                          # đánh giá Chương trình.", "Dự án 7 (Tiểu dự án 2): ..."), with no one named to do it
                          r"|\s*(?:Tiểu\s+dự\s+án|Dự\s+án|Hợp\s+phần)\s+\d+[^:]{0,30}:\s*"
                          r"(?![^.;]*\b(?:chủ\s+trì|giao|thực\s+hiện|phối\s+hợp)\b)[^.;:]{1,150}[.;]?\s*$")
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
# "Điều 2. Sở Công Thương có trách nhiệm rà soát, ...\nHoàn thành trước ngày 21/11/2025.": a line that only gives the
# time of the task before it belongs to that task
TIME_ONLY = re.compile(r"\s*(?:Hoàn\s+thành|Thời\s+hạn(?:\s+hoàn\s+thành)?|Thời\s+gian\s+hoàn\s+thành)\s+(?:trước|chậm\s+nhất|trong|vào|không\s+quá)\b[^\n:]{0,100}$",
                       re.I)
# "1.4. The Ministry of Finance shall ensure ..." then "It shall coordinate with the Ministry of Justice and the Ministry
# of Industry and Trade in ...": an English translation goes on with the item's body as a pronoun in a paragraph of its
# own; the paragraph is more of the item's task (its partners are the task's)
PRONOUN_SUBJECT = re.compile(r"\s*(?:It|They)\s+(?:shall|must)\b")
# the divisions of a text ("Điều 3.", "Phần II", "Chương I", "Mục 2"): never an item of a list, nor a point's title
DIVISIONS = frozenset({"article", "part", "chapter", "section"})
# a chapter's title that devolves powers: "PHÂN CẤP MỘT SỐ NỘI DUNG THUỘC LĨNH VỰC XÂY DỰNG, GIAO THÔNG ...", "PHÂN CẤP,
# PHÂN QUYỀN ..."
DEVOLUTION_TITLE = re.compile(r"[\s.:–-]*PHÂN\s+(?:CẤP|QUYỀN)\b")
# a short item without a closing stop: it may only name the bodies whose work follows
BARE_ITEM = re.compile(r"[^\n]{1,120}(?<![.;:!?])\s*")
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
# "Mẫu số 09", "Mẫu 04/TTHC": the title of a form annexed to a text; its lines are blanks to fill, not work
FORM_START = re.compile(r"\s*Mẫu\s+(?:số\s+)?\d{1,3}[a-zđ]?(?:/[\w-]+)?\s*[.:]?\s*$")
# or the place for its sender's name, where a document's header names its issuer ("TÊN CƠ QUAN, TỔ CHỨC, ĐƠN VỊ", "TÊN
# CƠ QUAN CHỦ QUẢN"), after the appendix's label where a text layer ran them into one line ("Phụ lục 01 TÊN CƠ QUAN ...")
FORM_ISSUER = re.compile(r"\s*(?:(?:PHỤ\s+LỤC|Phụ\s+lục)\s+\S+\s+)?TÊN\s+(?:CƠ\s+QUAN|ĐƠN\s+VỊ|TỔ\s+CHỨC)\b")
# "- Sản phẩm: Hệ thống cảnh báo ... được vận hành": what a task delivers, not a task
OUTPUT_LABEL = re.compile(r"\s*(?:[-+•]\s*)?(?:Sản\s+phẩm(?:\s+đầu\s+ra)?|Kết\s+quả\s+(?:đầu\s+ra|dự\s+kiến))\s*:", re.I)
PROPOSES = re.compile(r"\s*(?:Đề\s+nghị|Kiến\s+nghị|Đề\s+xuất)\b", re.I)


@dataclass
class _Context:
    level: int
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


@dataclass
class _Walk:
    """Where the walk over a document's blocks stands: what the blocks read so far tell about the next."""
    contexts: list[_Context] = field(default_factory=list)  # the headings above, innermost last
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
    continued_task: tuple[_Context, Draft] | None = None  # the task a duty's point and its paragraphs make so far
    # a bullet that names bodies and ends with a colon ("- Ủy ban nhân dân thành phố Hà Nội và ... cần tập trung một số
    # nhiệm vụ quan trọng như sau:"), by its mark: the bullets of another mark below it ("+ ...") are those bodies' work
    bullet_lead: tuple[str, list[AgencyMention]] | None = None
    objects_until: int = -1  # where the last bullet listing a lead-in's objects ends (_object_of_lead_in)
    objects_from: int = -1  # where the heading whose objects the next bullet lists starts (_object_of_lead_in)
    class_paragraph_end: int = -1  # where the last paragraph a class of bodies opened below a request's item ends

    def close_item(self) -> None:
        """No labelled field below this point completes the enumerated item or the fields' group above it."""
        self.parent, self.group = None, []

    def open_appendix(self) -> None:
        """An appendix begins: the headings and the article above it head none of its units."""
        self.close_item()
        self.contexts, self.article_title, self.item_actor, self.under_heading = [], "", None, False
        self.bodies_article = False


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
# "... shall be implemented", "... shall take effect": the sentence's subject is not given work
PASSIVE_MODAL = re.compile(r"\s+(?:be\s+(?!responsible)\w+(?:ed|en|wn|t)\b|take\s+effect|apply|cover)", re.I)


# bodies a document is sent up to (a council, the National Assembly's bodies, the Government): never its actors
OVERSIGHT_KINDS = frozenset({"provincial_council", "na_body", "government"})

# blocks that hold no task of the document's own
NO_TASK_KINDS = frozenset({"recital", "recipients", "signature", "header", "addressees", "attached_title", "preamble",
                           "footnote"})


class ObligationExtractor:
    def __init__(self, text: str, seg: Segmentation, *, language: str, issued_on: str | None,
                 references: list[Reference], province: str | None = None,
                 registry: AgencyRegistry | None = None, normative: bool = False, central: bool = False,
                 articles_only: bool = False, issuer: str | None = None) -> None:
        self.text = text
        self.issuer = issuer  # the body whose document this is: its own decisions in it are the act, not tasks
        self.central = central  # a central body's document: "Sở Xây dựng" there is every province's
        self.normative = normative  # rules are not obligations; only work given to state bodies is
        # a decision that publishes administrative procedures: what follows its signature is the procedures
        # (steps, offices, time limits), rules rather than tasks; its own articles assign the work
        # (its own closing: the first signature or recipients list, not one of the forms annexed after it)
        closing = next((b.span[0] for b in seg.blocks[seg.header_end:] if b.kind in ("signature", "recipients")),
                       None) if articles_only else None
        self.tasks_end = closing if closing is not None else len(text)
        self.seg = seg
        self.language = language
        self.issued_on = issued_on
        self.references = references
        self.province = province
        self.registry = registry or AgencyRegistry.default()
        self.cues = cues()
        self.class_subjects = ClassSubjects.default()
        self.addressees: list[AgencyMention] = []
        self.walk = _Walk()
        self.paragraphs = Paragraphs(seg.blocks)
        bodies = BodyMentions(text, self.paragraphs, self.registry, language=language, province=province,
                              central=central, issuer=issuer)
        self.mentions = bodies.within
        self.cell_bodies = bodies.in_cell  # a task table's lead or partners cell
        self.deadlines = DeadlineReader(text, self.paragraphs, issued_on=issued_on, language=language)
        self.cue_hits = cue_index(text)
        self.subjects = SubjectReader(text, seg, self.registry, self.mentions, self.cue_hits, language=language,
                                      issuer=issuer, short_name_at=bodies.short_name_at)
        self.units = UnitReader(text, self.cues, self.subjects, self.mentions, normative=normative)
        # APPROVES opens with an article word: matched only where the automaton found one
        self.approves = any(APPROVES.match(text, at, APPROVAL_WITHIN)
                            for at in self.cue_hits.starts("article", 0, APPROVAL_WITHIN))

    # --- blocks ---------------------------------------------------------------------------------

    def extract(self, doc_id: str, addressees: list[AgencyMention]) -> list[Obligation]:
        """Walk the blocks after the header in order; each kind of block has its reader."""
        self.addressees = addressees
        self.given_work = self._given_work()  # read for every unit that names no actor: computed once
        self.walk = _Walk()
        drafts: list[Draft] = []
        table = TaskTable(self.text, self.cues.layout.columns, self.cue_hits, self.mentions,
                          lambda mention: self.subjects.related_only(mention, generic_nouns=False), self.cell_bodies)
        kind_now = ""  # the kind of the block read last: a broken table header is looked for once per table
        since_row = 0  # how many drafts there were when the last table row was read
        for block in self.seg.blocks[self.seg.header_end:]:
            if block.kind in NO_TASK_KINDS:
                if block.kind == "signature":  # an item's labelled fields never follow its document's signature
                    self.walk.close_item()
                continue
            if block.span[0] >= self.tasks_end and self._tasks_closed():
                break  # the procedures a decision publishes: whatever they hold is no task, and is not read
            line = self.text[block.span[0]:block.span[1]]
            previous_kind, kind_now = kind_now, block.kind
            if block.kind == "appendix" and APPENDIX_LABEL.match(line):
                self.walk.open_appendix()  # "Phụ lục 01" alone on its line: the forms after a regulation's articles
            if block.kind == "table_row":
                if self.walk.in_form or _form_row(line) or FORM_TITLE_CELL.match(line):
                    # the rows of a form annexed, to be filled in ("Kiểm tra nhận thức | ......... | ........."), its
                    # signing line, or a row that opens one ("Mẫu 4: Sổ gốc cấp giấy chứng nhận ... | ...")
                    self.walk.in_form = self.walk.in_form or bool(FORM_TITLE_CELL.match(line))
                    continue
                tail = table.tail(block, line)
                if tail is not None:  # the row's task was written above it, line by line: the tail completes it
                    self._complete_row(table, tail, block, drafts, since_row)
                else:
                    drafts.extend(table.row(block, line, after_row=previous_kind == "table_row"))
                table.row_end, since_row = block.span[1], len(drafts)
                self.walk.close_item()  # fields below a table row are no item's above it
                continue
            if table.absorbs(block, line):
                continue  # the broken cells of a table of results ("Nhiệm vụ giao Bộ trưởng Bộ Y tế chỉ đạo")
            table.line(block, line)
            self._read_block(block, line, drafts)
        builder = ObligationBuilder(self.text, self.subjects, self.deadlines, self.references, self.cues,
                                    normative=self.normative, issuer=self.issuer, tasks_end=self.tasks_end)
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
        return (walk.parent is None or walk.parent.span[0] >= self.tasks_end) and \
            all(d.span[0] >= self.tasks_end for d in walk.group)

    def _read_block(self, block: Block, line: str, drafts: list[Draft]) -> None:
        """A block outside task tables: a labelled field, a heading, a quoted provision or a unit of work."""
        if block.enum in (None, "bullet") and len(line) <= MAX_STRAY_NUMBER and STRAY_NUMBER.fullmatch(line):
            # a page number the text kept ("6. Về chính quyền địa phương:" / "2" / "a) ...", or "- 2 -"): no task, and
            # no lead-in that would cut the points below it off from the one above
            return
        walk = self.walk
        if self._object_of_lead_in(block, drafts):
            return
        bare_bullet, walk.bare_bullet = walk.bare_bullet, None
        heading_item, walk.heading_item = walk.heading_item, None
        bare_item, walk.bare_item = walk.bare_item, None
        bullet_task, walk.bullet_task = walk.bullet_task, None
        if line.lstrip().startswith("Mẫu") and FORM_START.match(line) or "TÊN " in line and FORM_ISSUER.match(line):
            walk.in_form = True  # the forms a text annexes run to its end, or to the next article or chapter
            return
        if block.enum and drafts and _titles(self.text, drafts[-1], block):
            drafts.pop()  # "1. Nhiệm vụ, giải pháp tổng thể" then "1.1. ...": the item is the title of its points
        if walk.in_form:
            if block.enum not in ("article", "part"):
                return
            walk.in_form = False
        if self.normative and self._devolves(block, line):
            return
        # a label ends with ':': most blocks hold none, and the alternation of labels is not tried
        label = self.cues.layout.field_label.match(self.text, block.content_start, block.span[1]) \
            if self.text.find(":", block.content_start, block.span[1]) >= 0 else None
        if label and block.enum in ("bullet", "subpoint", "point", None):
            actor_above = any(c.assignees or c.generic for c in walk.contexts)
            walk.group, walk.collecting = self._field(block, label, walk.group, walk.parent, drafts, actor_above,
                                                      bare_bullet)
            return
        if walk.collecting and block.enum == "bullet":
            draft = Draft(path=block.path, span=(block.content_start, block.span[1]), content_start=block.content_start)
            drafts.append(draft)
            walk.group.append(draft)
            return
        if not block.enum and drafts and self._goes_on_task(block) and self._touches(drafts[-1].span[1], block):
            drafts[-1].span = (drafts[-1].span[0], block.span[1])
            return
        if block.enum != "bullet" and not (block.enum is None and walk.group and self._rest_of_above(block)):
            walk.group, walk.collecting = [], False
        if self._leads_bullets(block, line):
            return
        level = LEVEL.get(block.enum or "", 9)
        if block.enum and block.enum != "bullet":
            walk.contexts = [c for c in walk.contexts if c.level < level]
            walk.parent = block
        if block.enum in ("article", "part"):
            walk.article_title = line[:160] if block.enum == "article" else ""
            walk.bodies_article = block.enum == "article" and self.normative and self.units.names_only(block)
            if block.enum == "article":
                walk.intro = None  # "Bộ Nội vụ ... có nhiệm vụ, quyền hạn sau:" addresses its own article's points only
        elif self.normative and not walk.article_title:
            return  # before its first article a normative text has only its title and enacting formula
        elif not block.enum and BARE_ARTICLE.fullmatch(walk.article_title):
            walk.article_title += " " + line[:160]  # "Điều 4." then "Trách nhiệm thi hành" on a line of its own
            if self.units.names_duties(block):
                self._heading(block, line, LEVEL["article"], drafts)  # "Trách nhiệm của Sở Y tế": the article's points
                return
        if block.enum and (block.heading or self.units.names_only(block) or self.units.duties_title(block)
                           or block.enum != "bullet" and self._names_a_class(block)):
            self._heading(block, line, level, drafts)
            return
        if block.enum:
            walk.under_heading = False
        if block.enum and block.enum != "bullet":
            walk.item_actor = block  # whom it names is read only when a bullet below it asks
        if block.kind in ("body", "appendix") and self._quoted(block):
            if (request := self.units.request_after_citation(block)) is not None:
                # "Tại khoản 1 Điều 37 Nghị định ... quy định: ... Do vậy, đề nghị Thuế tỉnh Gia Lai căn cứ ...": an
                # answer cites the rules, then asks its addressee to act on them
                drafts.extend(self._block(replace(block, content_start=request), walk.contexts, walk.intro))
            return
        if not block.enum and self.subjects.remit_body and walk.contexts and not walk.contexts[-1].assignees \
                and REMIT_HEADING.match(self.text, block.content_start, block.span[1]):
            walk.contexts[-1].assignees = [self.subjects.remit_body]  # "Điều 2." then "Nhiệm vụ và quyền hạn" on a line of its own
            walk.contexts[-1].duties = True
            return
        if not block.enum and bullet_task is not None and walk.intro and drafts and drafts[-1] is bullet_task[0] \
                and self._touches(bullet_task[1], block) and not line.rstrip().endswith(":") \
                and not self.subjects.subject(block.content_start, block.span[1]).explicit:
            walk.bullet_task = (bullet_task[0], block.span[1])
            return
        if not block.enum and not (walk.intro and (self._continues_item(block, line) or self._after_class_paragraph(block))):
            intro = self._intro(block, walk.intro)
            if intro is not walk.intro:
                walk.intro, walk.intro_at = intro, block.span[0]
            if line.rstrip().endswith(":") and (len(line) <= 2 * LONG_LEAD_IN or self._announces_points(block)):
                return
        # "...; Các bộ, ngành, địa phương ... tổ chức rà soát ...;" then "gửi kết quả về Bộ Công an trước ngày 10 tháng 12 năm
        # 2025; Bộ Công an tổng hợp, ...": the page broke the last task's sentence; its words run on into this paragraph
        carry = drafts[-1] if not block.enum and drafts and self._rest_of_above(block) \
            and self._touches(drafts[-1].span[1], block) else None
        made = self._block(block, walk.contexts, walk.intro, carry)
        if not block.enum and made and walk.under_heading and walk.contexts and walk.contexts[-1].continued:
            made = self._continue_duty(walk.contexts[-1], made)
        if not made and not block.enum and bare_item and drafts and drafts[-1] is bare_item[1] \
                and self._touches(bare_item[0].span[1], block):
            made, heading_item = self._under_bare_item(block, bare_item[0], drafts)
        elif made and block.enum == "bullet" and bare_item and drafts and drafts[-1] is bare_item[1] \
                and self._touches(bare_item[0].span[1], block):
            drafts.pop()  # "5. Các sở, ban, ngành, đoàn thể cấp tỉnh và UBND các xã, phường" then "- Tiếp tục ...": a heading
        if heading_item and not block.enum and made and made[0].span[0] == block.content_start \
                and self._touches(heading_item.span[1], block):
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

    def _continue_duty(self, context: _Context, made: list[Draft]) -> list[Draft]:
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
        self._heading(item, self.text[item.span[0]:item.span[1]], LEVEL[item.enum or ""], [])
        made = self._block(block, walk.contexts, walk.intro)
        heading_item, walk.heading_item = walk.heading_item, None
        if made:
            drafts.pop()  # the item's own task was its heading
            made[0].path = made[0].path or item.path
            return made, heading_item
        walk.contexts, walk.item_actor, walk.under_heading = contexts, item_actor, False
        if self._closing(block.content_start, self.text[block.content_start:block.span[1]]):
            # "Điều 3. Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Thủ trưởng cơ quan thuộc" then "Chính phủ, ... chịu trách
            # nhiệm thi hành Quyết định này./.": one closing formula the page broke in two
            drafts.pop()
        return [], None

    def _heading(self, block: Block, line: str, level: int, drafts: list[Draft]) -> None:
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
        if not (framing or duty) and (len(own_words.strip(" :;,.")) > LONG_LEAD_IN or lists_cases and head.bodies):
            drafts.extend(self._block(block, walk.contexts, walk.intro))  # a lead-in with a task
        elif head.bodies and block.enum not in DIVISIONS:
            walk.heading_item = block
        own = head.bodies or bracketed
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
                               or self._names_a_class(block))
        partners = self.subjects.partners(block.content_start, block.span[1]) if own else []
        duties = bool(duty) or bool(self.subjects.remit_body and own and own[0] is self.subjects.remit_body)
        continued = not (own or generic or framing or duty or lists_cases) and leads_in and block.enum not in DIVISIONS \
            and any(c.duties for c in walk.contexts)
        walk.contexts.append(_Context(level, own, lead, task_section, (block.content_start, block.span[1]), generic,
                                      partners, duties, continued,
                                      bool(DUTY_LEAD.search(self.text, block.content_start, block.span[1]))))
        walk.item_actor = None
        walk.under_heading = True

    def _requests_joined(self, clauses: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
        """'Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã, phường tổ chức ...': a ';'
        between the bodies one request asks parts its addressees, not two clauses."""
        out: list[tuple[int, int, bool]] = []
        for clause in clauses:
            if out and self._asks_only(out[-1][0], out[-1][1]):
                out[-1] = (out[-1][0], clause[1], out[-1][2])
            else:
                out.append(clause)
        return out

    def _asks_only(self, start: int, end: int) -> bool:
        """Whether text[start:end] ends with ';' right after the bodies a request names ("... yêu cầu Thủ trưởng các sở,
        ban, ngành;")."""
        if self._last_mark(start, end) != ";" or (cue := INNER_OPENER.search(self.text, start, end)) is None:
            return False
        chain = self.subjects.chain_from(cue.end(), end)
        return bool(chain) and not self.text[chain[-1].span[1]:end].strip(" ,;")

    def _object_of_lead_in(self, block: Block, drafts: list[Draft]) -> bool:
        """A bullet that lists what the line above it names ("a) Tham mưu Ủy ban nhân dân tỉnh trình Hội đồng nhân dân
        cấp tỉnh quyết định:" then "- Phương án phân bổ vốn ...", "... bao gồm:" then "+ Chính sách ..."): part of that
        line's task, when the line is one."""
        walk = self.walk
        if block.enum != "bullet" or walk.group:  # a task's labelled fields gather its bullets themselves
            walk.objects_until = -1
            return False
        line_start = self.text.rfind("\n", 0, max(0, block.span[0] - 1)) + 1
        if not (walk.objects_until >= 0 and self._touches(walk.objects_until, block)
                or self._last_mark(line_start, block.span[0]) == ":"
                and OBJECT_LIST.search(self.text, line_start, block.span[0])):
            walk.objects_until = -1
            return False
        if not drafts or drafts[-1].span[1] < line_start:
            walk.objects_until = -1
            if walk.contexts and self._touches(walk.contexts[-1].span[1], block):
                walk.objects_from = walk.contexts[-1].span[0]  # a heading: its bullets make its one task
            return False  # else the line that names them is no task: the bullets are read as they stand
        drafts[-1].span = (drafts[-1].span[0], block.span[1])
        walk.objects_until = block.span[1]
        return True

    def _leads_bullets(self, block: Block, line: str) -> bool:
        """Keep walk.bullet_lead: a bullet that opens a list of bullets of its own for the bodies it names (no task of
        its own); one of its mark again, or any other block, ends that list."""
        walk = self.walk
        if block.enum != "bullet":
            walk.bullet_lead = None
            return False
        mark = line.lstrip()[:1]
        if walk.bullet_lead is not None and mark == walk.bullet_lead[0]:
            walk.bullet_lead = None
        if walk.bullet_lead is not None or self._last_mark(block.content_start, block.span[1]) != ":":
            return False
        found = self.subjects.subject(block.content_start, block.span[1])
        if not found.explicit or not ACTING.match(self.text, found.end, block.span[1]):
            return False
        walk.bullet_lead = (mark, found.bodies)
        return True

    def _named_in_brackets(self, block: Block) -> list[AgencyMention]:
        """The bodies a heading's class of bodies is said to be, in brackets before its colon ("Các cơ quan đăng ký
        đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế Phú Yên, ...):"); none when the brackets say something else."""
        bracket = NAMED_IN_BRACKETS.search(self.text, block.content_start, block.span[1])
        if bracket is None:
            return []
        named = self.subjects.chain_from(bracket.start(1), bracket.end(1))
        return named if named and not self.text[named[-1].span[1]:bracket.end(1)].strip(" ,;.") else []

    def _quoted(self, block: Block) -> bool:
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

    def _rest_of_above(self, block: Block) -> bool:
        """A paragraph (without a number) that opens in lower case is the rest of the block above, which the page broke:
        of a field ('+ Nội dung: ... khoản 7 Điều 20;' then 'khoản 7 Điều 21; ...'), not the end of its group; of an
        item ('5. Quan tâm giải quyết các vấn đề còn tồn đọng như:' then 'tài sản công dôi dư, ...')."""
        return self.text[block.content_start:block.content_start + 1].islower()

    def _field(self, block: Block, label: re.Match[str], group: list[Draft], parent: Block | None,
               drafts: list[Draft], actor_above: bool = True, bare_bullet: Block | None = None) -> tuple[list[Draft], bool]:
        """Plans often spell tasks out as labelled fields: '- Nội dung: ...' or 'a) Nhiệm vụ:' followed by
        task bullets, then '- Cơ quan chủ trì: ...', '- Cơ quan phối hợp: ...', '- Thời gian thực hiện: ...'.
        The fields apply to every task of the group. Returns the group and whether bullets are tasks."""
        kind = self.cues.layout.field_kinds.get(" ".join(label.group(1).lower().split()), "other")
        start, end = label.end(), block.span[1]
        empty = not self.text[start:end].strip(" .;:")
        if kind == "task":
            if drafts and parent is not None and drafts[-1].span[0] >= parent.content_start \
                    and drafts[-1].span[1] <= parent.span[1]:
                drafts.pop()  # the numbered item is only the title of the task spelled out below
            if empty:
                return [], True
            if block.enum == "bullet" and parent is not None and parent.enum not in (None, "bullet") \
                    and self._touches(parent.span[1], block) and self._last_mark(parent.content_start, parent.span[1]) != ":":
                # "6. Xây dựng Cổng thông tin quốc gia về bảo vệ dữ liệu cá nhân" then "- Nội dung: Cổng thông tin ...":
                # the title names the task, its content field spells it out; the task reads from its title (not a
                # lead-in's "...:" over points, each with its own "a) Nhiệm vụ: ...")
                start = parent.content_start
            if bare_bullet is not None and block.enum == "bullet":
                # "- Nghị định quy định chi tiết ..." then "+ Nội dung: ...", "+ Cơ quan chủ trì: ...": the bullet right
                # above, which names no actor, names the task its fields spell out (and they name who acts)
                start = bare_bullet.content_start
            draft = Draft(path=block.path, span=(start, end), content_start=start)
            drafts.append(draft)
            return [draft], False
        if not group:
            if drafts and parent is not None and drafts[-1].span[0] >= parent.content_start \
                    and drafts[-1].span[1] <= parent.span[1]:
                group = [drafts[-1]]  # the numbered item itself was taken as the task
                if kind in ("lead", "support"):
                    group[0].assignees = []  # the fields name who acts; a time field leaves the item's own subject
            elif parent is not None:
                # "- Thời gian thực hiện: 05 ngày ..." under an item nobody is named for is a time, not a task,
                # unless a later field names who acts ("- Cơ quan chủ trì: ...")
                group = [Draft(path=parent.path, span=(parent.content_start, parent.span[1]),
                                content_start=parent.content_start,
                                needs_named_actor=kind not in ("lead", "support") and not actor_above
                                and self.units.actor_of(parent) is None)]
                drafts.append(group[0])
            else:
                return group, False
        if len(group) == 1:
            group[0].span = (group[0].span[0], max(group[0].span[1], end))
        if kind in ("lead", "support") and not empty:
            for mention in self.mentions(start, end):
                if kind == "support" and self.subjects.related_only(mention, generic_nouns=False):
                    continue
                role = "support" if kind == "support" else (
                    "lead" if LEAD_LABEL.search(label.group(1)) or self.cues.roles.lead.match(self.text, mention.span[1], end)
                    else "responsible")
                if kind == "lead" and self.cues.roles.support.search(self.text, start, mention.span[0]):
                    role = "support"  # "Sở A chủ trì, phối hợp với Sở B": B supports
                for draft in group:
                    add_assignee(draft.assignees, mention, role)
        elif kind == "deadline" and not empty:
            for draft in group:
                draft.deadline_text = (start, end)
        return group, False

    def _intro(self, block: Block, previous: list[AgencyMention] | None) -> list[AgencyMention] | None:
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

    def _block(self, block: Block, contexts: list[_Context], intro: list[AgencyMention] | None,
               carry: Draft | None = None) -> list[Draft]:
        """The tasks of one block; with ``carry``, the task above whose sentence runs on into the block: clauses without a
        subject of their own extend it."""
        hits, start = self.cue_hits, block.content_start
        units = self.cues.units
        # one lookup rules out both lists for most blocks (the closing formula has the longer reach)
        if hits.may_match(NO_TASK_CUES, start, min(start + CLOSING_REACH, block.span[1])):
            line = self.text[start:block.span[1]]
            if self._closing(start, line):
                return []  # "X chịu trách nhiệm thi hành Quyết định này", "... để biết, thực hiện"; a page may run on
            if units.document_clause.found(hits, line, start, DOCUMENT_CLAUSE_REACH) \
                    and not self.cues.subject.opener.match(line):  # "Giao Sở Tư pháp căn cứ các TTHC ban hành ..."
                # the document takes effect, promulgates its attachment, repeals another; "Quyết định này có hiệu lực
                # thi hành kể từ ngày ký. Giao Sở Giáo dục và Đào tạo chủ trì ...": a sentence after it may give work
                if given := REQUEST_AFTER.search(line):
                    return self._block(replace(block, content_start=start + given.end()), contexts, intro, carry)
                return []
        if self._closing_runs_on(block):
            # "Điều 4. Chánh Văn phòng UBND tỉnh, Giám đốc Sở ...;" then "Chủ tịch UBND các xã, ... chịu trách nhiệm thi
            # hành Quyết định này./.": the recipients of the formula, broken over two lines
            return []
        if block.kind not in ("body", "appendix"):
            return []
        if block.enum == "bullet" and NAMED_ITEM.match(self.text, block.content_start, block.span[1]):
            return []  # "- Dự án 1: “Phòng ngừa, đấu tranh tội phạm ...”.": what the lead-in above works on, named
        drafts: list[Draft] = [carry] if carry else []
        title_end = self.units.past_title(block)  # the item's work, and its first clause's subject, begin after its title
        # "3. Khẩn trương ... chiến lược dữ liệu: (1) Thanh tra ...", "a) Bộ Khoa học và Công nghệ: (1) trình ...; (2) chủ
        # trì ...": numbers right after a title or a subject are tasks; after a task's words ("giải quyết 03 vấn đề tồn
        # đọng: (i) ...; (ii) ...") they list its parts
        numbers_tasks = title_end > block.content_start and bool(NUMBER_OPENS.match(self.text, title_end))
        task_numbers = ""  # how the numbers that open tasks are written: "(2)" arabic, "(ii)" roman
        for start, end, numbered in self._requests_joined(_clauses(self.text, title_end, block.span[1])):
            opens = block.content_start if start == title_end else start  # the first task keeps its title
            if _title_line(self.text, start, end):
                continue  # "THỦ TƯỚNG CHÍNH PHỦ", "II. NHIỆM VỤ CỤ THỂ": a name or title in capitals, not a task
            if _REPEALED.fullmatch(self.text, start, end):
                continue  # "1.[17] (được bãi bỏ).": a consolidated text keeps the number of a clause since repealed
            if statistic(self.text, start, end):
                continue  # "Cắt giảm 2.269/6.974 ĐKKD (đạt 32,5%)": figures, not work
            if _list_or_form(self.text, start, end):
                continue  # a recipients list the page flattened ("Chính phủ; - Các bộ, ...; - Lưu: VT"), a form to fill
            found = self.subjects.subject(start, end)
            if found.explicit and found.opened and PROPOSES.match(self.text, start, end) \
                    and any(c.duties for c in contexts):
                # "Đề nghị Chủ tịch Ủy ban nhân dân tỉnh quyết định ..." among a department's duties: it proposes
                found = Subject([], start, False, False)
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
                lead = bool(self.cues.roles.lead.match(self.text, zone_end, min(end, zone_end + 30)))
                names = [a.name for a in drafts[-1].assignees] if drafts else []
                if drafts and not numbered and sorted(names) == sorted(m.name for m in own) \
                        and not (own and INNER_OPENER.search(self.text, start, own[0].span[0])):  # asked anew
                    drafts[-1].span = (drafts[-1].span[0], end)
                    continue
                drafts.append(self._draft(block, opens, end, own, "lead" if lead else "responsible"))
                drafts[-1].explicit = True
                numbers_tasks = numbers_tasks or len(drafts) == 1 and bool(SUBJECT_THEN_NUMBER.match(self.text, zone_end, end))
            elif found.conditioned and self.units.generic_actor_at(found.end, end):
                drafts.append(self._draft(block, opens, end, [], "responsible"))  # "..., các cơ quan, đơn vị phản ánh"
                drafts[-1].generic_actor = True
            elif found.conditioned and (handler := self.units.feedback_handler(found.end, end)) \
                    and handler[0].name != self.issuer:  # the issuer hearing of its own rules (through its unit): no task
                drafts.append(self._draft(block, opens, end, handler, "responsible"))
            elif drafts and numbered and numbers_tasks \
                    and (kind := _number_kind(self.text, start)) == (task_numbers := task_numbers or kind):
                # "Bộ Khoa học và Công nghệ: (1) ...; (2) chủ trì ...": its body; numbers of another kind list a task's
                # parts ("(5) Phát triển VNeID ... với 05 chức năng chính: (i) Lưu trữ ...; (ii) Định danh ...")
                drafts.append(self._draft(block, start, end, [], "responsible"))
                drafts[-1].assignees = [replace(a) for a in drafts[0].assignees if a.role != "support"]
            elif drafts:
                drafts[-1].span = (drafts[-1].span[0], end)
            elif self.cues.units.praise.match(self.text, start, end) or self.cues.units.entitlement.match(self.text, start, end):
                continue  # "Ghi nhận, đánh giá cao ...", "Được ngân sách ... cấp": no work given to anyone
            else:
                inherited = self._inherited(block, contexts, intro, start, end)
                if inherited is None:
                    if REQUEST_AFTER.search(self.text, end - 1, block.span[1]) \
                            or DUTY_AFTER.search(self.text, end - 1, block.span[1]) \
                            or self._body_acts_after(end, block.span[1]):
                        # "Căn cứ quy định nêu trên, cơ quan thuế không có trách nhiệm ... Do vậy, đề nghị X ...", "...
                        # trình phê duyệt để triển khai thực hiện. Bộ Tài chính có trách nhiệm phân bổ ...": later words ask
                        continue
                    return []
                who, role, partners = inherited
                if who and who == self.given_work and not intro \
                        and REQUEST_AFTER.search(self.text, end - 1, block.span[1]):
                    # "Về mức chi phí quản lý ...: Trên cơ sở ý kiến của Bộ Tài chính ... Vì vậy, đề nghị Ủy ban nhân dân
                    # các tỉnh ...": in a letter, what comes before its request to the addressees is the ground for it
                    continue
                drafts.append(self._draft(block, opens, end, who, role))
                drafts[-1].generic_actor = not who
                for partner in partners:  # the heading's partners support each of its points
                    add_assignee(drafts[-1].assignees, partner, "support")
        made = drafts[1:] if carry else drafts  # the task carried on is the walk's already
        headings = tuple(c.span for c in reversed(contexts))  # whether one dates them is read only if needed
        for draft in made:
            draft.headings = headings
        return made

    def _body_acts_after(self, end: int, block_end: int) -> bool:
        """Whether a later sentence of the paragraph opens with bodies of its own, after one that names no actor ("Central
        and local working groups review legal documents. Leaders of ministries, branches and localities strictly perform
        ...", "Điều 2. Tài liệu được đăng tải trên Cổng thông tin điện tử của Bộ Giáo dục và Đào tạo. Các Sở Giáo dục và
        Đào tạo, các cơ sở giáo dục và đào tạo khai thác, sử dụng ..."): its clauses are read on, unless it tells what the
        bodies did."""
        english = self.language == "en"
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
        return found.explicit and bool(found.bodies) and found.bodies[0].span[0] <= after.end() + OPENING_WORD \
            and not NARRATION.match(self.text, found.end, block_end) \
            and not NOT_WORK_AFTER_SUBJECT.match(self.text, found.end, block_end) \
            and not self.text[found.end:sentence_end].rstrip().endswith(":") \
            and not _member_line(self.text, after.end(), found.end, sentence_end + 1)

    def _announces_points(self, block: Block) -> bool:
        """A long lead-in whose words after the bodies it asks only hand them the points below ("Để khắc phục ..., Chủ
        tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành ... tập trung thực hiện các nội dung sau:"): its length is
        its ground, not work of its own."""
        found = self.mentions(block.content_start, block.span[1])
        return bool(found) and bool(ANNOUNCES_POINTS.match(self.text, max(m.span[1] for m in found), block.span[1]))

    def _closing_runs_on(self, block: Block) -> bool:
        """Whether the block is a list of the closing formula's bodies that the page broke off before its verb: it ends
        with ";" or "," and the next line, which opens no block of its own, holds the formula."""
        if self._last_mark(block.content_start, block.span[1]) not in (";", ","):
            return False
        after = block.span[1] + 1
        end = self.text.find("\n", after)
        line = self.text[after:len(self.text) if end < 0 else end]
        return match_enumerator(line.lstrip()) is None and self._closing(after, line[:CLOSING_REACH])

    def _last_mark(self, start: int, end: int) -> str:
        """The last character of text[start:end] that is not white space ("" if none): read in place, no copy."""
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return self.text[end - 1] if end > start else ""

    def _closing(self, start: int, unit: str) -> bool:
        """Whether the unit (text from start) is a closing formula ("X chịu trách nhiệm thi hành Quyết định này")."""
        return self.cues.units.closing.found(self.cue_hits, unit, start, CLOSING_REACH)

    def _goes_on_task(self, block: Block) -> bool:
        """A paragraph that is more of the task above it: only its time (TIME_ONLY), or, in English, its body again as a
        pronoun (PRONOUN_SUBJECT)."""
        start, end = block.content_start, block.span[1]
        return bool(TIME_ONLY.match(self.text, start, end)
                    or self.language == "en" and PRONOUN_SUBJECT.match(self.text, start, end))

    def _touches(self, end: int, block: Block) -> bool:
        """Nothing but white space between end (of a block or task above) and the block."""
        return not self.text[end:block.span[0]].strip()

    def _inherited(self, block: Block, contexts: list[_Context], intro: list[AgencyMention] | None,
                   start: int, end: int) -> tuple[list[AgencyMention], str, list[AgencyMention]] | None:
        """Who a subject-less unit belongs to, or None when it is not a task at all."""
        if addressee := self.units.addressee_asked(start, end, self.addressees):
            return addressee, "responsible", []
        if not block.enum and not (self.walk.under_heading and contexts
                                   and (contexts[-1].assignees or contexts[-1].continued)):
            if contexts and all(c.task_section for c in contexts) and self.units.generic_actor_at(start, end):
                return [], "responsible", []  # "Các cơ quan, đơn vị, địa phương căn cứ ... triển khai thực hiện"
            if intro and self._class_goes_on_item(block, start, end):
                return [], "responsible", []  # "Về kinh phí: Các địa phương phải ..." below a request's item
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
        if addressed := self.given_work:
            if self.cues.subject.generic_actor.match(self.text, start, end) or self._class_acts(start, end):
                # "3. Các cơ quan, đơn vị, địa phương căn cứ nội dung ... triển khai thực hiện": the unit names its own
                # actor, a class that names nobody (ANNOTATION.md), not the letter's addressees
                return [], "responsible", []
            return addressed, "responsible", []
        if self.language == "en" and any(c.task_section for c in contexts) and all(c.task_section for c in contexts) \
                and (modal := self.cues.subject.modal_subject.match(self.text, start, end)) \
                and not PASSIVE_MODAL.match(self.text, modal.end(), end):
            return [], "responsible", []  # "Project managing agencies shall set up ...": its subject acts, even in a scheme
        if self.approves:
            if self._implementing(contexts) and (self.cues.subject.generic_actor.match(self.text, start, end)
                                                 or self._class_acts(start, end)):
                return [], "responsible", []  # "4. Các doanh nghiệp công nghệ số căn cứ ..., xây dựng ..."
            return None  # the approved scheme's own content; its assignments come in their own section
        if self.cues.subject.generic_actor.match(self.text, start, end) or \
                self.language == "en" and self.cues.subject.modal_subject.match(self.text, start, end) or \
                bool(contexts) and self._class_acts(start, end):
            # "Các cơ quan, đơn vị ...", "Enterprises shall ...", "Cơ quan hải quan chấp nhận ...": names nobody known;
            # a class only under a heading: a form's numbered notes under none ("(18) Viện kiểm sát cùng cấp và những
            # người có quyền đề nghị ...") say what to write, not who acts
            return [], "responsible", []
        return None  # no actor in its words nor above it: an activity, objective or rule, not an obligation

    def _implementing(self, contexts: list[_Context]) -> bool:
        """Under the section of an approved scheme that gives its work out ("III. TỔ CHỨC THỰC HIỆN"), where a class
        that acts ("4. Các doanh nghiệp công nghệ số căn cứ ... xây dựng ...") is given work as the bodies are."""
        return any(IMPLEMENTATION_HEADING.match(self.text, c.span[0], c.span[1]) for c in contexts)

    def _names_a_class(self, block: Block) -> bool:
        """A heading that names only a class of bodies: "4. Professional societies and associations:" over "a) To study
        ...", "19. Các cơ sở đào tạo đại học, sau đại học" over "a) Mở thêm chuyên ngành ..."."""
        if self.language == "en":
            return self.class_subjects.heads_english(self.text, block.content_start, block.span[1])
        return not self.units.normative and self.class_subjects.heads_vietnamese(self.text, block.content_start,
                                                                                   block.span[1])

    def _class_acts(self, start: int, end: int) -> bool:
        """A class of bodies named in lower case opens the unit and is given work, not only answerability ("Cơ sở khám
        bệnh, chữa bệnh chịu trách nhiệm về tính chính xác ..."); not in a normative text, whose rules bind such classes."""
        if self.language != "vi" or self.units.normative:
            return False
        if topic := TOPIC.match(self.text, start, end):  # "Bước 6: Các khoa phối hợp theo dõi, đôn đốc ..."
            start = topic.end()
        if not self.class_subjects.opens(self.text, start, end):
            return False
        answers = ACCOUNTABLE.search(self.text, start, min(end, start + CLASS_REACH))
        return not answers or bool(FURTHER_ACTION.search(self.text, answers.end(), end))

    def _continues_item(self, block: Block, line: str) -> bool:
        """A second paragraph of a list's item ("1. Cấp ủy, chính quyền Thành phố phải ..." then "Ủy ban nhân dân Thành
        phố chỉ đạo ..."): the list, and whom its lead-in addresses, go on below it."""
        parent = self.walk.parent  # an item that is a sentence, not the title of what follows it
        if parent is None or parent.enum in DIVISIONS \
                or not self._touches(parent.span[1], block):
            return False
        if self._rest_of_above(block):
            return True
        return self.text[parent.content_start:parent.span[1]].rstrip().endswith((".", ";")) \
            and not line.rstrip().endswith(":")

    def _class_goes_on_item(self, block: Block, start: int, end: int) -> bool:
        """A paragraph that goes on a request's item ("1. Các địa phương phát động ngay ..." then "Về kinh phí: Các địa
        phương phải động viên ...", "Về tổ chức thực hiện: Các địa phương tổ chức họp ..."): the list the lead-in asks
        goes on, and the class of bodies that opens the paragraph (after its topic) is given work of its own."""
        line = self.text[block.span[0]:block.span[1]]
        if not self._continues_item(block, line) and not (self._after_class_paragraph(block)
                                                          and not line.rstrip().endswith(":")):
            return False
        topic = TOPIC.match(self.text, start, end)
        if not self.units.generic_actor_at(topic.end() if topic else start, end):
            return False
        self.walk.class_paragraph_end = block.span[1]  # the next paragraph may go on the item as well
        return True

    def _after_class_paragraph(self, block: Block) -> bool:
        """Right below a paragraph that a class of bodies opened under a request's item (_class_goes_on_item)."""
        return self.walk.class_paragraph_end >= 0 and self._touches(self.walk.class_paragraph_end, block)

    def _acting_list(self, contexts: list[_Context], intro: list[AgencyMention] | None) -> bool:
        """'I. ĐÁNH GIÁ CHUNG' ... 'Để tiếp tục ..., thành phố Đà Nẵng cần tập trung thực hiện tốt một số nhiệm vụ, giải
        pháp sau đây:': a lead-in below an assessment heading that names who acts opens a list of tasks."""
        return bool(intro) and self.walk.intro_at > max(c.span[0] for c in contexts if not c.task_section)

    def _given_work(self) -> list[AgencyMention]:
        """The addressees a unit without a subject of its own is given to: not a council, the National Assembly's
        bodies or the Government, to whom a plan or report is sent upward ("Kính gửi: Hội đồng nhân dân tỉnh
        Cà Mau" over a province's budget plan) for decision or information, not to act on."""
        return [a for a in self.addressees if a.kind not in OVERSIGHT_KINDS]

    def _draft(self, block: Block, start: int, end: int, who: list[AgencyMention], role: str) -> Draft:
        path, parent, contexts = block.path, self.walk.parent, self.walk.contexts
        if path is None and block.enum is None and parent is not None and parent.enum == "article" and contexts \
                and contexts[-1].span == (parent.content_start, parent.span[1]):
            # "Điều 19. Đề nghị Tòa án nhân dân thành phố, ..." read as a heading for the bodies it names, though the
            # page gave it no colon: the paragraph below it is the article's, as below a titled one
            path = parent.path
        draft = Draft(path=path, span=(start, end), content_start=start,
                       # its title says so, or names only the bodies whose duties its clauses set out
                       responsibility=self.walk.bodies_article
                       or bool(self.cues.responsibility_article.search(self.walk.article_title))
                       or self._under_duty_lead(),
                       # "Điều 1. Vị trí và chức năng": "Sở Tư pháp là cơ quan chuyên môn ..." there gives no work
                       descriptive=bool(self.cues.units.describing_article.match(self.walk.article_title)),
                       regulated=bool(who) and all(m.regulated for m in who))
        for mention in self.subjects.specific(who, self.addressees):
            add_assignee(draft.assignees, mention, role)
        return draft

    def _under_duty_lead(self) -> bool:
        """Whether the innermost heading that names an actor gives it duties ("Bộ X chịu trách nhiệm:"): its points are
        that actor's work, as in an article on responsibilities."""
        return next((c.duty_lead for c in reversed(self.walk.contexts) if c.assignees or c.generic), False)


MIN_CLAUSE = 40
DUTY_REACH = 200  # characters: a class subject and its "có trách nhiệm"
# a lead-in that gives its bodies duties, listed in the points below it: "1. Bộ Văn hóa, Thể thao và Du lịch chịu trách
# nhiệm:", "..., cơ quan chuyên môn về văn hóa cấp tỉnh nơi có địa điểm khảo cổ có trách nhiệm sau đây:"
DUTY_LEAD = re.compile(r"(?:có|chịu)\s+trách\s+nhiệm(?:\s+sau\s+đây)?\s*:\s*$")
BARE_ARTICLE = re.compile(r"\s*(?:Điều|Article)\s+\d+[a-z]?\s*[.:]?\s*")  # an article's number, its title below it
# an addressee heading or introduction this long ("Các đồng chí Bộ trưởng, ... chỉ đạo thực hiện ..., cụ thể:")
# carries a task of its own besides introducing the points below it
LONG_LEAD_IN = 100
# the break is group 1, the white space after the stop (a lookbehind on the stop is tried at every position)
# "...; (2) Bộ Y tế hoàn thành ...", "đề nghị: (i) Tập đoàn ... (ii) Chủ đầu tư ...": an inline number opens a clause
# whatever its first word, and the clause starts after it
_SENTENCE_BREAK = r"[.;](\s+)(?=(?:[A-ZĐ]|giao\s|đề\s+nghị\s|yêu\s+cầu\s))"
_CLAUSE_BREAK = re.compile(_SENTENCE_BREAK + rf"|[.;:](\s+{INLINE_NUMBER}\s+)")
_PLAIN_BREAK = re.compile(_SENTENCE_BREAK)  # for the units without "(": most, and the one-branch pattern is faster


NUMBER_OPENS = re.compile(INLINE_NUMBER + r"\s")
SUBJECT_THEN_NUMBER = re.compile(r"\s*:\s*\((?:1|i)\)\s")  # "Bộ Khoa học và Công nghệ: (1) trình ..."


_NUMBER_BEFORE = re.compile(rf"{INLINE_NUMBER}\s*$")


def _number_kind(text: str, start: int) -> str:
    """How the inline number right before a clause is written: "arabic" ("(2)"), "roman" ("(ii)"), or "" (none)."""
    m = _NUMBER_BEFORE.search(text, max(0, start - 8), start)
    return "" if m is None else "roman" if text[m.start() + 1] in "ivx" else "arabic"


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
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


def _closes_quotation(content: str, after: int) -> bool:
    """Whether a closing quotation mark stands in the block (after its opening mark, if it has one)."""
    rest = content.lstrip()[after:]
    return any(mark in rest for mark in CLOSING_QUOTES)


# "- Thủ tướng, các Phó Thủ tướng Chính phủ; - Các bộ, cơ quan ngang bộ, ...; - Lưu: VT, NN (2).": a recipients list in
# one line; "Kiểm tra nhận thức | ......... | .........": the blanks of a form
_FLAT_LIST_ITEM = re.compile(rf";\s*-\s*[{UPPER_VI}]")
_FILING = re.compile(r"(?:^|[-;]\s*)(?:Lưu\s*:\s*(?:VT\b|Văn\s+thư\b|\.{2,}|…)|Như\s+trên\s*;?\s*$)")
# "GIÁM ĐỐC TRUNG TÂM (Ký, đóng dấu, ghi rõ họ tên)": where a form is signed
_SIGN_HERE = re.compile(r"\(Ký(?:\s+tên)?\s*(?:,|và|\))")
# "Mẫu 4: Sổ gốc cấp giấy chứng nhận ... | ĐẢNG ỦY XÃ/PHƯỜNG ...": a form's title opening a table row
FORM_TITLE_CELL = re.compile(r"\s*Mẫu\s+(?:số\s+)?\d{1,3}[a-zđ]?\s*[:.]")
# "....(2).... giải quyết cho người được cấp phép": a form's numbered blank
_BLANKS = re.compile(r"\.{6,}|…{3,}|\.{3,}\s*\(\d{1,2}\)\s*\.{3,}")


def _list_or_form(text: str, start: int, end: int) -> bool:
    unit = text[start:end]  # most units hold none of the marks these patterns need, and are passed by `in` tests
    return (";" in unit and len(_FLAT_LIST_ITEM.findall(unit)) >= 2
            or ("Lưu" in unit or "Như" in unit) and bool(_FILING.search(unit))
            or _form_blanks(unit))


def _form_row(line: str) -> bool:
    """A table row of a form: where it is signed, or most of its cells are blanks to fill in (a task row may hold one
    empty cell written as dots)."""
    if _signed_here(line):
        return True
    if ".." not in line and "…" not in line:
        return False
    cells = [cell for cell in line.split(" | ") if cell.strip()]
    return 2 * sum(1 for cell in cells if _BLANKS.search(cell)) >= len(cells)


def _form_blanks(unit: str) -> bool:
    """The blanks of a form to fill in, or where it is signed."""
    return (".." in unit or "…" in unit) and bool(_BLANKS.search(unit)) or _signed_here(unit)


def _signed_here(unit: str) -> bool:
    return "(Ký" in unit and bool(_SIGN_HERE.search(unit))


MAX_TITLE_LINE = 120


def _titles(text: str, draft: Draft, block: Block) -> bool:
    """Whether the draft is a short item without a closing stop ("8. Giám đốc Sở, Thủ trưởng cơ quan, ban, ngành")
    whose first point is `block` ("8.a"): a title, its tasks below it."""
    return bool(draft.path and block.path and block.path.startswith(draft.path + ".")) \
        and draft.span[1] - draft.content_start <= MAX_TITLE_ITEM \
        and not text[draft.content_start:draft.span[1]].rstrip().endswith((".", ";", ":", "!", "?"))


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
    for block in seg.of_kind("addressees"):
        line = text[block.span[0]:block.span[1]]
        opener = re.match(r"^.*?(?:Kính\s+gửi|điện|To)\s*:", line, re.I)
        start = block.span[0] + (opener.end() if opener else 0)  # not the issuer in "THỦ TƯỚNG ... điện:"
        for mention in extractor.mentions(start, block.span[1]):
            if all(m.name != mention.name for m in addressee_mentions):
                addressee_mentions.append(mention)
    addressees: list[Assignee] = []
    for mention in addressee_mentions:
        add_assignee(addressees, mention, "responsible")
    return extractor.extract(doc_id, addressee_mentions), addressees
