"""Bodies named in a document: the registry's names, the open-world names the grammar of agency names
recognises (bodies.py), and the classes of bodies a name stands for ("Sở Xây dựng" in a ministry's text is
every province's; "các đơn vị thuộc Cục Thuế" the units of a body); with them the names the document defines itself
(defined_names.py) and the classes of enterprises it makes act (enterprise_classes.py).

Each paragraph is scanned once, when a task first asks about it, so long tables that no task reads
(procedure lists, statistics) are never scanned.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import cached_property
from itertools import accumulate

from pipeline.extract.agencies import Agency, AgencyMention, AgencyRegistry
from pipeline.extract.bodies import AT_EVERY_COMMUNE, BodyGrammar, BodyName
from pipeline.extract.defined_names import DefinedNames
from pipeline.extract.enterprise_classes import EnterpriseClasses
from pipeline.extract.mention_positions import in_place_of, opens_clause, opens_item, overlap
from pipeline.extract.obligation_cues import cues
from pipeline.extract.obligation_deadlines import Paragraphs
from pipeline.knowledge.patterns import (
    FIELD_SEPARATOR,
    MINISTRIES_OF,
    MINISTRY_FIELDS,
    SHARED_MINISTRIES,
    UPPER_VI,
)

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
        self.defined = DefinedNames(text, paragraphs, registry, self._grammar, language=language, named_in=self._named,
                                    open_world=self._open_world_mention)
        self.enterprises = EnterpriseClasses(text, self._grammar)

    def within(self, start: int, end: int) -> list[AgencyMention]:
        """Bodies named inside text[start:end]. Each paragraph is scanned once, when first asked about,
        so long tables that no task reads (procedure lists, statistics) are never scanned."""
        out: list[AgencyMention] = []
        for span in self.paragraphs.between(start, end):
            found = self._cache.get(span)
            if found is None:
                found = self._named(span)
                if self.defined.acronyms:
                    found = self.defined.with_acronyms(found, span)
                if self.defined.classes:
                    found = self.defined.with_classes(found, span)
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
        localities = [m for m in LOCALITIES.finditer(self.text, start, end) if opens_item(self.text[start:m.start()])]
        return self._with_provinces(found, localities)

    def _with_provinces(self, found: list[AgencyMention], places: list[re.Match[str]]) -> list[AgencyMention]:
        """`found` with each of the places that no mention of it overlaps read as the provinces' People's Committees,
        sorted by start."""
        provinces = self._provinces
        added = [AgencyMention(span=m.span(), mention=m.group(), name=provinces.name, name_en=provinces.name_en,
                               kind=provinces.kind)
                 for m in places if not any(overlap(k.span, m.span()) for k in found)]
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
            if tail is None or not tail.group() or any(overlap(k.span, tail.span()) for k in found):
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
            found = self.enterprises.with_classes(found, span)
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
                       if opens_clause(self.text[span[0]:m.start()])]
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
        kept = [m for m in found if not any(overlap(u.span, m.span) for u in units)]
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
        return in_place_of(found, added)

    def _with_own_ministry(self, found: list[AgencyMention], span: tuple[int, int]) -> list[AgencyMention]:
        """A ministry's text names itself by "Bộ" alone where no other name is read (OWN_MINISTRY)."""
        ministry = self.own_ministry
        added = [AgencyMention(span=m.span(), mention=m.group(), name=ministry.name, name_en=ministry.name_en,
                               kind=ministry.kind)
                 for m in OWN_MINISTRY.finditer(self.text, span[0], span[1])
                 if not any(overlap(k.span, m.span()) for k in found)]
        return sorted(found + added, key=lambda m: m.span[0]) if added else found

    def document_name_at(self, pos: int, end: int) -> bool:
        """Whether a name that only this document's words make a body's opens text[pos:end]: a short name the document
        defined ("Quỹ có trách nhiệm ..."), or, in a central English text, the localities acting ("Localities shall
        ..."), which no name of the registry starts."""
        if self.central and self.language == "en" and ACTING_LOCALITIES_EN.match(self.text, pos, end):
            return True
        return self.defined.opens_at(pos, end)

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
        return in_place_of(found, added)

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
        return in_place_of(found, added)

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
