"""Benchmark of `obligraph run`: ``python -m pipeline.scale.bench [--quick]`` (``make bench``).

Measures, end to end and per stage, on ../shared/corpus/crawl and the dev corpus's text files, with
1 and 2 workers: documents/s, MB/s of text, peak RSS (the whole process tree: driver + workers);
also extraction alone (no store) on the crawl, a 20x replicated crawl (every copy made unique) to
show that memory stays flat, pages/s of a PDF text layer, OCR pages/s on pages of the scanned dev
PDFs, pages/s of the ingest stage on the born-digital gazette PDFs (../shared/corpus/gazette), store
query latencies (pipeline.scale.storebench, when present) and ``grep -c`` over the same text as the
floor. Prints a table and writes ``outputs/bench/bench-<time>.json`` (and ``latest.json``).

Every configuration runs in a child process (``--child``) so its memory is measured alone. The crawl, dev and
gazette runs are run ``--repeat`` times (3): the round of median MB/s is reported, with the highest peak RSS of the
rounds and every round's rate (one run of a few seconds moves by a tenth on a shared machine).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from pipeline.extract.document import STAGES
from pipeline.scale.rates import ingest_pages_s, throughput

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
CRAWL = SHARED / "corpus" / "crawl"
DEV = SHARED / "corpus" / "dev"
GAZETTE = SHARED / "corpus" / "gazette"  # born-digital Official Gazette PDFs (text layer, header, tables)
OUT = ROOT / "outputs" / "bench"
GREP_PATTERN = r"[0-9]+/([0-9]{4}/)?[A-ZĐ]+-[A-Za-zĐđ]+"  # number-symbols, the references' anchor
RSS_POLL_SECONDS = 0.05


# ---------------------------------------------------------------- child side

def _child(spec: dict) -> dict:
    """Run one configuration in this process and return its BatchStats (and store timings)."""
    from pipeline.scale.batch import run_batch

    if spec["kind"] == "storebench":
        return _child_storebench(spec)
    store = None
    if spec.get("store"):
        from pipeline.graph.store import Store

        store = Store(spec["store"])
    try:
        stats = run_batch(spec["inputs"], store=store, workers=spec["workers"], engine="local",
                          force=True, failures_path=spec["failures"], progress=spec.get("progress", False),
                          stats_path=spec.get("stats"), components=spec.get("components", "rules"))
    finally:
        if store is not None:
            store.close()
    return stats.as_dict()


def _child_storebench(spec: dict) -> dict:
    from pipeline.graph.store import Store
    from pipeline.scale import storebench

    with Store(spec["source_store"]) as source:
        records = list(source.records())
    made = storebench.generate_store(records, spec["store"], n_obligations=spec["n_obligations"])
    with Store(spec["store"]) as store:
        latencies = storebench.time_queries(store)
    from pipeline.web.bench import time_endpoints

    return {"generated": made, "queries": latencies, "web": time_endpoints(spec["store"])}


# ---------------------------------------------------------------- parent side

def _tree_rss(pid: int) -> int:
    import psutil

    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            continue
    return total


def measure(spec: dict, timeout: float, root: Path = ROOT) -> dict:
    """Run ``spec`` in a child (of the code under ``root``); its result plus wall time and peak RSS (tree
    sum and largest process)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    # commits before the package's subpackages (#12) keep the benchmark at pipeline/bench.py
    module = "pipeline.scale.bench" if (root / "pipeline" / "scale" / "bench.py").exists() else "pipeline.bench"
    proc = subprocess.Popen([sys.executable, "-m", module, "--child", json.dumps(spec)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=root)
    peak = 0
    timed_out = False
    while proc.poll() is None:
        try:
            peak = max(peak, _tree_rss(proc.pid))
        except ImportError:
            pass
        if time.perf_counter() - start > timeout:
            timed_out = True
            _kill_tree(proc)
            break
        time.sleep(RSS_POLL_SECONDS)
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux; the largest child so far
    result: dict = {"wall_seconds": round(wall, 2), "peak_rss_tree_mb": round(peak / 2**20, 1),
                    "peak_rss_largest_process_mb": round(largest / 1024, 1) if largest > before else None}
    if timed_out:
        result["error"] = f"stopped after {timeout:.0f} s (time limit)"
        result["partial"] = last_progress(spec.get("stats"))
    elif proc.returncode != 0:
        result["error"] = (err.strip().splitlines() or [f"exit status {proc.returncode}"])[-1]
    else:
        result.update(json.loads(out.strip().splitlines()[-1]))
    return result


def median_round(results: list[dict]) -> dict:
    """Of several rounds of one run, the round of median input MB/s, with the highest peak RSS of them all (memory
    is judged by its worst round) and every round's rate; one round is returned as it is."""
    if len(results) == 1:
        return results[0]
    rated = sorted((r for r in results if r.get("rates")), key=lambda r: r["rates"]["input_mb_s"])
    if not rated:
        return results[0]  # no round finished: its error stands
    chosen = dict(rated[(len(rated) - 1) // 2])  # the lower median of an even count: no flattering
    chosen["peak_rss_tree_mb"] = max(r.get("peak_rss_tree_mb") or 0 for r in results)
    chosen["rounds_input_mb_s"] = [r.get("rates", {}).get("input_mb_s") for r in results]
    return chosen


def last_progress(stats_path: str | None) -> dict | None:
    """Rates so far of a run stopped at its time limit, from the statistics file the batch keeps."""
    try:
        return json.loads(Path(stats_path).read_text(encoding="utf-8")) if stats_path else None
    except (OSError, ValueError):  # stopped before its first tick
        return None


def _kill_tree(proc: subprocess.Popen) -> None:
    try:
        import psutil

        for child in psutil.Process(proc.pid).children(recursive=True):
            child.kill()
    except Exception:  # psutil missing or the tree already gone
        pass
    proc.kill()


def grep_floor(files: list[str], repeat: int = 3) -> dict:
    """Best-of-``repeat`` time of ``grep -c -E`` over the files: the cost of merely reading the text."""
    best = float("inf")
    env = dict(os.environ, LC_ALL="C.UTF-8")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(["grep", "-c", "-E", GREP_PATTERN, *files], stdout=subprocess.DEVNULL, env=env, check=False)
        best = min(best, time.perf_counter() - start)
    size = sum(os.path.getsize(f) for f in files) / 2**20
    return {"seconds": round(best, 4), "mb_s": round(size / best, 1), "pattern": GREP_PATTERN}


def pdfium_floor(files: list[str], repeat: int = 3) -> dict:
    """Best-of-``repeat`` pages/s of pypdfium2's text layer alone over the PDFs (open each, load each page, get its
    text): the floor the ingest stage's pages/s is read against, on this machine (#12 asks 300 pages/s of ingest)."""
    import pypdfium2 as pdfium

    best, pages = float("inf"), 0
    for _ in range(repeat):
        start, pages = time.perf_counter(), 0
        for path in files:
            document = pdfium.PdfDocument(path)
            for index in range(len(document)):
                document[index].get_textpage().get_text_range()
                pages += 1
            document.close()
        best = min(best, time.perf_counter() - start)
    return {"seconds": round(best, 4), "pages": pages, "pages_s": round(pages / best, 1) if best else None}


def replicate(sources: list[str], copies: int, target: Path) -> list[str]:
    """``copies`` unique copies of every source text (a last line with the copy number changes the hash)."""
    target.mkdir(parents=True, exist_ok=True)
    for k in range(copies):
        folder = target / f"copy{k:03d}"
        folder.mkdir()
        for src in sources:
            data = Path(src).read_bytes()
            (folder / Path(src).name).write_bytes(data + f"\n<!-- bản sao {k} -->\n".encode())
    return [str(target)]


def scanned_pages(n_pages: int, target: Path) -> list[str]:
    """A PDF of the first ``n_pages`` pages of the scanned dev PDFs (they have no text layer)."""
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    for path in sorted(DEV.glob("*.pdf")):
        if len(out) >= n_pages:
            break
        src = pdfium.PdfDocument(str(path))
        take = min(len(src), n_pages - len(out))
        out.import_pages(src, list(range(take)))
    path = target / "scanned_pages.pdf"
    out.save(str(path))
    return [str(path)]


def text_layer_pdfs(n_docs: int, target: Path, timeout: float = 180) -> list[str]:
    """PDFs with a text layer, printed from dev texts by LibreOffice (none in the corpora); [] if absent."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office:
        return []
    sources = sorted(DEV.glob("vi_*.txt"))[:n_docs]
    try:
        subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(target),
                        *map(str, sources)], capture_output=True, timeout=timeout, check=False,
                       env=dict(os.environ, HOME=str(target)))
    except subprocess.TimeoutExpired:
        return []
    return sorted(str(p) for p in target.glob("*.pdf"))


# ---------------------------------------------------------------- the run

def run(args: argparse.Namespace) -> dict:
    crawl = sorted(str(p) for p in CRAWL.glob("*.md"))
    dev = sorted(str(p) for p in DEV.glob("*.txt"))
    if args.quick:
        crawl = crawl[: len(crawl) // 4]
    report: dict = {"started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                    "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                "platform": platform.platform()},
                    "quick": args.quick, "runs": {}, "grep": {}}
    with tempfile.TemporaryDirectory(prefix="obligraph-bench-") as tmp_name:
        tmp = Path(tmp_name)

        def batch(name: str, inputs: list[str], workers: int, store: bool = True,
                  timeout: float | None = None, components: str = "rules", rounds: int = 1) -> dict:
            _say(f"{name}: {len(inputs)} inputs, {workers} worker(s){'' if store else ', no store'}"
                 + (f", {rounds} rounds" if rounds > 1 else ""))
            results = []
            for k in range(rounds):
                run_name = name if k == 0 else f"{name}-{k}"  # the first round's store is the storebench's source
                spec = {"kind": "batch", "inputs": inputs, "workers": workers, "progress": True,
                        "components": components, "store": str(tmp / f"{run_name}.sqlite") if store else None,
                        "failures": str(tmp / f"{run_name}.failures.jsonl"), "stats": str(tmp / f"{run_name}.stats.json")}
                result = measure(spec, timeout or args.timeout)
                result["rates"] = throughput(result)
                results.append(result)
            result = median_round(results)
            report["runs"][name] = {"workers": workers, "store": store, **result}
            return result

        rounds = 1 if args.quick else args.repeat
        for workers in args.workers:
            batch(f"crawl-{workers}w", crawl, workers, rounds=rounds)
        batch("crawl-2w-extract-only", crawl, 2, store=False, rounds=rounds)
        for components in ("model", "rules+model"):  # the trained components' cost (README "Trained components")
            batch(f"crawl-2w-{components}", crawl, 2, components=components, rounds=rounds)
        for workers in args.workers:
            batch(f"dev-text-{workers}w", dev, workers, rounds=rounds)
        report["grep"]["crawl"] = grep_floor(crawl)
        report["grep"]["dev-text"] = grep_floor(dev)

        if args.replicas:
            inputs = replicate(crawl, args.replicas, tmp / "replicated")
            batch(f"crawl-x{args.replicas}-2w-extract-only", inputs, 2, store=False,
                  timeout=args.replica_timeout)
            batch(f"crawl-x{args.replicas}-2w", inputs, 2, timeout=args.replica_timeout)
            shutil.rmtree(tmp / "replicated")

        if args.ocr_pages:
            batch("ocr", scanned_pages(args.ocr_pages, tmp), 1, store=False)
        if args.text_pdfs:
            pdf_dir = tmp / "pdf"
            pdf_dir.mkdir()
            pdfs = text_layer_pdfs(args.text_pdfs, pdf_dir)
            if pdfs:
                batch("pdf-text-layer", pdfs, 1, store=False)
            else:
                report["runs"]["pdf-text-layer"] = {"error": "LibreOffice not available to make text-layer PDFs"}

        gazette = sorted(str(p) for p in GAZETTE.glob("*.pdf"))
        if gazette:
            batch("gazette-pdf-1w", gazette, 1, store=False, rounds=rounds)  # one round is a few tenths of a second
            report["pdfium"] = {"gazette": pdfium_floor(gazette)}

        if args.store_obligations and _has_storebench():
            _say(f"storebench: {args.store_obligations} obligations")
            source = tmp / f"crawl-{args.workers[-1]}w.sqlite"
            report["store"] = measure({"kind": "storebench", "source_store": str(source),
                                       "store": str(tmp / "storebench.sqlite"),
                                       "n_obligations": args.store_obligations}, args.store_timeout)
        _say("scaling: numbered plans and single lines of 1k to 16k tasks")
        report["scaling"] = scaling(tmp / "scaling", args.scaling_sizes)
    report["summary"] = summary(report)
    return report


SCALING_HEADER = ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 100/KH-UBND\nNghệ An, ngày 20 tháng 11 năm 2025\nKẾ HOẠCH\n"
                  "I. NHIỆM VỤ\n")
SCALING_TASK = "Sở Tài chính chủ trì, phối hợp với Sở Nội vụ rà soát hồ sơ nhiệm vụ số {i}, hoàn thành trước ngày 15/12/2026."


def scaling_inputs(n: int, target: Path) -> dict[str, Path]:
    """The same task pattern n times: one numbered item per line, and all of them on one line."""
    target.mkdir(parents=True, exist_ok=True)
    plan, line = target / f"plan-{n}.txt", target / f"line-{n}.txt"
    plan.write_text(SCALING_HEADER + "".join(f"{i}. {SCALING_TASK.format(i=i)}\n" for i in range(1, n + 1)), "utf-8")
    line.write_text(SCALING_HEADER + "1. " + " Giao ".join(SCALING_TASK.format(i=i) for i in range(n)) + "\n", "utf-8")
    return {"items": plan, "one line": line}


def scaling(target: Path, sizes: list[int], repeat: int = 2) -> dict:
    """Seconds per MB of extraction at each size (best of `repeat`), and the largest size's ratio to the
    smallest's: linear cost keeps it near 1."""
    from pipeline.extract.document import extract_file
    from pipeline.ingest.limits import Limits

    limits = Limits(max_line_chars=10**8)  # the single-line inputs are long lines on purpose
    out: dict = {}
    for n in sizes:
        for shape, path in scaling_inputs(n, target).items():
            mb = path.stat().st_size / 2**20
            best = min(_timed(lambda p=path: extract_file(p, limits=limits)) for _ in range(repeat))
            out.setdefault(shape, []).append({"tasks": n, "mb": round(mb, 3), "seconds": round(best, 3),
                                              "s_per_mb": round(best / mb, 3)})
    for rows in out.values():
        rows.append({"ratio_largest_to_smallest": round(rows[-1]["s_per_mb"] / rows[0]["s_per_mb"], 2)})
    return out


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _has_storebench() -> bool:
    try:
        from pipeline.scale import storebench
    except ImportError:
        return False
    return hasattr(storebench, "generate_store") and hasattr(storebench, "time_queries")


def summary(report: dict) -> dict:
    """The numbers the issue's "done when" names."""
    runs = report["runs"]

    def rate(name: str, key: str):
        return runs.get(name, {}).get("rates", {}).get(key)

    crawl_grep = report["grep"].get("crawl", {}).get("seconds")
    out = {}
    for name, run_ in runs.items():
        if name.startswith("crawl") and "elapsed" in run_ and crawl_grep and "x" not in name.split("-")[1]:
            out[f"{name} / grep"] = round(run_["elapsed"] / crawl_grep, 1)
    out["crawl 2 workers input MB/s"] = rate("crawl-2w", "input_mb_s")
    out["crawl 2 workers peak RSS MB"] = runs.get("crawl-2w", {}).get("peak_rss_tree_mb")
    if rate("crawl-2w", "cpu_busy") is not None:  # end to end is bound by the CPU of both sides once the cores are busy
        out["crawl 2 workers CPU s, driver (store, validation) / workers, busy share of the cores"] = (
            f"{rate('crawl-2w', 'driver_cpu_seconds')} ({rate('crawl-2w', 'store_seconds')}, "
            f"{rate('crawl-2w', 'validate_seconds')}) / {rate('crawl-2w', 'workers_cpu_seconds')}, "
            f"{rate('crawl-2w', 'cpu_busy')}")
    for components in ("model", "rules+model"):
        out[f"crawl 2 workers input MB/s, --components {components}"] = rate(f"crawl-2w-{components}", "input_mb_s")
    for name, run_ in runs.items():
        if "-x" in name:
            out[f"{name} peak RSS MB"] = run_.get("peak_rss_tree_mb")
            rates = run_.get("rates") or run_.get("partial") or {}
            out[f"{name} input MB/s"] = rates.get("input_mb_s")
    out["OCR pages/s"] = rate("ocr", "pages_s")
    out["PDF text layer pages/s"] = rate("pdf-text-layer", "pages_s")
    ingest = out["gazette PDFs ingest pages/s"] = ingest_pages_s(runs.get("gazette-pdf-1w", {}))
    floor = report.get("pdfium", {}).get("gazette", {}).get("pages_s")
    out["gazette PDFs pypdfium2 text layer alone pages/s"] = floor
    out["gazette ingest / text layer alone"] = round(ingest / floor, 2) if ingest and floor else None
    return out


# ---------------------------------------------------------------- output

def _say(line: str) -> None:
    print(f"bench: {line}", file=sys.stderr, flush=True)


def table(report: dict) -> str:
    head = ("run", "docs", "docs/s", "in MB/s", "text MB/s", "pages/s", "store s", "CPU s driver", "workers", "busy",
            "peak RSS MB", "wall s", "note")
    rows = [head]
    for name, r in report["runs"].items():
        rates = r.get("rates") or r.get("partial") or {}
        rows.append((name, rates.get("documents", ""), rates.get("documents_s", ""), rates.get("input_mb_s", ""),
                     rates.get("text_mb_s", ""), rates.get("pages_s", "") if rates.get("pages") else "",
                     rates.get("store_seconds", "") if r.get("store") else "", rates.get("driver_cpu_seconds", ""),
                     rates.get("workers_cpu_seconds", ""), rates.get("cpu_busy", ""), r.get("peak_rss_tree_mb", ""),
                     r.get("wall_seconds", ""), r.get("error", "") or _rounds_note(r)))
    lines = _align(rows)
    stage_rows = [("stage (text MB/s, summed worker time)", *STAGES)]
    for name, r in report["runs"].items():
        stages = (r.get("rates") or {}).get("stages") or {}
        if stages and name.startswith(("crawl-1w", "crawl-2w-extract", "dev-text-1w")):
            stage_rows.append((name, *(stages.get(s, {}).get("text_mb_s") for s in STAGES)))
    lines += ["", *_align(stage_rows), ""]
    for corpus, g in report["grep"].items():
        lines.append(f"grep floor ({corpus}): {g['seconds']} s, {g['mb_s']} MB/s")
    for corpus, f in report.get("pdfium", {}).items():
        lines.append(f"pypdfium2 text layer floor ({corpus}): {f['pages']} pages in {f['seconds']} s, {f['pages_s']} pages/s")
    if "store" in report:
        store = report["store"]
        if "queries" in store:
            gen = store["generated"]
            lines.append(f"store: {gen['documents']} documents, {gen['obligations']} obligations generated in "
                         f"{gen['seconds']} s; query latency (best of 3):")
            lines += [f"  {q:45s} {v['seconds'] * 1000:8.1f} ms  ({v['results']} results)"
                      for q, v in store["queries"].items() if not q.startswith("_")]
            if "web" in store:
                from pipeline.web.bench import table as web_table

                lines.append(web_table(store["web"]))
        else:
            lines.append(f"store: {store.get('error')}")
    if "scaling" in report:
        rows = [("scaling (extraction)", "tasks", "MB", "s", "s/MB")]
        for shape, points in report["scaling"].items():
            rows += [(shape, p["tasks"], p["mb"], p["seconds"], p["s_per_mb"]) for p in points if "tasks" in p]
            rows.append((shape, "", "", "", f"x{points[-1]['ratio_largest_to_smallest']} largest/smallest"))
        lines += ["", *_align(rows)]
    lines += ["", "summary:"] + [f"  {k}: {v}" for k, v in report["summary"].items()]
    return "\n".join(lines)




def _rounds_note(run_: dict) -> str:
    rates = [x for x in run_.get("rounds_input_mb_s") or [] if x is not None]
    return f"median of {len(rates)} rounds ({min(rates)}-{max(rates)} MB/s)" if len(rates) > 1 else ""


def _align(rows: list[tuple]) -> list[str]:
    cells = [[("" if c is None else str(c)) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(cells[0]))]
    return ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.scale.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="a quarter of the crawl, 2x replication, 1 OCR page, small store (a smoke run)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--replicas", type=int, default=None, help="copies of the crawl for the memory run (20)")
    parser.add_argument("--ocr-pages", type=int, default=None, help="scanned pages to OCR (2)")
    parser.add_argument("--text-pdfs", type=int, default=None, help="dev texts printed to PDF (3)")
    parser.add_argument("--store-obligations", type=int, default=None, help="size of the query store (100000)")
    parser.add_argument("--timeout", type=float, default=300, help="time limit per run, seconds")
    parser.add_argument("--replica-timeout", type=float, default=240, help="time limit per replicated run (its rates so far are reported)")
    parser.add_argument("--store-timeout", type=float, default=400, help="time limit of the store benchmark")
    parser.add_argument("--scaling-sizes", type=int, nargs="+", default=[1000, 2000, 4000, 8000, 16000],
                        help="task counts of the scaling inputs (linear cost: s/MB flat across them)")
    parser.add_argument("--out", default=str(OUT), help="directory for the JSON report")
    parser.add_argument("--against", metavar="REV",
                        help="compare with commit REV instead: crawl with 2 workers end to end and the stages, "
                             "both trees interleaved, medians and ratios (pipeline.scale.against)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="rounds of each crawl and dev run (the median is reported; 1 with --quick), and of the "
                             "--against comparison")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_child(json.loads(args.child))))
        return 0
    if args.against:
        return run_against(args)
    defaults = {"replicas": (2, 20), "ocr_pages": (1, 2), "text_pdfs": (1, 3),
                "store_obligations": (10_000, 100_000)}
    for key, (quick, full) in defaults.items():
        if getattr(args, key) is None:
            setattr(args, key, quick if args.quick else full)
    report = run(args)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    text = json.dumps(report, ensure_ascii=False, indent=2)
    (out / f"bench-{stamp}.json").write_text(text + "\n", encoding="utf-8")
    (out / "latest.json").write_text(text + "\n", encoding="utf-8")
    print(table(report))
    print(f"\nbench: report written to {out / f'bench-{stamp}.json'}")
    return 0


def run_against(args: argparse.Namespace) -> int:
    from pipeline.scale import against

    crawl = sorted(str(p) for p in CRAWL.glob("*.md"))
    if args.quick:
        crawl = crawl[: len(crawl) // 4]
    with tempfile.TemporaryDirectory(prefix="obligraph-against-") as tmp_name:
        tmp = Path(tmp_name)
        try:
            tree = against.export_tree(args.against, ROOT, tmp / "tree")
        except subprocess.CalledProcessError as err:
            print(f"bench: cannot export {args.against}: {err.stderr.decode(errors='replace').strip()}",
                  file=sys.stderr)
            return 2
        (tmp / "runs").mkdir()
        gazette = sorted(str(p) for p in GAZETTE.glob("*.pdf"))
        _say(f"against {args.against}: {len(crawl)} crawl files, {len(gazette)} gazette PDFs, "
             f"{args.repeat} interleaved rounds")
        report = against.compare(args.against, tree, {"crawl": crawl, "gazette": gazette},
                                 lambda spec, root: measure(spec, args.timeout, root or ROOT),
                                 tmp / "runs", repeat=args.repeat)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "against.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(against.table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
