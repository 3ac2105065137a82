"""Evaluation against the hand-checked gold set in corpora/gold (format: corpora/gold/README.md).

Gold obligations are matched to extracted ones by their anchor (the first words of the task,
whitespace-normalised, found inside the obligation's text), else by word overlap; then assignees
(set F1 on canonical names), deadlines (same ISO day, null = null), roles, reports_to, paths,
references (set F1 on canonical symbols per document) and the document's own metadata are scored.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.extract import extract_file

_STRIP = re.compile(r"[|*#]")


def _norm(s: str) -> str:
    return " ".join(_STRIP.sub(" ", s).split()).lower()


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set, gold: set) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    def scores(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1

    def scores(self) -> dict[str, float]:
        return {"accuracy": round(self.right / self.total, 4) if self.total else 1.0,
                "right": self.right, "total": self.total}


@dataclass
class Report:
    references: Counts = field(default_factory=Counts)
    obligations: Counts = field(default_factory=Counts)
    assignees: Counts = field(default_factory=Counts)
    reports_to: Counts = field(default_factory=Counts)
    deadline: Accuracy = field(default_factory=Accuracy)
    role: Accuracy = field(default_factory=Accuracy)
    path: Accuracy = field(default_factory=Accuracy)
    symbol: Accuracy = field(default_factory=Accuracy)
    issued_on: Accuracy = field(default_factory=Accuracy)
    issuer: Accuracy = field(default_factory=Accuracy)
    language: Accuracy = field(default_factory=Accuracy)
    doc_type: Accuracy = field(default_factory=Accuracy)
    documents: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    extras: list[dict[str, Any]] = field(default_factory=list)  # extracted, matching no gold obligation

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"documents": self.documents}
        for name in ("references", "obligations", "assignees", "reports_to"):
            out[name] = getattr(self, name).scores()
        for name in ("deadline", "role", "path", "symbol", "issued_on", "issuer", "language", "doc_type"):
            out[name] = getattr(self, name).scores()
        return out


def _match(gold_obligations: list[dict], predicted: list[dict]) -> list[tuple[dict, dict | None]]:
    texts = [_norm(o["text"]) for o in predicted]
    used: set[int] = set()
    pairs: list[tuple[dict, dict | None]] = []
    for gold in gold_obligations:
        anchor = _norm(gold.get("anchor") or "")
        candidates = [i for i, t in enumerate(texts) if anchor and anchor in t]
        fresh = [i for i in candidates if i not in used]
        pick = None
        if fresh or candidates:
            pool = fresh or candidates
            pick = min(pool, key=lambda i: texts[i].find(anchor))
        else:
            words = set(anchor.split())
            best = max(range(len(texts)), default=None,
                       key=lambda i: len(words & set(texts[i].split()[: len(words) + 8])))
            if best is not None and words and len(words & set(texts[best].split()[: len(words) + 8])) >= 0.7 * len(words):
                pick = best
        if pick is not None:
            used.add(pick)
        pairs.append((gold, predicted[pick] if pick is not None else None))
    return pairs


def score_document(gold: dict, record: dict, report: Report) -> None:
    report.documents += 1
    meta = record["metadata"]
    report.symbol.add(meta.get("symbol") == gold.get("symbol"))
    report.issued_on.add(meta.get("issued_on") == gold.get("issued_on"))
    if "issuer" in gold:
        report.issuer.add(meta.get("issuer") == gold["issuer"])
    report.language.add(record["language"] == gold.get("language"))
    if gold.get("doc_type"):
        report.doc_type.add(meta.get("doc_type") == gold.get("doc_type"))
    predicted_refs = {r["symbol"] for r in record["references"] if r.get("symbol")}
    report.references.add(predicted_refs, set(gold.get("references", [])))
    pairs = _match(gold.get("obligations", []), record["obligations"])
    matched = {id(p) for _, p in pairs if p is not None}
    report.obligations.tp += len(matched)
    report.obligations.fn += sum(1 for _, p in pairs if p is None)
    extras = [o for o in record["obligations"] if id(o) not in matched]
    report.obligations.fp += len(extras)
    report.extras.extend({"file": gold["file"], "path": o.get("path"), "text": " ".join(o["text"].split())[:100]}
                         for o in extras)
    for g, p in pairs:
        if p is None:
            report.misses.append({"file": gold["file"], "path": g.get("path"), "anchor": g.get("anchor")})
            continue
        names = {a["name"] for a in p["assignees"]}
        report.assignees.add(names, set(g.get("assignees", [])))
        if "reports_to" in g:
            report.reports_to.add(set(p.get("reports_to", [])), set(g["reports_to"]))
        due = (p.get("deadline") or {}).get("date")
        report.deadline.add(due == g.get("deadline"))
        if g.get("path") is not None:
            report.path.add(p.get("path") == g["path"])
        roles = {a["name"]: a["role"] for a in p["assignees"]}
        for name, role in (g.get("roles") or {}).items():
            if name in roles:
                report.role.add(roles[name] == role)


def evaluate(gold_dir: str | Path, shared: str | Path, extract=None) -> Report:
    """Score every gold file; `extract(path) -> record dict` defaults to the full pipeline."""
    extract = extract or (lambda path: extract_file(path).to_dict())
    report = Report()
    for gold_path in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(gold_path.read_text("utf-8"))
        record = extract(Path(shared) / gold["file"])
        score_document(gold, record, report)
    return report


def format_table(summary: dict[str, Any]) -> str:
    lines = [f"documents: {summary['documents']}", f"{'field':<12} {'precision':>9} {'recall':>7} {'f1':>7}"
             f" {'tp':>5} {'fp':>5} {'fn':>5}"]
    for name in ("references", "obligations", "assignees", "reports_to"):
        s = summary[name]
        lines.append(f"{name:<12} {s['precision']:>9.3f} {s['recall']:>7.3f} {s['f1']:>7.3f}"
                     f" {s['tp']:>5} {s['fp']:>5} {s['fn']:>5}")
    lines.append(f"{'field':<12} {'accuracy':>9} {'right':>7} {'total':>7}")
    for name in ("deadline", "role", "path", "symbol", "issued_on", "issuer", "language", "doc_type"):
        s = summary[name]
        lines.append(f"{name:<12} {s['accuracy']:>9.3f} {s['right']:>7} {s['total']:>7}")
    return "\n".join(lines)


def _eval(args: argparse.Namespace) -> int:
    report = evaluate(args.gold, args.shared)
    summary = report.as_dict()
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(format_table(summary))
        if args.misses:
            for miss in report.misses:
                print(f"missed: {miss['file']} {miss['path']}: {miss['anchor']}", file=sys.stderr)
        if args.extras:
            for extra in report.extras:
                print(f"extra: {extra['file']} {extra['path']}: {extra['text']}", file=sys.stderr)
    return 0


def add_eval_command(subparsers) -> None:
    p = subparsers.add_parser("eval", help="precision, recall and F1 against a gold set")
    p.add_argument("gold", help="directory of gold JSON files (corpora/gold)")
    p.add_argument("--shared", default="../shared", help="where the gold files' paths are rooted")
    p.add_argument("--json", action="store_true")
    p.add_argument("--misses", action="store_true", help="list gold obligations that were not found")
    p.add_argument("--extras", action="store_true", help="list extracted obligations that match no gold one")
    p.set_defaults(func=_eval)
