"""Bodies named in a document: the registry's names, the open-world names the grammar of agency names
recognises (bodies.py), and the classes of bodies a name stands for ("Sở Xây dựng" in a ministry's text is
every province's; "các đơn vị thuộc Cục Thuế" the units of a body).

Each paragraph is scanned once, when a task first asks about it, so long tables that no task reads
(procedure lists, statistics) are never scanned.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import cached_property
from itertools import accumulate, chain

from pipeline.extract.agencies import Agency, AgencyMention, AgencyRegistry
from pipeline.extract.bodies import AT_EVERY_COMMUNE, ENTERPRISE_CLASS, ENTERPRISES, BodyGrammar, BodyName
from pipeline.extract.obligation_cues import cues
from pipeline.extract.obligation_deadlines import Paragraphs
from pipeline.knowledge.patterns import (
    FIELD_SEPARATOR,
    MINISTRIES_OF,
    MINISTRY_FIELDS,
    SHARED_MINISTRIES,
    UPPER_VI,
)

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


# the issuing ministry named by its head noun alone in its own text: "Trách nhiệm của Bộ trưởng" (its minister),
# "các đơn vị thuộc Bộ được phân cấp" (its units); "Bộ trưởng Bộ Tư pháp", "Bộ luật", "các Bộ" are not, nor a line
# of the recipients ("- Bộ trưởng (để báo cáo);")
OWN_MINISTRY = re.compile(rf"(?:(?<=của\s)|(?<=thuộc\s))Bộ(?=\s+[a-zđ]|\s*[,.;:])"
                          rf"|\bBộ\s+trưởng(?!\s+[{UPPER_VI}]|\s*\()")


class BodyMentions:
    def __init__(self, text: str, paragraphs: Paragraphs, registry: AgencyRegistry, *, language: str,
                 province: str | None, central: bool, issuer: str | None = None) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.registry = registry
        self.language = language
        self.province = province  # the issuing province: completes "Trung tâm ... tỉnh"
        self.central = central  # a central body's document: "Sở Xây dựng" there is every province's
        self.generic = cues().generic  # "các cơ quan liên quan" names nobody
        self._known: dict[str, Agency | None] = {}  # open-world names looked up in the registry
        self._grammar = BodyGrammar.default()
        agency = registry.lookup(issuer) if issuer and language == "vi" else None
        self.own_ministry = agency if agency is not None and agency.kind == "ministry" else None
        self._names: dict[tuple[int, int], list[AgencyMention]] = {}  # a paragraph -> the bodies named by name
        self._cache: dict[tuple[int, int], list[AgencyMention]] = {}
        self._starts: dict[tuple[int, int], list[int]] = {}

    def within(self, start: int, end: int) -> list[AgencyMention]:
        """Bodies named inside text[start:end]. Each paragraph is scanned once, when first asked about,
        so long tables that no task reads (procedure lists, statistics) are never scanned."""
        out: list[AgencyMention] = []
        for span in self.paragraphs.between(start, end):
            found = self._cache.get(span)
            if found is None:
                found = self._named(span)
                if self._acronyms:
                    found = self._with_acronyms(found, span)
                if self._defined_classes:
                    found = self._with_defined_classes(found, span)
                self._cache[span] = found  # sorted by start (_with_open_world); the classes keep starts
                self._starts[span] = [m.span[0] for m in found]
            # the mentions sorted by start: a sorted lookup, not a pass over (nor a copy of) a long paragraph's mentions
            i = bisect_left(self._starts[span], start)
            while i < len(found) and found[i].span[0] < end:
                if found[i].span[1] <= end:
                    out.append(found[i])
                i += 1
        return out

    def in_cell(self, start: int, end: int) -> list[AgencyMention]:
        """The bodies a task table's lead or partners cell names: those of ``within``, and in a central body's
        document the localities ("Bộ Xây dựng, các địa phương") as the provinces' People's Committees (ANNOTATION.md:
        "các bộ, ngành, địa phương" -> ... Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương). In running text
        the same words are as often whom a task helps ("hỗ trợ các địa phương"); a cell lists only who acts."""
        found = self.within(start, end)
        if not self.central or self.language != "vi" or self.text.find("địa phương", start, end) < 0:
            return found  # most cells name no localities: a string test before the pattern
        localities = [m for m in LOCALITIES.finditer(self.text, start, end) if _opens_item(self.text[start:m.start()])]
        return self._with_provinces(found, localities)

    def _with_provinces(self, found: list[AgencyMention], places: list[re.Match[str]]) -> list[AgencyMention]:
        """`found` with each of the places that no mention of it overlaps read as the provinces' People's Committees,
        sorted by start."""
        provinces = self._provinces
        added = [AgencyMention(span=m.span(), mention=m.group(), name=provinces.name, name_en=provinces.name_en,
                               kind=provinces.kind)
                 for m in places if not any(_overlap(k.span, m.span()) for k in found)]
        return sorted(found + added, key=lambda m: m.span[0]) if added else found

    def _with_sector_tails(self, found: list[AgencyMention]) -> list[AgencyMention]:
        """In a province's text, what its departments' list goes on to name, however its nouns are joined: the mass
        organisations ("các Sở, ban, ngành, đoàn thể cấp tỉnh và Chủ tịch UBND các xã, phường": part of the list, so
        the bodies after them are named with it) and the localities ("các Sở, ban, ngành, đoàn thể, địa phương", "các
        sở, ban, ngành và các địa phương"), its communes' People's Committees as in "các sở, ngành, địa phương"
        (data/agencies.json)."""
        out: list[AgencyMention] = []
        added = False
        for mention in found:
            tail = SECTORS_TAIL.match(self.text, mention.span[1]) if mention.name == SECTORS else None
            if tail is None or not tail.group() or any(_overlap(k.span, tail.span()) for k in found):
                out.append(mention)
                continue
            added = True
            unions_end = tail.end("unions") if tail.group("unions") else mention.span[1]
            out.append(replace(mention, span=(mention.span[0], unions_end), mention=self.text[mention.span[0]:unions_end]))
            if tail.group("localities") and (communes := self._communes) is not None:
                at = tail.start("localities")
                out.append(AgencyMention(span=(at, tail.end()), mention=self.text[at:tail.end()], name=communes.name,
                                         name_en=communes.name_en, kind=communes.kind))
        return sorted(out, key=lambda m: m.span[0]) if added else found

    @cached_property
    def _communes(self) -> Agency | None:
        """The class of a province's communes' People's Committees, looked up once."""
        return self.registry.lookup(COMMUNES)

    @cached_property
    def _provinces(self) -> Agency:
        """The class of the provinces' People's Committees, looked up once."""
        return self.registry.lookup(f"Ủy ban nhân dân {LOCAL_CLASS}")

    def _named(self, span: tuple[int, int]) -> list[AgencyMention]:
        """The bodies a paragraph names by their names (the registry's and the open world's), sorted by start; read
        once (the paragraph that defines a short name is read for its definition, then for its tasks)."""
        if (found := self._names.get(span)) is not None:
            return found
        found = [m for m in self.registry.find_mentions(self.text, span[0], span[1], language=self.language,
                                                         province=self.province)
                 if not self.generic.fullmatch(m.mention)]
        if self.own_ministry is not None:
            found = self._with_own_ministry(found, span)
        found = self._with_open_world(found, span)
        if self.language == "vi" and self.text.find("hu vực", span[0], span[1]) >= 0:
            found = self._with_regional_units(found, span)
        if self.language == "vi" and self.text.find("chuyên môn về", span[0], span[1]) >= 0:
            found = self._with_specialised_agencies(found, span)
        if self.language == "vi" and self.text.find("oanh nghiệp", span[0], span[1]) >= 0:
            found = self._with_enterprise_classes(found, span)
        found = [self._as_class(m) for m in found]
        if self.language == "en" and self.text.find("rovincial", span[0], span[1]) >= 0:
            found = self._with_local_departments(found, span)
        if self.language == "en" and self.text.find(SHARED_MINISTRIES, span[0], span[1]) >= 0:
            found = self._with_listed_ministries(found, span)
        found = [_as_local_class(m) for m in found] if self.central else found
        # (the string test is on "phương" alone: a page may break "địa" / "phương" over two lines)
        if self.central and self.language == "vi" and self.text.find("phương", span[0], span[1]) >= 0:
            # "Ủy ban nhân dân các địa phương" in a central text, and the localities that open a clause as its actor
            # ("1. Các địa phương phát động ngay ...", "Về kinh phí: Các địa phương phải ..."): the provinces' committees
            places = list(COMMITTEES_OF_LOCALITIES.finditer(self.text, span[0], span[1]))
            places += [m for m in ACTING_LOCALITIES.finditer(self.text, span[0], span[1])
                       if _opens_clause(self.text[span[0]:m.start()])]
            found = self._with_provinces(found, places)
        elif self.central and self.language == "en" and self.text.find("ocalities", span[0], span[1]) >= 0:
            found = self._with_provinces(found, list(ACTING_LOCALITIES_EN.finditer(self.text, span[0], span[1])))
        elif not self.central and self.language == "vi":
            found = self._with_sector_tails(found)
        self._names[span] = found
        return found

    def _with_regional_units(self, found: list[AgencyMention], span: tuple[int, int]) -> list[AgencyMention]:
        """A central body's regional unit ("Ngân hàng Nhà nước khu vực XII") in place of the parent or the part of its
        name that the registry or the grammar read there."""
        units = self._grammar.regional_units(self.text, span[0], span[1])
        if not units:
            return found
        kept = [m for m in found if not any(_overlap(u.span, m.span) for u in units)]
        added = [AgencyMention(span=u.span, mention=self.text[u.span[0]:u.span[1]], name=u.text, name_en=None,
                               kind="body") for u in units]
        return sorted(kept + added, key=lambda m: m.span[0])

    def _with_specialised_agencies(self, found: list[AgencyMention], span: tuple[int, int]) -> list[AgencyMention]:
        """'cơ quan chuyên môn về văn hóa cấp tỉnh': since 2025 a decree names a province's department by its field and
        tier, as each province names it differently; the class of those departments, named as written, in place of any
        name read inside it."""
        added = [AgencyMention(span=m.span(), mention=m.group(), name=f"các cơ quan chuyên môn về {field} cấp {m['tier']}",
                               name_en=None, kind="group")
                 for m in SPECIALISED_AGENCIES.finditer(self.text, span[0], span[1])
                 if (field := " ".join(m["field"].split())).islower() and "thuộc" not in field.split()]
        return _in_place_of(found, added)

    def _with_enterprise_classes(self, found: list[AgencyMention], span: tuple[int, int]) -> list[AgencyMention]:
        """A class of enterprises named by its trade or owner where it opens a clause as the subject ("Doanh nghiệp công
        nghệ số chủ động tham gia triển khai Kế hoạch"): the class, named as written ("các doanh nghiệp công nghệ số"),
        one to each "doanh nghiệp" of a list ("Các doanh nghiệp viễn thông, doanh nghiệp bưu chính ưu tiên ..."); a
        heading names such a class with "Các" ("18. Các doanh nghiệp công nghệ số" over the points it addresses), while
        "9. Doanh nghiệp số" alone is a plan's topic. Bare "Doanh nghiệp" names nobody (a generic actor), nor does a class
        that is acted on ("Doanh nghiệp nhỏ và vừa được hỗ trợ ...")."""
        added: list[AgencyMention] = []
        for m in ENTERPRISES.finditer(self.text, span[0], span[1]):
            before = self.text[span[0]:m.start()]
            if not _starts_clause(before) or "|" in before:
                continue  # (in a task table's cell a class of enterprises is a partner the annotators leave unnamed)
            listed = self._enterprise_list(m, span[1])
            # "9. Doanh nghiệp số" alone is a plan's topic; a heading that addresses the class writes "Các doanh nghiệp ..."
            if listed and (m.group()[0] == "C" or PREDICATE_AFTER.match(self.text, listed[-1].span[1], span[1])):
                added.extend(listed)
        return _in_place_of(found, added)

    def _enterprise_list(self, head: re.Match[str], end: int) -> list[AgencyMention]:
        """The classes of enterprises a subject lists from `head` on, one to each "doanh nghiệp" ("Các doanh nghiệp viễn
        thông, doanh nghiệp bưu chính"), each named as written."""
        listed: list[AgencyMention] = []
        start, head_end = head.start(), head.end()
        while (trade_end := self._trade_end(head_end, end)) is not None:
            words = " ".join(self.text[head_end:trade_end].split())
            listed.append(AgencyMention(span=(start, trade_end), mention=self.text[start:trade_end],
                                        name=f"{ENTERPRISE_CLASS} {words}", name_en=None, kind="group"))
            following = NEXT_ENTERPRISE.match(self.text, trade_end, end)
            if following is None:
                break
            start, head_end = following.start("head"), following.end()
        return listed

    def _trade_end(self, pos: int, end: int) -> int | None:
        """Where the trade that names a class of enterprises ends: its lower-case words up to the verb that opens the
        predicate, a comma going on with more trades ("viễn thông, bưu chính"); None when no trade is read, the words
        run on too long, or the class is acted on or joined by "và" (its reach is unsure)."""
        last = None
        words = 0
        for word in TRADE_WORD.finditer(self.text, pos, min(end, pos + TRADE_REACH)):
            if self.text[last or pos:word.start()].strip() not in ("", ","):
                break  # other punctuation ends the subject
            if not word.group().islower():
                return None  # "Doanh nghiệp công nghệ số Việt Nam ...": a name goes on the class
            if self._grammar.stops.match(self.text, word.start()) or word.group() == "doanh":
                break
            if word.group() == "và" or words == MAX_TRADE_WORDS:
                return None
            words += 1
            last = word.end()
        if last is None or NOT_ACTING.match(self.text, last):
            return None
        return last

    def _with_own_ministry(self, found: list[AgencyMention], span: tuple[int, int]) -> list[AgencyMention]:
        """A ministry's text names itself by "Bộ" alone where no other name is read (OWN_MINISTRY)."""
        ministry = self.own_ministry
        added = [AgencyMention(span=m.span(), mention=m.group(), name=ministry.name, name_en=ministry.name_en,
                               kind=ministry.kind)
                 for m in OWN_MINISTRY.finditer(self.text, span[0], span[1])
                 if not any(_overlap(k.span, m.span()) for k in found)]
        return sorted(found + added, key=lambda m: m.span[0]) if added else found

    @cached_property
    def _acronyms(self) -> dict[str, AgencyMention]:
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
            named = [x for x in self._named(spans[0])
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
        return self._open_world_mention(BodyName((at, at + len(name)), name, local=False))

    @cached_property
    def _acronym_use(self) -> re.Pattern[str]:
        """A short name standing alone: not one word of a longer name ("ASEAN Ministerial Meeting ..."); a head noun
        ("Quỹ") only where its sentence goes on with what the body does, so "Quỹ nhà ở địa phương" is no use of it."""
        letters = sorted((n for n in self._acronyms if n.isupper()), key=len, reverse=True)
        words = sorted((n for n in self._acronyms if not n.isupper()), key=len, reverse=True)
        uses = []
        if letters:
            uses.append(rf"(?:{'|'.join(map(re.escape, letters))})(?![\w)])(?!\s+[{UPPER_VI}](?![{UPPER_VI}]))")
        if words:
            uses.append(rf"(?:{'|'.join(map(re.escape, words))})"
                        rf"(?=\s*(?:[,.;:\n]|$)|\s+(?:{self._grammar.stops.pattern}))")
        return re.compile(rf"(?<![\w(])(?:{'|'.join(uses)})")

    def document_name_at(self, pos: int, end: int) -> bool:
        """Whether a name that only this document's words make a body's opens text[pos:end]: a short name the document
        defined ("Quỹ có trách nhiệm ..."), or, in a central English text, the localities acting ("Localities shall
        ..."), which no name of the registry starts."""
        if self.central and self.language == "en" and ACTING_LOCALITIES_EN.match(self.text, pos, end):
            return True
        if not self._acronyms:
            return False
        return bool(self._acronym_use.match(self.text, _SPACES.match(self.text, pos, end).end(), end))

    def _with_acronyms(self, found: list[AgencyMention], span: tuple[int, int]) -> list[AgencyMention]:
        """A paragraph's mentions with the bodies it names by their short names ("VNMAC thẩm định ...", "Quỹ có trách
        nhiệm ...")."""
        # a head noun ("Quỹ") names the body the text regulates; letters ("VNMAC") are only shorter
        added = [AgencyMention(span=m.span(), mention=m.group(),
                               name=(body := self._acronyms[" ".join(m.group().split())]).name,
                               name_en=body.name_en, kind=body.kind, regulated=not m.group().isupper())
                 for m in self._acronym_use.finditer(self.text, span[0], span[1])
                 if not any(_overlap(k.span, m.span()) for k in found)]
        return sorted(found + added, key=lambda m: m.span[0]) if added else found

    @cached_property
    def _defined_classes(self) -> dict[str, list[AgencyMention]]:
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
            members = [x for x in self._named(spans[0]) if m.start(2) <= x.span[0] and x.span[1] <= m.end(2)]
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
        names = sorted(self._defined_classes, key=len, reverse=True)
        words = "|".join(r"\s+".join(map(re.escape, name.split())) for name in names)
        return re.compile(rf"(?<!\w)(?:[Cc]ác\s+)?(?i:{words})(?=\s+(?:{self._grammar.stops.pattern}))")

    def _with_defined_classes(self, found: list[AgencyMention], span: tuple[int, int]) -> list[AgencyMention]:
        """A paragraph's mentions with the members of each class the document defined where the paragraph makes the
        class act: as the subject of a clause ("Cơ quan đăng ký đầu tư có trách nhiệm ..."), not where work is sent to it
        ("gửi văn bản về Cơ quan đăng ký đầu tư để tổng hợp")."""
        added = [replace(member, span=m.span(), mention=m.group())
                 for m in self._class_use.finditer(self.text, span[0], span[1])
                 if _starts_clause(self.text[span[0]:m.start()]) and not any(_overlap(k.span, m.span()) for k in found)
                 for member in self._defined_classes[" ".join(m.group().split()).lower().removeprefix("các ")]]
        return sorted(found + added, key=lambda m: m.span[0]) if added else found

    def _with_open_world(self, known: list[AgencyMention], span: tuple[int, int]) -> list[AgencyMention]:
        """Add the bodies the registry does not know, recognised by the grammar of agency names."""
        known = sorted(known, key=lambda m: m.span[0])
        found = self._grammar.find(self.text, span[0], span[1], self.language, self._registry_knows)
        if not found:
            return known  # most paragraphs name no body the grammar finds
        shared = [b.span for b in found if b.distributive]
        if shared:  # "Sở Xây dựng các tỉnh: Nghệ An, Hà Tĩnh": the items, not the shared head, are the bodies
            lo, hi = min(s for s, _ in shared), max(e for _, e in shared)
            known = [m for m in known if not (lo <= m.span[0] and m.span[1] <= hi)]
        starts = [m.span[0] for m in known]  # known is sorted by start
        reach = list(accumulate((m.span[1] for m in known), max))  # the furthest end among the first k
        added, inner = [], set()
        for body in found:
            i = bisect_left(starts, body.span[1])  # the known mentions that start before the body ends
            if i and reach[i - 1] > body.span[0]:
                # one of them reaches into it: the registry named this body already, unless the body is a board of
                # the party committee its name ends with ("Ban Tuyên giáo và Dân vận Thành ủy Cần Thơ")
                first_inside = bisect_right(starts, body.span[0], 0, i)  # those before it start at or before the body
                if body.distributive or first_inside and reach[first_inside - 1] > body.span[0] \
                        or not _unit_of_named_parent(known[first_inside:i], body, self.language):
                    continue
                inner.update(range(first_inside, i))
            added.append(self._open_world_mention(body))
        if inner:
            known = [m for k, m in enumerate(known) if k not in inner]
        return sorted(known + added, key=lambda m: m.span[0]) if added else known

    def _looked_up(self, name: str) -> Agency | None:
        """The registry's body of a name the grammar read; the same name recurs through a document: looked up once."""
        if name not in self._known:
            self._known[name] = self.registry.lookup(name) or self.registry.lookup_misread(name)
        return self._known[name]

    def _registry_knows(self, name: str) -> bool:
        return self._looked_up(name) is not None

    def _as_class(self, mention: AgencyMention) -> AgencyMention:
        """'Cục Thuế các tỉnh, thành phố', 'Sở Tư pháp các tỉnh' name a class of local bodies (ANNOTATION.md);
        'các đơn vị thuộc Cục Thuế' the class of a body's units."""
        units = UNITS_OF.search(self.text, max(0, mention.span[0] - 40), mention.span[0])
        if units and mention.kind != "group":
            written = " ".join(f"{units['units']} {units['of']}".lower().split())
            return AgencyMention(span=(units.start(), mention.span[1]), mention=self.text[units.start():mention.span[1]],
                                 name=f"các {written} {mention.name}", name_en=None, kind="group")
        if mention.kind == "group" or " các " in f" {mention.name} ":
            return mention
        after = OF_EVERY_PROVINCE.match(self.text, mention.span[1])
        if after:
            return _local_class(mention, after.end(), self.text[mention.span[0]:after.end()])
        written = mention.mention.split()
        if written[-1:] == ["tỉnh"] and (cities := AND_EVERY_CITY.match(self.text, mention.span[1])):
            # "Trường Chính trị tỉnh, thành phố trực thuộc trung ương", "các Thuế tỉnh, thành phố": every province's
            head = mention.name.removesuffix(" tỉnh") if mention.name.endswith(" tỉnh") else " ".join(written[:-1])
            return _local_class(replace(mention, name=head), cities.end(), self.text[mention.span[0]:cities.end()])
        return mention

    def _with_local_departments(self, found: list[AgencyMention], span: tuple[int, int]) -> list[AgencyMention]:
        """'provincial-level Departments of Justice' (ANNOTATION.md) is the class 'Sở Tư pháp các tỉnh, thành phố trực
        thuộc Trung ương': each province's department of a ministry's field ("Departments of Foreign Affairs": Sở Ngoại
        vụ), in place of whatever the names read there; a field no province has a department of is left as it was."""
        added: list[AgencyMention] = []
        for m in PROVINCIAL_DEPARTMENTS.finditer(self.text, span[0], span[1]):
            ministry = next(iter(self.registry.find_mentions(f"Ministry of {m['field']}", language="en")), None)
            if ministry is None or ministry.kind != "ministry" or ministry.name in NO_DEPARTMENT:
                continue
            department = DEPARTMENT_NAMED_OTHERWISE.get(ministry.name, "Sở " + ministry.name.removeprefix("Bộ "))
            added.append(AgencyMention(span=m.span(), mention=m.group(), name=f"{department} {LOCAL_CLASS}",
                                       name_en=m.group(), kind="group"))
        return _in_place_of(found, added)

    def _with_listed_ministries(self, found: list[AgencyMention], span: tuple[int, int]) -> list[AgencyMention]:
        """'the Ministries of Health, Education and Training, and Finance', 'the Ministries of Planning and Investment;
        Finance; and Labor, War Invalids and Social Affairs': an English list that shares the head 'Ministry of' names
        each ministry, in place of whatever the names read there (a field read alone as a short name)."""
        added: list[AgencyMention] = []
        for head in MINISTRIES_OF.finditer(self.text, span[0], span[1]):
            items = self._ministry_fields(head.end(), span[1])
            if len(items) < 2:
                continue  # "the Ministries of Finance" alone is no list: left as the names read it
            for index, (start, end, agency) in enumerate(items):
                at = head.start() if index == 0 else start  # the first item carries the head: the subject's start
                added.append(AgencyMention(span=(at, end), mention=self.text[at:end], name=agency.name,
                                           name_en=agency.name_en, kind=agency.kind))
        return _in_place_of(found, added)

    def _ministry_fields(self, start: int, end: int) -> list[tuple[int, int, Agency]]:
        """The ministries a shared head's list names from `start`: at each item the longest run of capitalised words
        that the registry knows as 'Ministry of ...' (a field holds commas and 'and' itself: 'Labor, War Invalids and
        Social Affairs'), then a separator and the next item; the list ends where no field is known."""
        out: list[tuple[int, int, Agency]] = []
        at = start
        while (run := MINISTRY_FIELD.match(self.text, at, end)) is not None:
            ends = [m.end() + at for m in CAPITALISED_WORD.finditer(run.group())]  # not after an "and"
            agency, stop = next(((a, e) for e in reversed(ends)
                                 if (a := self._looked_up(f"Ministry of {self.text[at:e]}")) is not None
                                 and a.kind == "ministry"), (None, at))
            if agency is None:
                break
            out.append((at, stop, agency))
            separator = FIELD_SEPARATOR.match(self.text, stop, end)
            if separator is None:
                break
            at = separator.end()
        return out

    @cached_property
    def _province_place(self) -> str | None:
        """'tỉnh Bắc Ninh', 'thành phố Hà Nội': the issuing province as its bodies' names end (its committee's), read once."""
        committee = self.registry.lookup(f"Ủy ban nhân dân {self.province}") if self.province else None
        return committee.name.removeprefix("Ủy ban nhân dân ") if committee else None

    def _open_world_mention(self, body: BodyName) -> AgencyMention:
        name = self.registry.spelled_out(body.text)  # "... và HĐND tỉnh": a head's abbreviation written out
        if body.local and self.province:
            name = f"{name} {self.province}"  # "Trung tâm Kiểm soát bệnh tật tỉnh" in Đắk Lắk's plan
        elif self._province_place and self._grammar.local_organisation.match(name) \
                and not self._grammar.place.search(name):
            # "Liên đoàn Lao động, Hội Nông dân, Liên minh Hợp tác xã" in Bắc Ninh's plan: the province's own
            name = f"{name} {self._province_place}"
        agency = self._looked_up(name)
        if agency is not None:
            return AgencyMention(span=body.span, mention=body.text, name=agency.name, name_en=agency.name_en,
                                 kind=agency.kind)
        english = self.language == "en"
        return AgencyMention(span=body.span, mention=body.text, name=name, name_en=name if english else None,
                             kind="body")


LOCAL_CLASS = "các tỉnh, thành phố trực thuộc Trung ương"
# a class of enterprises (_with_enterprise_classes, after bodies.ENTERPRISES): the next "doanh nghiệp" of a list; a
# trade's syllable; a passive or copula after the class
NEXT_ENTERPRISE = re.compile(r",\s*(?P<head>(?:các\s+)?doanh\s+nghiệp)(?=\s)")
TRADE_WORD = re.compile(r"(?<!\S)[^\W\d_]+(?=[\s,]|$)")
PREDICATE_AFTER = re.compile(r"\s+[^\W\d_]")  # the class, then words of the clause (not its end, nor a colon)
NOT_ACTING = re.compile(r"\s+(?:được|bị|là|gồm)(?!\w)")
MAX_TRADE_WORDS = 5  # "doanh nghiệp cung cấp dịch vụ bưu chính"
TRADE_REACH = 80  # characters
# a province's or commune's department named by its field and tier: "cơ quan chuyên môn về văn hóa cấp tỉnh",
# "Cơ quan chuyên môn về bảo vệ môi trường cấp xã" (not "... thuộc Ủy ban nhân dân cấp tỉnh", a committee's units)
SPECIALISED_AGENCIES = re.compile(r"(?<!\w)(?:(?i:các)\s+)?[Cc]ơ\s+quan\s+chuyên\s+môn\s+về\s+"
                                  r"(?P<field>[^\W\d_]+(?:\s+[^\W\d_]+){0,7}?)\s+cấp\s+(?P<tier>tỉnh|xã)\b")
# "provincial-level Departments of Justice": every province's department of a ministry's field (ANNOTATION.md)
PROVINCIAL_DEPARTMENTS = re.compile(r"(?i:provincial[- ]level)\s+(?:Departments|Services)\s+of\s+"
                                    r"(?P<field>[A-Z][\w-]*(?:(?:,\s*|\s+)(?:and\s+)?[A-Z][\w-]*)*)")
MINISTRY_FIELD = re.compile(MINISTRY_FIELDS)
CAPITALISED_WORD = re.compile(r"[A-Z][\w-]*")
NO_DEPARTMENT = frozenset({"Bộ Quốc phòng", "Bộ Công an"})  # their local units are commands and police, no Sở
DEPARTMENT_NAMED_OTHERWISE = {"Bộ Ngoại giao": "Sở Ngoại vụ"}
# the People's Committees of the localities, named so in a central text: "Bộ Tư pháp, Bộ Nông nghiệp và Môi trường, Ủy ban
# nhân dân các địa phương khẩn trương phối hợp ...": the provinces' committees (ANNOTATION.md, "các bộ, ngành, địa phương")
COMMITTEES_OF_LOCALITIES = re.compile(r"(?:Ủy\s+ban\s+nhân\s+dân|UBND)\s+(?i:các)\s+địa\s+phương\b")
# what a province's departments' list goes on to name: its mass organisations ("các Sở, ban, ngành, đoàn thể cấp tỉnh")
# and its localities ("..., đoàn thể, địa phương", "các sở, ban, ngành và các địa phương"), its communes' committees
SECTORS = "các sở, ban, ngành"
COMMUNES = f"Ủy ban nhân dân {AT_EVERY_COMMUNE}"
_LIST_JOIN = r"(?:\s*,\s*|\s+và\s+)(?:(?i:các)\s+)?"
SECTORS_TAIL = re.compile(rf"(?P<unions>{_LIST_JOIN}đoàn\s+thể(?:\s+(?:cấp\s+)?tỉnh|\s+thành\s+phố)?\b"
                          r"(?!\s*(?:có\s+)?liên\s+quan))?"  # ("các sở, ban, ngành, đoàn thể có liên quan": as it was)
                          rf"(?:{_LIST_JOIN}(?P<localities>địa\s+phương)\b(?!\s+khác))?")
# a cell's item that is the localities alone: "Bộ Xây dựng, các địa phương", "Các địa phương có đảo"
LOCALITIES = re.compile(r"(?i:các)\s+địa\s+phương\b(?!\s+khác)")
# the localities as a clause's actor: not those a clause describes ("Các địa phương được hỗ trợ ...", "các địa phương
# có liên quan", "các địa phương khác")
ACTING_LOCALITIES = re.compile(r"Các\s+địa\s+phương\b(?!\s+(?:khác|được|bị|là|có\s+liên\s+quan|liên\s+quan|trên)\b)")
# English renders the acting localities as "localities" before the verb's modal ("Based on the sector development master
# plan, localities shall revise and elaborate detailed plans ...")
ACTING_LOCALITIES_EN = re.compile(r"(?<![\w-])(?:[Tt]he\s+)?[Ll]ocalities(?=\s+(?:shall|should|must)\b)")
# a paragraph's label before its text: "1. ", "a) ", "- "
LABEL_ONLY = re.compile(r"\s*(?:(?:\d{1,3}|[a-zđ])[.)]|[-–+•])?\s*")
# "các đơn vị thuộc Cục Thuế", "đơn vị trực thuộc Sở", "Các tổ chức, đơn vị thuộc Bộ Quốc phòng", "các đơn vị sự nghiệp
# công lập trực thuộc Ủy ban nhân dân ...": the units of a body, right before its name, named as written
_UNIT_NOUN = r"(?:cơ\s+quan|tổ\s+chức|đơn\s+vị(?:\s+sự\s+nghiệp(?:\s+công\s+lập)?|\s+tham\s+mưu)?)"
UNITS_OF = re.compile(rf"(?<!\w)(?:các\s+)?(?P<units>{_UNIT_NOUN}(?:\s*,\s*{_UNIT_NOUN})*)\s+(?P<of>(?:trực\s+)?thuộc)\s+$",
                      re.I)
OF_EVERY_PROVINCE = re.compile(r"\s+(?:ở\s+|của\s+)?các\s+tỉnh(?:,\s*thành\s+phố)?(?:\s+trực\s+thuộc\s+(?:Trung\s+ương|TW))?"
                               r"(?!\s*:)")
# after a body named with a bare "tỉnh": ", thành phố (trực thuộc Trung ương)", which makes it every province's body
AND_EVERY_CITY = re.compile(r",\s*thành\s+phố(?:\s+trực\s+thuộc\s+(?:[Tt]rung\s+ương|TW))?(?!\s*[A-ZĐ])(?!\w)")
_LOCAL_BODY = re.compile(r"^Sở\s(?!.*\b(?:tỉnh|thành phố|các)\b)")
# a province's police or military command named by the province's tier alone ("Bộ Chỉ huy quân sự tỉnh (thành phố)",
# "Công an cấp tỉnh"): the registry's name for no province in particular; in a central text, every province's
LOCAL_COMMAND_KINDS = frozenset({"provincial_police", "provincial_military"})
_TIER_ONLY = re.compile(r"^(?P<head>.+?)\s+tỉnh$")


def _in_place_of(found: list[AgencyMention], added: list[AgencyMention]) -> list[AgencyMention]:
    """`found` with the mentions `added` in place of those they overlap, sorted by start (`found` itself if none)."""
    if not added:
        return found
    kept = [k for k in found if not any(_overlap(k.span, a.span) for a in added)]
    return sorted(kept + added, key=lambda m: m.span[0])


def _opens_clause(before: str) -> bool:
    """Whether what a paragraph holds before a word opens an item's clause: its label alone ("1. "), or a topic and its
    colon ("Về kinh phí: ")."""
    return bool(LABEL_ONLY.fullmatch(before) and before.strip()) or before.rstrip().endswith(":")


def _starts_clause(before: str) -> bool:
    """Whether a word after what a paragraph holds before it opens a clause: the paragraph's start (or its label's end),
    a sentence's, or a condition's consequence ("Trường hợp ..., thì Cơ quan đăng ký đầu tư có quyền ...")."""
    before = before.rstrip()
    return not before or _opens_clause(before) or before.endswith((".", ";", " thì"))


def _opens_item(before: str) -> bool:
    """Whether what a cell holds before a word ends an item of its list (or is nothing): "Bộ Xây dựng, ", "- "."""
    before = before.rstrip()
    return not before or before.endswith((",", ";", "+", "-", "–")) or before.endswith(" và")


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two spans of the text share a character."""
    return a[0] < b[1] and b[0] < a[1]


def _unit_of_named_parent(inner: list[AgencyMention], body: BodyName, language: str) -> bool:
    """Whether the known bodies inside an open-world name only name the body it belongs to, at the name's end: a board
    of a party committee ("Ban Tuyên giáo và Dân vận Thành ủy Cần Thơ"), a department of a ministry ("Cục Tài chính Bộ
    Quốc phòng", "Cục Tác chiến Bộ Tổng Tham mưu"). The unit is the body, not its parent. (English names the parent
    after "of"; its capitalised run before a known name is no unit: "the XIIth National Assembly".)"""
    if not all(m.span[1] <= body.span[1] for m in inner):
        return False
    return all(m.kind == "party" for m in inner) or language != "en" and inner[-1].span[1] == body.span[1]


def _as_local_class(mention: AgencyMention) -> AgencyMention:
    """'Sở Xây dựng' in a ministry's or the Government's text is a class of local bodies (ANNOTATION.md):
    'Sở Xây dựng các tỉnh, thành phố trực thuộc Trung ương'; so is 'Bộ Chỉ huy quân sự tỉnh', named by its tier."""
    if _LOCAL_BODY.match(mention.name):
        return _local_class(mention, mention.span[1], mention.mention)
    if mention.kind in LOCAL_COMMAND_KINDS and (command := _TIER_ONLY.match(mention.name)):
        return _local_class(replace(mention, name=command["head"]), mention.span[1], mention.mention)
    return mention


def _local_class(mention: AgencyMention, end: int, written: str) -> AgencyMention:
    """The body named as the class of every province's such body, its mention running to `end`."""
    return AgencyMention(span=(mention.span[0], end), mention=written, name=f"{mention.name} {LOCAL_CLASS}",
                         name_en=mention.name_en, kind="group")
