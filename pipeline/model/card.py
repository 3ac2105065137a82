"""MODEL_CARD.md of a trained model folder: the data, the settings, the measured figures, the limits.
Written from its inputs only (no dates, no machine names), so retraining on the same data gives the same file."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from pipeline.model.bodies import BodyData
from pipeline.model.classifier import Settings
from pipeline.model.data import GoldDocument, Labelled

COLUMNS = (("oblig_precision", "obligations P"), ("oblig_recall", "obligations R"), ("assignee_f1", "assignees F1"),
           ("named_assignee_f1", "named F1"), ("deadline_acc", "deadline acc."))
FIGURE_KEYS = tuple(k for k, _ in COLUMNS)  # what scripts/measure_components.py keeps of a summary


def write_figures(figures: dict, path: str | Path | None) -> None:
    """Print measured figures as JSON and, with ``path``, write them there too (the ``--figures`` files)."""
    text = json.dumps(figures, ensure_ascii=False, indent=1)
    print(text)
    if path:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(text + "\n", "utf-8")


def obligations_f1(row: dict) -> float:
    p, r = row["oblig_precision"], row["oblig_recall"]
    return 2 * p * r / (p + r) if p + r else 0.0


def _table(figures: dict[str, dict]) -> list[str]:
    lines = ["| setting | " + " | ".join(t for _, t in COLUMNS) + " | obligations F1 |",
             "|---" * (len(COLUMNS) + 2) + "|"]
    for setting, row in figures.items():
        lines.append(f"| {setting} | " + " | ".join(f"{row[k]:.3f}" for k, _ in COLUMNS) + f" | {obligations_f1(row):.3f} |")
    return lines


def _decision(figures: dict) -> list[str]:
    """Which setting is the default and by how much the others lost, from the figures themselves."""
    check, rates = figures.get("check"), figures.get("throughput")
    if not (check and rates):
        return []
    rules = check["rules"]
    lines = ["## Default", ""]
    for setting in ("model", "rules+model"):
        row = check[setting]
        wins = obligations_f1(row) > obligations_f1(rules) and row["assignee_f1"] >= rules["assignee_f1"] and \
            row["deadline_acc"] >= rules["deadline_acc"] and rates[setting] >= 2.0
        lines.append(
            f"- `{setting}` against `rules` on the check half: obligations P {row['oblig_precision'] - rules['oblig_precision']:+.3f}, "
            f"R {row['oblig_recall'] - rules['oblig_recall']:+.3f}, F1 {obligations_f1(row) - obligations_f1(rules):+.3f}; assignees F1 "
            f"{row['assignee_f1'] - rules['assignee_f1']:+.3f}; named F1 {row['named_assignee_f1'] - rules['named_assignee_f1']:+.3f}; "
            f"deadline accuracy {row['deadline_acc'] - rules['deadline_acc']:+.3f}; crawl {rates[setting]:.2f} MB/s against "
            f"{rates['rules']:.2f} ({'beats the rules' if wins else 'does not beat the rules on every column at 2 MB/s or more'})")
    lines += ["", "A setting becomes the default only when it beats the rules on the check half (obligations F1, "
              "with assignee F1 and deadline accuracy not lower) while the crawl runs at 2 MB/s or more; "
              "`rules` is the default of `--components`.", ""]
    return lines


def write_card(out: Path, gold_dirs: list[str], documents: list[GoldDocument], data: Labelled, settings: Settings,
               figure_files: list[Path], bodies: BodyData | None = None) -> None:
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    lines = [
        "# Trained components (`--components model`, `rules+model`)", "",
        "- **Block classifier** (`pipeline/`): a spaCy `textcat` (bag of words and word pairs, "
        "`spacy.TextCatBOW.v3`, exclusive classes TASK / OTHER) over the units of a document: each segmented "
        "block, cut into sentences and ';'-clauses, given as its first 40 words plus tokens for its structure "
        "(block kind, enumerator, heading or lead-in above, position, document type, and whether a rule "
        "obligation starts in it).",
        "- **Body recogniser** (`bodies/`): a spaCy `ner` (hashed embeddings and a 3-layer CNN) marking, in a "
        "task's opening and the lead-in above it, the spans naming the bodies the task is given to: AGENCY, "
        "CLASS (a class of agencies) or OFFICE (a person's office). It reads tasks the rules or the registry "
        "left with no assignee and keeps the named bodies it marks as the task's subject (in its first 40 "
        "characters, or in a later cell of its table row); the registry canonicalises what it knows, other "
        "names are kept as written.", "",
        "## Data", "",
        f"- gold directories: {', '.join(f'`{g}`' for g in gold_dirs)}; {len(documents)} documents read",
        f"- {len(data.units)} units, {data.labels.count('TASK')} labelled TASK: a unit is a task when a gold "
        f"obligation's anchor starts in it (anchors found as the scorer finds them: case, white space, `|*#_` "
        f"and tone placement folded; a task a plan writes twice, in its body and its appendix table, at both "
        f"places); {data.anchors_not_found} of {data.anchors} anchors not found in the text",
        *([f"- body recogniser: {len(bodies.examples)} task windows (a gold task's opening and the lead-in above "
            f"it); {bodies.names_marked} of the {bodies.names} gold assignees of those tasks found written in their "
            f"window (the registry's or the name grammar's mention of that body, or the name itself) and marked; "
            f"the rest are named only further up (an article heading, the addressee) or as a class the text "
            f"spells out"] if bodies else []),
        "- hand gold only: no silver data from the rules",
        f"- settings: `{json.dumps(asdict(settings), sort_keys=True)}`",
        f"- size on disk: {size / 1e6:.1f} MB (budget 50 MB)", "",
        "## Figures", "",
    ]
    merged: dict = {}
    for path in figure_files:
        figures = json.loads(path.read_text("utf-8"))
        merged.update(figures)
        if "crossval" in figures:
            lines += ["5-fold cross-validation over the tune half (train on 4/5, score the held-out 1/5, totals):", "",
                      *_table(figures["crossval"]), ""]
        if "chosen" in figures:
            lines += [f"Thresholds chosen by that cross-validation (best obligations F1 of a grid, then assignees "
                      f"F1; `sweep` in the figures file): `{json.dumps(figures['chosen'], sort_keys=True)}`.", ""]
        if figures.get("bodies_spans"):
            spans = figures["bodies_spans"]
            lines += [f"Body recogniser on the held-out folds' task windows, exact spans with their label: "
                      f"P {spans['p']:.3f}, R {spans['r']:.3f}, F1 {spans['f1']:.3f}.", ""]
        if "check" in figures:
            lines += ["Check half (`corpora/gold-check`, never trained on; totals only), model trained on the "
                      "whole tune half:", "", *_table(figures["check"]), ""]
        if "throughput" in figures:
            best = figures.get("throughput_best", {})
            lines += [f"Throughput (`obligraph run --workers 2 --components ...` on ../shared/corpus/crawl with the "
                      f"store, input MB/s, {figures.get('rounds', '?')} rounds taking turns; "
                      f"`scripts/bench_components.py`):", "",
                      "| setting | median MB/s | best MB/s |", "|---|---|---|",
                      *(f"| {k} | {v:.2f} | {best.get(k, float('nan')):.2f} |" for k, v in figures["throughput"].items()),
                      ""]
    lines += _decision(merged)
    if not figure_files:
        lines += ["None given (`obligraph train --figures FILE`, from `scripts/measure_components.py --json`).", ""]
    lines += [
        "## Limits", "",
        f"- Trained on {len(documents)} documents of the styles the tune half holds (công điện, chỉ thị, kế hoạch, "
        "quyết định, công văn, nghị quyết, normative texts, some English translations); a new style needs its own "
        "annotated documents (README 'Trained components').",
        "- The classifier decides only which units are tasks; assignees, roles and deadlines of a proposed task "
        "come from the agency registry and the deadline parser over the unit and the heading above it, "
        "without the rules' context (lead-ins, tables, distributive lists), so they are weaker than the rules'.",
        "- The `__rule` feature makes the model lean on the rules; on the tune half the rules are in-sample "
        "(written from it), so cross-validation there flatters `rules+model`; the check half is the honest figure.",
        "- The body recogniser reads only tasks with no assignee: where the rules found some, a recognised body "
        "added beside them cost more precision than it gained recall; so did bodies marked later in a sentence, "
        "in the lead-in above, and classes of bodies (measured on the tune half's folds). What is left changes "
        "few tasks, and its gain is within the noise. Gold names a task's window does not spell out (a class "
        "the text abbreviates, a body named in an article heading) are not learnt at all.",
        "",
    ]
    (out / "MODEL_CARD.md").write_text("\n".join(lines), "utf-8")
