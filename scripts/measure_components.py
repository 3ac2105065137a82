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
from pipeline.model.bodies import BodyRecogniser, body_data, span_scores
from pipeline.model.card import FIGURE_KEYS, obligations_f1, write_figures
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


VETOES = (0.02, 0.05, 0.1, 0.2, 0.3)  # rules+model: a rule task is dropped below this P(task)
PROPOSALS = (0.9, 0.95, 0.98, 1.01)  # rules+model: a unit no rule found is proposed from this P(task); 1.01 never
DECISIONS = (0.3, 0.4, 0.5, 0.6, 0.7)  # model: a unit is a task from this P(task)
NO_BODIES = "rules+model, no body recogniser"


def trained(documents: list[GoldDocument], settings: Settings, fold_name: NameFolder) -> BlockClassifier:
    data = label(documents, settings.tokenizer, settings.rule_feature)
    classifier = BlockClassifier.train(data.units, data.labels, settings)
    if settings.bodies:
        classifier.bodies = BodyRecogniser.train(body_data(documents, fold_name).examples, settings.body_epochs)
    return classifier


def grid() -> list[tuple[str, str, dict[str, float]]]:
    """(key, setting, thresholds) of every measured variant: the sweeps the thresholds are chosen from."""
    return [("rules", "rules", {}),
            *((f"model decide={d}", "model", {"decide": d}) for d in DECISIONS),
            *((f"rules+model veto={v} propose={p}", "rules+model", {"veto": v, "propose": p})
              for v in VETOES for p in PROPOSALS)]


def choose(sweep: dict[str, dict]) -> dict[str, float]:
    """The thresholds with the best obligations F1 (then assignees F1) over the held-out folds."""
    def best(prefix: str) -> str:
        keys = [k for k in sweep if k.startswith(prefix + " ")]
        return max(keys, key=lambda k: (round(obligations_f1(sweep[k]), 3), sweep[k]["assignee_f1"]))

    chosen = {}
    for key in (best("model"), best("rules+model")):
        chosen.update({name: float(value) for name, value in (part.split("=") for part in key.split()[1:])})
    return chosen


def add(totals: dict[str, int], counts: dict[str, int]) -> None:
    for key, value in counts.items():
        totals[key] = totals.get(key, 0) + value


def crossval(documents: list[GoldDocument], settings: Settings, folds: int, fold_name: NameFolder,
             log=print) -> dict:
    """Documents dealt round-robin (sorted by file name) into ``folds`` parts; totals over the held-out parts
    for every threshold of the grid; the thresholds chosen; the three settings at those thresholds; and the
    body recogniser's exact-span scores on the held-out tasks."""
    totals: dict[str, dict[str, int]] = {}
    spans_gold: list = []
    spans_found: list = []
    for k in range(folds):
        held = documents[k::folds]
        classifier = trained([d for i, d in enumerate(documents) if i % folds != k], settings, fold_name)
        for key, setting, thresholds in grid():
            classifier.settings = replace(settings, **thresholds)
            add(totals.setdefault(key, {}), scored(held, setting, classifier, fold_name))
        if classifier.bodies is not None:
            examples = body_data(held, fold_name).examples
            spans_gold += examples
            spans_found += list(classifier.bodies.predict(examples))
            bodies, classifier.bodies = classifier.bodies, None
            for key, setting, thresholds in grid():
                if setting == "rules+model":
                    classifier.settings = replace(settings, **thresholds)
                    add(totals.setdefault(f"{NO_BODIES} {key.split(' ', 1)[1]}", {}),
                        scored(held, setting, classifier, fold_name))
            classifier.bodies = bodies
        log(f"fold {k + 1}/{folds} done")
    sweep = {key: summary(c) for key, c in totals.items()}
    chosen = choose({k: v for k, v in sweep.items() if not k.startswith(NO_BODIES)})
    at = f"veto={chosen['veto']:g} propose={chosen['propose']:g}"
    table = {"rules": sweep["rules"], "model": sweep[f"model decide={chosen['decide']:g}"],
             "rules+model": sweep[f"rules+model {at}"]}
    if f"{NO_BODIES} {at}" in sweep:
        table[NO_BODIES] = sweep[f"{NO_BODIES} {at}"]
    return {"chosen": chosen, "crossval": table, "sweep": sweep,
            "bodies_spans": span_scores(spans_gold, spans_found) if spans_gold else None}


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
    result = {"settings": settings.__dict__, **crossval(tune, settings, args.folds, fold_name,
                                                        log=lambda m: print(m, file=sys.stderr))}
    if args.check:
        settings = replace(settings, **result["chosen"])
        classifier = trained(tune, settings, fold_name)
        check = load_documents([args.check_dir], args.shared)
        result["check"] = {s: summary(scored(check, s, classifier, fold_name, args.check_dir)) for s in COMPONENTS}
        classifier.bodies = None
        result["check"][NO_BODIES] = summary(scored(check, "rules+model", classifier, fold_name, args.check_dir))
    write_figures(result, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
