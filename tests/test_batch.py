"""`obligraph run`: every good file lands, every bad one is reported, reruns skip, kill -9 resumes,
and the Dask engine gives the same records as the local one.

Inputs are temporary copies of real documents from ../shared/corpus/dev, plus damaged files built
from them (empty, binary junk, truncated PDF, a PDF named .txt, a file over the size limit).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.graph.store import Store
from pipeline.scale import batch

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"
GOOD = ["vi_cv_11298_vpcp-ktth_2025.txt", "vi_cv_11299_vpcp-kgvx_2025.txt", "vi_cv_11306_vpcp-nn_2025.txt",
        "vi_cv_11583_vpcp-cn_2025.txt", "en_nq_10_cp_2010.txt"]
CLI = [sys.executable, "-m", "pipeline.cli"]


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, "run", *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def stored(path: Path) -> list[str]:
    with Store(path) as store:
        return [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in store.records()]


def failures(path: Path) -> dict[str, dict]:
    return {e["path"]: e for e in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


@pytest.fixture
def batch_dir(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    for i, name in enumerate(GOOD):
        shutil.copy(DEV / name, (docs / "sub" if i % 2 else docs) / name)
    (docs / "notes.csv").write_text("an unsupported file inside a directory is ignored\n")
    (docs / "empty.txt").write_bytes(b"")
    (docs / "junk.txt").write_bytes(bytes(range(256)) * 64)
    pdf = (DEV / "vi_qd_2605_bgddt_2025.pdf").read_bytes()
    (docs / "truncated.pdf").write_bytes(pdf[:1500])
    (docs / "scan_named.txt").write_bytes(pdf)
    big = (DEV / "vi_tb_659_vpcp_2025.txt").read_text(encoding="utf-8")
    (docs / "big.txt").write_text(big * 80, encoding="utf-8")  # ~580 KB, over --max-size-mb 0.5
    (tmp_path / "table.tsv").write_text("a\tb\n")
    return tmp_path


BAD = {  # file -> (stage, words of the reason)
    "docs/empty.txt": ("ingest", "empty file"),
    "docs/junk.txt": ("ingest", "binary"),
    "docs/truncated.pdf": ("ingest", "truncated PDF"),
    "docs/scan_named.txt": ("ingest", "does not match the content, which is a PDF"),
    "docs/big.txt": ("ingest", "file too large"),
    "table.tsv": ("discover", "unsupported file type '.tsv'"),
    "missing.txt": ("discover", "no such file"),
}


def test_good_files_land_bad_files_are_reported_then_skipped_then_forced(batch_dir: Path):
    args = ["docs", "table.tsv", "missing.txt", "--store", "out/s.sqlite", "--failures", "out/f.jsonl",
            "--workers", "2", "--max-size-mb", "0.5"]
    first = run_cli(*args, cwd=batch_dir)
    assert first.returncode == 1, first.stderr
    with Store(batch_dir / "out/s.sqlite") as store:
        paths = sorted(Path(r["source"]["path"]).name for r in store.records())
    assert paths == sorted(GOOD)
    logged = failures(batch_dir / "out/f.jsonl")
    assert set(logged) == set(BAD)
    for path, (stage, words) in BAD.items():
        assert logged[path]["stage"] == stage
        assert words in logged[path]["reason"]
        assert logged[path]["time"]
        # one clear line on stderr naming the file and the reason
        assert any(line.startswith(f"obligraph: {path}: ") and words in line for line in first.stderr.splitlines())
    summary = first.stdout.strip().splitlines()[-1]
    assert summary.startswith(f"obligraph: {len(GOOD)} documents (0 skipped, unchanged), ")
    assert summary.endswith(f", {len(BAD)} failures -> out/s.sqlite")
    before = stored(batch_dir / "out/s.sqlite")

    second = run_cli(*args, cwd=batch_dir)
    assert second.returncode == 1  # the bad files are still bad
    assert f"{len(GOOD)} documents ({len(GOOD)} skipped, unchanged)" in second.stdout
    assert second.stdout.split("documents")[1] == first.stdout.split("documents")[1].replace(
        "(0 skipped", f"({len(GOOD)} skipped")  # same obligation and reference totals
    assert len(failures(batch_dir / "out/f.jsonl")) == len(BAD)  # appended: same paths again

    forced = run_cli(*args, "--force", cwd=batch_dir)
    assert f"{len(GOOD)} documents (0 skipped, unchanged)" in forced.stdout
    assert stored(batch_dir / "out/s.sqlite") == before


def test_clean_run_exits_zero(tmp_path: Path):
    for name in GOOD[:2]:
        shutil.copy(DEV / name, tmp_path / name)
    done = run_cli(".", "--store", "s.sqlite", "--failures", "f.jsonl", "--workers", "1", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "f.jsonl").exists()
    assert done.stdout.startswith("obligraph: 2 documents (0 skipped, unchanged), ")


def test_discover_walks_directories_and_judges_explicit_files(batch_dir: Path):
    found = list(batch.discover([batch_dir / "docs", batch_dir / "table.tsv", batch_dir / "docs/notes.csv"]))
    paths = [Path(p).name for p in found if isinstance(p, str)]
    assert "notes.csv" not in paths and "truncated.pdf" in paths and len(paths) == len(GOOD) + 5
    bad = [f for f in found if isinstance(f, batch.Failure)]
    assert [(Path(f.path).name, f.stage) for f in bad] == [("table.tsv", "discover"), ("notes.csv", "discover")]
    assert batch.survey_inputs([batch_dir / "docs", batch_dir / "table.tsv"]) == batch.InputSurvey(len(GOOD) + 6, True)
    assert batch.survey_inputs([batch_dir / "docs" / GOOD[0], batch_dir / "table.tsv"]) == batch.InputSurvey(2, False)


def test_oversized_file_is_refused_before_hashing(batch_dir: Path):
    result = batch.hash_file(str(batch_dir / "docs/big.txt"), max_bytes=500_000)
    assert isinstance(result, batch.Failure) and "file too large" in result.reason


def test_summary_line_format():
    stats = batch.BatchStats(documents=62, skipped=3, obligations=1234, references=456, failures=1)
    assert batch.summary_line(stats, "outputs/obligraph.sqlite") == (
        "obligraph: 62 documents (3 skipped, unchanged), 1234 obligations, 456 references, 1 failure "
        "-> outputs/obligraph.sqlite")


def test_plain_progress_lines_when_not_a_terminal(monkeypatch):
    monkeypatch.setattr(batch, "LOG_EVERY_FILES", 2)
    out = io.StringIO()
    bar = batch.Progress(total=5, stream=out)
    for _ in range(5):
        bar.advance(nbytes=1000)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2 and lines[-1].startswith("obligraph: 4/5 files (0 failed), ")
    assert "MB/s" in lines[-1] and "ETA" in lines[-1]


def test_progress_figures_are_written_as_json_for_programs(monkeypatch, tmp_path: Path):
    """The numbers of the human line, readable without parsing it (the benchmark reads them)."""
    monkeypatch.setattr(batch, "LOG_EVERY_FILES", 2)
    stats_path = tmp_path / "stats.json"
    bar = batch.Progress(total=5, stream=io.StringIO(), stats_path=stats_path)
    for k in range(5):
        bar.advance(nbytes=1000, failed=k == 0)
    written = json.loads(stats_path.read_text(encoding="utf-8"))
    assert (written["documents"], written["of"], written["failed"], written["final"]) == (4, 5, 1, False)
    assert written["documents_s"] > 0 and written["input_mb_s"] > 0


def test_a_run_writes_its_final_statistics_as_json(tmp_path: Path):
    stats_path = tmp_path / "run" / "stats.json"
    stats = batch.run_batch([str(DEV / GOOD[0]), str(tmp_path / "missing.txt")], store=None, workers=1,
                            failures_path=tmp_path / "f.jsonl", progress=False, stats_path=stats_path)
    written = json.loads(stats_path.read_text(encoding="utf-8"))
    assert written["final"] is True
    assert (written["files"], written["failures"], written["obligations"]) == (1, 1, stats.obligations)
    assert written["obligations"] > 0 and written["stage_seconds"]["ingest"] > 0
    assert written["input_bytes"] == (DEV / GOOD[0]).stat().st_size


def test_a_run_counts_the_cpu_of_its_driver_and_of_its_workers(tmp_path: Path):
    from pipeline.graph.store import Store
    from pipeline.scale.rates import cpu_use

    with Store(tmp_path / "s.sqlite") as store:
        stats = batch.run_batch([str(DEV / name) for name in GOOD], store=store, workers=1,
                                failures_path=tmp_path / "f.jsonl", progress=False)
    # the worker extracted five documents (and warmed up): more CPU than the driver's validating and storing them
    assert 0 < stats.validate_seconds and 0 < stats.store_seconds < stats.driver_cpu_seconds < stats.workers_cpu_seconds
    use = cpu_use(stats.as_dict())
    assert 0 < use["cpu_busy"] <= 1.05  # a core's share can only be reached, not passed (the clock ticks aside)


def test_cpu_use_is_the_share_of_the_cores_kept_busy(monkeypatch):
    from pipeline.scale import rates

    monkeypatch.setattr(rates.os, "cpu_count", lambda: 2)
    run = {"driver_cpu_seconds": 1.4, "workers_cpu_seconds": 4.8, "elapsed": 3.1}
    assert rates.cpu_use(run) == {"driver_cpu_seconds": 1.4, "workers_cpu_seconds": 4.8, "cpu_busy": 1.0}
    assert rates.cpu_use({**run, "workers_cpu_seconds": None}) == {}  # a Dask run: its workers are not our children


def test_the_benchmark_reads_a_stopped_runs_rates_from_the_statistics_file(tmp_path: Path):
    from pipeline.scale import bench

    stats_path = tmp_path / "stats.json"
    assert bench.last_progress(str(stats_path)) is None  # stopped before its first tick
    stats_path.write_text(json.dumps({"documents": 40, "of": 62, "input_mb_s": 2.5}), encoding="utf-8")
    assert bench.last_progress(str(stats_path))["input_mb_s"] == 2.5


def _round(mb_s: float | None, rss: float, error: str | None = None) -> dict:
    return {"peak_rss_tree_mb": rss, **({"error": error, "rates": {}} if error else {"rates": {"input_mb_s": mb_s}})}


@pytest.mark.parametrize("rounds, rate, rss, note", [
    ([_round(3.1, 150), _round(3.5, 160), _round(2.9, 155)], 3.1, 160, "median of 3 rounds (2.9-3.5 MB/s)"),
    ([_round(3.1, 150), _round(3.5, 149)], 3.1, 150, "median of 2 rounds (3.1-3.5 MB/s)"),  # the lower of two
    ([_round(None, 90, "stopped after 300 s (time limit)"), _round(3.0, 150), _round(3.2, 151)], 3.0, 151,
     "median of 2 rounds (3.0-3.2 MB/s)"),
    ([_round(3.3, 150)], 3.3, 150, ""),
])
def test_the_benchmark_reports_the_median_round_and_the_worst_memory(rounds, rate, rss, note):
    from pipeline.scale import bench

    chosen = bench.median_round(rounds)
    assert (chosen["rates"]["input_mb_s"], chosen["peak_rss_tree_mb"], bench._rounds_note(chosen)) == (rate, rss, note)


def _unique_copies(target: Path, n: int) -> None:
    """n distinct documents: real dev texts, each with a line that makes its hash unique."""
    sources = sorted(p for p in DEV.glob("vi_cv_*.txt"))[:6]
    target.mkdir()
    for k in range(n):
        src = sources[k % len(sources)]
        text = src.read_text(encoding="utf-8") + f"\nBản sao số {k}.\n"
        (target / f"{k:03d}_{src.name}").write_text(text, encoding="utf-8")


def _count(store: Path) -> int:
    try:
        with sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def _live_group(pgid: int, wait: float) -> list[int]:
    """Processes of the group still running (zombies waiting to be reaped do not count)."""
    psutil = pytest.importorskip("psutil")
    end = time.monotonic() + wait
    while True:
        live = []
        for p in psutil.process_iter(["pid", "status"]):
            try:
                if os.getpgid(p.pid) == pgid and p.info["status"] != psutil.STATUS_ZOMBIE:
                    live.append(p.pid)
            except (ProcessLookupError, psutil.Error):
                continue
        if not live or time.monotonic() > end:
            return live
        time.sleep(0.1)


def test_kill_9_then_rerun_gives_the_same_store_as_one_run(tmp_path: Path):
    n = 30
    _unique_copies(tmp_path / "in", n)
    whole = run_cli("in", "--store", "whole.sqlite", "--failures", "f.jsonl", "--workers", "2", cwd=tmp_path)
    assert whole.returncode == 0, whole.stderr

    # small commit groups, so that the kill falls between commits and inside an open group
    proc = subprocess.Popen([*CLI, "run", "in", "--store", "cut.sqlite", "--failures", "f.jsonl", "--workers", "2",
                             "--commit-every", "4"],
                            cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, start_new_session=True)
    deadline = time.monotonic() + 60
    while _count(tmp_path / "cut.sqlite") < 4 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)  # the driver only: its workers must go with it
    proc.wait()
    committed = _count(tmp_path / "cut.sqlite")
    assert 4 <= committed < n, "the run was not cut in the middle"
    leftovers = _live_group(proc.pid, wait=5.0)
    if leftovers:
        os.killpg(proc.pid, signal.SIGKILL)
    assert not leftovers, "worker processes outlived the killed driver"

    again = run_cli("in", "--store", "cut.sqlite", "--failures", "f.jsonl", "--workers", "2", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert f"{n} documents ({committed} skipped, unchanged)" in again.stdout
    assert stored(tmp_path / "cut.sqlite") == stored(tmp_path / "whole.sqlite")
    with Store(tmp_path / "cut.sqlite") as cut, Store(tmp_path / "whole.sqlite") as one:
        assert cut.dump() == one.dump()


def test_dask_engine_gives_byte_identical_records(tmp_path: Path):
    distributed = pytest.importorskip("distributed")
    files = [str(DEV / name) for name in GOOD]
    with Store(tmp_path / "local.sqlite") as store:
        local = batch.run_batch(files, store=store, workers=2, failures_path=tmp_path / "f.jsonl", progress=False)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster:
        with Store(tmp_path / "dask.sqlite") as store:
            remote = batch.run_batch(files, store=store, workers=2, engine="dask",
                                     scheduler=cluster.scheduler_address, failures_path=tmp_path / "f.jsonl",
                                     progress=False)
    assert local.failures == remote.failures == 0
    assert (local.documents, local.obligations, local.references) == (
        remote.documents, remote.obligations, remote.references)
    assert stored(tmp_path / "dask.sqlite") == stored(tmp_path / "local.sqlite")
    assert len(stored(tmp_path / "local.sqlite")) == len(GOOD)


def test_a_file_that_kills_its_worker_fails_alone(tmp_path: Path, monkeypatch):
    """A reader library crashing the process (a segfault in a PDF parser, the OOM killer) takes a worker
    down: that file is reported and every other file still lands, whatever was in flight with it."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in GOOD:
        shutil.copy(DEV / name, docs / name)
    (docs / "poison.txt").write_text((DEV / GOOD[0]).read_text(encoding="utf-8") + "\nchất độc\n", encoding="utf-8")
    real = batch.extract_one

    def dying(path: str, *args, **kwargs):
        if path.endswith("poison.txt"):
            os._exit(9)  # the worker process dies without a word
        return real(path, *args, **kwargs)

    # pickled by name: the forked workers find the patched function under the real one's name
    dying.__module__, dying.__qualname__ = real.__module__, real.__qualname__
    monkeypatch.setattr(batch, "extract_one", dying)
    with Store(tmp_path / "s.sqlite") as store:
        stats = batch.run_batch([str(docs)], store=store, workers=2, failures_path=tmp_path / "f.jsonl",
                                progress=False)
        paths = sorted(Path(r["source"]["path"]).name for r in store.records())
    assert stats.failures == 1 and paths == sorted(GOOD)
    failed = failures(tmp_path / "f.jsonl")
    assert list(failed) == [str(docs / "poison.txt")]
    assert failed[str(docs / "poison.txt")]["reason"] == batch.WORKER_DIED


@pytest.mark.parametrize("stored_before", [False, True], ids=["empty store", "store in use"])
def test_same_content_under_two_paths_is_one_document_named_by_the_smaller_path(tmp_path: Path, stored_before):
    """On an empty store files are extracted at once (no hashing round trip), in a store in use they are
    looked up first; either way a copy is one document, named by its smallest path."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("b_copy.txt", "a_copy.txt", "c_copy.txt"):
        shutil.copy(DEV / GOOD[0], docs / name)
    with Store(tmp_path / "s.sqlite") as store:
        if stored_before:
            batch.run_batch([str(DEV / GOOD[1])], store=store, workers=1, failures_path=tmp_path / "f.jsonl",
                            progress=False)
        stats = batch.run_batch([str(docs)], store=store, workers=2, failures_path=tmp_path / "f.jsonl",
                                progress=False)
        paths = [Path(r["source"]["path"]).name for r in store.records()]
    assert (stats.documents, stats.skipped, stats.failures) == (3, 2, 0)
    assert "a_copy.txt" in paths and "b_copy.txt" not in paths and "c_copy.txt" not in paths


def test_a_copy_under_a_smaller_path_renames_the_stored_one_though_its_content_is_known(tmp_path: Path):
    """A store in use looks a file's content up before extracting it; a copy already stored under a larger
    path is no reason to skip a smaller one (the order hashes finish in must not choose the name)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("b_copy.txt", "a_copy.txt"):
        shutil.copy(DEV / GOOD[0], docs / name)
    with Store(tmp_path / "s.sqlite") as store:
        batch.run_batch([str(docs / "b_copy.txt")], store=store, workers=1, failures_path=tmp_path / "f.jsonl",
                        progress=False)
        stats = batch.run_batch([str(docs)], store=store, workers=1, failures_path=tmp_path / "f.jsonl",
                                progress=False)
        again = batch.run_batch([str(docs)], store=store, workers=1, failures_path=tmp_path / "f.jsonl",
                                progress=False)
        paths = [Path(r["source"]["path"]).name for r in store.records()]
    assert paths == ["a_copy.txt"]
    assert (stats.documents, stats.skipped, stats.files) == (2, 2, 1)
    assert (again.documents, again.skipped, again.files) == (2, 2, 0)  # now both are known under their name


def test_the_comparison_with_another_commit_interleaves_the_trees_and_gives_ratios(tmp_path: Path):
    """bench --against: REV and this tree alternate, and each figure's ratio is this tree / REV."""
    from pipeline.scale import against

    order: list[str] = []

    def fake_measure(spec: dict, root: Path | None) -> dict:
        order.append("base" if root else "this")
        speed = 1.0 if root else 2.0  # this tree twice as fast
        pages = 68 if spec["inputs"] == ["a.pdf"] else 0
        return {"elapsed": 10 / speed, "input_bytes": 10 * 2**20, "text_bytes": 8 * 2**20, "pages": pages,
                "stage_seconds": {"ingest": 2 / speed, "obligations": 4 / speed}, "peak_rss_tree_mb": 100.0}

    report = against.compare("HEAD~1", tmp_path, {"crawl": ["a.md"], "gazette": ["a.pdf"]}, fake_measure, tmp_path,
                             repeat=2)
    assert order == ["base", "this"] * 2 * len(against.CONFIGURATIONS)
    assert report["configurations"]["gazette-1w-extract-only"]["ratio"]["ingest pages/s"] == 2.0
    assert report["configurations"]["gazette-1w-extract-only"]["this"]["ingest pages/s"] == 68.0
    assert "ingest pages/s" not in report["configurations"]["crawl-2w"]["this"]
    no_pdfs = against.compare("HEAD~1", tmp_path, {"crawl": ["a.md"], "gazette": []}, fake_measure, tmp_path)
    assert set(no_pdfs["configurations"]) == {"crawl-2w", "crawl-1w-extract-only"}
    ratios = report["configurations"]["crawl-2w"]["ratio"]
    assert ratios["input MB/s"] == 2.0 and ratios["ingest MB/s"] == 2.0 and ratios["peak RSS MB"] == 1.0
    assert report["configurations"]["crawl-2w"]["base"]["input MB/s"] == 1.0


def test_another_commit_is_exported_without_a_checkout(tmp_path: Path):
    from pipeline.scale import against

    tree = against.export_tree("HEAD", ROOT, tmp_path / "tree")
    assert (tree / "pipeline" / "scale" / "batch.py").is_file()
    with pytest.raises(subprocess.CalledProcessError):
        against.export_tree("no-such-revision", ROOT, tmp_path / "other")


def test_warm_up_leaves_lingua_unloaded_until_a_document_needs_it():
    """Each warm-up text is decided by its letters; lingua's models load only when a document needs them."""
    probe = ("import pipeline.cleanup.language as L, pipeline.scale.batch as b\n"
             "b.warm_up(); print(L._lingua.cache_info().currsize)\n"
             # an English sentence naming Hà Nội: neither clearly Vietnamese nor clearly English by letters
             "L.detect_document(['The Ministry of Finance in Hà Nội shall report on the plan by June.']); "
             "print(L._lingua.cache_info().currsize)\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1]).stdout.split()
    assert out == ["0", "1"]


@pytest.mark.parametrize("pdf_reader", [False, True])
def test_warm_up_loads_the_pdf_reader_only_for_a_batch_that_holds_pdfs(pdf_reader: bool):
    """A worker of text files never loads PDFium; a worker of a batch with PDFs loads it before its first file."""
    probe = f"import sys, pipeline.scale.batch as b\nb.warm_up(pdf_reader={pdf_reader}); print('pypdfium2' in sys.modules)\n"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1]).stdout.split()
    assert out == [str(pdf_reader)]


def test_the_benchmark_reads_ingest_against_pypdfiums_text_layer_alone():
    # the gazette PDFs of ../shared: the floor counts every page, and the summary puts ingest beside it
    from pipeline.scale import bench

    gazette = sorted(str(p) for p in (DEV.parents[0] / "gazette").glob("*.pdf"))
    floor = bench.pdfium_floor(gazette, repeat=1)
    import pypdfium2 as pdfium

    assert floor["pages"] == sum(len(pdfium.PdfDocument(p)) for p in gazette) > 0 and floor["pages_s"] > 0
    report = {"runs": {"gazette-pdf-1w": {"pages": 68, "stage_seconds": {"ingest": 0.4}}}, "grep": {},
              "pdfium": {"gazette": {"pages_s": 272.0}}}
    summary = bench.summary(report)
    assert (summary["gazette PDFs ingest pages/s"], summary["gazette ingest / text layer alone"]) == (170.0, 0.62)
