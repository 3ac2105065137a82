"""This tree against another commit, in one run: ``python -m pipeline.scale.bench --against REV``.

The other commit is exported with ``git archive`` into a temporary directory (nothing is checked out:
the working tree and the repository's list of worktrees stay as they are). The same configurations
then run from both trees, interleaved (REV, this tree, REV, this tree, ...) so that a change in the
machine's load falls on both, each run in its own child process (``bench --child``, which both trees
understand). Reported: the medians of each tree and the ratio this tree / REV.
"""

from __future__ import annotations

import io
import statistics
import subprocess
import tarfile
from collections.abc import Callable
from pathlib import Path

from pipeline.scale.rates import compared_figures

# name -> (inputs, workers, with a store): the crawl end to end as `obligraph run` does it, and extraction
# alone, whose summed worker time per stage gives the stage figures; the gazette PDFs for ingest pages/s
CONFIGURATIONS = {"crawl-2w": ("crawl", 2, True), "crawl-1w-extract-only": ("crawl", 1, False),
                  "gazette-1w-extract-only": ("gazette", 1, False)}


def export_tree(rev: str, repository: Path, target: Path) -> Path:
    """The files of commit ``rev`` under ``target`` (raises CalledProcessError for an unknown REV)."""
    archive = subprocess.run(["git", "-C", str(repository), "archive", "--format=tar", rev],
                             capture_output=True, check=True).stdout
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target


def compare(rev: str, tree: Path, inputs: dict[str, list[str]], measure: Callable[[dict, Path], dict], scratch: Path,
            repeat: int = 3) -> dict:
    """Run every configuration ``repeat`` times from both trees, interleaved; medians and ratios.
    ``inputs``: the files of each corpus the configurations name (a corpus without files is left out)."""
    configurations = {name: c for name, c in CONFIGURATIONS.items() if inputs.get(c[0])}
    runs: dict[str, dict[str, list[dict]]] = {name: {"base": [], "this": []} for name in configurations}
    for round_ in range(repeat):
        for name, (corpus, workers, with_store) in configurations.items():
            for side, root in (("base", tree), ("this", None)):
                tag = f"{name}-{side}-{round_}"
                spec = {"kind": "batch", "inputs": inputs[corpus], "workers": workers, "progress": False,
                        "store": str(scratch / f"{tag}.sqlite") if with_store else None,
                        "failures": str(scratch / f"{tag}.failures.jsonl")}
                runs[name][side].append(compared_figures(measure(spec, root)))
    report: dict = {"against": rev, "repeat": repeat, "configurations": {}}
    for name, sides in runs.items():
        medians = {side: _medians(results) for side, results in sides.items()}
        ratios = {key: round(value / medians["base"][key], 2)
                  for key, value in medians["this"].items() if value and medians["base"].get(key)}
        report["configurations"][name] = {**medians, "ratio": ratios}
    return report


def _medians(results: list[dict]) -> dict[str, float]:
    keys = {key for result in results for key in result}
    out = {}
    for key in sorted(keys):
        values = [r[key] for r in results if r.get(key) is not None]
        if values:
            out[key] = round(statistics.median(values), 3)
    return out


def table(report: dict) -> str:
    lines = [f"this tree against {report['against']} (medians of {report['repeat']} interleaved runs):"]
    for name, sides in report["configurations"].items():
        lines.append(f"  {name}:")
        for key in sides["this"]:
            base, this, ratio = sides["base"].get(key), sides["this"][key], sides["ratio"].get(key)
            lines.append(f"    {key:22s} {base!s:>10}  {this!s:>10}  x{ratio}")
    return "\n".join(lines)
