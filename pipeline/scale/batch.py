"""`obligraph run`: extract many files in parallel and stream the records into the store.

Each file goes through two small tasks on the workers: ``hash_file`` (the content hash, so the
driver can skip what the store already holds without reading file bytes itself) and
``extract_one`` (the whole pipeline, returning the contract record). The driver keeps a bounded
number of tasks in flight, writes each record to the store in its own transaction as it arrives
(so memory stays flat and a killed run keeps everything already committed), appends every failure
to ``failures.jsonl`` and ends with the summary line of CONTRACT.md.

Two engines run the tasks: ``local`` (a process pool on this machine) and ``dask`` (a Dask
distributed cluster; see README "Running on a Dask cluster"). Records do not depend on the engine
or the number of workers: ids are derived from content and each file is processed independently.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import functools
import json
import multiprocessing
import os
import resource
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pipeline.cleanup.language import DEFAULT_BACKEND
from pipeline.extract.document import STAGES, StageError, StageTimer, extract_file, extract_text
from pipeline.graph.store import GROUP_DOCUMENTS as DEFAULT_COMMIT_EVERY
from pipeline.graph.store import GROUP_SECONDS
from pipeline.ingest.limits import DEFAULT_LIMITS, MB, Limits, add_limit_arguments, limits_from_args
from pipeline.ingest.readers import DEFAULT_MAX_BYTES, IngestError, load_pdf_reader, read_document, supported
from pipeline.model.cli import add_components_argument
from pipeline.records import InvalidRecord, Source

DEFAULT_STORE = Path("outputs") / "obligraph.sqlite"
DEFAULT_FAILURES = Path("outputs") / "failures.jsonl"
HASH_CHUNK = 1 << 20
IN_FLIGHT_PER_WORKER = 8  # keeps workers busy while the driver writes a slow document; records are small
LOG_EVERY_FILES = 100  # plain progress lines (stderr not a terminal)
LOG_EVERY_SECONDS = 10.0
PARENT_POLL_SECONDS = 0.5
WATCHDOG_POLL = 5.0  # seconds between the driver's looks at workers that finish nothing
WATCHDOG_GRACE = 30.0  # beyond a file's own time limit before the driver ends the workers
WORKER_DIED = "worker process died while processing this file (crash or killed by the OS, e.g. out of memory)"

# Two short real-looking texts, one per language, run once per worker so the patterns and the data
# files are loaded before the first real file (and its time is not charged to that file). Each has
# enough letters for the letter count to decide its language, so the warm-up does not load lingua's
# models: a worker loads them only when a document needs them, which in ../shared is one saved English
# page of 442 documents.
_WARM_TEXTS = (
    "THỦ TƯỚNG CHÍNH PHỦ\nSố: 280/CĐ-TTg\nHà Nội, ngày 19 tháng 4 năm 2023\nCÔNG ĐIỆN\n"
    "1. Bộ Nội vụ chủ trì, phối hợp với Văn phòng Chính phủ báo cáo Thủ tướng Chính phủ trước ngày 30 "
    "tháng 4 năm 2023.\n2. Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo các cơ quan "
    "chức năng kiểm tra, xử lý nghiêm các vi phạm; kết quả gửi Bộ Tài chính trong 5 ngày làm việc.\n",
    "THE PRIME MINISTER\nNo. 65/2010/QD-TTg\nHanoi, October 21, 2010\nDECISION\n"
    "1. The Ministry of Home Affairs shall report to the Prime Minister by the end of 2010.\n"
    "2. The People's Committees of provinces and centrally run cities shall direct the agencies concerned "
    "to inspect and strictly handle violations, and send the results to the Ministry of Finance.\n",
)


# ---------------------------------------------------------------- results of the worker tasks

@dataclass
class Failure:
    path: str
    stage: str
    reason: str


@dataclass
class Hashed:
    path: str
    sha256: str
    size: int


@dataclass
class Extracted:
    path: str
    blob: str  # the record as compact_json text: one string crosses the process boundary, not a tree of objects
    size: int
    text_bytes: int
    pages: int
    ocr: bool
    seconds: float
    stage_seconds: dict[str, float] = field(default_factory=dict)


# ---------------------------------------------------------------- worker side

def warm_up(language_backend: str = DEFAULT_BACKEND, components: str = "rules", pdf_reader: bool = False) -> None:
    """Load every extractor's data (and the trained model, when asked for) once in this process; with pdf_reader, the
    PDF reader's library too (only a batch that holds PDFs: a worker of text files never needs it)."""
    for text in _WARM_TEXTS:
        extract_text(text, source=Source(path="warm-up", format="txt", sha256="0" * 64),
                     language_backend=language_backend, components=components)
    if pdf_reader:
        load_pdf_reader()


def _init_local_worker(language_backend: str, memory_mb: int = DEFAULT_LIMITS.memory_mb,
                       components: str = "rules", pdf_reader: bool = False) -> None:
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    warm_up(language_backend, components, pdf_reader)
    limit_memory(memory_mb)


def limit_memory(memory_mb: int) -> None:
    """Cap this worker's address space: a file that needs more fails with MemoryError (reported) or, in a
    C library, ends the worker (reported too, and the worker replaced), instead of exhausting the machine."""
    if memory_mb > 0:
        limit = memory_mb * MB
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit if hard == resource.RLIM_INFINITY else min(limit, hard)))


class FileTimedOut(BaseException):
    """A file ran past its wall-clock limit. A BaseException, so no reader's 'except Exception' swallows it."""


def _on_alarm(signum, frame) -> None:
    raise FileTimedOut()


def _exit_with_parent(parent: int) -> None:
    """A worker ends when the driver does (even by kill -9), so no idle workers are left behind."""
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def hash_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Hashed | Failure:
    """The content hash, read in chunks; files ingest would refuse are reported without reading them."""
    try:
        size = os.stat(path).st_size
        if size == 0 or size > max_bytes:
            read_document(path, max_bytes)  # raises the ingest stage's own message
        import hashlib

        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            while chunk := fh.read(HASH_CHUNK):
                digest.update(chunk)
        return Hashed(path, digest.hexdigest(), size)
    except IngestError as err:
        return Failure(path, "ingest", str(err))
    except OSError as err:
        return Failure(path, "ingest", f"cannot read file: {err.strerror or err}")
    except Exception as err:  # never let one file stop the batch
        return Failure(path, "hash", f"{type(err).__name__}: {err}")


@functools.cache
def _validator():
    """The record validator, built in the driver on first use: the workers never import pydantic."""
    from pipeline.schema import RecordValidator

    return RecordValidator()


def extract_one(path: str, max_bytes: int = DEFAULT_MAX_BYTES, language_backend: str = DEFAULT_BACKEND,
                limits: Limits = DEFAULT_LIMITS, components: str = "rules") -> Extracted | Failure:
    """The whole pipeline on one file; every exception becomes a Failure naming the stage. The file's time
    limit is a timer signal in this process (the driver's watchdog backs it up for code that holds it)."""
    timer = StageTimer()
    start = time.perf_counter()
    timed = limits.file_timeout > 0 and threading.current_thread() is threading.main_thread()
    if timed:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, limits.file_timeout)
    try:
        record = extract_file(path, max_bytes=max_bytes, language_backend=language_backend, timer=timer,
                              limits=limits, components=components)
    except FileTimedOut:
        return Failure(path, timer.current, f"timed out after {limits.file_timeout:g} s (--file-timeout)")
    except IngestError as err:
        reason = str(err)
        return Failure(path, "ocr" if "OCR" in reason else "ingest", reason)
    except StageError as err:
        if isinstance(err.__cause__, MemoryError):
            return Failure(path, err.stage, f"memory limit reached ({limits.memory_mb} MB; --memory-limit-mb)")
        return Failure(path, err.stage, str(err))
    except MemoryError:
        return Failure(path, timer.current, f"memory limit reached ({limits.memory_mb} MB; --memory-limit-mb)")
    except Exception as err:  # a reader library crashing on damaged input
        return Failure(path, "ingest", f"{type(err).__name__}: {err}")
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    return Extracted(path=path, blob=record.to_json(), size=os.path.getsize(path),
                     text_bytes=len(record.text.encode("utf-8")), pages=record.source.pages or 0,
                     ocr=record.source.ocr, seconds=time.perf_counter() - start,
                     stage_seconds=dict(timer.seconds))


# ---------------------------------------------------------------- discovery

def discover(inputs: Iterable[str | os.PathLike]) -> Iterator[str | Failure]:
    """Paths to process, in a stable order: directories recursively (unsupported files there are
    ignored), explicit files as given (an unsupported or missing one is a Failure)."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            yield from _walk(path)
        elif not path.exists():
            yield Failure(str(path), "discover", "no such file or directory")
        elif not path.is_file():
            yield Failure(str(path), "discover", "not a regular file")
        elif not supported(path):
            yield Failure(str(path), "discover", f"unsupported file type '{path.suffix or '(none)'}'")
        else:
            yield str(path)


def _walk(root: Path) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and supported(Path(name)):
                yield os.path.join(dirpath, name)


@dataclass(frozen=True)
class InputSurvey:
    """What the inputs hold, from one walk before the run (so the paths are never all held): how many items
    ``discover`` will yield, and whether any is a PDF (the workers then load the PDF reader as they warm up)."""
    count: int
    pdfs: bool


def survey_inputs(inputs: Iterable[str | os.PathLike]) -> InputSurvey:
    count, pdfs = 0, False
    for item in discover(inputs):
        count += 1
        pdfs = pdfs or isinstance(item, str) and item.lower().endswith(".pdf")
    return InputSurvey(count, pdfs)


# ---------------------------------------------------------------- engines

class EngineBroken(Exception):
    """The task's worker died; the engine has been restarted and the task can be retried."""


class LocalEngine:
    """A process pool on this machine. Workers are forked on Linux (cheap, and children of the driver,
    so they can notice its death); spawned elsewhere."""

    name = "local"

    def __init__(self, workers: int, language_backend: str = DEFAULT_BACKEND,
                 memory_mb: int = DEFAULT_LIMITS.memory_mb, components: str = "rules", pdf_reader: bool = False) -> None:
        self.workers = workers
        self.language_backend = language_backend
        self.memory_mb = memory_mb
        self.components = components
        self.pdf_reader = pdf_reader
        self._context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
        self._generation = 0
        self._pool = self._new_pool()

    def _new_pool(self) -> cf.ProcessPoolExecutor:
        return cf.ProcessPoolExecutor(max_workers=self.workers, mp_context=self._context,
                                      initializer=_init_local_worker,
                                      initargs=(self.language_backend, self.memory_mb, self.components,
                                                self.pdf_reader))

    def submit(self, fn: Callable, *args: Any) -> Any:
        try:
            fut = self._pool.submit(fn, *args)
        except cf.process.BrokenProcessPool:
            self._restart(self._generation)
            fut = self._pool.submit(fn, *args)
        fut.generation = self._generation  # type: ignore[attr-defined]
        return fut

    def wait_any(self, pending: Iterable[Any], timeout: float | None = None) -> set:
        return cf.wait(list(pending), timeout=timeout, return_when=cf.FIRST_COMPLETED).done

    def result(self, fut: Any) -> Any:
        try:
            return fut.result()
        except cf.process.BrokenProcessPool:
            self._restart(fut.generation)
            raise EngineBroken() from None

    def _restart(self, generation: int) -> None:
        if generation != self._generation:
            return  # already restarted after this break
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._generation += 1
        self._pool = self._new_pool()

    def kill_workers(self) -> None:
        """The watchdog's last resort for a file stuck where no signal reaches (inside a C library): end the
        workers; their tasks come back as broken and are retried alone."""
        for process in list(getattr(self._pool, "_processes", {}).values()):
            process.kill()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine:
    """Tasks on a Dask distributed cluster: ``address`` of its scheduler, or ``local``/None for a
    LocalCluster on this machine. The files must be readable at the same paths on every worker."""

    name = "dask"

    def __init__(self, address: str | None, workers: int, language_backend: str = DEFAULT_BACKEND,
                 processes: bool = True, components: str = "rules", pdf_reader: bool = False) -> None:
        from distributed import Client, LocalCluster

        self._cluster = None
        if address in (None, "", "local"):
            self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes,
                                         dashboard_address=None)
            self.client = Client(self._cluster)
        else:
            self.client = Client(address, timeout="30s")
        self.workers = len(self.client.scheduler_info().get("workers", {})) or workers
        self.client.run(warm_up, language_backend, components, pdf_reader)

    def submit(self, fn: Callable, *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False)

    def wait_any(self, pending: Iterable[Any], timeout: float | None = None) -> set:
        from distributed import wait

        try:
            return set(wait(list(pending), timeout=timeout, return_when="FIRST_COMPLETED").done)
        except TimeoutError:
            return set()

    def result(self, fut: Any) -> Any:
        from distributed import KilledWorker

        try:
            return fut.result()
        except KilledWorker:
            raise EngineBroken() from None

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


# ---------------------------------------------------------------- failures and progress

class FailureLog:
    """``failures.jsonl``: one JSON object per failure, appended and flushed at once."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)

    def append(self, failure: Failure) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        entry = {"path": failure.path, "stage": failure.stage, "reason": failure.reason,
                 "time": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")


class Progress:
    """A tqdm bar (rate, ETA) on a terminal; otherwise a plain line every N files or seconds.

    With ``stats_path``, the same figures are also written there as JSON at each tick (``snapshot()``),
    so a program watching a run (the benchmark, when it stops a run at its time limit) reads numbers,
    not the line meant for people."""

    def __init__(self, total: int, enabled: bool = True, stream=None,
                 stats_path: str | os.PathLike | None = None) -> None:
        self.stream = stream or sys.stderr
        self.stats_path = Path(stats_path) if stats_path else None
        self.total = total
        self.enabled = enabled
        self.done = self.failed = 0
        self.bytes = 0
        self.start = self._last_time = time.monotonic()
        self._last_done = 0
        self.bar = None
        if enabled and getattr(self.stream, "isatty", lambda: False)():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="file", file=self.stream,
                            desc="obligraph", smoothing=0.1)

    def message(self, line: str) -> None:
        if self.bar is not None:
            self.bar.write(line, file=self.stream)
        else:
            print(line, file=self.stream, flush=True)

    def advance(self, nbytes: int = 0, failed: bool = False) -> None:
        self.done += 1
        self.failed += failed
        self.bytes += nbytes
        if self.bar is not None:
            self.bar.update(1)
            self.bar.set_postfix_str(f"{self._mb_s():.2f} MB/s, {self.failed} failed", refresh=False)
        now = time.monotonic()
        if self.done - self._last_done >= LOG_EVERY_FILES or now - self._last_time >= LOG_EVERY_SECONDS:
            self._last_done, self._last_time = self.done, now
            if self.enabled and self.bar is None:
                self.message(self._line(now))
            self.write_stats(self.snapshot())

    def snapshot(self) -> dict:
        """The figures of the progress line, as numbers."""
        elapsed = max(time.monotonic() - self.start, 1e-9)
        return {"documents": self.done, "of": self.total, "failed": self.failed,
                "documents_s": round(self.done / elapsed, 3), "input_mb_s": round(self._mb_s(), 3),
                "elapsed": round(elapsed, 3), "final": False}

    def write_stats(self, stats: dict) -> None:
        """Replace the stats file in one step, so a reader never sees half of it."""
        if self.stats_path is None:
            return
        self.stats_path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.stats_path.with_name(self.stats_path.name + ".part")
        partial.write_text(json.dumps(stats), encoding="utf-8")
        os.replace(partial, self.stats_path)

    def _mb_s(self) -> float:
        return self.bytes / 2**20 / max(time.monotonic() - self.start, 1e-9)

    def _line(self, now: float) -> str:
        elapsed = now - self.start
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = max(self.total - self.done, 0)
        eta = _clock(left / rate) if rate > 0 else "?"
        return (f"obligraph: {self.done}/{self.total} files ({self.failed} failed), {rate:.1f} files/s, "
                f"{self._mb_s():.2f} MB/s, ETA {eta}")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


# ---------------------------------------------------------------- the batch

@dataclass
class BatchStats:
    """What a run did; ``documents`` counts stored plus skipped (unchanged) documents."""

    documents: int = 0
    skipped: int = 0
    obligations: int = 0
    references: int = 0
    failures: int = 0
    files: int = 0
    input_bytes: int = 0  # bytes of the files extracted in this run
    text_bytes: int = 0  # UTF-8 bytes of their normalised text
    pages: int = 0
    ocr_pages: int = 0
    extract_seconds: float = 0.0  # summed over workers
    stage_seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    store_seconds: float = 0.0
    validate_seconds: float = 0.0  # the driver checking each record against the contract
    # CPU (user + system) of the driver, and of the local engine's workers (None on Dask, whose workers are not this
    # process's children): with the run's elapsed time and the cores, whether the run kept the machine busy
    driver_cpu_seconds: float = 0.0
    workers_cpu_seconds: float | None = None
    elapsed: float = 0.0
    workers: int = 0
    engine: str = ""

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class _Task:
    kind: str  # "hash" | "extract"
    path: str
    size: int = 0
    isolated: bool = False  # re-run alone after a worker died, so a second death is this file's


class _Queue:
    """What to run next: a suspect alone (its worker died), then hashed files waiting for extraction,
    then new files to hash, in discovery order."""

    def __init__(self, paths: Iterator[str | Failure], first: str = "hash") -> None:
        self.paths = paths
        self.first = first  # "hash" (look the content up in the store first) or "extract" (nothing to skip)
        self.ready: deque[_Task] = deque()  # new files hashed, waiting for an extraction slot
        self.suspects: deque[_Task] = deque()  # tasks whose worker died: re-run one at a time
        self.exhausted = False

    def next_task(self, in_flight: Collection[_Task], fail: Callable[[Failure], None]) -> _Task | None:
        """The next task to submit, or None when there is none for now. A suspect runs alone (it waits
        for the tasks in flight, and nothing joins it), so that a second death is surely its own."""
        if any(t.isolated for t in in_flight):
            return None
        if self.suspects:
            if in_flight:
                return None
            task = self.suspects.popleft()
            task.isolated = True
            return task
        if self.ready:
            return self.ready.popleft()
        while not self.exhausted:
            item = next(self.paths, None)
            if item is None:
                self.exhausted = True
            elif isinstance(item, Failure):
                fail(item)
            else:
                return _Task(self.first, item)
        return None


class _Sink:
    """Where records go: the store (written only here, by the driver)."""

    def __init__(self, store: Any, commit_every: int = 1) -> None:
        self.store = store
        self.commit_every = commit_every

    def has_documents(self) -> bool:
        return self.store is not None and not self.store.is_empty()

    def counts(self, sha256: str) -> tuple[int, int]:
        """Obligations and references of the stored document with this content."""
        if self.store is None:
            return 0, 0
        row = self.store.conn.execute(
            "SELECT (SELECT COUNT(*) FROM obligations o WHERE o.doc_id = d.doc_id), "
            "(SELECT COUNT(*) FROM refs r WHERE r.doc_id = d.doc_id) FROM documents d WHERE d.sha256 = ? "
            "ORDER BY d.path LIMIT 1", (sha256,)).fetchone()
        return (row[0], row[1]) if row else (0, 0)

    def stored_path(self, sha256: str) -> str | None:
        if self.store is None:
            return None
        row = self.store.conn.execute("SELECT path FROM documents WHERE sha256 = ? ORDER BY path LIMIT 1",
                                      (sha256,)).fetchone()
        return row[0] if row else None

    def put(self, record: dict, blob: str) -> None:
        if self.store is not None:
            self.store.put_document(record, blob)

    def grouped(self):
        """Commits in groups for the length of a batch (see Store.grouped)."""
        return self.store.grouped(self.commit_every) if self.store is not None else nullcontext()

    def commit_due_in(self) -> float | None:
        return self.store.group_due_in() if self.store is not None else None

    def commit(self) -> None:
        if self.store is not None:
            self.store.commit()


def run_batch(inputs: list[str], *, store: Any, workers: int | None = None, engine: str = "local",
              scheduler: str | None = None, force: bool = False,
              failures_path: str | os.PathLike = DEFAULT_FAILURES, max_bytes: int = DEFAULT_MAX_BYTES,
              language_backend: str = DEFAULT_BACKEND, progress: bool = True,
              dask_processes: bool = True, commit_every: int = DEFAULT_COMMIT_EVERY,
              limits: Limits = DEFAULT_LIMITS, components: str = "rules",
              stats_path: str | os.PathLike | None = None) -> BatchStats:
    """Process every input into ``store`` (a pipeline.graph.store.Store, or None to extract only).

    Stored documents are committed every ``commit_every`` documents (and at least every few seconds):
    a run killed mid-way keeps every committed document and the next run redoes the rest. With
    ``stats_path``, progress and then the final BatchStats (``"final": true``) are written there as JSON."""
    workers = max(1, workers or os.cpu_count() or 1)
    stats = BatchStats(workers=workers, engine=engine)
    sink = _Sink(store, commit_every)
    failures = FailureLog(failures_path)
    survey = survey_inputs(inputs)
    bar = Progress(survey.count, enabled=progress, stats_path=stats_path)
    start, cpu_at_start = time.perf_counter(), _cpu_seconds()

    def fail(failure: Failure) -> None:
        stats.failures += 1
        failures.append(failure)
        bar.message(f"obligraph: {failure.path}: {failure.reason} ({failure.stage} stage)")
        bar.advance(failed=True)

    runner = (DaskEngine(scheduler, workers, language_backend, processes=dask_processes, components=components,
                         pdf_reader=survey.pdfs)
              if engine == "dask" else LocalEngine(workers, language_backend, limits.memory_mb, components, survey.pdfs))
    stats.workers = runner.workers
    limit = max(2, runner.workers * IN_FLIGHT_PER_WORKER)
    # with --force or an empty store no file can be skipped: extract at once, without a hashing round trip
    queue = _Queue(discover(inputs), "hash" if not force and sink.has_documents() else "extract")
    pending: dict[Any, _Task] = {}
    stuck: set[str] = set()  # files in flight when the watchdog ended the workers
    last_progress = time.monotonic()
    with sink.grouped():  # commits in groups; each group ends committed, whatever stops the loop
        try:
            while True:
                while len(pending) < limit and (task := queue.next_task(pending.values(), fail)) is not None:
                    fn = (hash_file, task.path, max_bytes) if task.kind == "hash" else (
                        extract_one, task.path, max_bytes, language_backend, limits, components)
                    pending[runner.submit(*fn)] = task
                if not pending:
                    break
                done = runner.wait_any(pending, timeout=min(sink.commit_due_in() or WATCHDOG_POLL, WATCHDOG_POLL))
                if done:
                    last_progress = time.monotonic()
                else:  # the workers are busy on slow files: commit what is stored so far
                    sink.commit()
                    if _stuck(last_progress, limits.file_timeout) and isinstance(runner, LocalEngine):
                        stuck.update(task.path for task in pending.values())
                        runner.kill_workers()  # their tasks come back broken: retried alone, then reported
                        last_progress = time.monotonic()
                for fut in done:
                    task = pending.pop(fut)
                    try:
                        result = runner.result(fut)
                    except EngineBroken:
                        if task.isolated:
                            reason = (f"timed out after {limits.file_timeout:g} s (stuck beyond the reach of its "
                                      f"timer; worker replaced)" if task.path in stuck else WORKER_DIED)
                            fail(Failure(task.path, task.kind if task.kind == "hash" else "extract", reason))
                        else:
                            queue.suspects.append(task)
                        continue
                    except Exception as err:  # the engine itself failed on this task
                        fail(Failure(task.path, "engine", f"{type(err).__name__}: {err}"))
                        continue
                    _handle(result, task, sink, stats, queue.ready, force, fail, bar)
        finally:
            for fut in pending:
                fut.cancel()
            runner.close()
            bar.close()
    stats.elapsed = time.perf_counter() - start
    driver, workers_cpu = (now - then for now, then in zip(_cpu_seconds(), cpu_at_start, strict=True))
    stats.driver_cpu_seconds = driver
    stats.workers_cpu_seconds = workers_cpu if isinstance(runner, LocalEngine) else None  # closed: its workers were waited for
    bar.write_stats({**stats.as_dict(), "final": True})
    return stats


def _cpu_seconds() -> tuple[float, float]:
    """CPU seconds (user + system) of this process, and of its children that have ended and been waited for."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def _stuck(last_progress: float, file_timeout: float) -> bool:
    """No file finished for a whole time limit and a grace: some worker holds a file where its own timer
    cannot interrupt it (a long call inside a C library)."""
    return file_timeout > 0 and time.monotonic() - last_progress > file_timeout + WATCHDOG_GRACE


def _handle(result: Hashed | Extracted | Failure, task: _Task, sink: _Sink, stats: BatchStats,
            ready: deque, force: bool, fail: Callable[[Failure], None], bar: Progress) -> None:
    if isinstance(result, Failure):
        fail(result)
    elif isinstance(result, Hashed):
        # skipped only when the stored copy already carries the smallest path: a copy under a smaller
        # path is extracted and renames it, whichever finished hashing first (the rule of _store)
        held = None if force else sink.stored_path(result.sha256)
        if held is not None and held <= result.path:
            _skip(result.sha256, sink, stats, bar)
        else:
            ready.append(_Task("extract", result.path, result.size))
    else:
        _store(result, sink, stats, fail, bar)


def _skip(sha256: str, sink: _Sink, stats: BatchStats, bar: Progress) -> None:
    obligations, references = sink.counts(sha256)
    stats.documents += 1
    stats.skipped += 1
    stats.obligations += obligations
    stats.references += references
    bar.advance()


def _store(result: Extracted, sink: _Sink, stats: BatchStats, fail: Callable[[Failure], None],
           bar: Progress) -> None:
    record = json.loads(result.blob)  # the store reads the record's fields; validated and stored as this text
    sha = record["source"]["sha256"]
    # the same content under two paths is one document; the smallest path names it, whatever the
    # order the files finished in
    held = sink.stored_path(sha)
    if held is not None and held < record["source"]["path"]:
        _skip(sha, sink, stats, bar)
        return
    blob = result.blob
    started = time.perf_counter()
    try:  # a record that breaks the contract is a failure of its document, not a row in the store
        _validator().check_json(blob)
    except InvalidRecord as err:
        fail(Failure(result.path, "validate", str(err)))
        return
    finally:
        stats.validate_seconds += time.perf_counter() - started
    started = time.perf_counter()
    try:
        sink.put(record, blob)
    except Exception as err:
        fail(Failure(result.path, "store", f"{type(err).__name__}: {err}"))
        return
    stats.store_seconds += time.perf_counter() - started
    stats.documents += 1
    stats.files += 1
    if held is not None and held != record["source"]["path"]:
        stats.skipped += 1  # the copy stored first is the duplicate now; its counts stand for this one
    else:
        stats.obligations += len(record.get("obligations", []))
        stats.references += len(record.get("references", []))
    stats.input_bytes += result.size
    stats.text_bytes += result.text_bytes
    stats.pages += result.pages
    stats.ocr_pages += result.pages if result.ocr else 0
    stats.extract_seconds += result.seconds
    for stage, seconds in result.stage_seconds.items():
        stats.stage_seconds[stage] = stats.stage_seconds.get(stage, 0.0) + seconds
    bar.advance(result.size)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary_line(stats: BatchStats, store_path: str | os.PathLike) -> str:
    """'obligraph: 62 documents (3 skipped, unchanged), 1234 obligations, 456 references, 2 failures -> PATH'"""
    return (f"obligraph: {_plural(stats.documents, 'document')} ({stats.skipped} skipped, unchanged), "
            f"{_plural(stats.obligations, 'obligation')}, {_plural(stats.references, 'reference')}, "
            f"{_plural(stats.failures, 'failure')} -> {store_path}")


# ---------------------------------------------------------------- command line

def add_run_command(subparsers) -> None:
    p = subparsers.add_parser("run", help="batch: extract every supported file under the inputs into the store",
                              description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", help="directories (searched recursively) and/or files")
    p.add_argument("--store", default=str(DEFAULT_STORE), help=f"SQLite store (default {DEFAULT_STORE})")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                   help="worker processes (default: all cores); with --engine dask and --scheduler local, "
                        "the LocalCluster's size")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local process pool (default) or a Dask distributed cluster")
    p.add_argument("--scheduler", default=None,
                   help="Dask scheduler address, e.g. tcp://10.0.0.5:8786, or 'local' for a LocalCluster "
                        "(default with --engine dask)")
    p.add_argument("--force", action="store_true", help="re-extract files whose content is already stored")
    p.add_argument("--failures", default=str(DEFAULT_FAILURES),
                   help=f"append failures here as JSON Lines (default {DEFAULT_FAILURES})")
    add_limit_arguments(p, batch=True)
    p.add_argument("--language-detector", choices=["lingua", "langdetect"], default=DEFAULT_BACKEND)
    add_components_argument(p)
    p.add_argument("--commit-every", type=int, default=DEFAULT_COMMIT_EVERY, metavar="N",
                   help=f"documents per store commit (default {DEFAULT_COMMIT_EVERY}; also at least every "
                        f"{GROUP_SECONDS:.0f} s); 1 commits each document on its own, at some cost in speed")
    p.add_argument("--quiet", action="store_true", help="no progress output (the summary line is still printed)")
    p.add_argument("--stats", metavar="PATH", default=None,
                   help="write the run's statistics here as JSON (progress while it runs, then the totals)")
    p.set_defaults(func=run_command)


def run_command(args: argparse.Namespace) -> int:
    from pipeline.graph.store import Store

    if args.workers < 1:
        print("obligraph: --workers must be at least 1", file=sys.stderr)
        return 2
    if args.commit_every < 1:
        print("obligraph: --commit-every must be at least 1", file=sys.stderr)
        return 2
    if args.scheduler and args.engine != "dask":
        print("obligraph: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    limits = limits_from_args(args)
    with Store(args.store) as store:
        try:
            stats = run_batch(args.inputs, store=store, workers=args.workers, engine=args.engine,
                              scheduler=args.scheduler, force=args.force, failures_path=args.failures,
                              max_bytes=limits.max_file_bytes,
                              language_backend=args.language_detector, progress=not args.quiet,
                              commit_every=args.commit_every, limits=limits, components=args.components,
                              stats_path=args.stats)
        except OSError as err:  # e.g. the Dask scheduler cannot be reached
            print(f"obligraph: {args.engine} engine: {err}", file=sys.stderr)
            return 2
    print(summary_line(stats, args.store))
    if stats.failures:
        print(f"obligraph: failures listed in {args.failures}", file=sys.stderr)
    return 1 if stats.failures else 0
