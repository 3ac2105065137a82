"""The names a document gives bodies itself, read once from its whole text: a short name in brackets after a body's
full name ("Trung tâm Hành động bom mìn quốc gia Việt Nam (VNMAC)", "Quỹ nhà ở quốc gia (sau đây gọi là Quỹ)") and a
class of bodies it defines by its members ("Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế Phú Yên,
...)"). Where the text later uses such a name, the body or the members it stands for are named (BodyMentions)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cached_property
from itertools import chain

from pipeline.extract.agencies import AgencyMention, AgencyRegistry
from pipeline.extract.bodies import BodyGrammar, BodyName
from pipeline.extract.mention_positions import overlap, starts_clause
from pipeline.extract.obligation_deadlines import Paragraphs
from pipeline.knowledge.patterns import UPPER_VI

# a short name defined in brackets right after a body's full name: "(VNMAC)", "(sau đây viết tắt là TTPVHCC)"
ACRONYM_DEFINED = re.compile(r"\(\s*(?:sau\s+đây\s+(?:gọi|viết)\s+tắt\s+là\s+)?([A-ZĐ][A-ZĐ0-9]{2,9})\s*\)")
# or its head noun alone: "Quỹ nhà ở quốc gia (sau đây gọi là Quỹ)", "... Đà Nẵng (sau đây gọi tắt là Ban Quản lý)"
HEAD_DEFINED = re.compile(rf"\(\s*(?:sau\s+đây\s+)?(?:gọi|viết)\s+(?:tắt\s+)?là\s+"
                          rf"([{UPPER_VI}]\w*(?:\s+\w+){{0,2}}?)\s*\)")
NAME_REACH = 12  # words: how far before its bracket a full name named by its head noun may start
# a class of bodies the document defines by its members in brackets: "Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản
# lý Khu Kinh tế Phú Yên, ...)"; the words of its name are lower case after the generic head ("cơ quan", "đơn vị")
# (the pattern opens with the literal "ác", which re scans for fast; "Các" / "các" is tested on the match: a look-behind or
# a class of letters first costs the obligations stage some 8 % in all)
CLASS_DEFINED = re.compile(r"ác\s+((?:cơ\s+quan|đơn\s+vị)(?:\s+[a-zà-ỹđ]+){1,6}?)\s*\(([^()\n]{10,400})\)")
# what may stand between the members in the brackets: nothing but the list's joins
MEMBER_JOINS = re.compile(r"[\s,;]*(?:và\s+)?[\s,;]*")
_SPACES = re.compile(r"\s*")


class DefinedNames:
    """The short names and the classes of one document, with the bodies each stands for."""

    def __init__(self, text: str, paragraphs: Paragraphs, registry: AgencyRegistry, grammar: BodyGrammar, *,
                 language: str, named_in: Callable[[tuple[int, int]], list[AgencyMention]],
                 open_world: Callable[[BodyName], AgencyMention]) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.registry = registry
        self.language = language
        self._grammar = grammar
        self._named_in = named_in  # the bodies a paragraph names by name (BodyMentions, read once per paragraph)
        self._open_world = open_world  # a name the grammar read, as a mention (BodyMentions)

    @cached_property
    def acronyms(self) -> dict[str, AgencyMention]:
        """The short names the document gives bodies in brackets after their full names ("Trung tâm Hành động bom
        mìn quốc gia Việt Nam (VNMAC)", "... (sau đây viết tắt là TTPVHCC)", "Quỹ nhà ở quốc gia (sau đây gọi là
        Quỹ)"), with the body each stands for."""
        defined: dict[str, AgencyMention] = {}
        acronyms = ((m, False) for m in ACRONYM_DEFINED.finditer(self.text))
        heads = ((m, True) for m in HEAD_DEFINED.finditer(self.text) if self._grammar.head.fullmatch(m.group(1)))
        for m, by_head in chain(acronyms, heads):
            short = " ".join(m.group(1).split())
            if short in defined or not (spans := self.paragraphs.between(m.start(), m.start() + 1)):
                continue
            # the body named right before the bracket, nothing but white space between
            named = [x for x in self._named_in(spans[0])
                     if x.span[1] <= m.start() and not self.text[x.span[1]:m.start()].strip()]
            if named:
                defined[short] = named[-1]
            elif by_head and (body := self._headed_name(short, spans[0][0], m.start())) is not None:
                defined[short] = body  # a head noun: its name runs from where the head is written
        return defined

    def _headed_name(self, head: str, start: int, bracket: int) -> AgencyMention | None:
        """The full name a head noun's bracket stands after: from the head's last use before it, within the sentence
        and a few words ("Quỹ nhà ở quốc gia", whose lower-case words the grammar of names does not read)."""
        before = self.text[start:bracket]
        heads = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(head)}(?!\w)", before)]
        if not heads or re.search(r"[.;:()]", words := before[heads[-1]:]) or len(words.split()) > NAME_REACH:
            return None
        name = " ".join(words.split())
        at = start + heads[-1]
        if (agency := self.registry.lookup(name)) is not None:
            return AgencyMention(span=(at, bracket), mention=name, name=agency.name, name_en=agency.name_en,
                                 kind=agency.kind)
        return self._open_world(BodyName((at, at + len(name)), name, local=False))

    @cached_property
    def _acronym_use(self) -> re.Pattern[str]:
        """A short name standing alone: not one word of a longer name ("ASEAN Ministerial Meeting ..."); a head noun
        ("Quỹ") only where its sentence goes on with what the body does, so "Quỹ nhà ở địa phương" is no use of it."""
        letters = sorted((n for n in self.acronyms if n.isupper()), key=len, reverse=True)
        words = sorted((n for n in self.acronyms if not n.isupper()), key=len, reverse=True)
        uses = []
        if letters:
            uses.append(rf"(?:{'|'.join(map(re.escape, letters))})(?![\w)])(?!\s+[{UPPER_VI}](?![{UPPER_VI}]))")
        if words:
            uses.append(rf"(?:{'|'.join(map(re.escape, words))})"
                        rf"(?=\s*(?:[,.;:\n]|$)|\s+(?:{self._grammar.stops.pattern}))")
        return re.compile(rf"(?<![\w(])(?:{'|'.join(uses)})")

    def opens_at(self, pos: int, end: int) -> bool:
        """Whether a short name the document defined opens text[pos:end] ("Quỹ có trách nhiệm ...")."""
        if not self.acronyms:
            return False
        return bool(self._acronym_use.match(self.text, _SPACES.match(self.text, pos, end).end(), end))

    def with_acronyms(self, found: list[AgencyMention], span: tuple[int, int]) -> list[AgencyMention]:
        """A paragraph's mentions with the bodies it names by their short names ("VNMAC thẩm định ...", "Quỹ có trách
        nhiệm ...")."""
        # a head noun ("Quỹ") names the body the text regulates; letters ("VNMAC") are only shorter
        added = [AgencyMention(span=m.span(), mention=m.group(),
                               name=(body := self.acronyms[" ".join(m.group().split())]).name,
                               name_en=body.name_en, kind=body.kind, regulated=not m.group().isupper())
                 for m in self._acronym_use.finditer(self.text, span[0], span[1])
                 if not any(overlap(k.span, m.span()) for k in found)]
        return sorted(found + added, key=lambda m: m.span[0]) if added else found

    @cached_property
    def classes(self) -> dict[str, list[AgencyMention]]:
        """The classes the document defines by their members ("Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý
        Khu Kinh tế Phú Yên, ...)"), by their names in lower case: where the text later makes the class act ("Cơ quan
        đăng ký đầu tư có trách nhiệm lấy ý kiến ..."), the members act. The brackets must hold named bodies and
        nothing else, at least two of them."""
        defined: dict[str, list[AgencyMention]] = {}
        if self.language != "vi":
            return defined
        for m in CLASS_DEFINED.finditer(self.text):
            name = " ".join(m.group(1).split())
            at = m.start() - 1  # where its "C" or "c" stands, a word's first letter
            if at < 0 or self.text[at] not in "Cc" or at and self.text[at - 1].isalnum() or name in defined \
                    or not (spans := self.paragraphs.between(m.start(2), m.start(2) + 1)):
                continue
            members = [x for x in self._named_in(spans[0]) if m.start(2) <= x.span[0] and x.span[1] <= m.end(2)]
            if len({x.name for x in members}) < 2:
                continue
            pos, listed = m.start(2), True
            for x in sorted(members, key=lambda x: x.span[0]):
                if x.span[0] < pos:
                    continue  # the same words read as two bodies (a group's several names)
                listed = listed and MEMBER_JOINS.fullmatch(self.text, pos, x.span[0]) is not None
                pos = x.span[1]
            if listed and MEMBER_JOINS.fullmatch(self.text, pos, m.end(2)):
                defined[name] = members
        return defined

    @cached_property
    def _class_use(self) -> re.Pattern[str]:
        """A defined class acting by its name, with or without "các" ("Cơ quan đăng ký đầu tư có trách nhiệm ..."), but
        not where it is defined (its brackets follow)."""
        names = sorted(self.classes, key=len, reverse=True)
        words = "|".join(r"\s+".join(map(re.escape, name.split())) for name in names)
        return re.compile(rf"(?<!\w)(?:[Cc]ác\s+)?(?i:{words})(?=\s+(?:{self._grammar.stops.pattern}))")

    def with_classes(self, found: list[AgencyMention], span: tuple[int, int]) -> list[AgencyMention]:
        """A paragraph's mentions with the members of each class the document defined where the paragraph makes the
        class act: as the subject of a clause ("Cơ quan đăng ký đầu tư có trách nhiệm ..."), not where work is sent to it
        ("gửi văn bản về Cơ quan đăng ký đầu tư để tổng hợp")."""
        added = [replace(member, span=m.span(), mention=m.group())
                 for m in self._class_use.finditer(self.text, span[0], span[1])
                 if starts_clause(self.text[span[0]:m.start()]) and not any(overlap(k.span, m.span()) for k in found)
                 for member in self.classes[" ".join(m.group().split()).lower().removeprefix("các ")]]
        return sorted(found + added, key=lambda m: m.span[0]) if added else found
