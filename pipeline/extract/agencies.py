"""Agency registry: canonical names, aliases, succession, and a fast mention finder (data: data/agencies.json).

One node per body, the same for a Vietnamese text and its English translation (CONTRACT.md "Canonical
agency names"). Bodies that exist in every province (Ủy ban nhân dân, Tỉnh ủy, Sở ...) are not listed
per province: a "provincial body" template plus a province gives the name ("Sở Y tế" + "Gia Lai" ->
"Sở Y tế tỉnh Gia Lai"), and its succession is composed from the two (mergers of 2025-03-01 for
departments, 2025-07-01 for provinces).

Matching runs on tokens (words and punctuation; dashes ignored) of the lower-cased, tone-folded text,
walking one trie of every alias, so any run of whitespace or a line break may sit between two words
and a match never starts or ends inside a word. Leftmost-longest wins.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pipeline import knowledge
from pipeline.cleanup.normalise import old_style_tones

# --- text folding (length-preserving, so offsets into the folded text are offsets into the text) -----

_TOKEN = re.compile(r"[^\W_]+|[^\w\s\-\u2010-\u2015]")  # words and punctuation; dashes are not tokens
_SEPARATORS = frozenset({",", "và", "and", "&"})
_TERM = ""  # trie key holding the entries that end at a node


def _fold(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # a few characters grow when lower-cased; keep offsets aligned
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    low = low.replace("\u2019", "'").replace("\u2018", "'")
    return old_style_tones(low)  # names in the registry and in texts may use either tone placement


# public name for other stages that compare words the way the registry does (case, tone placement)
fold_name = _fold


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(_fold(unicodedata.normalize("NFC", text)))


def _key(text: str) -> str:
    return " ".join(_tokens(text))


# --- records ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Succession:
    name: str
    date: str  # ISO date from which the successor acts
    share: str = "main"  # main | part (a body split between several successors)


@dataclass(frozen=True)
class Agency:
    name: str  # official Vietnamese name (old-style tone marks)
    name_en: str | None
    kind: str
    names_en: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    valid_from: str | None = None
    valid_to: str | None = None
    successors: tuple[Succession, ...] = ()
    province: str | None = None  # the province of a provincial body
    note: str | None = None

    def valid_on(self, date: str) -> bool:
        return (self.valid_from is None or self.valid_from <= date) and (self.valid_to is None or date <= self.valid_to)


@dataclass
class AgencyMention:
    span: tuple[int, int]
    mention: str
    name: str
    name_en: str | None
    kind: str


@dataclass(frozen=True)
class _Entry:
    action: str  # body | template | list
    target: Any  # body: tuple of names; template: (key, unit); list: head dict
    lang: str  # vi | en | any
    caps: tuple[int, ...] = ()  # token positions that must be upper case in the text (codes)
    first_cap: bool = True  # the first word must be capitalised (keeps "chính phủ điện tử" out)
    code: bool = False  # an abbreviation: never part of a symbol such as 68/2025/TT-BTC or 9837/UBND-KSTT


@dataclass(frozen=True)
class _Province:
    name: str
    unit: str  # tỉnh | thành phố
    name_en: str
    valid_from: str | None
    valid_to: str | None
    successor: Succession | None


@dataclass
class _Trie:
    root: dict = field(default_factory=dict)

    def add(self, tokens: list[str], entry: Any) -> None:
        node = self.root
        for tok in tokens:
            node = node.setdefault(tok, {})
        node.setdefault(_TERM, []).append(entry)

    def walk(self, keys: list[str], i: int, n: int) -> list[tuple[int, list]]:
        """All (end, entries) matched from token i, longest last."""
        found = []
        node = self.root.get(keys[i]) if i < n else None
        j = i
        while node is not None:
            j += 1
            if _TERM in node:
                found.append((j, node[_TERM]))
            if j >= n:
                break
            node = node.get(keys[j])
        return found


def _caps(alias: str) -> tuple[int, ...]:
    return tuple(k for k, tok in enumerate(_TOKEN.findall(alias)) if len(tok) > 1 and tok.isupper())


# --- the registry -------------------------------------------------------------------------------------


class AgencyRegistry:
    def __init__(self, data: dict[str, Any]):
        self._by_name: dict[str, Agency] = {}
        self._index: dict[str, str] = {}  # folded alias -> canonical name
        self._trie = _Trie()
        self._provinces: dict[str, _Province] = {}
        self._province_trie = {"vi": _Trie(), "en": _Trie()}
        self._unit_trie = _Trie()
        self._item_trie = {"central": _Trie(), "central_en": _Trie()}
        self._templates: dict[str, dict[str, Any]] = {t["key"]: t for t in data["provincial_bodies"]}
        self._template_of: dict[str, str] = {t["name"]: t["key"] for t in data["provincial_bodies"]}
        self._aliases: list[tuple[str, str, str]] = []  # (alias, name, lang) for the spaCy view
        self._predecessors: dict[str, list[str]] = {}
        self._province_src: dict[str, tuple[list[str], list[str]]] = {}  # name -> (vi aliases, en aliases)
        self._titles = {lang: self._title_re(titles, lang) for lang, titles in data["office_titles"].items()}
        self._load_bodies(data["bodies"])
        self._load_provinces(data["provinces"], data["unit_words"])
        self._load_templates(data["provincial_bodies"])
        self._load_groups(data["groups"], data["group_phrases"])
        self._load_lists(data["list_heads"])

    @classmethod
    def default(cls) -> AgencyRegistry:
        return _default_registry()

    # --- loading ---------------------------------------------------------------------------------------

    def _register(self, agency: Agency) -> None:
        self._by_name[agency.name] = agency
        self._index.setdefault(_key(agency.name), agency.name)
        for s in agency.successors:
            self._predecessors.setdefault(s.name, []).append(agency.name)

    def _alias(self, alias: str, names: tuple[str, ...], lang: str, *, action: str = "body",
               first_cap: bool = True, lookup: bool = True, code: bool = False) -> None:
        tokens = _tokens(alias)
        if not tokens:
            return
        target = names if action == "body" else names[0]
        self._trie.add(tokens, _Entry(action, target, lang, _caps(alias), first_cap, code=code))
        if lookup and action == "body" and len(names) == 1:
            self._index.setdefault(" ".join(tokens), names[0])
        if action == "body":
            self._aliases.extend((alias, name, lang) for name in names)

    def _load_bodies(self, bodies: list[dict[str, Any]]) -> None:
        for b in bodies:
            names_en = list(b.get("name_en", []))
            topics = b.get("topic_en", [])
            gen_en = [p.format(t=t) for t in topics for p in ("Ministry of {t}", "{t} Ministry", "Minister of {t}", "{t} Minister")]
            agency = Agency(
                name=b["name"], name_en=names_en[0] if names_en else None, kind=b["kind"], names_en=tuple(names_en),
                codes=tuple(b.get("codes", [])), abbreviations=tuple(b.get("abbreviations", []) + b.get("abbreviations_en", [])),
                aliases=tuple(b.get("aliases", []) + b.get("list_item", [])), valid_from=b.get("valid_from"),
                valid_to=b.get("valid_to"), successors=tuple(Succession(**s) for s in b.get("successors", [])), note=b.get("note"))
            self._register(agency)
            one = (agency.name,)
            for alias in [agency.name, *b.get("aliases", [])]:
                self._alias(alias, one, "vi")
            for alias in b.get("abbreviations", []):
                self._alias(alias, one, "any", code=True)
            for alias in names_en + b.get("aliases_en", []) + gen_en:
                self._alias(alias, one, "en")
            for alias in b.get("abbreviations_en", []):
                self._alias(alias, one, "en", code=True)
            for code in agency.codes:  # issuer codes of symbols: for lookup only, never matched in running text
                self._index.setdefault(_key(code), agency.name)
            short_codes = [c[1:] for c in agency.codes if b["kind"] == "ministry" and c.startswith("B") and len(c) > 2]
            for code in short_codes:  # "Các Bộ: TC, XD, NV, GDĐT" in a Nơi nhận block
                self._item_trie["central"].add(_tokens(code), agency.name)
            for item in b.get("list_item", []):
                self._item_trie["central"].add(_tokens(item), agency.name)
                self._index.setdefault(_key(item), agency.name)
            if b["kind"] in ("ministry", "ministerial_agency", "government_agency", "state_group", "state_bank"):
                for alias in [agency.name, *b.get("aliases", []), *b.get("abbreviations", [])]:
                    self._item_trie["central"].add(_tokens(alias), agency.name)
            for t in topics:
                self._item_trie["central_en"].add(_tokens(t), agency.name)

    def _load_provinces(self, provinces: list[dict[str, Any]], unit_words: dict[str, str]) -> None:
        for word, unit in unit_words.items():
            self._unit_trie.add(_tokens(word), unit)
        for p in provinces:
            succ = p.get("successor")
            prov = _Province(p["name"], p["unit"], p["name_en"], p.get("valid_from"), p.get("valid_to"),
                             Succession(succ["name"], succ["date"]) if succ else None)
            self._provinces[prov.name] = prov
            self._province_src[prov.name] = ([prov.name, *p.get("aliases", [])], [prov.name_en, *p.get("aliases_en", [])])
            vi, en = self._province_src[prov.name]
            for alias in vi:
                self._province_trie["vi"].add(_tokens(alias), prov.name)
            for alias in en:
                self._province_trie["en"].add(_tokens(alias), prov.name)
        for prov in self._provinces.values():  # the acting body of every province-level unit, listed eagerly
            ubnd = self._derive("ubnd", prov.name)
            vi, en = self._province_src[prov.name]
            for alias in vi + en:
                self._index.setdefault(_key(alias), ubnd.name)
            city = prov.unit == "thành phố"
            for e in en:
                for pattern in ("{e} Provincial People's Committee", "{e} provincial People's Committee",
                                "People's Committee of {e} province", "People's Committee of {e} Province",
                                "People's Committee of {e}", "{e} People's Committee", "{e} City People's Committee",
                                "People's Committee of {e} City", "{e} municipal People's Committee"):
                    if ("City" in pattern or "municipal" in pattern) and not city:
                        continue
                    self._alias(pattern.format(e=e), (ubnd.name,), "en")

    def _load_templates(self, templates: list[dict[str, Any]]) -> None:
        for t in templates:
            for head in t["heads"]:
                self._trie.add(_tokens(head), _Entry("template", (t["key"], None), "vi", _caps(head), False))
            for head in t.get("heads_abbr", []):
                self._trie.add(_tokens(head), _Entry("template", (t["key"], None), "any", _caps(head), False, code=True))
            for head, unit in t.get("heads_with_unit", {}).items():
                self._trie.add(_tokens(head), _Entry("template", (t["key"], unit), "vi", _caps(head), False))
            if t["bare"]:  # a department named without its province is a body of its own
                generic = self._generic(t["key"], None)
                for head in t["heads"] + t.get("heads_abbr", []):
                    self._index.setdefault(_key(head), generic.name)

    def _load_groups(self, groups: list[dict[str, Any]], phrases: list[dict[str, Any]]) -> None:
        for g in groups:
            agency = Agency(name=g["name"], name_en=g["name_en"], kind="group", names_en=(g["name_en"],),
                            aliases=tuple(g.get("aliases", [])), abbreviations=tuple(g.get("abbreviations", [])),
                            valid_from=g.get("valid_from"), valid_to=g.get("valid_to"))
            self._register(agency)
            one = (agency.name,)
            for alias in [agency.name, *g.get("aliases", [])]:
                self._alias(alias, one, "vi", first_cap=False)
            for alias in g.get("abbreviations", []):
                self._alias(alias, one, "any", first_cap=False, code=True)
            for alias in g.get("aliases_en", []) + g.get("abbreviations_en", []):
                self._alias(alias, one, "en", first_cap=False)
            self._index.setdefault(_key(g["name_en"]), agency.name)
        for p in phrases:
            targets = tuple(p["targets"])
            for phrase in p.get("phrases", []):
                self._alias(phrase, targets, "vi", first_cap=False)
            for phrase in p.get("phrases_en", []):
                self._alias(phrase, targets, "en", first_cap=False)

    def _load_lists(self, heads: list[dict[str, Any]]) -> None:
        for h in heads:
            for phrase in h.get("phrases", []):
                self._trie.add(_tokens(phrase), _Entry("list", h, "vi", (), False))
            for phrase in h.get("phrases_en", []):
                self._trie.add(_tokens(phrase), _Entry("list", h, "en", (), False))

    @staticmethod
    def _title_re(titles: list[str], lang: str) -> re.Pattern[str]:
        alts = "|".join(sorted((r"\s+".join(map(re.escape, t.split())) for t in titles), key=len, reverse=True))
        tail = r"\s+(?:the\s+)?$" if lang == "en" else r"\s+$"
        return re.compile(r"(?<![^\W_])(?:" + alts + ")" + tail)

    # --- provincial bodies ------------------------------------------------------------------------------

    def _generic(self, key: str, unit: str | None) -> Agency:
        """A provincial body named without its province ("Sở Y tế", "Ủy ban nhân dân tỉnh")."""
        t = self._templates[key]
        if key == "party":
            name = "Thành ủy" if unit == "thành phố" else "Tỉnh ủy"
        elif t["bare"] or unit is None:
            name = t["name"]
        else:
            name = f"{t['name']} {unit}"
        if name in self._by_name:
            return self._by_name[name]
        kind = ("city" if unit == "thành phố" else "province") if key == "ubnd" else t["kind"]
        succ = tuple(Succession(**s) for s in t.get("successors", [])) if t["bare"] else ()
        agency = Agency(name=name, name_en=t["name_en"], kind=kind, names_en=(t["name_en"],), valid_from=t.get("valid_from"),
                        valid_to=t.get("valid_to"), successors=succ, note=t.get("note"))
        self._register(agency)
        return agency

    def _derive(self, key: str, province: str) -> Agency:
        """The body `key` of one province, with succession composed from the template's and the province's."""
        t, p = self._templates[key], self._provinces[province]
        name = self._derived_name(key, p)
        if name in self._by_name:
            return self._by_name[name]
        valid_from = max(filter(None, [t.get("valid_from"), p.valid_from]), default=None)
        valid_to = min(filter(None, [t.get("valid_to"), p.valid_to]), default=None)
        succ = []
        for s in t.get("successors", []):
            to_key = self._template_of.get(s["name"])
            if to_key and (p.valid_to is None or s["date"] <= p.valid_to):
                succ.append(Succession(self._derived_name(to_key, p), s["date"], s["share"]))
        if p.successor and (t.get("valid_to") is None or p.successor.date <= t["valid_to"]):
            succ.append(Succession(self._derived_name(key, self._provinces[p.successor.name]), p.successor.date))
        kind = ("city" if p.unit == "thành phố" else "province") if key == "ubnd" else t["kind"]
        agency = Agency(name=name, name_en=self._derived_en(key, p), kind=kind, names_en=(self._derived_en(key, p),),
                        valid_from=valid_from, valid_to=valid_to, successors=tuple(succ), province=p.name)
        self._register(agency)
        return agency

    def _derived_name(self, key: str, p: _Province) -> str:
        if key == "party":
            return f"{'Thành ủy' if p.unit == 'thành phố' else 'Tỉnh ủy'} {p.name}"
        return f"{self._templates[key]['name']} {p.unit} {p.name}"

    def _derived_en(self, key: str, p: _Province) -> str:
        city = p.unit == "thành phố"
        if key == "ubnd":
            return f"{p.name_en} People's Committee" if city else f"{p.name_en} Provincial People's Committee"
        if key == "party":
            return f"{p.name_en} {'Municipal' if city else 'Provincial'} Party Committee"
        return f"{self._templates[key]['name_en']} of {p.name_en} {'city' if city else 'province'}"

    def _province_of(self, text: str | None) -> str | None:
        """'Đắk Lắk', 'tỉnh Đắk Lắk' or 'Ủy ban nhân dân tỉnh Đắk Lắk' -> 'Đắk Lắk'."""
        if not text:
            return None
        if text in self._provinces:
            return text
        keys = _tokens(text)
        for i in range(len(keys)):
            found = self._province_trie["vi"].walk(keys, i, len(keys)) or self._province_trie["en"].walk(keys, i, len(keys))
            if found and found[-1][0] == len(keys):
                return found[-1][1][0]
        return None

    # --- lookup and succession --------------------------------------------------------------------------

    def lookup(self, alias: str) -> Agency | None:
        """Any canonical name, alias, code or English name; case, whitespace and tone-placement insensitive."""
        key = _key(alias)
        if not key:
            return None
        if key.startswith("the ") and key not in self._index:
            key = key[4:]
        name = self._index.get(key)
        if name is not None:
            return self._by_name.get(name)
        text = " ".join(_TOKEN.findall(alias))  # provincial bodies and the like are parsed, not listed
        text = text[4:] if text.lower().startswith("the ") else text
        found = self._scan(text, 0, len(text), "vi", None, strict=False)
        if len(found) == 1 and found[0].span == (0, len(text)):
            return self._by_name.get(found[0].name)
        return None

    def english_name(self, name: str) -> str | None:
        agency = self.lookup(name)
        return agency.name_en if agency else None

    def successors(self, name: str, as_of: str | None = None) -> list[Agency]:
        """The bodies that carry on `name`'s work as of a date (transitively; all known ones when no date)."""
        start = self.lookup(name)
        if start is None:
            return []
        out: list[Agency] = []

        def walk(agency: Agency, seen: frozenset[str]) -> None:
            steps = [s for s in agency.successors if as_of is None or s.date <= as_of]
            if not steps:
                if agency is not start and all(a.name != agency.name for a in out):
                    out.append(agency)
                return
            for s in sorted(steps, key=lambda s: s.share != "main"):
                nxt = self.lookup(s.name)
                if nxt is not None and nxt.name not in seen:
                    walk(nxt, seen | {nxt.name})

        walk(start, frozenset({start.name}))
        return out

    def predecessors(self, name: str) -> list[Agency]:
        """Every body whose work passed (directly or not) to `name`."""
        agency = self.lookup(name)
        if agency is None:
            return []
        if agency.province:  # make sure the composed predecessors of a provincial body exist
            self._derive_predecessors(agency)
        out: list[Agency] = []
        stack = list(self._predecessors.get(agency.name, []))
        while stack:
            prev = self._by_name[stack.pop(0)]
            if all(a.name != prev.name for a in out):
                out.append(prev)
                if prev.province:
                    self._derive_predecessors(prev)
                stack.extend(self._predecessors.get(prev.name, []))
        return out

    def _derive_predecessors(self, agency: Agency) -> None:
        key = next((k for k in self._templates if agency.name == self._derived_name(k, self._provinces[agency.province])), None)
        if key is None:
            return
        for other in self._provinces.values():  # provinces merged into this one
            if other.successor and other.successor.name == agency.province:
                self._derive(key, other.name)
        for t in self._templates.values():  # departments merged into this one
            for s in t.get("successors", []):
                if s["name"] == self._templates[key]["name"]:
                    self._derive(t["key"], agency.province)

    def current_name(self, name: str, as_of: str | None = None) -> str:
        succ = self.successors(name, as_of)
        if succ:
            return succ[0].name
        agency = self.lookup(name)
        return agency.name if agency else name

    def aliases(self) -> list[tuple[str, str, str]]:
        """(alias, canonical name, language) for every alias in the trie (the spaCy view uses these)."""
        return list(self._aliases)

    @property
    def bodies(self) -> list[Agency]:
        return list(self._by_name.values())

    # --- mentions -----------------------------------------------------------------------------------------

    def find_mentions(self, text: str, start: int = 0, end: int | None = None, *, language: str = "vi",
                      province: str | None = None) -> list[AgencyMention]:
        """Every body named in text[start:end], as absolute spans; lists give one mention per item."""
        end = len(text) if end is None else end
        return self._scan(text, start, end, language, self._province_of(province), strict=True)

    def _scan(self, text: str, start: int, end: int, lang: str, province: str | None, *, strict: bool) -> list[AgencyMention]:
        seg = text[start:end]
        folded = _fold(seg)
        spans = [m.span() for m in _TOKEN.finditer(folded)]
        keys = [folded[s:e] for s, e in spans]
        ctx = _Scan(text, seg, start, spans, keys, lang, province, strict)
        out: list[AgencyMention] = []
        i, n, root = 0, len(keys), self._trie.root
        while i < n:
            if keys[i] not in root:
                i += 1
                continue
            found = None
            for j, entries in reversed(self._trie.walk(keys, i, n)):
                ok = [e for e in entries if self._acceptable(e, ctx, i, j)]
                if ok:
                    found = (j, ok)
                    break
            mentions, stop = self._resolve(found, ctx, i) if found else ([], i)
            if mentions:
                out.extend(mentions)
                i = max(stop, i + 1)
            else:
                i += 1
        return out

    def _acceptable(self, e: _Entry, ctx: _Scan, i: int, j: int) -> bool:
        if e.lang != "any" and e.lang != ctx.lang and ctx.strict:
            return False
        if not ctx.strict:
            return True
        if e.first_cap and not ctx.raw(i)[:1].isupper():
            return False
        if any(i + k < j and not ctx.raw(i + k).isupper() for k in e.caps):
            return False
        if e.code:
            s, t = ctx.abs(i)[0], ctx.abs(j - 1)[1]  # a code inside a symbol (TT-BTC, /UBND-) is not a mention
            if (s > 0 and (ctx.text[s - 1].isalnum() or ctx.text[s - 1] in "/-.")) or (
                    t < len(ctx.text) and (ctx.text[t].isalnum() or ctx.text[t] in "/-")):
                return False
        return True

    def _resolve(self, found: tuple[int, list[_Entry]], ctx: _Scan, i: int) -> tuple[list[AgencyMention], int]:
        j, entries = found
        lists = [e for e in entries if e.action == "list"]
        for e in lists:
            items, stop = self._list_items(e.target, ctx, j)
            if items:
                return items, stop
        bodies = [e for e in entries if e.action == "body"]
        if bodies:
            names = bodies[0].target
            return [self._mention(ctx, i, j, self._by_name[n], title=len(names) == 1) for n in names], j
        for e in entries:
            if e.action == "template":
                got = self._template(e.target, ctx, i, j)
                if got:
                    return got
        for e in lists:
            fallback = e.target.get("fallback")
            if isinstance(fallback, list):
                return [self._mention(ctx, i, j, self._by_name[n], title=False) for n in fallback], j
            if fallback == "groups":
                default = "các bộ" if e.target["items"].startswith("central") else (
                    "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương" if "ubnd" in e.target.get("templates", [])
                    else "Tỉnh ủy, Thành ủy các tỉnh, thành phố trực thuộc Trung ương")
                return [self._mention(ctx, i, j, self._by_name[default], title=False)], j
        return [], i

    def _template(self, target: tuple[str, str | None], ctx: _Scan, i: int, j: int) -> tuple[list[AgencyMention], int] | None:
        key, unit = target
        t = self._templates[key]
        k = j
        unit_hit = self._unit_trie.walk(ctx.keys, k, len(ctx.keys))
        if unit_hit:
            k, unit = unit_hit[-1][0], unit_hit[-1][1][0]
        prov = self._province_at(ctx, k, "vi")
        if prov is not None:
            p_end, p_name = prov
            return [self._mention(ctx, i, p_end, self._derive(key, p_name))], p_end
        if unit is not None and ctx.province:
            return [self._mention(ctx, i, k, self._derive(key, ctx.province))], k
        if unit is not None:
            stop = j if t["bare"] else k
            return [self._mention(ctx, i, stop, self._generic(key, unit))], stop
        if t["bare"]:
            return [self._mention(ctx, i, j, self._generic(key, None))], j
        return None

    def _province_at(self, ctx: _Scan, k: int, lang: str) -> tuple[int, str] | None:
        hits = self._province_trie[lang].walk(ctx.keys, k, len(ctx.keys))
        if hits and (ctx.raw(k)[:1].isupper() or not ctx.strict):
            return hits[-1][0], hits[-1][1][0]
        return None

    def _list_items(self, head: dict[str, Any], ctx: _Scan, j: int) -> tuple[list[AgencyMention], int]:
        keys, n = ctx.keys, len(ctx.keys)
        k = j + 1 if j < n and keys[j] == ":" else j
        kind = head["items"]
        out: list[AgencyMention] = []
        while k < n:
            back = k
            if out:
                if keys[k] not in _SEPARATORS:
                    break
                while k < n and keys[k] in _SEPARATORS:
                    k += 1
            item_start = k
            if kind.startswith("province"):
                unit_hit = self._unit_trie.walk(keys, k, n)
                if unit_hit:
                    k = unit_hit[-1][0]
                hit = self._province_at(ctx, k, "en" if kind.endswith("_en") else "vi")
                if hit is None:
                    k = back
                    break
                k = hit[0]
                for key in head["templates"]:
                    out.append(self._mention(ctx, item_start, k, self._derive(key, hit[1]), title=False))
            else:
                hits = self._item_trie[kind].walk(keys, k, n)
                if not hits or (ctx.strict and not ctx.raw(k)[:1].isupper()):  # "các bộ, cơ quan xây dựng ..." is no list
                    k = back
                    break
                k = hits[-1][0]
                out.append(self._mention(ctx, item_start, k, self._by_name[hits[-1][1][0]], title=False))
        return out, k

    def _mention(self, ctx: _Scan, i: int, j: int, agency: Agency, *, title: bool = True) -> AgencyMention:
        s, e = ctx.abs(i)[0], ctx.abs(j - 1)[1]
        if title:  # an office-holder stands for the body: "Bộ trưởng Bộ Y tế" is a mention of Bộ Y tế
            window_start = max(ctx.offset, s - 80)
            m = self._titles.get(ctx.lang, self._titles["vi"]).search(ctx.text, window_start, s)
            if m:
                s = m.start()
        return AgencyMention((s, e), ctx.text[s:e], agency.name, agency.name_en, agency.kind)


@dataclass
class _Scan:
    """One scan over text[offset:offset+len(seg)]: token spans are relative to seg."""

    text: str
    seg: str
    offset: int
    spans: list[tuple[int, int]]
    keys: list[str]
    lang: str
    province: str | None
    strict: bool

    def raw(self, k: int) -> str:
        s, e = self.spans[k]
        return self.seg[s:e]

    def abs(self, k: int) -> tuple[int, int]:
        s, e = self.spans[k]
        return s + self.offset, e + self.offset


@lru_cache(maxsize=1)
def _default_registry() -> AgencyRegistry:
    return AgencyRegistry(knowledge.load("agencies"))
