"""``obligraph train`` and the ``--components`` / ``--model`` options of extract, run and eval."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from pipeline.model import COMPONENTS, DEFAULT_COMPONENTS, MODEL_ENV

DEFAULT_OUT = Path("models") / "blocks"


class _ModelPath(argparse.Action):
    """--model DIR: put in the environment, so worker processes (forked, spawned or Dask's) load it too."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        os.environ[MODEL_ENV] = str(Path(values).resolve())
        setattr(namespace, self.dest, values)


def add_components_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--components", choices=COMPONENTS, default=DEFAULT_COMPONENTS,
                   help="rules (default): the hand-written rules alone; model: the trained block classifier "
                        "decides which blocks are tasks; rules+model: it vetoes rule tasks it is sure are none "
                        "and proposes blocks it is sure are tasks (README 'Trained components')")
    p.add_argument("--model", action=_ModelPath, metavar="DIR",
                   help=f"trained model folder (default: the shipped {DEFAULT_OUT})")


def add_train_command(subparsers) -> None:
    p = subparsers.add_parser("train", help="train the block classifier from gold directories")
    p.add_argument("gold", nargs="+", help="gold directories (corpora/gold format)")
    p.add_argument("--out", default=str(DEFAULT_OUT), help=f"model folder (default {DEFAULT_OUT})")
    p.add_argument("--shared", default="../shared", help="where the gold files' paths are rooted")
    p.add_argument("--tokenizer", choices=["plain", "underthesea"], default="plain",
                   help="Vietnamese tokens: plain words (default, measured as good and 15x faster) or underthesea")
    p.add_argument("--epochs", type=int, default=None)
    p.add_argument("--figures", action="append", default=[], metavar="JSON",
                   help="measured figures to put in MODEL_CARD.md (scripts/measure_components.py --json)")
    p.set_defaults(func=train_command)


def train_command(args: argparse.Namespace) -> int:
    from pipeline.model.classifier import single_thread

    single_thread()  # before spaCy and numpy load
    from dataclasses import replace

    from pipeline.evaluate import NameFolder
    from pipeline.model.bodies import BodyRecogniser, body_data
    from pipeline.model.card import write_card
    from pipeline.model.classifier import BlockClassifier, Settings
    from pipeline.model.data import label, load_documents

    for gold in args.gold:
        if (Path(gold) / "CHECK").exists():
            print(f"train: {gold} is a check half: it is scored, never learnt from", file=sys.stderr)
            return 2
    settings = Settings(tokenizer=args.tokenizer)
    if args.epochs:
        settings = replace(settings, epochs=args.epochs, body_epochs=args.epochs)
    settings = replace(settings, **chosen_thresholds([Path(f) for f in args.figures]))
    documents = load_documents(args.gold, args.shared)
    if not documents:
        print("train: no gold document could be read", file=sys.stderr)
        return 1
    data = label(documents, settings.tokenizer, settings.rule_feature)

    def log(message: str) -> None:
        print(message, file=sys.stderr)

    classifier = BlockClassifier.train(data.units, data.labels, settings, log=log)
    classifier.save(args.out)
    bodies = None
    if settings.bodies:
        bodies = body_data(documents, NameFolder.from_file(Path(args.shared) / "holdout" / "aliases.json"))
        BodyRecogniser.train(bodies.examples, settings.body_epochs, log=log).save(args.out)
    write_card(Path(args.out), args.gold, documents, data, settings, [Path(f) for f in args.figures], bodies)
    print(f"train: {len(documents)} documents, {len(data.units)} units ({data.labels.count('TASK')} tasks) "
          f"-> {args.out}")
    return 0


def chosen_thresholds(figure_files: list[Path]) -> dict[str, float]:
    """The thresholds cross-validation over the tune half chose (scripts/measure_components.py), if given."""
    chosen: dict[str, float] = {}
    for path in figure_files:
        chosen.update(json.loads(path.read_text("utf-8")).get("chosen", {}))
    return chosen
