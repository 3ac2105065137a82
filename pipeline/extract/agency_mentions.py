"""Finding the bodies a text names: one walk of the alias trie over the folded tokens, leftmost-longest,
with office titles, provincial-body templates and distributive lists ("các Bộ: Tài chính, Tư pháp")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress
from typing import Any

from pipeline.extract.agency_model import (
    _SEPARATORS,
    _TERM,
    _TOKEN,
    Agency,
    AgencyMention,
    _Entry,
    _fold,
)


class MentionFinder:
    """find_mentions and the scan behind it; reads the indexes of AgencyIndex."""

    def find_mentions(self, text: str, start: int = 0, end: int | None = None, *, language: str = "vi",
                      province: str | None = None) -> list[AgencyMention]:
        """Every body named in text[start:end], as absolute spans; lists give one mention per item."""
        end = len(text) if end is None else end
        return self._scan(text, start, end, language, self._province_of(province), strict=True)

    def _scan(self, text: str, start: int, end: int, lang: str, province: str | None, *, strict: bool) -> list[AgencyMention]:
        seg = text[start:end]
        ctx = _Scan.of(text, seg, start, lang, province, strict)
        keys = ctx.keys
        out: list[AgencyMention] = []
        i, n, root = 0, len(keys), self._trie.root
        # only tokens that open an alias are tried; the test runs in C over all of them (about one in eight passes)
        for at in compress(range(n), map(root.__contains__, keys)):
            if at < i:
                continue  # inside the mention found last
            i = at
            node = root[keys[i]]
            if _TERM not in node and (i + 1 >= n or keys[i + 1] not in node):
                continue  # most words that open an alias ("các", "công") open none here: no walk
            found = None
            for j, entries in reversed(self._trie.walk(keys, i, n)):
                ok = [e for e in entries if self._acceptable(e, ctx, i, j)]
                if ok:
                    found = (j, ok)
                    break
            mentions, stop = self._resolve(found, ctx, i) if found else ([], i)
            out.extend(mentions)
            i = max(stop, i + 1)  # past a mention, or past a name that is none ("Digital Government")
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
        if any(e.action == "none" for e in entries):
            return [], j
        lists = [e for e in entries if e.action == "list"]
        for e in lists:
            items, stop = self._list_items(e.target, ctx, j)
            if items:
                return items, stop
        bodies = [e for e in entries if e.action == "body"]
        local = [e for e in entries if e.action == "template"] if bodies else []
        if local and (self._province_after(ctx, j) or ctx.province and self._unit_trie.walk(ctx.keys, j, len(ctx.keys))) \
                and (got := self._template(local[0].target, ctx, i, j)):
            # "Mặt trận Tổ quốc Việt Nam tỉnh Đồng Nai", or "... tỉnh" in that province's text: the province's, not the
            # central body of that name
            return got
        if bodies:
            names = bodies[0].target
            found = [self._mention(ctx, i, j, self._by_name[n], title=len(names) == 1) for n in names]
            if len(names) == 1 and self._by_name[names[0]].kind == "ministry" and ctx.strict:
                more, stop = self._elided_ministries(ctx, j)
                if more:
                    return found + more, stop
            return found, j
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
        # "Ủy ban Mặt trận Tổ quốc Việt Nam các cấp (thành phố Hà Nội)": the body at every level of the province
        every_level = not t["bare"] and ctx.keys[k:k + 2] == ["các", "cấp"]
        if every_level:
            k += 2
        unit_hit = self._unit_trie.walk(ctx.keys, k, len(ctx.keys))
        if unit_hit:
            k, unit = unit_hit[-1][0], unit_hit[-1][1][0]
        prov = self._province_at(ctx, k, "vi")
        if prov is not None:
            p_end, p_name = prov
            return self._more_provinces(key, ctx, p_end, [self._mention(ctx, i, p_end, self._derive(key, p_name))])
        if (unit is not None or every_level) and ctx.province:
            return [self._mention(ctx, i, k, self._derive(key, ctx.province))], k
        if unit is None and (shared := self._shared_locality(ctx, j)):
            return [self._mention(ctx, i, j, self._derive(key, shared))], j
        if unit is not None:
            stop = j if t["bare"] else k
            return [self._mention(ctx, i, stop, self._generic(key, unit))], stop
        if t["bare"]:
            return [self._mention(ctx, i, j, self._generic(key, None))], j
        if t.get("local") and ctx.province:  # "Giao Thường trực Hội đồng nhân dân, ...": the issuing council's own
            return [self._mention(ctx, i, j, self._derive(key, ctx.province))], j
        return None

    def _more_provinces(self, key: str, ctx: _Scan, k: int, out: list[AgencyMention]) -> tuple[list[AgencyMention], int]:
        """'Ủy ban nhân dân thành phố Hà Nội, Thành phố Hồ Chí Minh': the provinces listed after a local body's own
        share its head, each its own body."""
        keys, n = ctx.keys, len(ctx.keys)
        while k < n and keys[k] in _SEPARATORS:
            item = _past_separators(keys, k)
            hit = self._province_after(ctx, item)
            if hit is None:
                break
            k = hit[0]
            out.append(self._mention(ctx, item, k, self._derive(key, hit[1]), title=False))
        return out, k

    def _province_after(self, ctx: _Scan, k: int, *, unit: bool = False, lang: str = "vi") -> tuple[int, str] | None:
        """The province named at token k after its unit word ("tỉnh Đồng Nai"; with ``unit=False`` the word may be
        left out: "Đồng Nai"), as (its end, its name)."""
        unit_hit = self._unit_trie.walk(ctx.keys, k, len(ctx.keys))
        if unit and not unit_hit:
            return None
        return self._province_at(ctx, unit_hit[-1][0] if unit_hit else k, lang)

    def _shared_locality(self, ctx: _Scan, j: int) -> str | None:
        """'Hội đồng nhân dân, Ủy ban nhân dân tỉnh Lai Châu': the local bodies listed before a locality share it."""
        keys, n = ctx.keys, len(ctx.keys)
        k = j
        for _ in range(SHARED_LOCALITY_ITEMS):
            if k >= n or keys[k] not in _SEPARATORS:
                return None
            k = _past_separators(keys, k)
            heads = [end for end, entries in self._trie.walk(keys, k, n)
                     if any(e.action == "template" for e in entries)]
            if not heads:
                return None
            k = heads[-1]
            if province := self._province_after(ctx, k, unit=True):
                return province[1]
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
                k = _past_separators(keys, k)
            item_start = k
            if kind.startswith("province"):
                hit = self._province_after(ctx, k, lang="en" if kind.endswith("_en") else "vi")
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

    def _elided_ministries(self, ctx: _Scan, j: int) -> tuple[list[AgencyMention], int]:
        """The ministries a list goes on to name without their head after one named in full: "Bộ Tài chính, Nông
        nghiệp và Môi trường, Bộ Quốc phòng", "Bộ Quốc phòng, Công an: Chỉ đạo ..."."""
        keys, n = ctx.keys, len(ctx.keys)
        out: list[AgencyMention] = []
        k = j
        while k < n and keys[k] == ",":
            item = _past_separators(keys, k)
            hits = self._item_trie["central"].walk(keys, item, n)
            raw = ctx.raw(item) if item < n else ""
            if not hits or not raw[:1].isupper() or raw.isupper() or keys[item] == "bộ":
                break  # no short name, a code ("XD"), or the next body named in full (the scan reads it)
            end, name = hits[-1][0], hits[-1][1][0]
            agency = self._by_name[name]
            if agency.kind != "ministry" or name in VERB_LIKE_MINISTRIES and end < n and ctx.raw(end)[:1].islower():
                break  # "Bộ Tài chính, Xây dựng kế hoạch ...": the work, not the construction ministry
            out.append(self._mention(ctx, item, end, agency, title=False))
            k = end
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
    """One scan over text[offset:offset+len(seg)]: token k is keys[k] (folded), at start(k) in seg."""

    text: str
    seg: str
    offset: int
    parts: list[str]  # separators and tokens in turn (re.split): token k is parts[2k+1]
    keys: list[str]
    lang: str
    province: str | None
    strict: bool
    _at: int = 0  # a token whose start is known: offsets are summed from it, only for the tokens asked about
    _at_start: int = 0

    @classmethod
    def of(cls, text: str, seg: str, offset: int, lang: str, province: str | None, strict: bool) -> _Scan:
        # one split, no match object or offset per token: most tokens are only looked up in the trie's root
        parts = _TOKEN_SPLIT.split(_fold(seg))
        return cls(text, seg, offset, parts, parts[1::2], lang, province, strict, 0, len(parts[0]))

    def start(self, k: int) -> int:
        """Where token k starts in seg: the lengths between it and the last token asked about, summed in C."""
        at, pos = self._at, self._at_start
        if k >= at:
            pos += sum(map(len, self.parts[2 * at + 1:2 * k + 1]))
        else:
            pos -= sum(map(len, self.parts[2 * k + 1:2 * at + 1]))
        self._at, self._at_start = k, pos
        return pos

    def raw(self, k: int) -> str:
        s = self.start(k)
        return self.seg[s:s + len(self.keys[k])]

    def abs(self, k: int) -> tuple[int, int]:
        s = self.start(k) + self.offset
        return s, s + len(self.keys[k])


# ministries whose short name is also a verb phrase's opening ("xây dựng" builds): an elided item of theirs must end its
# name at a mark or a capital, not run on into lower-case words
VERB_LIKE_MINISTRIES = frozenset({"Bộ Xây dựng"})


def _past_separators(keys: list[str], k: int) -> int:
    """The first token from k on that is no list separator (",", "và", "and", "&")."""
    while k < len(keys) and keys[k] in _SEPARATORS:
        k += 1
    return k


_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")  # _TOKEN with its matches kept by re.split
SHARED_LOCALITY_ITEMS = 3  # "Tỉnh ủy, Hội đồng nhân dân, Ủy ban nhân dân tỉnh An Giang": items that may share it
