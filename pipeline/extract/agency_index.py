"""Loading the agency data into the registry's indexes (names, aliases, provinces, provincial-body
templates, groups, list heads) and looking a body up by any of its names."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property
from typing import Any

from pipeline.extract.agency_model import (
    _SEPARATORS,
    _TOKEN,
    Agency,
    Succession,
    _caps,
    _Entry,
    _key,
    _Province,
    _tokens,
    without_diacritics,
)
from pipeline.knowledge.patterns import word_start

LOOKUP_MEMO = 20_000  # answers of lookup kept per registry (a few MB at most)


def _loose_key(key: str) -> str:
    """A folded key without the list punctuation and conjunctions a name's parts are joined by."""
    return " ".join(token for token in key.split() if token not in _SEPARATORS)


class AgencyIndex:
    """Builds and reads the indexes AgencyRegistry.__init__ declares; provincial bodies are composed on demand, and the
    loose-key index and the heads' abbreviations derived when first asked."""

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
                if "," in alias:  # "các sở ngành liên quan": the class's nouns are often coordinated without commas
                    self._alias(alias.replace(",", ""), one, "vi", first_cap=False)
            for alias in g.get("aliases_capitalised", []):
                self._alias(alias, one, "vi")
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

    def _load_not_bodies(self, phrases: dict[str, Any]) -> None:
        """'Chính phủ số' (digital government) holds 'Chính phủ': the longer match wins and names nobody."""
        for lang in ("vi", "en"):
            for phrase in phrases.get(lang, []):
                self._trie.add(_tokens(phrase), _Entry("none", phrase, lang, (), False))

    def _load_lists(self, heads: list[dict[str, Any]]) -> None:
        for h in heads:
            for phrase in h.get("phrases", []):
                self._trie.add(_tokens(phrase), _Entry("list", h, "vi", (), False))
            for phrase in h.get("phrases_en", []):
                self._trie.add(_tokens(phrase), _Entry("list", h, "en", (), False))

    @staticmethod
    def _title_re(titles: list[str], lang: str) -> re.Pattern[str]:
        """A title right before a body's name: searched in the 80 characters before every mention."""
        tail = r"\s+(?:the\s+)?$" if lang == "en" else r"\s+$"
        return re.compile(word_start(titles, r"[^\W_]") + tail)

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
        if named := self._templates[key].get("named_by_unit"):  # "Tỉnh ủy Đắk Lắk", "Thành đoàn Hà Nội"
            return f"{named.get(p.unit, named['tỉnh'])} {p.name}"
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

    def lookup(self, alias: str) -> Agency | None:
        """Any canonical name, alias, code or English name; case, whitespace and tone-placement insensitive."""
        if alias in self._looked_up:
            return self._looked_up[alias]
        if len(self._looked_up) >= LOOKUP_MEMO:
            self._looked_up.clear()  # bounded: a long batch's store asks about ever new phrases
        found = self._looked_up[alias] = self._lookup(alias)
        return found

    def _lookup(self, alias: str) -> Agency | None:
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
        name = self._loose_index.get(_loose_key(key))
        return self._by_name.get(name) if name is not None else None

    def spelled_out(self, text: str) -> str:
        """The text with the one-word abbreviations of provincial bodies' heads ("UBND", "HĐND", "SYT") written as their
        names: a header in capitals is title-cased before it is read, which no abbreviation survives ("Ubnd")."""
        pattern, names = self._head_abbreviations
        return pattern.sub(lambda m: names[m.group()], text)

    @cached_property
    def _head_abbreviations(self) -> tuple[re.Pattern[str], dict[str, str]]:
        """The one-word abbreviations of the provincial bodies' heads (data/agencies.json heads_abbr), a pattern that
        finds them and their names; built when first asked."""
        names = {abbr: t["name"] for t in self._templates.values() for abbr in t.get("heads_abbr", [])
                 if abbr.isupper() and " " not in abbr}
        return re.compile(rf"\b(?:{'|'.join(map(re.escape, names))})\b"), names

    @cached_property
    def _loose_index(self) -> dict[str, str]:
        """The names and aliases keyed without their commas and "và", as a table cell or a hurried text writes them
        ("Sở Văn hoá Thể thao du lịch", "Sở Nông nghiệp Môi trường"); a key two bodies share is left out. Built when
        first asked."""
        return self._folded_index(_loose_key)

    def lookup_misread(self, name: str) -> Agency | None:
        """The body a name stands for whose tone marks a scan's reading got wrong ("Sở Giáo dục và Đảo tạo" in our OCR
        text of dev vi_qd_2676_bgddt_2025.pdf, "Sở Nôi vụ"): its names and aliases compared without diacritics, where
        one body alone has that key. For names the grammar of agency names found that lookup does not know."""
        name = self._toneless_index.get(without_diacritics(_key(name)))
        return self._by_name.get(name) if name is not None else None

    @cached_property
    def _toneless_index(self) -> dict[str, str]:
        """The names and aliases keyed without diacritics; a key two bodies share is left out. Built when first asked."""
        return self._folded_index(without_diacritics)

    def _folded_index(self, fold: Callable[[str], str]) -> dict[str, str]:
        """The names and aliases keyed by `fold` of their keys; a folded key two bodies share is left out."""
        folded: dict[str, str | None] = {}
        for key, name in self._index.items():
            at = fold(key)
            folded[at] = name if folded.get(at, name) == name else None
        return {key: name for key, name in folded.items() if name is not None}

    def english_name(self, name: str) -> str | None:
        agency = self.lookup(name)
        return agency.name_en if agency else None

    def aliases(self) -> list[tuple[str, str, str]]:
        """(alias, canonical name, language) for every alias in the trie (the spaCy view uses these)."""
        return list(self._aliases)

    @property
    def bodies(self) -> list[Agency]:
        return list(self._by_name.values())
