"""Command line: obligraph extract | run | query | export | eval | eval-links | serve | train."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pipeline.cleanup.language import DEFAULT_BACKEND
from pipeline.extract.document import StageError, extract_file
from pipeline.ingest.limits import add_limit_arguments, limits_from_args
from pipeline.ingest.readers import IngestError
from pipeline.model.cli import add_components_argument
from pipeline.records import InvalidRecord


def _extract(args: argparse.Namespace) -> int:
    out_dir = Path(args.out) if args.out else None
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    limits = limits_from_args(args)
    from pipeline.schema import RecordValidator  # pydantic only for the commands that validate

    validator = RecordValidator()
    for name in args.files:
        try:
            record = extract_file(name, max_bytes=limits.max_file_bytes, language_backend=args.language_detector,
                                  limits=limits, components=args.components)
        except (IngestError, StageError) as err:
            print(f"obligraph: {name}: {err}", file=sys.stderr)
            failed += 1
            continue
        line = json.dumps(record.to_dict(), ensure_ascii=False, sort_keys=False)
        try:  # what leaves the pipeline keeps the contract; a record that breaks it is reported, not written
            validator.check_json(line)
        except InvalidRecord as err:
            print(f"obligraph: {name}: {err}", file=sys.stderr)
            failed += 1
            continue
        if out_dir:
            (out_dir / f"{record.doc_id}.json").write_text(line + "\n", encoding="utf-8")
        else:
            sys.stdout.write(line + "\n")
    return 1 if failed else 0


def _add_extract(sub) -> None:
    p = sub.add_parser("extract", help="one JSON record per input file (JSON Lines on stdout)")
    p.add_argument("files", nargs="+", help=".txt .md .html .pdf .docx files")
    p.add_argument("--out", help="write DIR/<doc_id>.json instead of stdout")
    _add_common(p)
    add_components_argument(p)
    p.set_defaults(func=_extract)


def _add_common(p: argparse.ArgumentParser) -> None:
    add_limit_arguments(p)
    p.add_argument("--language-detector", choices=["lingua", "langdetect"], default=DEFAULT_BACKEND)


def _stats(args: argparse.Namespace) -> int:
    from pipeline.graph.store import Store

    if not Path(args.store).exists():
        print(f"obligraph: {args.store}: no store yet (run 'obligraph run DIR' first)", file=sys.stderr)
        return 1
    with Store(args.store) as store:  # the normalised tables count without decoding every record
        documents, obligations, references = (
            store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("documents", "obligations", "refs"))
    failures = Path(args.failures)
    failed = sum(1 for line in failures.open(encoding="utf-8") if line.strip()) if failures.exists() else 0
    print(f"obligraph: {documents} documents, {obligations} obligations, {references} references, "
          f"{failed} failures in {args.store}")
    return 0


def _add_stats(sub) -> None:
    p = sub.add_parser("stats", help="one-line summary of a store")
    p.add_argument("--store", default="outputs/obligraph.sqlite")
    p.add_argument("--failures", default="outputs/failures.jsonl")
    p.set_defaults(func=_stats)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="obligraph", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    _add_extract(sub)
    _add_stats(sub)
    for module, adder in (("pipeline.scale.batch", "add_run_command"), ("pipeline.graph.query", "add_query_command"),
                          ("pipeline.graph.export", "add_export_command"), ("pipeline.evaluate", "add_eval_command"),
                          ("pipeline.graph.linkeval", "add_eval_links_command"), ("pipeline.web.serve", "add_serve_command"),
                          ("pipeline.model.cli", "add_train_command")):
        try:
            mod = __import__(module, fromlist=[adder])
        except ModuleNotFoundError as err:
            if err.name != module:
                raise
            continue
        getattr(mod, adder)(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("obligraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
