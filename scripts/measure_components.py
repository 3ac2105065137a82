"""Measure the three --components settings: 5-fold cross-validation over the tune half (train on four
fifths of corpora/gold, score the held-out fifth) and, with a model trained on the whole tune half, the
check half (totals only: its per-document errors are never listed).

    .venv/bin/python scripts/measure_components.py [--folds 5] [--check] [--json outputs/eval/components.json]
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from dataclasses import replace
from pathlib import Path

from pipeline.evaluate import NameFolder, score_records
from pipeline.extract import province_of
from pipeline.model.classifier import BlockClassifier, Settings
from pipeline.model.components import SETTINGS, apply_components
from pipeline.model.data import GoldDocument, label, load_documents

COLUMNS = ("oblig_precision", "oblig_recall", "assignee_f1", "named_assignee_f1", "deadline_acc")


def scored(gold_dirs: list[str], documents: list[GoldDocument], setting: str, classifier: BlockClassifier | None,
           fold_name: NameFolder) -> dict:
    records = []
    for doc in documents:
        record = copy.deepcopy(doc.record)
        if setting != "rules":
            apply_components(record, doc.seg, setting, classifier, province_of(record.metadata.issuer))
        records.append(record.to_dict())
    counts: dict[str, int] = {}
    for gold_dir in gold_dirs:  # a fold's documents come from one directory; scored against their own files
        stems = {d.stem for d in documents}
        report = score_records(gold_dir, [r for r in records if Path(r["source"]["path"]).stem in stems], fold_name)
        for k, v in report.counts.items():
            counts[k] = counts.get(k, 0) + v
    return counts


def summary(counts: dict) -> dict:
    from pipeline.evaluate import StrictReport

    report = StrictReport()
    report.counts.update(counts)
    s = report.summary()
    return {k: round(s[k], 3) for k in COLUMNS}


def only(documents: list[GoldDocument], keep: set[str]) -> list[GoldDocument]:
    return [d for d in documents if d.stem in keep]


def crossval(gold_dir: str, documents: list[GoldDocument], settings: Settings, folds: int, fold_name: NameFolder,
             log=print) -> dict[str, dict]:
    """Documents dealt round-robin (sorted by file name) into ``folds`` parts; totals over the held-out parts."""
    totals: dict[str, dict[str, int]] = {s: {} for s in SETTINGS}
    for k in range(folds):
        held = documents[k::folds]
        train = [d for i, d in enumerate(documents) if i % folds != k]
        data = label(train, settings.tokenizer, settings.rule_feature)
        classifier = BlockClassifier.train(data.units, data.labels, settings)
        held_gold = _subset_dir(gold_dir, held)
        for setting in SETTINGS:
            for key, v in scored([held_gold], held, setting, classifier, fold_name).items():
                totals[setting][key] = totals[setting].get(key, 0) + v
        log(f"fold {k + 1}/{folds} done")
    return {s: summary(c) for s, c in totals.items()}


def _subset_dir(gold_dir: str, documents: list[GoldDocument]) -> str:
    """A temporary gold directory holding only these documents' files (the scorer reads a directory)."""
    import tempfile

    out = Path(tempfile.mkdtemp(prefix="obligraph-fold-"))
    for doc in documents:
        (out / f"{doc.stem}.json").write_text(json.dumps(doc.gold, ensure_ascii=False), "utf-8")
    return str(out)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--tune", default="corpora/gold")
    p.add_argument("--check-dir", default="corpora/gold-check")
    p.add_argument("--shared", default="../shared")
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--check", action="store_true", help="also train on the whole tune half and score the check half")
    p.add_argument("--tokenizer", default="plain")
    p.add_argument("--no-rule-feature", action="store_true")
    p.add_argument("--json", help="write the figures here")
    args = p.parse_args(argv)
    fold_name = NameFolder.from_file(Path(args.shared) / "holdout" / "aliases.json")
    settings = replace(Settings(), tokenizer=args.tokenizer, rule_feature=not args.no_rule_feature)
    tune = load_documents([args.tune], args.shared)
    result = {"settings": settings.__dict__, "crossval": crossval(args.tune, tune, settings, args.folds, fold_name,
                                                                  log=lambda m: print(m, file=sys.stderr))}
    if args.check:
        data = label(tune, settings.tokenizer, settings.rule_feature)
        classifier = BlockClassifier.train(data.units, data.labels, settings)
        check = load_documents([args.check_dir], args.shared)
        result["check"] = {s: summary(scored([args.check_dir], check, s, classifier, fold_name)) for s in SETTINGS}
    text = json.dumps(result, ensure_ascii=False, indent=1)
    print(text)
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(text + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
