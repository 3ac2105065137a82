"""`obligraph eval`: strict scores against a hand-annotated gold set (format: corpora/gold/README.md).

The definitions are those of the team's strict scorer (../shared/eval/score.py), and the figures
must equal it on the same records (a test runs both):
- an obligation is found only when the gold anchor (case-, whitespace- and |*#_-folded, both tone
  placements folded) is a substring of an unused extracted obligation's text, tried in order;
- assignee recall counts the assignees of missed obligations as missed; "named" leaves class names
  ("các bộ", "... các tỉnh ...") out; a local body with or without its province counts;
- deadline accuracy is over gold deadlines that are dates (+-1 day), deadline precision over the
  dates the system asserts (a date where gold has none is wrong);
- own symbol compares Đ-folded, leading-zero-stripped forms; a missing symbol is right only when
  gold has none. References are set F1 on the same folded symbols, the own symbol left out.

Secondary columns the strict scorer does not have (issuer, language, path, role) are printed after.
A gold directory holding a file named CHECK is a check half: its per-document errors are not listed,
so rules are never written from it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.model.cli import add_components_argument
from pipeline.records import InvalidRecord

CHECK_MARKER = "CHECK"
# Gold files name their document relative to ../shared ("corpus/crawl/x.md"), or, for texts the team
# keeps itself (corpora/crawl: public crawls that ../shared does not hold), relative to the repository.
REPOSITORY = Path(__file__).resolve().parents[1]
_OWN_CORPORA = "corpora/"
_FOLD = re.compile(r"[\s|*#_]+")
_ENUMERATOR = re.compile(r"^(\d+\.|[a-zđ]\)|-|\(\d+\))\s+")
_LOCATION = re.compile(r"\s+(tỉnh|thành phố|tp\.?)\s+.+$")
_LEADING_ARTICLE = re.compile(r"^(các|đồng chí|the|all)\s+")
_LOCAL_HEADS = ("sở ", "ban ", "công an ", "bộ chỉ huy ")
# The scorer folds the two tone placements by plain replacement anywhere in a word (not only at its
# end, as normalise does for the text), so the same table is applied the same way here.
_TONE_PAIRS = (("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"), ("oè", "òe"), ("oé", "óe"),
               ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"), ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"),
               ("uỵ", "ụy"))


def fold_text(text: str | None) -> str:
    """Case, white space, markdown marks and the old tone placement folded away."""
    folded = unicodedata.normalize("NFC", text or "").casefold()
    for new_style, old_style in _TONE_PAIRS:
        folded = folded.replace(new_style, old_style)
    return _FOLD.sub(" ", folded).strip()


def fold_symbol(symbol: str | None) -> str | None:
    """Đ-stripped, space-free, leading zeros dropped: '0129/KH-UBND' and '129/KH-UBND' agree."""
    if not symbol:
        return None
    folded = unicodedata.normalize("NFC", symbol).strip().casefold().replace(" ", "").replace("đ", "d")
    match = re.match(r"0*(\d+)(.*)", folded)
    return match.group(1) + match.group(2) if match else folded


def is_class_name(name: str) -> bool:
    return name.startswith("các ") or " các " in f" {name} "


def parse_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def prf(tp: int, n_system: int, n_gold: int) -> tuple[float, float, float]:
    precision = tp / n_system if n_system else (1.0 if not n_gold else 0.0)
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass
class NameFolder:
    """Assignee names folded for comparison, with optional spelling variants (canonical -> variants)."""

    aliases: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_file(cls, path: Path) -> NameFolder:
        aliases: dict[str, str] = {}
        if path.exists():
            for canonical, variants in json.loads(path.read_text("utf-8")).items():
                for variant in [*variants, canonical]:
                    aliases[fold_text(variant)] = fold_text(canonical)
        return cls(aliases)

    def __call__(self, name: str) -> str:
        folded = _LEADING_ARTICLE.sub("", fold_text(name))
        return self.aliases.get(folded, folded)


def without_province(name: str) -> str:
    """A local body's name without the province after it ("sở tư pháp tỉnh hà tĩnh" -> "sở tư pháp")."""
    return _LOCATION.sub("", name)


def matched_names(system: set[str], gold: set[str]) -> int:
    """Exact matches first; then a local body named with or without its province counts."""
    exact = system & gold
    rest_system = {without_province(n) for n in system - exact if n.startswith(_LOCAL_HEADS)}
    rest_gold = {without_province(n) for n in gold - exact}
    return len(exact) + len(rest_system & rest_gold)


def _system_day(obligation: dict) -> date | None:
    deadline = obligation.get("deadline") or {}
    return parse_day(deadline.get("date") or deadline.get("end"))


def _assignee_names(obligation: dict) -> list[str]:
    return [a.get("name") or a.get("mention", "") for a in obligation.get("assignees", [])]


def match_obligations(gold: list[dict], system: list[dict]) -> list[int | None]:
    """For each gold obligation, the index of the first unused system obligation containing its anchor."""
    texts = [fold_text(o.get("text", "")) for o in system]
    used: set[int] = set()
    picks: list[int | None] = []
    for gold_obligation in gold:
        anchor = fold_text(gold_obligation.get("anchor"))
        bare = _ENUMERATOR.sub("", anchor)  # the system's text may leave the enumerator out
        pick = None
        for i, text in enumerate(texts):
            if i not in used and anchor and (anchor in text or (bare != anchor and bare in text)):
                pick = i
                break
        if pick is not None:
            used.add(pick)
        picks.append(pick)
    return picks


COUNTERS = ("ref_tp", "ref_sys", "ref_gold", "ob_gold", "ob_found", "ob_sys", "as_tp", "as_sys", "as_gold",
            "nm_tp", "nm_sys", "nm_gold", "dl_gold", "dl_ok", "dl_sys", "dl_sys_ok", "docs", "sym_ok",
            "date_ok", "missing", "restored", "restored_n", "issuer_ok", "issuer_n", "lang_ok", "path_ok", "path_n", "role_ok", "role_n")


# the errors whose spread over documents --spread reports: (key, what it counts)
SPREAD_KINDS = (("missed", "gold obligations missed"), ("false", "extracted obligations matching none"),
                ("assignees_missed", "gold assignees missed"), ("deadlines_wrong", "gold dates missed or wrong"))
SPREAD_TOPS = (5, 10)


@dataclass
class StrictReport:
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTERS, 0))
    per_document: list[dict[str, Any]] = field(default_factory=list)
    # each document's error counts (SPREAD_KINDS), without its name: safe to show for a check half
    errors: list[dict[str, int]] = field(default_factory=list)
    misses: list[dict[str, Any]] = field(default_factory=list)
    extras: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        c = self.counts
        rp, rr, rf = prf(c["ref_tp"], c["ref_sys"], c["ref_gold"])
        ap, ar, af = prf(c["as_tp"], c["as_sys"], c["as_gold"])
        np_, nr, nf = prf(c["nm_tp"], c["nm_sys"], c["nm_gold"])
        docs = max(c["docs"], 1)
        return {
            "docs": c["docs"], "missing_records": c["missing"],
            "symbol_acc": c["sym_ok"] / docs, "issued_acc": c["date_ok"] / docs,
            "refs_p": rp, "refs_r": rr, "refs_f1": rf,
            "d_restored": c["restored"] / c["restored_n"] if c["restored_n"] else None,
            "oblig_recall": c["ob_found"] / max(c["ob_gold"], 1),
            "oblig_precision": c["ob_found"] / c["ob_sys"] if c["ob_sys"] else 0.0,
            "assignee_p": ap, "assignee_r": ar, "assignee_f1": af,
            "named_assignee_p": np_, "named_assignee_r": nr, "named_assignee_f1": nf,
            "deadline_acc": c["dl_ok"] / max(c["dl_gold"], 1),
            "deadline_precision": c["dl_sys_ok"] / c["dl_sys"] if c["dl_sys"] else 0.0,
            # secondary columns, not in the strict scorer
            "issuer_acc": c["issuer_ok"] / c["issuer_n"] if c["issuer_n"] else 1.0,
            "language_acc": c["lang_ok"] / docs,
            "path_acc": c["path_ok"] / c["path_n"] if c["path_n"] else 1.0,
            "role_acc": c["role_ok"] / c["role_n"] if c["role_n"] else 1.0,
        }

    def spread(self) -> dict[str, dict[str, Any]]:
        """How each kind of error spreads over the documents, in counts only: the total, how many documents hold
        any, and the share the documents with most hold. Errors gathered in a few documents are layouts those
        documents alone have; errors spread thinly are conventions the rules miss everywhere."""
        out: dict[str, dict[str, Any]] = {}
        for kind, _ in SPREAD_KINDS:
            per_document = sorted((e[kind] for e in self.errors), reverse=True)
            total = sum(per_document)
            out[kind] = {"total": total, "documents": sum(1 for n in per_document if n), "of": len(per_document),
                         **{f"top{k}_share": sum(per_document[:k]) / total if total else 0.0 for k in SPREAD_TOPS}}
        return out


def score_document(gold: dict, record: dict | None, report: StrictReport, fold_name: NameFolder) -> None:
    c = report.counts
    stem = Path(gold["file"]).stem
    c["docs"] += 1
    if record is None:
        c["missing"] += 1
        record = {}
    meta = record.get("metadata") or {}
    if gold.get("symbol"):
        c["sym_ok"] += fold_symbol(meta.get("symbol")) == fold_symbol(gold["symbol"])
    else:
        c["sym_ok"] += not meta.get("symbol")
    c["date_ok"] += (meta.get("issued_on") or None) == (gold.get("issued_on") or None)
    if gold.get("issuer"):
        c["issuer_n"] += 1
        c["issuer_ok"] += fold_name(meta.get("issuer") or "") == fold_name(gold["issuer"])
    c["lang_ok"] += record.get("language") == gold.get("language")

    own = fold_symbol(gold.get("symbol"))
    gold_refs = {fold_symbol(s) for s in gold.get("references", [])}
    system_refs = {fold_symbol(r["symbol"]) for r in record.get("references", []) if r.get("symbol")} - {own}
    ref_tp = len(system_refs & gold_refs)
    for raw in {r["symbol"] for r in record.get("references", []) if r.get("symbol")}:
        if "d" in raw.casefold() or "đ" in raw.casefold():  # Đ must be restored in canonical symbols
            gold_forms = [s for s in gold.get("references", []) if fold_symbol(s) == fold_symbol(raw)]
            if gold_forms:
                c["restored_n"] += 1
                c["restored"] += unicodedata.normalize("NFC", raw).replace(" ", "") == \
                    unicodedata.normalize("NFC", gold_forms[0])
    c["ref_tp"] += ref_tp
    c["ref_sys"] += len(system_refs)
    c["ref_gold"] += len(gold_refs)

    system = record.get("obligations", [])
    gold_obligations = gold.get("obligations", [])
    picks = match_obligations(gold_obligations, system)
    c["ob_sys"] += len(system)
    before = dict(c)
    for gold_obligation, pick in zip(gold_obligations, picks, strict=True):
        raw_gold = gold_obligation.get("assignees", [])
        gold_as = {fold_name(a) for a in raw_gold}
        gold_named = {fold_name(a) for a in raw_gold if not is_class_name(fold_text(a))}
        c["ob_gold"] += 1
        c["as_gold"] += len(gold_as)
        c["nm_gold"] += len(gold_named)
        gold_day = parse_day(gold_obligation.get("deadline"))
        c["dl_gold"] += gold_day is not None
        if pick is None:
            report.misses.append({"doc": stem, "path": gold_obligation.get("path"),
                                  "anchor": gold_obligation.get("anchor")})
            continue
        c["ob_found"] += 1
        found = system[pick]
        raw_system = _assignee_names(found)
        system_as = {fold_name(a) for a in raw_system}
        system_named = {fold_name(a) for a in raw_system if not is_class_name(fold_text(a))}
        c["as_tp"] += matched_names(system_as, gold_as)
        c["as_sys"] += len(system_as)
        c["nm_tp"] += matched_names(system_named, gold_named)
        c["nm_sys"] += len(system_named)
        system_day = _system_day(found)
        if gold_day:
            c["dl_ok"] += bool(system_day and abs((system_day - gold_day).days) <= 1)
        if system_day:
            c["dl_sys"] += 1
            c["dl_sys_ok"] += bool(gold_day and abs((system_day - gold_day).days) <= 1)
        if gold_obligation.get("path") is not None:
            c["path_n"] += 1
            c["path_ok"] += found.get("path") == gold_obligation["path"]
        roles = {fold_name(a.get("name") or ""): a.get("role") for a in found.get("assignees", [])}
        for name, role in (gold_obligation.get("roles") or {}).items():
            if fold_name(name) in roles:
                c["role_n"] += 1
                c["role_ok"] += roles[fold_name(name)] == role
    used = {p for p in picks if p is not None}
    report.errors.append({"missed": len(gold_obligations) - len(used), "false": len(system) - len(used),
                          "assignees_missed": (c["as_gold"] - before["as_gold"]) - (c["as_tp"] - before["as_tp"]),
                          "deadlines_wrong": (c["dl_gold"] - before["dl_gold"]) - (c["dl_ok"] - before["dl_ok"])})
    report.extras.extend({"doc": stem, "path": o.get("path"), "text": " ".join(o.get("text", "").split())[:100]}
                         for i, o in enumerate(system) if i not in used)
    report.per_document.append({"doc": stem, "refs": f"{ref_tp}/{len(system_refs)}/{len(gold_refs)}",
                                "obligations": f"{sum(p is not None for p in picks)}/{len(gold_obligations)}"
                                               f" (system {len(system)})"})


def gold_document(file: str, shared: str | Path) -> Path:
    """The document a gold file annotates: under the repository's corpora/, else under ../shared."""
    return REPOSITORY / file if file.startswith(_OWN_CORPORA) else Path(shared) / file


def load_gold(gold_dir: str | Path) -> list[dict]:
    return [json.loads(p.read_text("utf-8")) for p in sorted(Path(gold_dir).glob("*.json"))]


def is_check_half(gold_dir: str | Path) -> bool:
    return (Path(gold_dir) / CHECK_MARKER).exists()


def score_records(gold_dir: str | Path, records: Iterable[dict], fold_name: NameFolder | None = None) -> StrictReport:
    """Score records (matched to gold files by the stem of their source path)."""
    by_stem = {Path((r.get("source") or {}).get("path") or "").stem: r for r in records}
    report = StrictReport()
    fold_name = fold_name or NameFolder()
    for gold in load_gold(gold_dir):
        score_document(gold, by_stem.get(Path(gold["file"]).stem), report, fold_name)
    return report


def extract_gold_documents(gold_dir: str | Path, shared: str | Path,
                           extract: Callable[[Path], dict] | None = None, components: str = "rules") -> list[dict]:
    """Run the pipeline over every document a gold directory annotates; unreadable ones are left out."""
    if extract is None:
        from pipeline.extract.document import extract_file

        def extract(path: Path) -> dict:
            return extract_file(path, components=components).to_dict()
    records = []
    for gold in load_gold(gold_dir):
        try:
            records.append(extract(gold_document(gold["file"], shared)))
        except Exception as error:  # noqa: BLE001 - a failing document scores as missing, and is said
            print(f"eval: {gold['file']}: {error}", file=sys.stderr)
    return records


def evaluate(gold_dir: str | Path, shared: str | Path, extract: Callable[[Path], dict] | None = None) -> StrictReport:
    records = extract_gold_documents(gold_dir, shared, extract)
    return score_records(gold_dir, records, NameFolder.from_file(Path(shared) / "holdout" / "aliases.json"))


def format_summary(summary: dict[str, Any]) -> str:
    """The strict scorer's closing line, then the secondary columns."""
    strict = " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                      for k, v in summary.items() if k not in _SECONDARY and v is not None)
    secondary = " ".join(f"{k}={summary[k]:.3f}" for k in _SECONDARY)
    return f"{strict}\nsecondary: {secondary}"


_SECONDARY = ("issuer_acc", "language_acc", "path_acc", "role_acc")


def format_spread(spread: dict[str, dict[str, Any]]) -> list[str]:
    """One line per kind of error: 'spread: gold obligations missed 94 in 25 of 124 documents; the 5 with most
    hold 57%, the 10 with most hold 81%'."""
    lines = []
    for kind, what in SPREAD_KINDS:
        row = spread[kind]
        tops = ", ".join(f"the {k} with most hold {row[f'top{k}_share']:.0%}" for k in SPREAD_TOPS)
        lines.append(f"spread: {what} {row['total']} in {row['documents']} of {row['of']} documents; {tops}")
    return lines


def read_records(path: Path) -> list[dict]:
    """The records of a JSON Lines file, each validated against the contract (InvalidRecord names the line)."""
    from pipeline.schema import RecordValidator

    validator, records = RecordValidator(), []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if line.strip():
            try:
                validator.check_json(line)
            except InvalidRecord as err:
                raise InvalidRecord(f"{path}:{number}: {err}") from None
            records.append(json.loads(line))
    return records


def _eval(args: argparse.Namespace) -> int:
    if args.styles:
        return _eval_styles(args)
    check = is_check_half(args.gold)
    if check and (args.misses or args.extras or args.per_doc):
        print(f"eval: {args.gold} is a check half ({CHECK_MARKER} file): its errors are not listed", file=sys.stderr)
        return 2
    if args.records:
        try:
            records = read_records(Path(args.records))
        except InvalidRecord as err:
            print(f"eval: {err}", file=sys.stderr)
            return 2
    else:
        records = extract_gold_documents(args.gold, args.shared, components=args.components)
    if args.write_records:
        Path(args.write_records).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    report = score_records(args.gold, records, NameFolder.from_file(Path(args.shared) / "holdout" / "aliases.json"))
    summary = report.summary()
    if args.json:
        spread = {"spread": report.spread()} if args.spread else {}
        print(json.dumps({**summary, "counts": report.counts, **spread}, ensure_ascii=False, indent=1))
    else:
        print(format_summary(summary))
        for line in format_spread(report.spread()) if args.spread else []:
            print(line)
    if args.per_doc:
        for row in report.per_document:
            print(row)
    for miss in report.misses if args.misses else []:
        print(f"missed: {miss['doc']} {miss['path']}: {miss['anchor']}", file=sys.stderr)
    for extra in report.extras if args.extras else []:
        print(f"extra: {extra['doc']} {extra['path']}: {extra['text']}", file=sys.stderr)
    return 0


def _eval_styles(args: argparse.Namespace) -> int:
    from pipeline.evaluate_styles import STYLES, format_style_table, style_table

    names = list(STYLES) if args.styles == "all" else [name.strip() for name in args.styles.split(",") if name.strip()]
    if unknown := [name for name in names if name not in STYLES]:
        print(f"eval: unknown style {', '.join(unknown)} (one of: all, {', '.join(STYLES)})", file=sys.stderr)
        return 2
    print(format_style_table(style_table(args.gold, args.shared, names)))
    for name in names:
        print(f"  {name}: {STYLES[name].what}")
    return 0


def add_eval_command(subparsers) -> None:
    p = subparsers.add_parser("eval", help="strict scores against a gold set (as ../shared/eval/score.py)")
    p.add_argument("gold", help="directory of gold JSON files (corpora/gold, corpora/gold-check)")
    p.add_argument("--shared", default="../shared", help="where the gold files' paths are rooted")
    p.add_argument("--records", help="score these records (JSON Lines) instead of extracting the documents")
    p.add_argument("--write-records", metavar="FILE", help="also write the extracted records (JSON Lines)")
    p.add_argument("--json", action="store_true")
    add_components_argument(p)
    p.add_argument("--per-doc", action="store_true", help="one line per document (not for a check half)")
    p.add_argument("--misses", action="store_true", help="list gold obligations not found (not for a check half)")
    p.add_argument("--extras", action="store_true", help="list extracted obligations matching no gold one")
    p.add_argument("--spread", action="store_true", help="how each kind of error spreads over the documents, in counts "
                   "without names (allowed for a check half)")
    p.add_argument("--styles", metavar="NAMES", help="also score the documents rewritten in other house styles ('all' or "
                   "names, comma-separated; pipeline/evaluate_styles.py): one summary line each")
    p.set_defaults(func=_eval)
