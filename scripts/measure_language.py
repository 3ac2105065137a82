"""Measure the two language detectors on our documents: per document and per paragraph (block).

Every paragraph of a document is labelled with the document's language from the dev MANIFEST (the
documents are single-language), so block accuracy is how often a detector agrees on short lines.
Usage: .venv/bin/python scripts/measure_language.py [--json]"""

from __future__ import annotations

import csv
import json
import sys
import time
from pathlib import Path

from pipeline.cleanup.language import detect, detect_document
from pipeline.cleanup.normalise import normalise
from pipeline.segment.segmenter import paragraphs

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"
SEEDS = {"000": "en", "001": "vi", "002": "en", "003": "en", "004": "en"}


def labelled() -> list[tuple[str, str]]:
    with (DEV / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        rows = [(DEV / r["file"], r["language"]) for r in csv.DictReader(handle, delimiter="\t")
                if r["file"].endswith(".txt")]
    seeds = ROOT.parent / "shared" / "seeds"
    rows += [(p, SEEDS[p.name[:3]]) for p in sorted(seeds.glob("*.txt"))]
    return [(normalise(p.read_text("utf-8")), lang) for p, lang in rows]


def measure(backend: str, docs: list[tuple[str, str]]) -> dict:
    doc_right = block_right = block_total = short_right = short_total = 0
    start = time.perf_counter()
    for text, lang in docs:
        blocks = [text[s:e] for s, e in paragraphs(text)]
        doc_right += detect_document(blocks, backend) == lang
        for block in blocks:
            guess = detect(block, backend)
            if guess is None:
                continue
            block_total += 1
            block_right += guess == lang
            if len(block) < 80:
                short_total += 1
                short_right += guess == lang
    return {"backend": backend, "documents": len(docs), "document_accuracy": round(doc_right / len(docs), 4),
            "blocks": block_total, "block_accuracy": round(block_right / block_total, 4),
            "short_blocks": short_total, "short_block_accuracy": round(short_right / short_total, 4),
            "seconds": round(time.perf_counter() - start, 2)}


def main() -> None:
    docs = labelled()
    results = [measure(backend, docs) for backend in ("lingua", "langdetect")]
    if "--json" in sys.argv:
        print(json.dumps(results, indent=2))
        return
    print(f"{'backend':<11} {'docs':>5} {'doc acc':>8} {'blocks':>7} {'block acc':>10} {'<80 chars':>10} {'acc':>7} {'s':>6}")
    for r in results:
        print(f"{r['backend']:<11} {r['documents']:>5} {r['document_accuracy']:>8.3f} {r['blocks']:>7} "
              f"{r['block_accuracy']:>10.3f} {r['short_blocks']:>10} {r['short_block_accuracy']:>7.3f} {r['seconds']:>6}")


if __name__ == "__main__":
    main()
