"""Document keys, reference resolution and cascade links between obligations.

A document is identified in the graph by its *key*: canonical symbol, year and issuer
(``"223/CĐ-TTg|2025|Thủ tướng Chính phủ"``).  The number alone never identifies a document:
administrative numbers restart every year, Party numbers every term (``18-NQ/TW`` is two
resolutions) and ``UBND`` does not say which province (two different ``310/KH-UBND``).
A Vietnamese original and its English translation get the same key, so they are one node.

Resolution of a reference filters the stored documents with the same canonical symbol by year
(given, or inferred from the citing document's date within the numbering period) and by issuer
(named after the mention, or for local issuer codes the citing body's locality), and accepts the
answer only when exactly one candidate is left.

Cascade links join an obligation of an implementing document to the obligation it carries out in a
cited document, scored from three kinds of evidence: the reference made inside that point, the
cited obligation assigned to the implementing body, and the overlap of their wording.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, Protocol

from pipeline import knowledge
from pipeline.extract.agency_model import without_diacritics
from pipeline.extract.references import parse_symbol

# Issuer codes that name a kind of body, not one body: the province (or commune) comes from context.
# Codes of provincial departments (Sở ...) are added from data/issuer_codes.json.
LOCAL_ISSUER_CODES = frozenset({"UBND", "HĐND", "TU", "HU", "QU", "ĐU", "BCSĐ", "ĐĐ", "UBKTTU", "BTGTU",
                                "BTVTU", "VPTU", "BTCTU", "UBMTTQ"})

_LOCALITY = re.compile(
    r"(?:\btỉnh|\bthành\s+phố|\btp\.?|\btỉnh\s+ủy|\bthành\s+ủy)\s+(?P<place>[^,;()]+?)\s*$", re.IGNORECASE
)
_WORD = re.compile(r"\w+", re.UNICODE)
_PUNCT = re.compile(r"[,;:.()\[\]!?…“”\"'/-]+")


class Registry(Protocol):
    """What link needs from pipeline.extract.agencies.AgencyRegistry."""

    def lookup(self, alias: str) -> Any: ...


# ---------------------------------------------------------------- keys


@dataclass(frozen=True)
class DocKey:
    symbol: str
    year: int | None
    issuer: str | None

    def __str__(self) -> str:
        return f"{self.symbol}|{'' if self.year is None else self.year}|{self.issuer or ''}"


def unnumbered_key(doc_id: str) -> str:
    """A document without a number-symbol can only be itself."""
    return f"#{doc_id}"


def year_of(iso: str | None) -> int | None:
    if iso and re.match(r"^\d{4}-", iso):
        return int(iso[:4])
    return None


def symbol_year(symbol: str | None) -> int | None:
    """The year written inside a normative symbol (``39/2022/NĐ-CP`` -> 2022)."""
    return parse_symbol(symbol or "").year


def is_party_symbol(symbol: str | None) -> bool:
    return parse_symbol(symbol or "").is_party


@cache
def _codes() -> tuple[dict[str, str], frozenset[str]]:
    """(issuer code -> body for codes that name one body, local issuer codes), from data/issuer_codes.json."""
    issuers = knowledge.load("issuer_codes")
    bodies: dict[str, str] = {}
    local = set(LOCAL_ISSUER_CODES)
    for group in ("state_issuers", "party_issuers"):
        for code, body in issuers.get(group, {}).items():
            if code.startswith("_") or not body:
                continue
            if body.startswith("Sở ") or code in LOCAL_ISSUER_CODES:
                local.add(code)
            elif "(" not in body and "/" not in body:  # glosses like "Tỉnh ủy / Thành ủy" name no one body
                bodies[code] = body
    return bodies, frozenset(local)


def is_local_code(code: str | None) -> bool:
    return bool(code) and code in _codes()[1]


def body_of_code(code: str | None) -> str | None:
    """The one body a national issuer code names (``TTg`` -> ``Thủ tướng Chính phủ``), else None."""
    return _codes()[0].get(code or "")


def issuer_code(symbol: str | None) -> str | None:
    """``217/CĐ-TTg`` -> ``TTg``; ``9837/UBND-KSTT`` -> ``UBND``; ``18-NQ/TW`` -> ``TW``."""
    code = parse_symbol(symbol or "").issuer_code
    # a joint document (01/KHPH-BCA-NHNNVN) is filed under its lead issuer
    return code.split("-")[0] if code else None


def canonical_agency(name: str | None, registry: Registry | None) -> str | None:
    if not name:
        return None
    name = " ".join(name.split())
    if registry is not None:
        agency = registry.lookup(name)
        if agency is not None:
            return agency.name
    return name


def document_key(record: dict, registry: Registry | None = None) -> DocKey | None:
    """The key of a stored record, or None when it has no symbol."""
    meta = record.get("metadata") or {}
    symbol = meta.get("symbol")
    if not symbol:
        return None
    year = year_of(meta.get("issued_on")) or symbol_year(symbol)
    issuer = canonical_agency(meta.get("issuer"), registry)
    return DocKey(symbol, year, issuer)


def locality(name: str | None, registry: Registry | None = None) -> str | None:
    """The province or city a local body belongs to: 'Ủy ban nhân dân tỉnh Đắk Lắk' -> 'dak lak'."""
    if not name or " các " in f" {name} ":
        return None
    if registry is not None:
        agency = registry.lookup(name)
        if agency is not None and getattr(agency, "province", None):
            return fold(agency.province)
    m = _LOCALITY.search(" ".join(name.split()))
    return fold(m.group("place")) if m else None


# ---------------------------------------------------------------- resolution


@dataclass
class RefQuery:
    """One reference, with what the citing document tells about it."""

    symbol: str
    year: int | None = None
    issuer_code: str | None = None
    issued_on: str | None = None
    issuer: str | None = None  # canonical name of the issuer named next to the mention
    citing_issuer: str | None = None
    citing_date: str | None = None

    @property
    def given_year(self) -> int | None:
        return self.year or year_of(self.issued_on) or symbol_year(self.symbol)

    @property
    def code(self) -> str | None:
        return self.issuer_code or issuer_code(self.symbol)


@dataclass
class Candidate:
    key: str
    year: int | None
    issuer: str | None
    issued_on: str | None


@dataclass
class Resolution:
    key: str | None
    method: str
    score: float
    candidates: int = 0


def _year_ok(q: RefQuery, c: Candidate) -> tuple[bool, str]:
    y = q.given_year
    if y is not None:
        return c.year == y, "year"
    if is_party_symbol(q.symbol):
        # Party numbers restart every term and an undated citation may be to any term: not resolved
        return False, "party_needs_year"
    cited = c.issued_on or (f"{c.year}-12-31" if c.year else None)
    citing_year = year_of(q.citing_date)
    if cited is None or citing_year is None or q.citing_date is None:
        return False, "year_unknown"
    if cited[:10] > q.citing_date[:10] and c.issued_on:
        return False, "later_than_citing"
    cited_year = int(cited[:4])
    # administrative numbers restart every year: an undated citation is to this year's or last year's series
    return citing_year - 1 <= cited_year <= citing_year, "year_inferred"


def _issuer_ok(q: RefQuery, c: Candidate, registry: Registry | None) -> tuple[bool, str]:
    if q.issuer:
        if c.issuer == q.issuer:
            return True, "issuer_named"
        loc_q, loc_c = locality(q.issuer, registry), locality(c.issuer, registry)
        return bool(loc_q and loc_q == loc_c and is_local_code(q.code)), "issuer_named_locality"
    if is_local_code(q.code):
        if c.issuer and c.issuer == q.citing_issuer:
            return True, "same_issuer"
        loc_q, loc_c = locality(q.citing_issuer, registry), locality(c.issuer, registry)
        return bool(loc_q and loc_q == loc_c), "same_locality"
    # a national issuer code (TTg, CP, VPCP, BYT, TW ...) in the symbol names one body
    return True, "issuer_code"


def resolve(q: RefQuery, candidates: Iterable[Candidate], registry: Registry | None = None) -> Resolution:
    """Pick the one stored document a reference designates, or none.

    ``candidates`` are the stored documents whose canonical symbol equals ``q.symbol``.
    """
    cands = list(candidates)
    kept: list[tuple[Candidate, list[str]]] = []
    for c in cands:
        y_ok, y_how = _year_ok(q, c)
        i_ok, i_how = _issuer_ok(q, c, registry)
        if y_ok and i_ok:
            kept.append((c, [y_how, i_how]))
    if len(kept) > 1 and q.issued_on:
        exact = [(c, how + ["date"]) for c, how in kept if c.issued_on == q.issued_on]
        kept = exact or kept
    if len(kept) != 1:
        return Resolution(None, "ambiguous" if kept else "not_found", 0.0, len(cands))
    c, how = kept[0]
    score = 1.0
    if "year_inferred" in how:
        score -= 0.2
    if "same_locality" in how or "issuer_named_locality" in how:
        score -= 0.1
    if q.issued_on and c.issued_on and q.issued_on != c.issued_on:
        score -= 0.1  # the date printed next to a list of symbols may belong to the last one only
    return Resolution(c.key, "+".join(how), round(score, 3), len(cands))


def placeholder_key(q: RefQuery, registry: Registry | None = None) -> DocKey:
    """Key for a cited document not stored yet; equal to its real key when the citation is complete."""
    issuer = q.issuer
    if issuer is None and q.code:
        if is_local_code(q.code):
            # a local plan citing "310/KH-UBND" without naming the body means its own body's series
            if q.citing_issuer and issuer_code_matches(q.code, q.citing_issuer):
                issuer = q.citing_issuer
        else:
            issuer = canonical_agency(body_of_code(q.code), registry)
    return DocKey(q.symbol, q.given_year, issuer)


def issuer_code_matches(code: str, name: str) -> bool:
    """Does a local issuer code fit a body name ('UBND' ~ 'Ủy ban nhân dân tỉnh Đắk Lắk')?"""
    n = fold(name)
    return {
        "UBND": n.startswith("uy ban nhan dan"),
        "HĐND": n.startswith("hoi dong nhan dan"),
        "TU": n.startswith(("tinh uy", "thanh uy")),
    }.get(code, False)


_OF = re.compile(
    r"^\s*(?:,\s*)?(?:(?:ngày|dated|of)\s+[\w\s/.,-]{4,25}?\s*)?,?\s*(?:của|do|of|by|issued\s+by)\s+(?:the\s+)?"
    r"(?P<who>[^,;:()\n]{3,90}?)(?=\s+(?:về|on|quy\s+định|ban\s+hành|hướng\s+dẫn|phê\s+duyệt|approving|ngày)\b|[,;:().]|$)",
    re.IGNORECASE,
)
_SELF = re.compile(
    r"^(?:ủy\s+ban\s+nhân\s+dân|ubnd|hội\s+đồng\s+nhân\s+dân|hđnd)\s+(?:tỉnh|thành\s+phố|tp\.?)$|^(?:tỉnh|thành)\s+ủy$",
    re.IGNORECASE,
)


def named_issuer(
    text: str, end: int, citing_issuer: str | None, registry: Registry | None
) -> str | None:
    """The issuer named right after a mention ('... ngày 21/8/2024 của Ủy ban nhân dân tỉnh về ...')."""
    m = _OF.match(" ".join(text[end : end + 160].split()))
    if not m:
        return None
    who = m.group("who").strip()
    if _SELF.match(who):
        # "của UBND tỉnh" in a provincial document is the citing province's own committee
        return citing_issuer if citing_issuer and locality(citing_issuer, registry) else None
    words = who.split()
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[:n])
        if registry is not None:
            agency = registry.lookup(phrase)
            if agency is not None:
                return agency.name
    return None


# ---------------------------------------------------------------- cascades

# Words that appear in nearly every task and say nothing about its subject.
_STOP_BIGRAMS = frozenset(
    {
        "chỉ đạo", "tổ chức", "thực hiện", "triển khai", "khẩn trương", "chủ động", "kịp thời", "theo dõi",
        "chức năng", "nhiệm vụ", "thẩm quyền", "báo cáo", "phối hợp", "các cơ", "cơ quan", "đơn vị",
        "trên địa", "địa bàn", "các địa", "địa phương", "liên quan", "có liên", "tiếp tục", "đồng thời",
        "bảo đảm", "đảm bảo", "theo chức", "năng nhiệm", "vụ thẩm", "hiệu quả", "ủy ban", "ban nhân",
        "nhân dân", "thủ tướng", "tướng chính", "chính phủ", "và các", "của các", "cho các", "đối với",
        "đến các", "người dân", "các xã", "xã phường", "cần thiết", "khi cần", "các cấp", "trong đó",
        "bộ trưởng", "công tác", "chủ tịch", "chủ trì", "trì phối", "hợp với",
    }
)


@lru_cache(maxsize=65536)
def _bigrams(text: str) -> frozenset[str]:
    """Cached: every obligation of a child is compared with every obligation of its parents."""
    grams: set[str] = set()
    for phrase in _PUNCT.split(text):  # a compound never spans a comma
        words = [w.casefold() for w in _WORD.findall(phrase) if not w.isdigit()]
        grams.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return frozenset(grams - _STOP_BIGRAMS)


def similarity(a: str, b: str, ignore: Iterable[str] = ()) -> tuple[float, list[str]]:
    """Overlap coefficient of content bigrams (syllable pairs carry Vietnamese compounds).

    Bigrams of the ``ignore`` phrases (the agencies named in the tasks) say who, not what, and are dropped.
    """
    noise = set().union(*(_bigrams(t) for t in ignore)) if ignore else set()
    ga, gb = _bigrams(a) - noise, _bigrams(b) - noise
    if not ga or not gb:
        return 0.0, []
    shared = ga & gb
    return len(shared) / min(len(ga), len(gb)), sorted(shared)


def covers(assignee: str, body: str | None, registry: Registry | None = None) -> float:
    """How surely an obligation given to ``assignee`` falls on ``body`` (1 exact or by class, .5 same place)."""
    if not body:
        return 0.0
    key = (assignee, body, id(registry))
    if key not in _COVERS:
        if len(_COVERS) > 200_000:
            _COVERS.clear()
        _COVERS[key] = _covers(assignee, body, registry)
    return _COVERS[key]


# (assignee, body, registry) -> score; the same pairs recur for every obligation of a cited document
_COVERS: dict[tuple[str, str, int], float] = {}


def _covers(assignee: str, body: str, registry: Registry | None) -> float:
    if assignee == body:
        return 1.0
    a, b = fold(assignee), fold(body)
    if a.startswith("uy ban nhan dan cac tinh") and b.startswith(("uy ban nhan dan tinh", "uy ban nhan dan thanh pho")):
        return 1.0
    if a.startswith(("tinh uy, thanh uy cac", "tinh uy cac")) and b.startswith(("tinh uy", "thanh uy")):
        return 1.0
    if a == "cac bo" and b.startswith("bo "):
        return 1.0
    if a.startswith("cac so") and b.startswith("so "):
        return 1.0
    loc_a, loc_b = locality(assignee, registry), locality(body, registry)
    return 0.5 if loc_a and loc_a == loc_b else 0.0


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Lower case without diacritics, for comparing names written with or without capitals."""
    return " ".join(without_diacritics(text).casefold().split())


@dataclass
class CascadeLink:
    child: str  # obligation id in the implementing document
    parent: str  # obligation id in the cited document
    score: float
    evidence: dict[str, Any] = field(default_factory=dict)


# weights of the evidence; a link needs shared subject words and at least one of the other two
W_IN_POINT, W_ASSIGNEE, W_SUBJECT = 0.3, 0.3, 0.4
SUBJECT_FULL = 0.25  # overlap coefficient at which the subject evidence counts fully
SUBJECT_TERMS = 4  # or number of shared content bigrams at which it does
MIN_SCORE = 0.45


def cascade_links(
    child_doc: dict,
    parents: dict[str, dict],
    ref_targets: dict[str, str],
    child_issuer: str | None,
    registry: Registry | None = None,
) -> list[CascadeLink]:
    """Links from the obligations of ``child_doc`` to those of the documents it cites.

    ``parents`` maps a document key to the record chosen for it; ``ref_targets`` maps the child's
    reference ids to the key they resolved to.
    """
    links: list[CascadeLink] = []
    cited = {}
    for ref in child_doc.get("references", []):
        key = ref_targets.get(ref["id"])
        if key in parents:
            cited.setdefault(key, []).append(ref)
    if not cited:
        return links
    for obl in child_doc.get("obligations", []):
        best: CascadeLink | None = None
        own_refs = set(obl.get("references") or [])
        for key, refs in sorted(cited.items()):
            in_point = [r["id"] for r in refs if r["id"] in own_refs]
            for p in parents[key].get("obligations", []):
                link = _score_pair(obl, p, key, refs, in_point, child_issuer, registry)
                if link and (best is None or link.score > best.score):
                    best = link
        if best is not None:
            links.append(best)
    return links


def _score_pair(obl: dict, p: dict, key: str, refs: list[dict], in_point: list[str], child_issuer: str | None,
                registry: Registry | None):
    assignee_hits = [(a["name"], covers(a["name"], child_issuer, registry)) for a in p.get("assignees", [])]
    assignee_name, assignee = max(assignee_hits, key=lambda h: h[1], default=(None, 0.0))
    if not in_point and assignee == 0.0:
        return None  # checked first: it is cheap, and most pairs fail it
    names = [a.get(k) or "" for o in (obl, p) for a in o.get("assignees", []) for k in ("name", "mention")]
    names += [n for o in (obl, p) for n in o.get("reports_to", [])]
    sim, shared = similarity(obl.get("text") or obl.get("action", ""), p.get("text") or p.get("action", ""), names)
    if sim == 0.0:
        return None
    subject = min(1.0, max(sim / SUBJECT_FULL, len(shared) / SUBJECT_TERMS))
    score = W_IN_POINT * bool(in_point) + W_ASSIGNEE * assignee + W_SUBJECT * subject
    if score < MIN_SCORE:
        return None
    evidence = {
        "cited": key,
        "references": in_point or [r["id"] for r in refs],
        "reference_in_point": bool(in_point),
        "parent_assignee": assignee_name if assignee else None,
        "assignee_match": assignee,
        "implementing_body": child_issuer,
        "subject_overlap": round(sim, 3),
        "shared_terms": shared[:12],
    }
    return CascadeLink(obl["id"], p["id"], round(score, 3), evidence)
