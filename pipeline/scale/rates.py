"""The figures of one batch result (the batch's JSON statistics plus the measured peak RSS): rates of the
whole run, per stage, and pages/s of the ingest stage. ``make bench``'s table and the comparison with
another commit (against.py) both read them here."""

from __future__ import annotations

import os

from pipeline.extract.document import STAGES

MIB = 2**20


def throughput(result: dict) -> dict:
    """Rates of one batch result; {} for a run that ended before it reported anything."""
    if "elapsed" not in result:
        return {}
    elapsed = result["elapsed"] or 1e-9
    mb = result["input_bytes"] / MIB
    text_mb = result["text_bytes"] / MIB
    stages = {stage: {"seconds": round(seconds, 3), "text_mb_s": round(text_mb / seconds, 2) if seconds > 0 else None}
              for stage, seconds in result.get("stage_seconds", {}).items()}
    files, pages = result.get("files", 0), result.get("pages", 0)
    return {"documents": files, "documents_s": round(files / elapsed, 2),
            "input_mb": round(mb, 2), "input_mb_s": round(mb / elapsed, 3),
            "text_mb": round(text_mb, 2), "text_mb_s": round(text_mb / elapsed, 3),
            "pages": pages, "pages_s": round(pages / elapsed, 3), "ingest_pages_s": ingest_pages_s(result),
            "ocr_pages": result.get("ocr_pages", 0), "store_seconds": round(result.get("store_seconds", 0.0), 2),
            "validate_seconds": round(result.get("validate_seconds", 0.0), 2), **cpu_use(result),
            "failures": result.get("failures", 0), "stages": stages}


def cpu_use(result: dict) -> dict:
    """The driver's and the workers' CPU seconds, and the share of the machine's cores they kept busy over the run's
    elapsed time (1.0: every core all the time, so only less work, not more workers, makes the run faster); {} where
    the workers' CPU was not measured (a Dask run)."""
    driver, workers, elapsed = result.get("driver_cpu_seconds"), result.get("workers_cpu_seconds"), result.get("elapsed")
    if driver is None or workers is None or not elapsed:
        return {}
    return {"driver_cpu_seconds": round(driver, 2), "workers_cpu_seconds": round(workers, 2),
            "cpu_busy": round((driver + workers) / (elapsed * (os.cpu_count() or 1)), 2)}


def ingest_pages_s(result: dict) -> float | None:
    """Pages read per second of the ingest stage alone (worker time), the figure of born-digital PDFs."""
    seconds = (result.get("stage_seconds") or {}).get("ingest")
    return round(result["pages"] / seconds, 1) if seconds and result.get("pages") else None


def compared_figures(result: dict) -> dict[str, float | None]:
    """The flat figures two trees are compared on: input MB/s, peak RSS, text MB/s per stage and, for
    PDFs, ingest pages/s."""
    rates = throughput(result)
    if not rates:
        return {}
    out = {"input MB/s": rates["input_mb_s"], "peak RSS MB": result.get("peak_rss_tree_mb")}
    for stage in STAGES:
        out[f"{stage} MB/s"] = (rates["stages"].get(stage) or {}).get("text_mb_s")
    if rates["ingest_pages_s"] is not None:
        out["ingest pages/s"] = rates["ingest_pages_s"]
    return out
