"""Open-world bodies: agencies recognised by the grammar of their names, not by a closed list.

A Vietnamese agency name is a head noun (Cục, Vụ, Sở, Ban, Trung tâm, Hội ...; data/agency_grammar.json)
followed by a capitalised first word and the name's other syllables, up to the verb that opens the task
("Trung tâm Kiểm soát bệnh tật tỉnh chủ trì ..."), or by a locality word ("Công an tỉnh"). An English name
is a run of capitalised words around a head noun ("the Steering Committee for Enterprise Renewal"). The
registry canonicalises the names it knows; the others are kept as written, with the issuing province added
to a provincial body named without it (corpora/gold/README.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from pipeline import knowledge
from pipeline.knowledge.patterns import UPPER_VI as _UPPER
from pipeline.knowledge.patterns import alternation, first_letters, trie, word_start

_WORD = r"[^\W\d_][\w'’-]*"
NOT_COOPERATIVE = r"(?<!Hợp\stác\s)"  # "Liên minh Hợp tác xã": a cooperative's "xã" is no commune
_STATE = re.compile(r"[Nn]hà [Nn]ước|\bNN\b")  # how a regional unit's "Nhà nước" may be written
_COMMUNE = r"(?:xã|phường|đặc\s+khu)"
AT_EVERY_COMMUNE = "các xã, phường"  # how a class of the communes' bodies is named (ANNOTATION.md, classes of local bodies)
# a class of enterprises opens a clause with its head, capitalised, then its trade in lower case (enterprise_classes reads
# the trade: "Doanh nghiệp công nghệ số chủ động ...", "Các doanh nghiệp viễn thông, doanh nghiệp bưu chính ưu tiên ...")
ENTERPRISE_HEAD = "Doanh nghiệp"
ENTERPRISE_CLASS = "các doanh nghiệp"  # how such a class is named: "các doanh nghiệp viễn thông"
ENTERPRISES = re.compile(r"(?:Các\s+d|D)oanh\s+nghiệp(?=\s)")
# the communes a body is named at: "các xã, phường", "phường, xã, đặc khu" (a list; one bare word may be a single commune's
# in its own text), with no commune's name after them ("Công an xã A, phường B" names two)
_COMMUNE_TIER = re.compile(rf"\s+(?:các\s+{_COMMUNE}(?:\s*(?:,|và)\s*{_COMMUNE})*|{_COMMUNE}(?:\s*(?:,|và)\s*{_COMMUNE})+)"
                           rf"(?!\w)(?!\s*[{_UPPER}])")
_TRAILING_COMMUNE = re.compile(rf"(?:\s+các)?\s+{_COMMUNE}$")


@dataclass(frozen=True)
class BodyName:
    span: tuple[int, int]
    text: str
    local: bool  # ends with a bare locality word ("tỉnh"): the issuing province completes it
    distributive: bool = False  # one item of "Các Vụ: Pháp chế, Kế hoạch - Tài chính": the head is shared


@dataclass(frozen=True)
class BodyGrammar:
    vietnamese: re.Pattern[str]
    english: re.Pattern[str]
    stops: re.Pattern[str]
    openers: re.Pattern[str]
    bare_locality: re.Pattern[str]
    place: re.Pattern[str]  # a name that says where its body is ("... tỉnh Đồng Nai", "... Việt Nam")
    local_organisation: re.Pattern[str]  # how a province's own mass organisation is named ("Hội Nông dân")
    tier: re.Pattern[str]
    distributive: re.Pattern[str]
    english_head: re.Pattern[str]
    place_word: re.Pattern[str]  # where a name says its place (_Place)
    head: re.Pattern[str]  # a head noun alone ("Quỹ", "Ban Quản lý"): what a name's short form may be
    regional: re.Pattern[str]  # a central body's regional unit: "Kho bạc Nhà nước khu vực XI" (regional_name)
    kind_of_unit: re.Pattern[str]  # "cơ quan", "các đơn vị": a kind of unit in lower case, which no name's word is

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> BodyGrammar:
        data = knowledge.load("agency_grammar")
        heads = trie(data["heads_vi"])
        localities = alternation(data["locality_words"])
        heads_at_word_start = word_start(data["heads_vi"], r"[\w/]")  # scanned in C to the heads' letters
        # a head over many units first: "Ban Quản lý các khu công nghiệp" is one body, its "các" no class
        over_many = word_start(data["heads_over_many"], r"[\w/]")
        vietnamese = re.compile(
            rf"{over_many}\s+(?=các\s)|{heads_at_word_start}(?:\s+(?=[{_UPPER}])|\s+(?=(?:{localities})\b)"
            rf"|\s+(?=các\s+{_COMMUNE}(?!\w)))")
        english_head = re.compile(rf"\b(?:{alternation(data['heads_en'])})\b")
        # where a name says its place: a locality word waiting for the place's name ("tỉnh" Đồng Nai), or a place in
        # itself ("Thành phố" alone, "Việt Nam"); "Tỉnh ủy" is the province's party committee, a body
        waiting = [word for word in data["locality_words"] if word[0].islower()]
        # a province's own name is a place said ("Học viện Chính trị quốc gia Hồ Chí Minh ký quyết định")
        provinces = [province["name"] for province in knowledge.load("agencies")["provinces"]]
        place_word = re.compile(rf"(?P<waits>{alternation(waiting)})(?!\w)"
                                r"|Thành\s+phố(?!\s+[A-ZĐ])|Tỉnh(?!\s+ủy)(?!\w)|Việt\s+Nam(?!\w)"
                                rf"|(?:{alternation(provinces)})(?!\w)")
        english = re.compile(
            rf"(?<![\w/])(?:(?:[A-Z]{_WORD}|of|for|on|and)\s+){{0,5}}(?:{alternation(data['heads_en'])})\b"
            rf"(?:\s+(?:of|for|on|and)(?:\s+the)?(?:\s+[A-Z]{_WORD})+)*")
        stops = re.compile(rf"(?:{alternation(data['name_stops_vi'] + data['sentence_openers'])})(?!\w)")
        openers = re.compile(rf"(?:{alternation(data['sentence_openers'])})(?!\w)")
        # "Bảo hiểm xã hội Thành phố": a capital in the middle of a name still means the issuing city
        # ("Ban Tuyên giáo và Dân vận Tỉnh ủy": a body of the province's party committee)
        bare = re.compile(rf"(?:^|\s){NOT_COOPERATIVE}(?:{localities}|Thành\s+phố|Tỉnh|Tỉnh\s+ủy|Thành\s+ủy)$")
        place = re.compile(rf"{NOT_COOPERATIVE}\b(?:{localities}|Việt\s+Nam)\b", re.I)
        # not a longer head that opens with one of these heads ("Hội đồng": a council)
        organisation_heads = data["local_organisation_heads"]
        longer = [h for h in data["heads_vi"] if any(h.startswith(f"{o} ") for o in organisation_heads)]
        local_organisation = re.compile(
            (rf"(?!(?:{alternation(longer)})\b)" if longer else "") + rf"(?:{alternation(organisation_heads)})\s")
        # "Trung tâm Phục vụ hành chính công cấp xã": every commune's body (a tier), not the verb "cấp" (to grant)
        tier = re.compile(r"cấp\s+(?:xã|huyện)\b")
        # "Các Vụ: Pháp chế, Kế hoạch - Tài chính" and "Sở Xây dựng các tỉnh: Nghệ An, Hà Tĩnh" share a head
        distributive = re.compile(
            rf"{first_letters(['các', *data['heads_vi']])}(?<![\w/])(?:[Cc]ác\s+(?P<head>{heads})|(?P<named>(?:{heads})\s+[{_UPPER}][^:;,.()]{{0,60}}?)\s+các"
            rf"\s+(?P<unit>tỉnh|thành\s+phố)(?:,\s*thành\s+phố)?"
            # "Ủy ban nhân dân các xã: Gia Thuận, Tân Điền": the communes' committees, each by its own name (the
            # registry lists provinces' committees)
            rf"|(?P<committee>Ủy\s+ban\s+nhân\s+dân)\s+các\s+(?P<commune>{_COMMUNE}))\s*:\s*(?=[{_UPPER}])")
        regional = re.compile(
            rf"(?<![\w/])(?:(?:{alternation(data['regional_heads_state'])})\s+(?:[Nn]hà\s+[Nn]ước|NN)(?:\s+Việt\s+Nam)?"
            rf"(?:\s*[-–]\s*|\s+)(?:[Cc]hi\s+nhánh\s+)?|(?:{alternation(data['regional_heads'])})\s+)"
            r"[Kk]hu\s+vực\s+(?:[IVXL]+|\d{1,2})(?!\w)")
        return cls(vietnamese, english, stops, openers, bare, place, local_organisation, tier, distributive, english_head,
                   place_word, re.compile(rf"(?:{heads})(?!\w)"), regional,
                   re.compile(rf"(?:(?:{alternation(data['class_quantifiers_vi'])})\s+)?(?:{alternation(data['class_heads_vi'])})(?!\w)"))

    def regional_units(self, text: str, start: int, end: int) -> list[BodyName]:
        """The regional units of central bodies named in text[start:end] ("Kho bạc nhà nước khu vực XI"), with
        "Nhà nước" written one way ("NN", "nhà nước" -> "Nhà nước")."""
        return [BodyName(m.span(), _STATE.sub("Nhà nước", " ".join(m.group().split())), local=False)
                for m in self.regional.finditer(text, start, end)]

    def opens_a_name(self, text: str, pos: int, end: int, language: str) -> bool:
        """Whether an agency's name by this grammar starts at pos (a cheap test before a full scan)."""
        if language == "en":
            return bool(self.english.match(text, pos, end))
        return bool(self.vietnamese.match(text, pos, end) or self.distributive.match(text, pos, end))

    def find(self, text: str, start: int, end: int, language: str,
             known: Callable[[str], bool] = lambda name: False) -> list[BodyName]:
        """The bodies named in text[start:end]; `known` says which names the registry knows, so that a list's item
        whose name holds "và" or a comma stays one ("Các Sở: Giáo dục và Đào tạo, Nội vụ")."""
        return self._english(text, start, end) if language == "en" else self._vietnamese(text, start, end, known)

    def _vietnamese(self, text: str, start: int, end: int, known: Callable[[str], bool]) -> list[BodyName]:
        listed = self._distributed_names(text, start, end, known)
        out: list[BodyName] = []
        taken_until = start
        for head in self.vietnamese.finditer(text, start, end):
            if head.start() < taken_until or any(b.span[0] <= head.start() < b.span[1] for b in listed):
                continue
            name_end = self._name_end(text, head.end(), end)
            name = text[head.start():name_end].rstrip(" -–,;:.")
            if name.endswith(")") and "(" not in name:
                name = name[:-1]  # "(Sở Nội vụ)": the parenthesis closes around the name, it is no part of it
            if len(name.split()) < 2:
                continue
            stem = _TRAILING_COMMUNE.sub("", name)
            if (tier := _COMMUNE_TIER.match(text, head.start() + len(stem), end)) and len(stem.split()) > 1:
                # "Công an phường, xã, đặc khu", "Công an các xã, phường": every commune's body, one class, named as the
                # communes' committees are ("Ủy ban nhân dân các xã, phường")
                out.append(BodyName((head.start(), tier.end()), f"{' '.join(stem.split())} {AT_EVERY_COMMUNE}", False))
                taken_until = tier.end()
                continue
            name_start = head.start()
            if repeated := _REPEATED_HEAD.match(name):
                name_start, name = name_start + repeated.end(), name[repeated.end():]
            out.append(BodyName((name_start, name_start + len(name)), " ".join(name.split()),
                                # "... cấp xã" is every commune's body: a tier, which no province completes
                                bool(self.bare_locality.search(name)) and not self.tier.search(name)))
            taken_until = name_start + len(name)
        return sorted(out + listed, key=lambda b: b.span) if listed else out

    def _distributed_names(self, text: str, start: int, end: int, known: Callable[[str], bool]) -> list[BodyName]:
        out: list[BodyName] = []
        if text.find(":", start, end) < 0 or text.find("ác", start, end) < 0:
            return out  # a distributive list always has its colon and its "các"
        for m in self.distributive.finditer(text, start, end):
            named, unit = (m.group("named"), m.group("unit")) if m.group("named") else (m.group("committee"), m.group("commune"))
            prefix = m.group("head") or f"{' '.join(named.split())} {' '.join(unit.split())}"
            for n, (s, e) in enumerate(_joined_names(text, prefix, self._items(text, m.end(), end), known)):
                # the first item's span takes the shared head in, so a subject chain reaches it from the clause start
                out.append(BodyName((m.start() if n == 0 else s, e), f"{prefix} {' '.join(text[s:e].split())}",
                                    False, True))
        return out

    def _items(self, text: str, pos: int, end: int) -> list[tuple[int, int]]:
        """The items of a distributive list: capitalised names separated by commas or "và", the last one ending
        where the predicate starts."""
        items: list[tuple[int, int]] = []
        for m in _LIST_PIECE.finditer(text, pos, end):
            piece_start = m.start()
            for part in _AND.split(m.group()):
                part_start = piece_start
                piece_start += len(part)
                if _AND.fullmatch(part) or not part.strip():
                    continue
                s = part_start + len(part) - len(part.lstrip())
                if not text[s:s + 1].isupper():
                    return items
                e = self._name_end(text, s, part_start + len(part))
                while e > s and text[e - 1] in " -–":
                    e -= 1
                items.append((s, e))
                if e < part_start + len(part.rstrip()):
                    return items  # the predicate began inside this item
            if m.end() < end and text[m.end()] != ",":
                break
        return items

    def _name_end(self, text: str, pos: int, end: int) -> int:
        """The name runs over its words until punctuation, a verb or connector that opens the predicate,
        the next body's head, or a lower-case word after the place that closes it; at most twelve words,
        save a place name the twelfth word opens."""
        words = 0
        last = before_and = pos
        previous = ""
        place = _Place(self.place_word)
        for word in _NON_SPACE.finditer(text, pos, end):  # no copy of the rest of the paragraph per head
            token = word.group()
            at = word.start()
            if token[0] in "(“\"[|" or words and token[0].isdigit():
                break
            if place.closes_before(text, at, token):
                break  # "Thuế thành phố Huế đối chiếu ...": the place ends the name, the verb opens the task
            if previous == "và" and (self.vietnamese.match(text, at) or self.kind_of_unit.match(text, at)):
                # "Sở Y tế và Sở Giáo dục": two bodies; "Văn phòng Ban Chỉ huy và cơ quan, địa phương liên quan": a
                # body and a kind of unit
                return before_and
            if words and self.stops.match(text, at) and (token[0].islower() or self._opens_sentence(text, at)) \
                    and previous != "việc" and not self.tier.match(text, at):  # "Trung tâm Dịch vụ việc làm": a noun made of a verb
                break
            if token == "và":
                before_and = last
            previous = token
            words += 1
            last = word.end()
            if token[-1] in ",;:.)" or words >= MAX_NAME_WORDS and not (
                    # "... và khu công nghiệp thành phố Hà Nội": a place name is not cut in two
                    words < MAX_NAME_WORDS + 3 and token[0].isupper() and _next_is_upper(text, last, end)):
                if token[-1] == "," and word.end() < end and _next_is_upper(text, last, end) \
                        and not self.vietnamese.match(text, _skip_space(text, last)) \
                        and _INNER_COMMA.match(text, _skip_space(text, last), end):
                    continue  # "Sở Văn hóa, Thể thao và Du lịch": a comma inside the name, closed by "và"
                break
        return last

    def _opens_sentence(self, text: str, at: int) -> bool:
        return bool(self.openers.match(text, at))

    def _english(self, text: str, start: int, end: int) -> list[BodyName]:
        out: list[BodyName] = []
        for m in self.english.finditer(text, start, end):
            name = re.sub(r"^(?:The|the)\s+", "", m.group().strip())
            s = m.start()
            while name.split()[0] in ("of", "for", "on", "and"):
                first = name.split()[0]
                s = text.index(first, s) + len(first)  # no copy of the rest of the text per name
                name = name[len(first):].strip()
            if len(name.split()) < 2:
                continue
            s = text.index(name, s)
            for part_start, part in self._english_parts(name):
                out.append(BodyName((s + part_start, s + part_start + len(part)), " ".join(part.split()), False))
        return out

    def _english_parts(self, name: str) -> list[tuple[int, str]]:
        """'Vietnam Farmers Association and Vietnam Science and Technology Union ...': two bodies, each with its head;
        'Ministry of Education and Training' is one (no head after its "and")."""
        parts: list[tuple[int, str]] = []
        start = 0
        for joint in _ENGLISH_AND.finditer(name):
            before, after = name[start:joint.start()], name[joint.end():]
            if self.english_head.search(before) and self.english_head.search(after):
                parts.append((start, before))
                start = joint.end()
        parts.append((start, name[start:]))
        return [(i, part) for i, part in parts if len(part.split()) >= 2]


MAX_NAME_WORDS = 12
MAX_JOINED_ITEMS = 4  # a list's pieces one name may span: "Văn hóa", "Thể thao", "Du lịch"
_NON_SPACE = re.compile(r"[^\s,;:]+[,;:]*|[,;:]+")  # "Đắk Lắk:Khẩn trương": a colon ends a word, space or not



class _Place:
    """Reads a name word by word for its place: once "tỉnh Đồng Nai", "Thành phố" or "Việt Nam" is said, a
    lower-case word that is no further place opens the predicate ("Trung tâm Chuyển đổi số Thành phố cấu hình
    thủ tục"), where a name before its place takes lower-case words ("Trung tâm Phục vụ hành chính công")."""

    def __init__(self, place_word: re.Pattern[str]) -> None:
        self.place_word = place_word
        self.inside_until = -1  # the words of the place word itself ("thành phố")
        self.waits = False  # "tỉnh": the place's name comes next
        self.province_waits = False  # ... and that word is the province's, which no other word of a name ends with
        self.said = False

    def closes_before(self, text: str, at: int, token: str) -> bool:
        if at < self.inside_until:
            return False
        word = self.place_word.match(text, at)
        if word:
            self.inside_until, self.waits, self.said = word.end(), bool(word.group("waits")), not word.group("waits")
            self.province_waits = word.group().endswith("tỉnh")
            return False
        if token[0].islower():
            if self.said and token != "và":
                return True
            if self.province_waits and token not in _AFTER_BARE_PROVINCE:
                return True  # "Liên hiệp các hội Khoa học và Kỹ thuật tỉnh tư vấn": a bare "tỉnh" is the issuer's
            self.waits = self.said = self.province_waits = False  # "Bảo hiểm xã hội": "xã" was no place
        elif token[0].isupper():
            self.said = self.said or self.waits
            self.waits = self.province_waits = False
        else:
            self.waits = self.said = self.province_waits = False  # "Việt Nam - Chi nhánh": a new part of the name
        return False


# a bare "tỉnh" ("cấp tỉnh") is a place, not a syllable of a longer word as "xã" is of "xã hội"; after it only "ủy"
# ("tỉnh ủy", the province's party committee), "và" or "trực thuộc" go on with the name
_AFTER_BARE_PROVINCE = frozenset({"ủy", "uỷ", "và", "trực"})
# a head noun written twice by a slip of the keyboard ("Sở Tài Chính; Sở Sở Công thương"): the body's name has it once
_REPEATED_HEAD = re.compile(rf"(\w+)\s+(?=\1\s+[{_UPPER}])")
_LIST_PIECE = re.compile(r"[^,;:.()]+")
_AND = re.compile(r"(\s+và\s+)")
_ENGLISH_AND = re.compile(r"\s+and\s+(?=[A-Z])")
_INNER_COMMA = re.compile(r"(?:[^\s,;.:]+\s+){1,3}và\s")


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _next_is_upper(text: str, pos: int, end: int) -> bool:
    pos = _skip_space(text, pos)
    return pos < end and text[pos].isupper()


def _joined_names(text: str, prefix: str, items: list[tuple[int, int]], known: Callable[[str], bool],
                  ) -> list[tuple[int, int]]:
    """A list's items with those that one known name spans joined back ("Giáo dục" and "Đào tạo" where "Sở Giáo dục
    và Đào tạo" is known; "Văn hóa", "Thể thao", "Du lịch" where "Sở Văn hóa, Thể thao và Du lịch" is): the list
    splits at every comma and "và", some of which are inside a name. The longest known run wins."""
    out: list[tuple[int, int]] = []
    n = 0
    while n < len(items):
        for last in range(min(len(items), n + MAX_JOINED_ITEMS) - 1, n, -1):
            if known(f"{prefix} {' '.join(text[items[n][0]:items[last][1]].split())}"):
                out.append((items[n][0], items[last][1]))
                n = last + 1
                break
        else:
            out.append(items[n])
            n += 1
    return out
