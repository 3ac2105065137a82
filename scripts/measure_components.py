"""Measure the three --components settings: 5-fold cross-validation over the tune half (train on four
fifths of corpora/gold, score the held-out fifth) and, with a model trained on the whole tune half, the
check half (totals only: its per-document errors are never listed).

    .venv/bin/python scripts/measure_components.py [--folds 5] [--check] [--json outputs/eval/components.json]
"""

from __future__ import annotations

import argparse
import copy
import sys
from dataclasses import replace
from pathlib import Path

from pipeline.evaluate import NameFolder, StrictReport, score_document, score_records
from pipeline.extract.document import province_of
from pipeline.model import COMPONENTS
from pipeline.model.card import FIGURE_KEYS, write_figures
from pipeline.model.classifier import BlockClassifier, Settings
from pipeline.model.components import apply_components
from pipeline.model.data import GoldDocument, label, load_documents


def scored(documents: list[GoldDocument], setting: str, classifier: BlockClassifier | None, fold_name: NameFolder,
           gold_dir: str | None = None) -> dict:
    """Counts of the records of ``documents`` under ``setting``: against every file of ``gold_dir`` (a document
    that could not be read scores as missing), or without it against the documents' own gold."""
    records = []
    for doc in documents:
        record = copy.deepcopy(doc.record)
        if setting != "rules":
            apply_components(record, doc.seg, setting, classifier, province_of(record.metadata.issuer))
        records.append(record.to_dict())
    if gold_dir is not None:
        return score_records(gold_dir, records, fold_name).counts
    report = StrictReport()
    for doc, record in zip(documents, records, strict=True):
        score_document(doc.gold, record, report, fold_name)
    return report.counts


def summary(counts: dict) -> dict:
    report = StrictReport()
    report.counts.update(counts)
    s = report.summary()
    return {k: round(s[k], 3) for k in FIGURE_KEYS}


def crossval(documents: list[GoldDocument], settings: Settings, folds: int, fold_name: NameFolder,
             log=print) -> dict[str, dict]:
    """Documents dealt round-robin (sorted by file name) into ``folds`` parts; totals over the held-out parts."""
    totals: dict[str, dict[str, int]] = {s: {} for s in COMPONENTS}
    for k in range(folds):
        held = documents[k::folds]
        train = [d for i, d in enumerate(documents) if i % folds != k]
        data = label(train, settings.tokenizer, settings.rule_feature)
        classifier = BlockClassifier.train(data.units, data.labels, settings)
        for setting in COMPONENTS:
            for key, v in scored(held, setting, classifier, fold_name).items():
                totals[setting][key] = totals[setting].get(key, 0) + v
        log(f"fold {k + 1}/{folds} done")
    return {s: summary(c) for s, c in totals.items()}


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
    result = {"settings": settings.__dict__, "crossval": crossval(tune, settings, args.folds, fold_name,
                                                                  log=lambda m: print(m, file=sys.stderr))}
    if args.check:
        data = label(tune, settings.tokenizer, settings.rule_feature)
        classifier = BlockClassifier.train(data.units, data.labels, settings)
        check = load_documents([args.check_dir], args.shared)
        result["check"] = {s: summary(scored(check, s, classifier, fold_name, args.check_dir)) for s in COMPONENTS}
    write_figures(result, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
