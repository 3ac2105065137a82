"""Extract stage, obligations: who must do what, with whom, reporting to whom, by when.

One obligation per assignable unit of work (ANNOTATION.md): each point ``a)``, each numbered item
that assigns work, each dash bullet under an addressee heading, each "Giao/Yêu cầu/Đề nghị X ..."
sentence, each row of a task table. Assignees come from the unit's own subject, else from the
addressee heading above it, else from the document's addressees; roles from "chủ trì" (lead) and
"phối hợp" (support). Cue words are data in ``data/obligation_cues.json``.

``ObligationExtractor`` walks the blocks (its state between blocks is a ``_Walk``) and reads each kind with
its own method: labelled fields, headings, quoted provisions, units of work. It leans on one helper per job:
obligation_cues.py (the compiled cues and the automaton prefilter of cue_index.py), body_mentions.py (which
bodies a span names), subject_openers.py (whether a clause can open with a body at all, before its paragraph
is scanned), statistics_lines.py (units of figures), task_tables.py (task-table rows), obligation_deadlines.py
(a task's deadlines) and obligation_drafts.py (the obligation being built).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from pipeline import knowledge
from pipeline.extract.agencies import AgencyMention, AgencyRegistry
from pipeline.extract.body_mentions import BodyMentions
from pipeline.extract.deadlines import primary_deadline
from pipeline.extract.obligation_cues import (
    ARTICLE_WORDS,
    CLOSING_REACH,
    DOCUMENT_CLAUSE_REACH,
    INNER_OPENER,
    NO_TASK_CUES,
    Cues,
    cue_index,
    cues,
    words,
)
from pipeline.extract.obligation_deadlines import CASE_CLAUSE, DeadlineReader, Paragraphs
from pipeline.extract.obligation_drafts import Draft, add_assignee
from pipeline.extract.statistics_lines import statistic
from pipeline.extract.subject_openers import subject_openers
from pipeline.extract.task_tables import TaskTable
from pipeline.knowledge.patterns import LEGAL_TEXTS, UPPER_VI, first_letters
from pipeline.records import Assignee, Obligation, Reference, obligation_id
from pipeline.segment.segmenter import APPENDIX_LABEL, LEVEL, Block, Segmentation

# "Trách nhiệm của Bộ ...", "Nhiệm vụ, quyền hạn của Bộ Nội vụ", "Tasks and powers of the Ministry of ..."
DUTIES_OF = re.compile(first_letters(["nhiệm", "trách", "tasks", "duties", "responsibilities"])
                       + r"\b(?:nhiệm\s+vụ|trách\s+nhiệm|tasks|duties|responsibilities)"
                         r"(?:\s*,?\s*(?:và\s+|and\s+)?(?:quyền\s+hạn|powers))?\s+(?:của|of)\s+", re.I)
# an addressee heading names its bodies anywhere; a longer heading only through its subject or request
SHORT_HEADING = 120
MAX_TITLE_ITEM = 90  # an item's title is a short line
CHAIN_REACH = 600  # characters: how far after a cue or a clause's start its list of bodies may run
APPROVAL_WITHIN = 20_000  # Article 1 comes right after the recitals
# "Article 1. To approve the national program ..., with the following principal contents:"
APPROVES = re.compile(rf"(?:{words(ARTICLE_WORDS)})\s+1\s*[.:]?\s*(?:To\s+approve|Phê\s+duyệt)", re.I)
RELATED = re.compile(r"\s*(?:có\s+)?liên\s+quan|\s*(?:concerned|relevant)\b", re.I)
# "các sở, ngành, cơ quan liên quan": more generic nouns may stand between a group and its "liên quan"
RELATED_AFTER = re.compile(r"(?:\s*,?\s*(?:các\s+)?(?:cơ\s+quan|đơn\s+vị|địa\s+phương|ngành|tổ\s+chức"
                           r"|agencies|units|localities))*(?:" + RELATED.pattern + ")", re.I)
SESSION_WITH = re.compile(
    r"làm\s+việc\s+(?:với|tại)\s+(?:lãnh\s+đạo\s+|Ban\s+Thường\s+vụ\s+|Thường\s+trực\s+)?(?:Tỉnh\s+ủy,?\s+)?"
    r"(tỉnh|thành\s+phố)\s+((?:[A-ZĐÂĂÊÔƠƯ][\wÀ-ỹ]*)(?:\s+[A-ZĐÂĂÊÔƠƯ][\wÀ-ỹ]*){0,3})")

# a class name -> the prefix of the specific bodies that stand for it when the addressees name them
# "bao gồm các tỉnh, thành phố trực thuộc Trung ương: Hà Tĩnh, ..., Lâm Đồng (sau đây gọi tắt là các tỉnh, thành phố)"
DEFINED_PROVINCES = re.compile(r"tỉnh,\s*thành\s+phố(?:\s+trực\s+thuộc\s+[Tt]rung\s+ương)?\s*:\s*(?P<list>[^():;\n]{3,300}?)"
                               r"\s*\(\s*(?:sau\s+đây\s+)?gọi\s+(?:tắt\s+|chung\s+)?là\s+(?:các\s+)?tỉnh,\s*thành\s+phố\s*\)")
CLASS_PREFIX = {
    "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương": "Ủy ban nhân dân t",
    "Tỉnh ủy, Thành ủy các tỉnh, thành phố trực thuộc Trung ương": "T",
}


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
# after its subject, a clause that tells what was done or received rather than what is to be done
NARRATION = re.compile(r"[\s,]*(?:đã|đang|vừa|nhận\s+được|có\s+kế\s+hoạch|xin\s+(?:thông\s+báo|trả\s+lời)|trả\s+lời"
                       r"|has\s+(?:been\s+)?\w+ed|have\s+(?:been\s+)?\w+ed|received)\b")
# "X chịu trách nhiệm toàn diện trước Thủ tướng Chính phủ về tính chính xác ...", "Chịu trách nhiệm trước pháp luật
# về ...", "chịu trách nhiệm về nội dung báo cáo": whom a body answers to, not work it is given
ACCOUNTABLE = re.compile(r"[\s,]*(?:phải\s+)?chịu\s+trách(?:\s+nhiệm)?(?:\s+toàn\s+diện)?\s+(?:trước\s|về\s+(?:tính|nội\s+dung"
                         r"|số\s+liệu|kết\s+quả)\b|(?:đối\s+với|về)\s+(?:những\s+|các\s+)?hậu\s+quả\b)", re.I)
# "...; chủ động chỉ đạo ...", "..., báo cáo Chính phủ ...": the answerable body is also given work
FURTHER_ACTION = re.compile(r";|,\s*(?:đồng\s+thời\s+)?(?:báo\s+cáo|chủ\s+động|kịp\s+thời|khẩn\s+trương|tổ\s+chức|chỉ\s+đạo)\b")
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
TOPIC = re.compile(r"\s*(?:(?:Về|Đối\s+với|Regarding)\s[^:.;]{0,250}:|(?:Bước|Step)\s+\d{1,2}\s*:[\s:]*|(?:Trong\s+thời\s+gian\s+tới|Thời\s+gian\s+tới"
                   r"|Đồng\s+thời|Trên\s+cơ\s+sở\s+đó|Trước\s+mắt|Bên\s+cạnh\s+đó|Tiếp\s+theo)\s*,"
                   # a leading adverbial up to the comma before the capitalised subject: "Trên cơ sở đề nghị của
                   # các Bộ, cơ quan liên quan, Bộ Tài chính ...", "Based on the above tasks ..., ministers ..."
                   # ("Căn cứ nội dung Kế hoạch và tình hình thực tiễn, các sở, ban, ngành ... xây dựng ...")
                   r"|(?:Trên\s+cơ\s+sở|Căn\s+cứ\s+(?:vào\s+|theo\s+)?(?:tình\s+hình|kết\s+quả|đề\s+nghị|báo\s+cáo|ý\s+kiến|khả\s+năng"
                   r"|nhu\s+cầu|chức\s+năng|điều\s+kiện|nội\s+dung|[Kk]ế\s+hoạch\s+này)|Based\s+on|Depending\s+on)"
                   rf"(?:\s[^.;:]{{0,300}}?)?,\s*(?=[{UPPER_VI}]|các\s|ministers|heads|chairm|the\s)"
                   # the case it is for: "Đối với hồ sơ TTHC ..., Trung tâm Phục vụ hành chính công tỉnh ..."
                   rf"|{CASE_CLAUSE}"
                   # a purpose clause before a class of bodies: "Để nâng cao hiệu lực, ..., các Sở, ngành, UBND cấp xã ... triển
                   # khai" (before a named body it is mostly who asks: "Để ..., Thủ tướng Chính phủ yêu cầu ...")
                   r"|Để\s[^.;:]{0,300}?,\s*(?=các\s))\s*")
# "Nghị quyết số 50/NQ-CP ngày 13/3/2025 của Chính phủ": the body after a cited document's date or number owns that
# document; it is no subject
CITED_OWNER = re.compile(r"(?:ngày\s+\d{1,2}(?:/\d{1,2}/\d{4}|\s+tháng\s+\d{1,2}\s+năm\s+\d{4})|\d+/[\w-]+)\s+của\s+$")
# a list item that only names something by its quoted title ("Dự án 1: “Phòng ngừa, đấu tranh tội phạm về ma túy”."):
# the object of the lead-in above it, not a task
QUOTED_TITLE = re.compile(r"\s*(?:[^\s:“”\"][^:“”\"]{0,40}:\s*)?[“\"][^“”\"]{1,300}[”\"]\s*[.;,]?\s*$")
# the issuer asking in its own text ("Bộ Nội vụ đề nghị ...", "Chính phủ trân trọng đề nghị ...", "Thủ tướng Chính phủ
# yêu cầu ...")
ISSUER_ASKS = re.compile(r"\s*(?:trân\s+trọng\s+)?(?:đề\s+nghị|yêu\s+cầu|giao)\s+")
# the issuer deciding in its own text ("..., Ủy ban Thường vụ Quốc hội quyết định sắp xếp ..."): the act itself
ISSUER_DECIDES = re.compile(r"\s+quyết\s+(?:định|nghị)\b")
# the closing feedback clause of plans and decisions: "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ
# quan, đơn vị, địa phương phản ánh về ...", "..., trường hợp có vướng mắc hoặc phát sinh ..., Sở Nội vụ phối hợp ...":
# the condition goes before the clause's subject (a body, a generic actor, or "đề nghị" and its addressees)
FEEDBACK_CONDITION = re.compile(
    r"\s*(?:Trong\s+quá\s+trình\s[^.;:]{0,80}?,?\s+)?(?:[Nn]ếu|[Tt]rường\s+hợp)\s[^.;:]{0,120}?"
    r"(?:vướng\s+mắc|khó\s+khăn|bất\s+cập|phát\s+sinh)[^.;:]{0,160}?"
    # ("..., yêu cầu nhiệm vụ, Sở Nội vụ ...": without a comma only "đề nghị" is the request)
    rf"(?:,\s*|\s+(?=đề\s+nghị\s|[{UPPER_VI}]))(?=các\s|đề\s+nghị\s|yêu\s+cầu\s|[{UPPER_VI}])")
FEEDBACK_OPENERS = ("Trong", "Nếu", "nếu", "Trường", "trường")
# "3. Về kiến nghị tăng mức hỗ trợ ... 143.000 tỷ đồng ...:": a topic the paragraphs below answer, however long
TOPIC_HEADING = re.compile(r"\s*(?:Về|Regarding)\s.*:\s*$")  # not "Đối với X, các sở ...:", which has a subject
# "b) Để đạt được mục tiêu phát điện sớm hơn tiến độ ..., đề nghị:": the request's objects are the points below
FRAMING_LEAD_IN = re.compile(r"\b(?:đề\s+nghị|yêu\s+cầu|giao|kiến\s+nghị|requests?|requires?)\s*:\s*$", re.I)
# "..., các Sở, ngành, UBND cấp xã ... theo chức năng, nhiệm vụ, thẩm quyền quy định triển khai thực hiện những nội dung
# sau:": the words that only hand the points below to the subject are no task of the lead-in's own
POINTS_FOLLOW = re.compile(r"(?:triển\s+khai\s+)?thực\s+hiện\s+(?:tốt\s+)?(?:những|các|một\s+số)\s+(?:nội\s+dung|nhiệm\s+vụ)"
                           r"(?:\s+[^:]{0,40}?)?\s+sau(?:\s+đây)?\s*:\s*$", re.I)
# "1. Tổng Kiểm toán nhà nước quyết định thu hồi thẻ trong những trường hợp sau đây:": the points below are cases
CASES_LEAD_IN = re.compile(r"\b(?:trường\s+hợp|điều\s+kiện|tiêu\s+chuẩn|tiêu\s+chí)\s+(?:sau|dưới)(?:\s+đây)?\s*:\s*$", re.I)
# "Về vấn đề này, Cục Thuế có ý kiến như sau:": a letter answering a query; its points state the rules that apply
ANSWER_LEAD_IN = re.compile(r"\b(?:có|xin\s+có|cho)\s+ý\s+kiến\s+(?:như\s+sau|trả\s+lời)[^:]{0,20}:\s*$"
                            r"|\btrả\s+lời\s+(?:như\s+sau|[^:]{0,80}?như\s+sau)\s*:\s*$", re.I)
# "Điều 2. Sở Công Thương có trách nhiệm rà soát, ...\nHoàn thành trước ngày 21/11/2025.": a line that only gives the
# time of the task before it belongs to that task
TIME_ONLY = re.compile(r"\s*(?:Hoàn\s+thành|Thời\s+hạn(?:\s+hoàn\s+thành)?|Thời\s+gian\s+hoàn\s+thành)\s+(?:trước|chậm\s+nhất|trong|vào)\b[^\n:]{0,100}$",
                       re.I)
# "QUY ĐỊNH CHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN VÀ CƠ CẤU TỔ CHỨC CỦA SỞ TƯ PHÁP": a regulation of one body's remit; its
# article "Nhiệm vụ và quyền hạn" lists that body's duties without naming it again
REMIT_TITLE = re.compile(r"NHIỆM\s+VỤ,?\s+(?:VÀ\s+)?QUYỀN\s+HẠN\b[^\n]{0,60}?\bCỦA\s+(?P<body>[^\n(]{3,120})")
REMIT_HEADING = re.compile(r"\s*(?:Chức\s+năng,\s*)?Nhiệm\s+vụ,?\s+(?:và\s+)?quyền\s+hạn\s*[.:]?\s*$", re.I)
DEFINITION_REACH = 300  # characters: how long a full name defined by "(gọi tắt là ...)" may be
SHORT_REFERENCES = frozenset(knowledge.load("agency_grammar")["short_references"])
# a heading that opens with the work ("Tham mưu", "Trình", "Phối hợp với") names whom it serves, not who acts
HEADING_VERB = re.compile(r"\s*(?:Tham\s+mưu|Trình|Giúp|Phối\s+hợp|Báo\s+cáo|Đề\s+xuất|Kiến\s+nghị|Hướng\s+dẫn|Chỉ\s+đạo)\b", re.I)
# "Mẫu số 09", "Mẫu 04/TTHC": the title of a form annexed to a text; its lines are blanks to fill, not work
FORM_START = re.compile(r"\s*Mẫu\s+(?:số\s+)?\d{1,3}[a-zđ]?(?:/[\w-]+)?\s*[.:]?\s*$")
# "- Sản phẩm: Hệ thống cảnh báo ... được vận hành": what a task delivers, not a task
OUTPUT_LABEL = re.compile(r"\s*(?:[-+•]\s*)?(?:Sản\s+phẩm(?:\s+đầu\s+ra)?|Kết\s+quả\s+(?:đầu\s+ra|dự\s+kiến))\s*:", re.I)
PROPOSES = re.compile(r"\s*(?:Đề\s+nghị|Kiến\s+nghị|Đề\s+xuất)\b", re.I)
PROVINCE_WORD = re.compile(r"\s*(Tỉnh|Thành\s+phố|UBND\s+tỉnh|Ủy\s+ban\s+nhân\s+dân\s+tỉnh)\b(?!\s+[A-ZĐ])")


@dataclass
class _Subject:
    bodies: list[AgencyMention]
    end: int
    explicit: bool
    opened: bool
    conditioned: bool = False  # after the feedback clause's condition ("nếu có khó khăn, vướng mắc, ...")


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

    def close_item(self) -> None:
        """No labelled field below this point completes the enumerated item or the fields' group above it."""
        self.parent, self.group = None, []

    def open_appendix(self) -> None:
        """An appendix begins: the headings and the article above it head none of its units."""
        self.close_item()
        self.contexts, self.article_title, self.item_actor, self.under_heading = [], "", None, False
        self.bodies_article = False


# the people and firms a generic actor may name besides state bodies ("các cơ quan, tổ chức, cá nhân")
NOT_STATE = re.compile(r"cá\s+nhân|doanh\s+nghiệp|chủ\s+đầu\s+tư|người\s+dân|enterprises|individuals", re.I)
GENERIC_ACTOR_REACH = 60
MIN_WORK = 20  # characters of work after a generic actor: fewer are a label ("Cơ quan phối hợp")

# "... shall be implemented", "... shall take effect": the sentence's subject is not given work
PASSIVE_MODAL = re.compile(r"\s+(?:be\s+(?!responsible)\w+(?:ed|en|wn|t)\b|take\s+effect|apply|cover)", re.I)

# an enterprise or cooperative, bound by the rules of a normative text rather than given work by it
ENTERPRISE = re.compile(r"(?:Công\s+ty|Doanh\s+nghiệp|Hợp\s+tác\s+xã)\b", re.I)
# the words by which a rule gives a body work, not competence
DUTY_WORDS = re.compile(r"\b(?:có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|phải|giao|đề\s+nghị|yêu\s+cầu|khẩn\s+trương|báo\s+cáo"
                        r"|hướng\s+dẫn|tổ\s+chức\s+(?:thực\s+hiện|triển\s+khai)|triển\s+khai|chỉ\s+đạo|theo\s+dõi|kiểm\s+tra|ban\s+hành"
                        r"|xây\s+dựng|rà\s+soát|shall|must|is\s+responsible|are\s+responsible)\b", re.I)

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
        self._actors: dict[tuple[int, int], list[AgencyMention] | None] = {}
        self._subjects: dict[tuple[int, int], list[AgencyMention]] = {}  # (pos, end) -> the bodies named there
        self.seg = seg
        self.language = language
        self.issued_on = issued_on
        self.references = references
        self.province = province
        self.registry = registry or AgencyRegistry.default()
        self.cues = cues()
        self.openers = subject_openers(self.registry)
        self.addressees: list[AgencyMention] = []
        self.walk = _Walk()
        self.paragraphs = Paragraphs(seg.blocks)
        self.mentions = BodyMentions(text, self.paragraphs, self.registry, language=language, province=province,
                                     central=central).within
        self.deadlines = DeadlineReader(text, self.paragraphs, issued_on=issued_on, language=language)
        self.cue_hits = cue_index(text)
        self.subject_body = self._subject_body()
        self.remit_body = self._remit_body()
        self._full_names: dict[str, str | None] = {}
        # APPROVES opens with an article word: matched only where the automaton found one
        self.approves = any(APPROVES.match(text, at, APPROVAL_WITHIN)
                            for at in self.cue_hits.starts("article", 0, APPROVAL_WITHIN))

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

    def _remit_body(self) -> AgencyMention | None:
        """The body whose functions, duties and powers the document (or the regulation it issues) sets out."""
        for block in self.seg.blocks:
            if block.kind in ("header", "attached_title"):
                m = REMIT_TITLE.search(self.text, block.span[0], block.span[1])
                found = self.mentions(*m.span("body")) if m else []
                if found:
                    return found[0]
        return None

    def subject(self, start: int, end: int) -> _Subject:
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
            return _Subject([body], word.end(1), True, bool(opened))
        chain = self._bodies_at(pos, end)
        if chain and self.issuer and all(m.name == self.issuer for m in chain) \
                and (asks := ISSUER_ASKS.match(self.text, chain[-1].span[1], end)) \
                and (asked := self._bodies_at(asks.end(), end)):
            # "Bộ Nội vụ đề nghị Ủy ban nhân dân các tỉnh, thành phố triển khai ...": the issuer asks; the bodies it
            # asks act
            return _Subject(asked, asked[-1].span[1], True, True, bool(condition))
        explicit = bool(chain)  # _chain reaches the first body only through titles and connector words
        if not explicit:
            # "Để đảm bảo tiến độ ..., yêu cầu Bộ Y tế, ... tiếp tục ...": the request comes mid-sentence
            inners = INNER_OPENER.finditer(self.text, pos, end) if self.cue_hits.may_match("inner_opener", pos, end) \
                else ()
            for inner in inners:
                found = self._bodies_at(inner.end(), end)  # "đề nghị các đồng chí quan tâm": no scan
                if found and found[0].span[0] - inner.end() < 20:
                    return _Subject(found, found[-1].span[1], True, True)
        return _Subject(chain, chain[-1].span[1] if chain else pos, explicit, bool(opened), bool(condition))

    def _bodies_at(self, pos: int, end: int) -> list[AgencyMention]:
        """The bodies named from `pos` on, joined only by list punctuation, connectors and titles."""
        key = (pos, end)  # an item is asked whether it only names bodies, then for its heading's and clause's subject
        if key not in self._subjects:
            # most clauses open with a verb, even after an opener: no need to look for bodies
            self._subjects[key] = self._chain(pos, end, self._near(pos, end)) if self._may_name_a_body(pos, end) else []
        return self._subjects[key]

    def _chain_from(self, pos: int, end: int) -> list[AgencyMention]:
        """The bodies named from `pos` on, however far the list runs (a lead-in's addressees)."""
        return self._chain(pos, end, self.mentions(pos, end)) if self._may_name_a_body(pos, end) else []

    def _may_name_a_body(self, pos: int, end: int) -> bool:
        """Whether the clause at `pos` opens with words that a body's name, title or list can start with.
        Most background sentences ("Theo báo cáo ...", "Trong thời gian qua ...") do not, and need no scan."""
        return self.openers.may_open(self.text, pos, end, self.language)

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
            if not self.cues.subject.connector_gap.match(self.text[pos:mention.span[0]]):
                break
            chain.append(mention)
            pos = mention.span[1]
        return chain

    def partners(self, start: int, end: int) -> list[AgencyMention]:
        partners: list[AgencyMention] = []
        for cue in self.cues.roles.support.finditer(self.text, start, end):  # most tasks name no partner: no lookup
            partners.extend(m for m in self._bodies_at(cue.end(), end)
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
        for cue in self.cues.roles.report.finditer(self.text, start, end):
            for mention in self._bodies_at(cue.end(), end):
                before = self.text[cue.end():mention.span[0]]
                if "(" in before and self.cues.roles.channel.search(before[before.rfind("("):]):
                    break  # "(qua Sở Nội vụ)": a channel, not the body reported to
                if mention.name not in names:
                    names.append(mention.name)
        return names

    # --- blocks ---------------------------------------------------------------------------------

    def extract(self, doc_id: str, addressees: list[AgencyMention]) -> list[Obligation]:
        """Walk the blocks after the header in order; each kind of block has its reader."""
        self.addressees = addressees
        self.walk = _Walk()
        drafts: list[Draft] = []
        table = TaskTable(self.text, self.cues.layout.columns, self.cue_hits, self.mentions,
                          lambda mention: self._related_only(mention, generic_nouns=False))
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
        return self._finish(doc_id, drafts)

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

    def _tasks_closed(self) -> bool:
        """Past the end of the tasks, whether no block can reach back to a task before it: a labelled field
        ("- Cơ quan chủ trì: ...") completes the fields' group or the enumerated item above it; once both lie
        past the end, every draft the walk could make or change starts there, and _finish drops it."""
        walk = self.walk
        return (walk.parent is None or walk.parent.span[0] >= self.tasks_end) and \
            all(d.span[0] >= self.tasks_end for d in walk.group)

    def _read_block(self, block: Block, line: str, drafts: list[Draft]) -> None:
        """A block outside task tables: a labelled field, a heading, a quoted provision or a unit of work."""
        walk = self.walk
        if line.lstrip().startswith("Mẫu") and FORM_START.match(line):
            walk.in_form = True  # the forms a text annexes run to its end, or to the next article or chapter
            return
        if block.enum and drafts and _titles(self.text, drafts[-1], block):
            drafts.pop()  # "1. Nhiệm vụ, giải pháp tổng thể" then "1.1. ...": the item is the title of its points
        if walk.in_form:
            if block.enum not in ("article", "part"):
                return
            walk.in_form = False
        # a label ends with ':': most blocks hold none, and the alternation of labels is not tried
        label = self.cues.layout.field_label.match(self.text, block.content_start, block.span[1]) \
            if self.text.find(":", block.content_start, block.span[1]) >= 0 else None
        if label and block.enum in ("bullet", "subpoint", "point", None):
            actor_above = any(c.assignees or c.generic for c in walk.contexts)
            walk.group, walk.collecting = self._field(block, label, walk.group, walk.parent, drafts, actor_above)
            return
        if walk.collecting and block.enum == "bullet":
            draft = Draft(path=block.path, span=(block.content_start, block.span[1]), content_start=block.content_start)
            drafts.append(draft)
            walk.group.append(draft)
            return
        if not block.enum and drafts and TIME_ONLY.match(self.text, block.content_start, block.span[1]) \
                and not self.text[drafts[-1].span[1]:block.span[0]].strip():
            drafts[-1].span = (drafts[-1].span[0], block.span[1])
            return
        if block.enum != "bullet":
            walk.group, walk.collecting = [], False
        level = LEVEL.get(block.enum or "", 9)
        if block.enum and block.enum != "bullet":
            walk.contexts = [c for c in walk.contexts if c.level < level]
            walk.parent = block
        if block.enum in ("article", "part"):
            walk.article_title = line[:160] if block.enum == "article" else ""
            walk.bodies_article = block.enum == "article" and self.normative and self._names_only(block)
        elif self.normative and not walk.article_title:
            return  # before its first article a normative text has only its title and enacting formula
        elif not block.enum and BARE_ARTICLE.fullmatch(walk.article_title):
            walk.article_title += " " + line[:160]  # "Điều 4." then "Trách nhiệm thi hành" on a line of its own
            if self._names_duties(block):
                self._heading(block, line, LEVEL["article"], drafts)  # "Trách nhiệm của Sở Y tế": the article's points
                return
        if block.enum and (block.heading or self._names_only(block) or self._duties_title(block)):
            self._heading(block, line, level, drafts)
            return
        if block.enum:
            walk.under_heading = False
        if block.enum and block.enum != "bullet":
            walk.item_actor = block  # whom it names is read only when a bullet below it asks
        if block.kind in ("body", "appendix") and self._quoted(block):
            if (request := self._request_after_citation(block)) is not None:
                # "Tại khoản 1 Điều 37 Nghị định ... quy định: ... Do vậy, đề nghị Thuế tỉnh Gia Lai căn cứ ...": an
                # answer cites the rules, then asks its addressee to act on them
                drafts.extend(self._block(replace(block, content_start=request), walk.contexts, walk.intro))
            return
        if not block.enum and self.remit_body and walk.contexts and not walk.contexts[-1].assignees \
                and REMIT_HEADING.match(self.text, block.content_start, block.span[1]):
            walk.contexts[-1].assignees = [self.remit_body]  # "Điều 2." then "Nhiệm vụ và quyền hạn" on a line of its own
            walk.contexts[-1].duties = True
            return
        if not block.enum and not (walk.intro and self._continues_item(block, line)):
            intro = self._intro(block, walk.intro)
            if intro is not walk.intro:
                walk.intro, walk.intro_at = intro, block.span[0]
            if line.rstrip().endswith(":") and len(line) <= 2 * LONG_LEAD_IN:
                return
        drafts.extend(self._block(block, walk.contexts, walk.intro))

    def _heading(self, block: Block, line: str, level: int, drafts: list[Draft]) -> None:
        """A heading or an item that only names bodies: its bodies, role, partners and date carry down to the
        units below it; a long lead-in is also a task of its own."""
        walk = self.walk
        head = self.subject(block.content_start, block.span[1])
        framing = TOPIC_HEADING.match(self.text, block.content_start, block.span[1]) or \
            FRAMING_LEAD_IN.search(self.text, block.content_start, block.span[1])
        duty = DUTIES_OF.match(self.text, block.content_start, block.span[1])
        own_words = self.text[head.end:block.span[1]]
        if follow := POINTS_FOLLOW.search(own_words):
            own_words = own_words[:follow.start()]
        if not (framing or duty) and len(own_words.strip(" :;,.")) > LONG_LEAD_IN:
            drafts.extend(self._block(block, walk.contexts, walk.intro))  # a lead-in with a task
        own = head.bodies
        if duty and not own:
            # "Trách nhiệm của Ngân hàng Nhà nước chi nhánh nơi tổ chức tín dụng ... đặt trụ sở": the bodies
            # right after "của"; what qualifies them is no task
            own = self._bodies_at(duty.end(), block.span[1])
        if not own and block.span[1] - block.content_start <= SHORT_HEADING:
            # "2. Bộ Khoa học và Công nghệ", "1. Đối với Sở Y tế": not "1.3. Tham mưu Ủy ban nhân dân tỉnh quản lý ...:",
            # whose body is whom the work is for
            own = [m for m in self.mentions(block.content_start, block.span[1])
                   if not HEADING_VERB.match(self.text, block.content_start, m.span[0])]
        if not own and self.remit_body and REMIT_HEADING.match(self.text, block.content_start, block.span[1]):
            own = [self.remit_body]  # "Điều 2. Nhiệm vụ và quyền hạn" of the regulation of Sở Tư pháp's remit
        task_section = not self.cues.units.non_task_heading.match(line.strip()) \
            and not (line.rstrip().endswith(":") and CASES_LEAD_IN.search(line))
        lead = bool(self.cues.roles.lead_after_opener.search(line))
        # "5. Các đơn vị thực hiện kiểm kê:", "Điều 18. Trách nhiệm của các cơ quan, đơn vị xử lý phản ánh kiến nghị"
        generic = not own and self._generic_actor_at(duty.end() if duty else block.content_start, block.span[1],
                                                      heading=True)
        partners = self.partners(block.content_start, block.span[1]) if own else []
        duties = bool(duty) or bool(self.remit_body and own and own[0] is self.remit_body)
        walk.contexts.append(_Context(level, own, lead, task_section, (block.content_start, block.span[1]), generic,
                                      partners, duties))
        walk.item_actor = None
        walk.under_heading = True

    def _duties_title(self, block: Block) -> bool:
        """'Điều 34. Nhiệm vụ, quyền hạn của Bộ Nội vụ': an article titled with a body's duties heads its clauses,
        whether or not the page set the title apart."""
        if block.enum != "article":
            return False
        start, end = block.content_start, block.span[1]
        return self._names_duties(block) or end - start <= SHORT_HEADING \
            and bool(self.remit_body and REMIT_HEADING.match(self.text, start, end))

    def _names_duties(self, block: Block) -> bool:
        """A short title naming whose duties follow: "Trách nhiệm của các Sở, ngành Thành phố"."""
        return block.span[1] - block.content_start <= SHORT_HEADING \
            and bool(DUTIES_OF.match(self.text, block.content_start, block.span[1]))

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
        return [] if self.cues.subject.generic_actor.match(self.text, block.content_start, block.span[1]) else None

    def _names_only(self, block: Block) -> bool:
        """'1. Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố':
        an item that only names bodies (too long for the segmenter's heading test) heads the points below it;
        it is no task by itself. Not a bullet, nor a line ending in ';' ('- Bộ Tài chính;'): those are
        members of a list (often a recipients list inside an annexed form), not headings."""
        content = self.text[block.content_start:block.span[1]].rstrip()
        if block.enum == "bullet" or len(content) > MAX_NAMES_LINE or content.endswith((";", ",")):
            return False
        end = block.span[1]
        opened = self.cues.subject.opener.match(self.text, block.content_start, end)
        chain = self._bodies_at(opened.end() if opened else block.content_start, end)
        return bool(chain) and not self.text[chain[-1].span[1]:end].strip(" :;,.")

    def _field(self, block: Block, label: re.Match[str], group: list[Draft], parent: Block | None,
               drafts: list[Draft], actor_above: bool = True) -> tuple[list[Draft], bool]:
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
                    "lead" if "chủ trì" in label.group(1).lower() or self.cues.roles.lead.match(self.text, mention.span[1], end)
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
        if not cue and self._names_only(block):  # "Ủy ban nhân dân các tỉnh, thành phố:" above points a), b)
            return self._bodies_at(block.content_start, block.span[1])
        if not cue:
            # "Theo Mục 1 ... về nhiệm vụ của các Bộ trưởng, ... như sau:" names whom the list concerns
            duty = DUTIES_OF.search(line)
            if not duty:
                return self._acting_lead_in(block) or previous
            start = block.span[0] + duty.end()
            return self._chain_from(start, block.span[1]) or previous
        start = block.span[0] + cue.end()
        chain = self._chain_from(start, block.span[1])
        return chain or None

    def _acting_lead_in(self, block: Block) -> list[AgencyMention] | None:
        """'Nhằm đạt được mục tiêu ..., các bộ, ngành, địa phương tập trung thực hiện các nhiệm vụ sau:': the
        bodies of a lead-in that act (a chain of bodies followed by a verb of doing) own the list below it."""
        start, end = block.span
        if not HAS_ACTING_VERB.search(self.text, start, end):
            return None  # most lead-ins name no verb of doing: no need to look for their bodies
        found = self.mentions(start, end)
        for i, first in enumerate(found):
            if CITED_OWNER.search(self.text, max(start, first.span[0] - 40), first.span[0]):
                continue  # "... ngày 13/3/2025 của Chính phủ về ban hành Kế hoạch ...": whose document, not who acts
            chain = self._chain(first.span[0], end, found[i:])
            if chain and ACTING.match(self.text, chain[-1].span[1], end) \
                    and not ISSUES_PLAN.match(self.text, chain[-1].span[1], end):
                return chain
        place = ACTING_PLACE.search(self.text, start, end)
        if place and self.subject_body and ACTING.match(self.text, place.end(), end):
            return [self.subject_body]  # "..., tỉnh Đắk Lắk cần tiếp tục thực hiện:": the province's committee
        return None

    def _block(self, block: Block, contexts: list[_Context], intro: list[AgencyMention] | None) -> list[Draft]:
        hits, start = self.cue_hits, block.content_start
        units = self.cues.units
        # one lookup rules out both lists for most blocks (the closing formula has the longer reach)
        if hits.may_match(NO_TASK_CUES, start, min(start + CLOSING_REACH, block.span[1])):
            line = self.text[start:block.span[1]]
            if units.closing.found(hits, line, start, CLOSING_REACH):
                return []  # "X chịu trách nhiệm thi hành Quyết định này", "... để biết, thực hiện"; a page may run on
            if units.document_clause.found(hits, line, start, DOCUMENT_CLAUSE_REACH) \
                    and not self.cues.subject.opener.match(line):  # "Giao Sở Tư pháp căn cứ các TTHC ban hành ..."
                return []  # the document takes effect, promulgates its attachment, repeals another
        if block.kind not in ("body", "appendix"):
            return []
        if block.enum == "bullet" and QUOTED_TITLE.match(self.text, block.content_start, block.span[1]):
            return []  # "- Dự án 1: “Phòng ngừa, đấu tranh tội phạm ...”.": what the lead-in above works on, named
        drafts: list[Draft] = []
        title_end = self._past_title(block)  # the item's work, and its first clause's subject, begin after its title
        # "3. Khẩn trương ... chiến lược dữ liệu: (1) Thanh tra ...", "a) Bộ Khoa học và Công nghệ: (1) trình ...; (2) chủ
        # trì ...": numbers right after a title or a subject are tasks; after a task's words ("giải quyết 03 vấn đề tồn
        # đọng: (i) ...; (ii) ...") they list its parts
        numbers_tasks = title_end > block.content_start and bool(NUMBER_OPENS.match(self.text, title_end))
        for start, end, numbered in _clauses(self.text, title_end, block.span[1]):
            opens = block.content_start if start == title_end else start  # the first task keeps its title
            if _title_line(self.text, start, end):
                continue  # "THỦ TƯỚNG CHÍNH PHỦ", "II. NHIỆM VỤ CỤ THỂ": a name or title in capitals, not a task
            if statistic(self.text, start, end):
                continue  # "Cắt giảm 2.269/6.974 ĐKKD (đạt 32,5%)": figures, not work
            if _list_or_form(self.text, start, end):
                continue  # a recipients list the page flattened ("Chính phủ; - Các bộ, ...; - Lưu: VT"), a form to fill
            found = self.subject(start, end)
            if found.explicit and found.opened and PROPOSES.match(self.text, start, end) \
                    and any(c.duties for c in contexts):
                # "Đề nghị Chủ tịch Ủy ban nhân dân tỉnh quyết định ..." among a department's duties: it proposes
                found = _Subject([], start, False, False)
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
                if drafts and sorted(names) == sorted(m.name for m in own):
                    drafts[-1].span = (drafts[-1].span[0], end)
                    continue
                drafts.append(self._draft(block, opens, end, own, "lead" if lead else "responsible"))
                drafts[-1].explicit = True
                numbers_tasks = numbers_tasks or len(drafts) == 1 and bool(SUBJECT_THEN_NUMBER.match(self.text, zone_end, end))
            elif found.conditioned and self._generic_actor_at(found.end, end):
                drafts.append(self._draft(block, opens, end, [], "responsible"))  # "..., các cơ quan, đơn vị phản ánh"
                drafts[-1].generic_actor = True
            elif drafts and numbered and numbers_tasks:  # "Bộ Khoa học và Công nghệ: (1) ...; (2) chủ trì ...": its body
                drafts.append(self._draft(block, start, end, [], "responsible"))
                drafts[-1].assignees = [replace(a) for a in drafts[0].assignees if a.role != "support"]
            elif drafts:
                drafts[-1].span = (drafts[-1].span[0], end)
            elif self.cues.units.praise.match(self.text, start, end) or self.cues.units.entitlement.match(self.text, start, end):
                continue  # "Ghi nhận, đánh giá cao ...", "Được ngân sách ... cấp": no work given to anyone
            else:
                inherited = self._inherited(block, contexts, intro, start, end)
                if inherited is None:
                    if REQUEST_AFTER.search(self.text, end - 1, block.span[1]):
                        continue  # "Căn cứ quy định nêu trên, cơ quan thuế không có trách nhiệm ... Do vậy, đề nghị X ..."
                    return []
                who, role, partners = inherited
                drafts.append(self._draft(block, opens, end, who, role))
                drafts[-1].generic_actor = not who
                for partner in partners:  # the heading's partners support each of its points
                    add_assignee(drafts[-1].assignees, partner, "support")
        headings = tuple(c.span for c in reversed(contexts))  # whether one dates them is read only if needed
        for draft in drafts:
            draft.headings = headings
        return drafts

    def _request_after_citation(self, block: Block) -> int | None:
        """Where a request opens a sentence of a block that cites a provision, if one does."""
        if "ề nghị" not in self.text[block.content_start:block.span[1]]:
            return None
        found = REQUEST_AFTER.search(self.text, block.content_start, block.span[1])
        return found.end() if found else None

    def _addressee_asked(self, start: int, end: int) -> list[AgencyMention]:
        """'Đề nghị Công ty nghiên cứu các văn bản dẫn trên để thực hiện.' in a letter to 'Công ty TNHH ...': the request
        calls the addressee by its head noun."""
        if not self.addressees or self.text.find("ề nghị", start, min(end, start + ADDRESSEE_REACH)) < 0:
            return []  # most units ask nothing of their addressee: a string test
        topic = TOPIC.match(self.text, start, end)
        asked = ADDRESSEE_REQUEST.match(self.text, topic.end() if topic else start, end)
        if not asked:
            return []
        head = " ".join(asked["head"].split()).casefold()
        return [a for a in self.addressees if a.name.casefold().startswith(head)]

    def _past_title(self, block: Block) -> int:
        """Where an item's work begins: after a title that opens its line and names nobody ("2. Đẩy mạnh rà soát, ...,
        cơ chế chính sách:Các bộ khẩn trương trình ...", "3. Khẩn trương xây dựng ... chiến lược dữ liệu: (1) Thanh tra
        Chính phủ ban hành ..."); a title that names the actor ("a) Bộ Công an: (1) ...") is the work's subject."""
        start = block.content_start
        if not block.enum or self.text.find(":", start, min(block.span[1], start + MAX_TITLE)) < 0:
            return start  # most items hold no colon near their start: no title before their work
        title = ITEM_TITLE.match(self.text, start, block.span[1])
        if title and not self.mentions(start, title.start(1)):
            work = self.subject(title.end(), block.span[1])
            if work.explicit and (work.opened or work.bodies and work.bodies[0].span[0] == title.end()):
                return title.end()  # the work after it opens with its body, or "Giao X ...", "Đề nghị X ..."
        return start

    def _inherited(self, block: Block, contexts: list[_Context], intro: list[AgencyMention] | None,
                   start: int, end: int) -> tuple[list[AgencyMention], str, list[AgencyMention]] | None:
        """Who a subject-less unit belongs to, or None when it is not a task at all."""
        if addressee := self._addressee_asked(start, end):
            return addressee, "responsible", []
        if not block.enum and not (self.walk.under_heading and contexts and contexts[-1].assignees):
            if contexts and all(c.task_section for c in contexts) and self._generic_actor_at(start, end):
                return [], "responsible", []  # "Các cơ quan, đơn vị, địa phương căn cứ ... triển khai thực hiện"
            return None  # a plain paragraph without an assignment is background, unless a body's heading heads it
        if any(not c.task_section for c in contexts) and not self._acting_list(contexts, intro):
            return None
        for context in reversed(contexts):
            if context.assignees:
                return context.assignees, "lead" if context.lead else "responsible", context.partners
            if context.generic:
                return [], "responsible", []  # the points of "Trách nhiệm của các cơ quan, đơn vị ...:" name nobody
        if block.enum == "bullet" and self.walk.item_actor is not None:
            actor = self._actor_of(self.walk.item_actor)
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
        if addressed := self._given_work():
            return addressed, "responsible", []
        if self.language == "en" and any(c.task_section for c in contexts) and all(c.task_section for c in contexts) \
                and (modal := self.cues.subject.modal_subject.match(self.text, start, end)) \
                and not PASSIVE_MODAL.match(self.text, modal.end(), end):
            return [], "responsible", []  # "Project managing agencies shall set up ...": its subject acts, even in a scheme
        if self.approves:
            return None  # the approved scheme's own content; its assignments come in their own section
        if self.cues.subject.generic_actor.match(self.text, start, end) or \
                self.language == "en" and self.cues.subject.modal_subject.match(self.text, start, end):
            return [], "responsible", []  # "Các cơ quan, đơn vị ...", "Enterprises shall ...": names nobody known
        return None  # no actor in its words nor above it: an activity, objective or rule, not an obligation

    def _continues_item(self, block: Block, line: str) -> bool:
        """A second paragraph of a list's item ("1. Cấp ủy, chính quyền Thành phố phải ..." then "Ủy ban nhân dân Thành
        phố chỉ đạo ..."): the list, and whom its lead-in addresses, go on below it."""
        parent = self.walk.parent  # an item that is a sentence, not the title of what follows it
        return parent is not None and parent.enum not in ("article", "part", "chapter", "section") \
            and self.text[parent.content_start:parent.span[1]].rstrip().endswith((".", ";")) \
            and not line.rstrip().endswith(":") and not self.text[parent.span[1]:block.span[0]].strip()

    def _acting_list(self, contexts: list[_Context], intro: list[AgencyMention] | None) -> bool:
        """'I. ĐÁNH GIÁ CHUNG' ... 'Để tiếp tục ..., thành phố Đà Nẵng cần tập trung thực hiện tốt một số nhiệm vụ, giải
        pháp sau đây:': a lead-in below an assessment heading that names who acts opens a list of tasks."""
        return bool(intro) and self.walk.intro_at > max(c.span[0] for c in contexts if not c.task_section)

    def _generic_actor_at(self, pos: int, end: int, *, heading: bool = False) -> bool:
        """Whether a generic actor opens the words at `pos` ("các cơ quan, đơn vị ..."); in a normative text only
        state bodies count, not "tổ chức, cá nhân" or enterprises the rules bind."""
        actor = self.cues.subject.generic_actor.match(self.text, pos, end)
        if not actor or not heading and len(self.text[actor.end():end].strip(" :;,.")) < MIN_WORK:
            return False  # "Cơ quan chủ trì thực hiện": a table header's cell, not a unit of work
        return not (self.normative and NOT_STATE.search(self.text, pos, min(end, pos + GENERIC_ACTOR_REACH)))

    def _full_name(self, short: str) -> str | None:
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

    def _given_work(self) -> list[AgencyMention]:
        """The addressees a unit without a subject of its own is given to: not a council, the National Assembly's
        bodies or the Government, to whom a plan or report is sent upward ("Kính gửi: Hội đồng nhân dân tỉnh
        Cà Mau" over a province's budget plan) for decision or information, not to act on."""
        return [a for a in self.addressees if a.kind not in OVERSIGHT_KINDS]

    def _draft(self, block: Block, start: int, end: int, who: list[AgencyMention], role: str) -> Draft:
        draft = Draft(path=block.path, span=(start, end), content_start=start,
                       # its title says so, or names only the bodies whose duties its clauses set out
                       responsibility=self.walk.bodies_article
                       or bool(self.cues.responsibility_article.search(self.walk.article_title)))
        for mention in self._specific(who):
            add_assignee(draft.assignees, mention, role)
        return draft

    @cached_property
    def _defined_provinces(self) -> list[AgencyMention]:
        """The People's Committees of the provinces a text names as its "các tỉnh, thành phố" ("bao gồm các tỉnh,
        thành phố trực thuộc Trung ương: Hà Tĩnh, ..., Đắk Lắk và Lâm Đồng (sau đây gọi tắt là các tỉnh, thành phố)")."""
        found = DEFINED_PROVINCES.search(self.text)
        if not found:
            return []
        out: list[AgencyMention] = []
        for item in re.finditer(r"[^,]+", found["list"]):
            for part in re.split(r"\s+và\s+", item.group(0)):
                agency = self.registry.lookup(part.strip()) if part.strip() else None
                if agency is None or agency.kind not in ("province", "city"):
                    return []  # not a list of provinces alone
                at = found.start("list") + item.start() + item.group(0).find(part)
                out.append(AgencyMention((at, at + len(part)), part, agency.name, agency.name_en, agency.kind))
        return out

    def _specific(self, who: list[AgencyMention]) -> list[AgencyMention]:
        """'các tỉnh, thành phố' in a dispatch addressed to named provinces, or in a text that names them so,
        means those provinces."""
        out: list[AgencyMention] = []
        for mention in who:
            prefix = CLASS_PREFIX.get(mention.name)
            named = [a for a in self.addressees or self._defined_provinces if a.name.startswith(prefix)] if prefix else []
            out.extend(named or [mention])
        return out

    # --- finishing ------------------------------------------------------------------------------

    def _assigns_work(self, draft: Draft) -> bool:
        """In a normative document only clauses that give work to a named body or class of bodies count:
        those that name it themselves, or stand in an article on responsibilities or implementation."""
        if not self.normative:
            return True
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

    def _finish(self, doc_id: str, drafts: list[Draft]) -> list[Obligation]:
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
                if assignee.name in SHORT_REFERENCES:
                    assignee.name = self._full_name(assignee.name) or assignee.name
            for mention in self.partners(start, end):
                add_assignee(draft.assignees, mention, "support")
            deadlines = self.deadlines.of(draft)
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


MIN_CLAUSE = 40
BARE_ARTICLE = re.compile(r"\s*(?:Điều|Article)\s+\d+[a-z]?\s*[.:]?\s*")  # an article's number, its title below it
# "Do vậy, đề nghị Công ty ...", "Về thủ tục hải quan: đề nghị Công ty nghiên cứu ...": a request to the addressee, named
# by its head noun
THEREFORE = r"(?:Do\s+(?:vậy|đó)|Vì\s+vậy|Theo\s+đó)"  # the connector before a request that follows from the rules cited
ADDRESSEE_REQUEST = re.compile(rf"\s*(?:(?:{THEREFORE}|Căn\s+cứ\s[^,.;:]{{0,120}})\s*,\s*)?"
                               r"[Đđ]ề\s+nghị\s+(?:Quý\s+)?(?P<head>Công\s+ty|Doanh\s+nghiệp|Chi\s+nhánh|Hội|Hiệp\s+hội"
                               r"|Ông|Bà)\b")
# a sentence that asks someone to act, after sentences that only cite or reason ("... . Do vậy, đề nghị Thuế tỉnh X ...")
REQUEST_AFTER = re.compile(rf"[.;]\s+(?=(?:{THEREFORE}\s*,\s*)?(?:[Đđ]ề\s+nghị|Yêu\s+cầu|Giao)\s)")
ADDRESSEE_REACH = 200  # characters: how far into a unit its request to the addressee may open
# a task numbered inside a paragraph: "(1) Thanh tra Chính phủ ban hành ...; (2) Bộ Công an chủ trì ...", "(ii) ..."
INLINE_NUMBER = r"\((?:\d{1,2}|[ivx]{1,4})\)"
# an item's title then its work on the same line, after a colon ("2. Đẩy mạnh rà soát, ..., cơ chế chính sách:Các bộ
# khẩn trương ...", "3. Khẩn trương ... chiến lược dữ liệu: (1) Thanh tra Chính phủ ban hành ..."): a title is written in
# lower case after its first letter, unlike a label naming someone ("Trưởng ban Chỉ đạo Trung ương: ...")
MAX_TITLE = 200  # characters: an item's title and its colon stand within them (ITEM_TITLE's reach and more)
ITEM_TITLE = re.compile(rf"[{UPPER_VI}][^\n:;.\d{UPPER_VI}]{{15,160}}?(:)\s*(?:{INLINE_NUMBER}\s*)?(?=[{UPPER_VI}])")
# an addressee heading or introduction this long ("Các đồng chí Bộ trưởng, ... chỉ đạo thực hiện ..., cụ thể:")
# carries a task of its own besides introducing the points below it
LONG_LEAD_IN = 100
MAX_NAMES_LINE = 300  # a line naming only bodies is short; longer items are not tested (it costs a scan)
# the break is group 1, the white space after the stop (a lookbehind on the stop is tried at every position)
# "...; (2) Bộ Y tế hoàn thành ...", "đề nghị: (i) Tập đoàn ... (ii) Chủ đầu tư ...": an inline number opens a clause
# whatever its first word, and the clause starts after it
_SENTENCE_BREAK = r"[.;](\s+)(?=(?:[A-ZĐ]|giao\s|đề\s+nghị\s|yêu\s+cầu\s))"
_CLAUSE_BREAK = re.compile(_SENTENCE_BREAK + rf"|[.;:](\s+{INLINE_NUMBER}\s+)")
_PLAIN_BREAK = re.compile(_SENTENCE_BREAK)  # for the units without "(": most, and the one-branch pattern is faster


NUMBER_OPENS = re.compile(INLINE_NUMBER + r"\s")
SUBJECT_THEN_NUMBER = re.compile(r"\s*:\s*\((?:1|i)\)\s")  # "Bộ Khoa học và Công nghệ: (1) trình ..."


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
        spans.append((pos, m.start(gap), numbered))
        pos, numbered = m.end(), gap == 2
    if text[pos:end].strip():
        spans.append((pos, end, numbered))
    return spans


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


def _title_line(text: str, start: int, end: int) -> bool:
    unit = text[start:end].strip()
    return len(unit) <= MAX_TITLE_LINE and unit.isupper()


_PERIOD_NOTE = re.compile(r"\(\s*(?:\d{4}\s*[-–]\s*(?:\d{4}|nay)|\d{1,2}[./]\d{1,2}[./]\d{4})\s*\)")
_MEMBER_TAIL = re.compile(r"[\s,]*(?:[A-ZĐ][^\s,;.]*(?:\s+[^\s,;.]+){0,6})?[\s,;.]*$")


def _member_line(text: str, start: int, subject_end: int, end: int) -> bool:
    """After its bodies, a member of a list has at most a capitalised role ("Phó Trưởng ban thường trực") and
    ends with ';' or '.'; a line that holds nothing but a body's name ("Trường Mầm non đô thị Sài Đồng", a cell of a
    table of units) is one too. A task has a predicate."""
    if not _PERIOD_NOTE.sub("", text[subject_end:end]).strip(" \t\n,;.:"):
        return True  # "Phó Thủ tướng Thường trực Chính phủ (2006-2011)": a name and its years, on a biography page
    return text[start:end].rstrip().endswith((";", ".")) and bool(_MEMBER_TAIL.fullmatch(text, subject_end, end))


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
