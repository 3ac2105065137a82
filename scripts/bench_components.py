"""Throughput of each --components setting: `obligraph run` end to end with the store, on
../shared/corpus/crawl, 2 workers, a fresh store each run (input MB/s, as `make bench` counts it: bytes of
the input files over wall-clock time, worker start-up included). The settings take turns in each round, so
a busy spell of the machine slows all of them alike; the median over the rounds is reported.

    .venv/bin/python scripts/bench_components.py [--rounds 5] [--json models/throughput.json]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from pipeline.graph.store import Store
from pipeline.model import COMPONENTS
from pipeline.model.card import write_figures
from pipeline.scale.batch import run_batch


def one_run(inputs: list[str], components: str, workers: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "s.sqlite") as store:
            stats = run_batch(inputs, store=store, workers=workers, force=True, progress=False,
                              failures_path=Path(tmp) / "failures.jsonl", components=components)
    return stats.input_bytes / 2**20 / stats.elapsed


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="*", default=["../shared/corpus/crawl"])
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--json")
    args = p.parse_args(argv)
    runs: dict[str, list[float]] = {c: [] for c in COMPONENTS}
    for _ in range(args.rounds):
        for components in COMPONENTS:
            runs[components].append(one_run(args.inputs, components, args.workers))
    rates = {c: round(statistics.median(r), 3) for c, r in runs.items()}
    best = {c: round(max(r), 3) for c, r in runs.items()}  # the least disturbed run of each
    for c, r in runs.items():
        print(f"{c}: median {rates[c]:.2f} MB/s, best {best[c]:.2f} (runs: {', '.join(f'{x:.2f}' for x in r)})",
              file=sys.stderr)
    write_figures({"throughput": rates, "throughput_best": best, "rounds": args.rounds}, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
