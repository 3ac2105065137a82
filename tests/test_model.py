"""Trained components (pipeline/model): training on a small real gold set, determinism, offline loading,
and the --components switch (rules output unchanged)."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SHARED

from pipeline.cli import main as cli_main
from pipeline.evaluate import NameFolder, gold_document
from pipeline.extract.document import extract_file
from pipeline.model import MODEL_ENV
from pipeline.model.bodies import AGENCY, CLASS, OFFICE, BodyRecogniser, gold_spans, label_of, windows
from pipeline.model.classifier import BlockClassifier, Settings
from pipeline.model.components import apply_components, default_model_path, recognised_assignees
from pipeline.model.data import TASK, GoldDocument, label, load_documents
from pipeline.model.fold import anchor_occurrences, anchor_starts, fold_with_offsets
from pipeline.model.units import add_words, document_units, plain_words
from pipeline.segment.segmenter import segment

# a few real gold files of the tune half: Vietnamese công văn, công điện, thông báo, and two English seeds
FIXTURE_GOLD = ("vi_cv_5095_sgddt-cttthssv_hanoi_2025", "seed_003", "vi_cv_11414_vpcp-cn_2025",
                "vi_cv_4085_ubnd-dt_2025", "seed_002", "vi_cd_223_ttg_2025", "vi_tb_653_vpcp_2025")
DOCUMENT = SHARED / "corpus" / "dev" / "vi_cd_223_ttg_2025.txt"
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable


@pytest.fixture(autouse=True)
def _model_env():
    """--model puts its folder in the environment (for the workers): keep it from leaking between tests."""
    saved = os.environ.get(MODEL_ENV)
    yield
    if saved is None:
        os.environ.pop(MODEL_ENV, None)
    else:
        os.environ[MODEL_ENV] = saved


@pytest.fixture(scope="module")
def fixture_gold(tmp_path_factory, shared_available) -> Path:
    gold = tmp_path_factory.mktemp("gold")
    for stem in FIXTURE_GOLD:
        shutil.copy(ROOT / "corpora" / "gold" / f"{stem}.json", gold / f"{stem}.json")
    return gold


def _train(gold: Path, out: Path) -> None:
    assert cli_main(["train", str(gold), "--out", str(out), "--shared", str(SHARED), "--epochs", "4"]) == 0


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def trained(fixture_gold, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("model") / "blocks"
    _train(fixture_gold, out)
    return out


def test_training_writes_a_small_model_with_its_card(trained):
    files = _files(trained)
    assert "settings.json" in files and "MODEL_CARD.md" in files and "pipeline/textcat/model" in files
    assert "bodies/ner/model" in files  # the body recogniser beside the block classifier
    assert sum(len(b) for b in files.values()) < 50 * 2**20
    card = files["MODEL_CARD.md"].decode()
    assert f"{len(FIXTURE_GOLD)} documents read" in card and "units" in card and "task windows" in card
    assert BodyRecogniser.load(trained) is not None and BodyRecogniser.load(trained.parent) is None


def test_training_twice_gives_the_same_bytes(fixture_gold, trained, tmp_path):
    again = tmp_path / "blocks"
    _train(fixture_gold, again)
    assert _files(again) == _files(trained)


def test_a_check_half_is_never_trained_on(tmp_path, capsys):
    (tmp_path / "CHECK").write_text("check half\n")
    assert cli_main(["train", str(tmp_path), "--out", str(tmp_path / "m")]) == 2
    assert "check half" in capsys.readouterr().err


def test_labels_come_from_the_gold_anchors(fixture_gold):
    documents = load_documents([fixture_gold], SHARED)
    data = label(documents)
    assert data.anchors == sum(len(d.gold["obligations"]) for d in documents)
    assert data.anchors_not_found == 0
    # every labelled unit is where an anchor starts: its folded text holds the anchor's first words
    tasks = [u for u, y in zip(data.units, data.labels, strict=True) if y == TASK]
    assert 0 < len(tasks) < len(data.units)


def test_anchor_found_as_the_scorer_folds_it():
    text = "2. Bộ  Y tế |chủ trì, phối hợp\nvới Ủy ban nhân dân tỉnh Khánh Hoà kiểm tra."
    folded, offsets = fold_with_offsets(text)
    assert folded.startswith("2. bộ y tế chủ trì")
    assert len(folded) == len(offsets)
    starts = anchor_starts(text, ["Bộ Y tế chủ trì, phối hợp với", "ủy ban nhân dân tỉnh khánh hòa", "không có"])
    assert starts == [text.index("Bộ"), text.index("Ủy"), None]


# vi_qd_2629_ttg_2025: a task of the plan's body, written again as a row of its appendix table (gold anchors the row)
TASK_WRITTEN_TWICE = (
    "+ Xây dựng ứng dụng trợ lý ảo, tích hợp trên Cơ sở\ndữ liệu quốc gia về thủ tục hành chính, phục vụ công tác "
    "kiểm soát thủ tục hành\nchính tại bộ, ngành, địa phương.\n"
    "| 3 | Xây dựng ứng dụng trợ lý ảo, tích hợp trên Cơ sở\ndữ liệu quốc gia về thủ tục hành chính, phục vụ công tác "
    "kiểm soát thủ tục\nhành chính tại bộ, ngành, địa phương. |\n")


def test_a_task_written_twice_is_found_at_both_places():
    anchor = "Xây dựng ứng dụng trợ lý ảo, tích hợp trên Cơ sở"
    first, second = TASK_WRITTEN_TWICE.index("Xây"), TASK_WRITTEN_TWICE.rindex("Xây")
    assert anchor_occurrences(TASK_WRITTEN_TWICE, [anchor, "không có"]) == [[first, second], []]
    assert anchor_starts(TASK_WRITTEN_TWICE, [anchor, anchor]) == [first, second]  # equal anchors: successive places


def test_the_appendix_row_of_a_task_written_twice_is_labelled_a_task():
    gold = json.loads((ROOT / "corpora/gold/vi_qd_2629_ttg_2025.json").read_text("utf-8"))
    record = extract_file(gold_document(gold["file"], SHARED))
    data = label([GoldDocument(gold, record, segment(record.text))])
    row = record.text.index("3 | Xây dựng ứng dụng trợ lý ảo")
    labelled = {u.span[0]: y for u, y in zip(data.units, data.labels, strict=True)}
    at_row = max(start for start in labelled if start <= row)
    assert labelled[at_row] == TASK
    assert data.anchors_not_found == 0


def test_fast_scores_equal_the_textcat_on_docs(trained):
    classifier = BlockClassifier.load(trained)
    assert classifier._fast  # the structure it assumes is this spaCy's
    record = extract_file(DOCUMENT)
    from pipeline.model.data import units_of

    units = units_of(record, segment(record.text), with_rules=record.obligations)
    fast = classifier.task_probabilities(units)
    classifier._fast = False
    slow = classifier.task_probabilities(units)
    assert fast == pytest.approx(slow, abs=1e-6)


def test_settings_filter_and_extend_the_rule_obligations(trained):
    classifier = BlockClassifier.load(trained)
    record = extract_file(DOCUMENT)
    seg = segment(record.text)
    rule_ids = [o.id for o in record.obligations]
    assert rule_ids

    vetoed = copy.deepcopy(record)
    classifier.settings.veto, classifier.settings.propose = 1.01, 1.01  # nothing is sure enough to stay
    apply_components(vetoed, seg, "rules+model", classifier)
    assert vetoed.obligations == []

    untouched = copy.deepcopy(record)
    classifier.settings.veto = 0.0
    apply_components(untouched, seg, "rules+model", classifier)
    assert [o.id for o in untouched.obligations] == rule_ids

    decided = copy.deepcopy(record)
    classifier.settings.decide = 0.0  # every unit is a task: the rules' tasks stay, the other units join
    apply_components(decided, seg, "model", classifier)
    ids = [o.id for o in decided.obligations]
    assert set(rule_ids) < set(ids) and len(ids) == len(set(ids))
    assert [o.span[0] for o in decided.obligations] == sorted(o.span[0] for o in decided.obligations)
    proposed = [o for o in decided.obligations if o.id not in rule_ids]
    assert any(o.assignees for o in proposed) and all(o.text == record.text[o.span[0]:o.span[1]] for o in proposed)


class _UnitsScored:
    """A stand-in classifier: P(task) 1.0 for the units whose text holds `task_words`, else 0.0."""

    def __init__(self, text: str, task_words: str) -> None:
        self.settings = Settings(veto=0.5, propose=1.01)
        self.bodies = None
        self.text, self.task_words = text, task_words

    def task_probabilities(self, units) -> list[float]:
        return [1.0 if self.task_words in self.text[u.span[0]:u.span[1]] else 0.0 for u in units]


def test_a_rule_task_is_vetoed_only_when_none_of_its_units_is_a_task():
    # crawl b527d7996ed66f24 Điều 2.4: the rules open task a) at its point, whose own line only says whom the work
    # helps; its work is in the paragraphs below, where a gold anchor (and so the classifier's TASK) would stand
    from pipeline.extract.document import extract_text
    from pipeline.records import Source

    text = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 2920/QĐ-UBND\nHà Tĩnh, ngày 24 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
            "VỀ VIỆC BAN HÀNH QUY ĐỊNH CHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN VÀ CƠ CẤU TỔ CHỨC CỦA SỞ NỘI VỤ\n"
            "Điều 2. Nhiệm vụ và quyền hạn\n\n4. Về tổ chức bộ máy:\n\na) Tham mưu, giúp Ủy ban nhân dân tỉnh:\n\n"
            "Trình Hội đồng nhân dân tỉnh quyết định việc thành lập, tổ chức lại, thay đổi tên gọi, giải thể cơ quan "
            "chuyên môn, tổ chức hành chính khác thuộc Ủy ban nhân dân tỉnh theo quy định của pháp luật;\n\n"
            "b) Thẩm định, hướng dẫn, theo dõi, kiểm tra việc thực hiện phân loại, xếp hạng đơn vị sự nghiệp công lập "
            "của địa phương theo quy định của pháp luật.\n")
    record = extract_text(text, source=Source(path="passage.txt", format="txt", sha256="0" * 64))
    assert [o.path for o in record.obligations] == ["2.4.a", "2.4.b"]
    apply_components(record, segment(record.text), "rules+model", _UnitsScored(record.text, "Trình Hội đồng"))
    assert [o.path for o in record.obligations] == ["2.4.a"]  # b) is one unit, and no task by the classifier


def test_units_built_without_words_then_completed_are_the_units():
    record = extract_file(DOCUMENT)
    seg = segment(record.text)
    whole = document_units(record.text, seg, record.language)
    pending = document_units(record.text, seg, record.language, words=False)
    assert all(u.words_pending for u in pending) and [u.span for u in pending] == [u.span for u in whole]
    asked = range(0, len(pending), 3)
    add_words(record.text, pending, asked, plain_words)
    assert [pending[i] for i in asked] == [whole[i] for i in asked]  # the ones asked about, word for word
    add_words(record.text, pending, range(len(pending)), plain_words)
    assert pending == whole


def _extract_cli(*args: str) -> bytes:
    return subprocess.run([PYTHON, "-m", "pipeline.cli", "extract", str(DOCUMENT), *args], cwd=ROOT,
                          capture_output=True, check=True).stdout


def test_rules_output_is_unchanged_and_never_loads_the_model():
    default = _extract_cli()
    assert _extract_cli("--components", "rules") == default
    probe = ("import sys; from pipeline.extract.document import extract_file; extract_file(sys.argv[1]);"
             "print('pipeline.model.components' in sys.modules, 'spacy' in sys.modules)")
    out = subprocess.run([PYTHON, "-c", probe, str(DOCUMENT)], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


OFFLINE = """
import socket, sys
def refuse(*args, **kwargs):
    raise OSError("network refused by the test")
socket.socket.connect = refuse
socket.create_connection = refuse
from pipeline.model.components import default_model_path, load_classifier
from pipeline.extract.document import extract_file
print(default_model_path())
for setting in ("model", "rules+model"):
    record = extract_file(sys.argv[1], components=setting)
    print(setting, len(record.obligations))
"""


def test_the_shipped_model_loads_and_runs_offline():
    assert (default_model_path() / "settings.json").exists()
    out = subprocess.run([PYTHON, "-c", OFFLINE, str(DOCUMENT)], cwd=ROOT, capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    assert lines[0].endswith(str(Path("models") / "blocks"))
    counts = dict(line.split() for line in lines[1:])
    assert int(counts["model"]) > 0 and int(counts["rules+model"]) > 0


def test_components_switch_on_extract_and_a_model_folder(trained, tmp_path):
    for setting in ("model", "rules+model"):
        record = json.loads(_extract_cli("--components", setting, "--model", str(trained)))
        assert record["schema"] == "obligraph/document/v1" and record["obligations"]
        for obligation in record["obligations"]:
            start, end = obligation["span"]
            assert record["text"][start:end] == obligation["text"]
    bad = subprocess.run([PYTHON, "-m", "pipeline.cli", "extract", str(DOCUMENT), "--components", "model", "--model",
                          str(tmp_path)], cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode == 1 and "no trained model" in bad.stderr


def test_components_on_run_and_eval(trained, fixture_gold, tmp_path, capsys):
    store = tmp_path / "s.sqlite"
    files = [str(SHARED / "corpus" / "dev" / f"{stem}.txt") for stem in ("vi_cd_223_ttg_2025", "vi_tb_653_vpcp_2025")]
    assert cli_main(["run", *files, "--store", str(store), "--workers", "1", "--quiet", "--components", "model",
                     "--model", str(trained), "--failures", str(tmp_path / "f.jsonl")]) == 0
    from pipeline.graph.store import Store

    with Store(store) as s:
        stored = s.conn.execute("SELECT COUNT(*) FROM obligations").fetchone()[0]
    expected = sum(len(extract_file(f, components="model").obligations) for f in files)
    assert stored == expected
    capsys.readouterr()
    figures = {}
    for setting in ("rules", "rules+model"):
        assert cli_main(["eval", str(fixture_gold), "--shared", str(SHARED), "--json", "--components", setting,
                         "--model", str(trained)]) == 0
        figures[setting] = json.loads(capsys.readouterr().out)
    assert figures["rules"]["docs"] == figures["rules+model"]["docs"] == len(FIXTURE_GOLD)
    documents = [gold_document(json.loads(p.read_text("utf-8"))["file"], SHARED)
                 for p in sorted(fixture_gold.glob("*.json"))]
    for setting in ("rules", "rules+model"):  # eval scores what extract gives with the same setting
        assert figures[setting]["counts"]["ob_sys"] == sum(
            len(extract_file(d, components=setting).obligations) for d in documents)


def test_underthesea_segments_words_offline(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise OSError("network refused by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    from pipeline.model.tokenize import tokenizer_for
    from pipeline.model.units import plain_words

    words = tokenizer_for("underthesea", "vi")("Ủy ban nhân dân tỉnh Khánh Hòa khẩn trương triển khai")
    assert {"khánh_hòa", "khẩn_trương", "triển_khai"} <= set(words)
    assert tokenizer_for("underthesea", "en") is plain_words


# ---------------------------------------------------------------- the body recogniser (pipeline/model/bodies.py)

@pytest.mark.parametrize(("name", "expected"), [
    ("Bộ Y tế", AGENCY),
    ("các bộ", CLASS),  # a group of the registry
    ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", CLASS),
    ("Sở, ban, ngành", CLASS),
    ("Chủ tịch Ủy ban nhân dân tỉnh Gia Lai", OFFICE),
    ("Bộ trưởng Bộ Công Thương", OFFICE),
    ("Liên hiệp các hội Khoa học và Kỹ thuật tỉnh Bắc Ninh", AGENCY),  # one body, though it says "các hội"
    ("các đơn vị, cơ sở giáo dục trực thuộc", CLASS),
])
def test_body_labels(name, expected):
    assert label_of(name) == expected


# real strings: vi_cd_223_ttg_2025 (dev) and a provincial regulation of ../shared/corpus/crawl (32bf80ce6d1e997e)
TWO_MINISTRIES = ("3. Bộ Quốc phòng, Bộ Công an chỉ đạo các đơn vị quân đội, công an đóng trên địa bàn, đồng thời "
                  "chủ động huy động tối đa lực lượng, phương tiện")
UNREGISTERED = ("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh xác định nội dung, phạm vi tư vấn, phản biện và giám định "
                "xã hội, gửi đề xuất đến cơ quan chủ trì soạn thảo quy hoạch, chương trình, đề án.")


@pytest.mark.parametrize(("text", "names", "marked", "found"), [
    # as the registry finds them; the body reported to is named nowhere in the window
    (TWO_MINISTRIES, ["Bộ Quốc phòng", "Bộ Công an", "Thủ tướng Chính phủ"], ["Bộ Quốc phòng", "Bộ Công an"], 2),
    # a body the registry does not know, written without the province the gold adds
    (UNREGISTERED, ["Liên hiệp các hội Khoa học và Kỹ thuật tỉnh Bắc Ninh"],
     ["Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh"], 1),
])
def test_gold_names_are_marked_where_they_are_written(text, names, marked, found):
    spans, count = gold_spans(text, [(0, len(text))], names, "vi", "Bắc Ninh", NameFolder())
    assert [text[s:e] for s, e, _ in spans] == marked and count == found


class _MarksFirstWords:
    """A stand-in recogniser: marks the first ``n`` characters of the task's own piece."""

    def __init__(self, n: int) -> None:
        self.n = n

    def spans(self, text, pieces):
        start = pieces[-1][0]
        return [(start, start + self.n, AGENCY)]


class _Marks:
    """A stand-in recogniser: marks the given (start, end, label) spans."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self.marked = spans

    def spans(self, text, pieces):
        return self.marked


def _record_of(text: str):
    from pipeline.extract.document import extract_text
    from pipeline.records import Source

    record = extract_text(text, source=Source(path="x.txt", format="txt", sha256="0" * 64))
    return record, segment(record.text)


def test_recognised_bodies_are_canonicalised_or_kept_as_written():
    record, seg = _record_of(UNREGISTERED)
    start = record.text.index("Liên hiệp")
    span = (start, start + len(UNREGISTERED))
    assert windows(record.text, seg, *span)[-1][0] == start
    written = recognised_assignees(record, seg, _MarksFirstWords(len("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh")),
                                   span, "Bắc Ninh")
    assert [(a.mention, a.name, a.role, a.name_en) for a in written] == [  # the bare "tỉnh" gets the province
        ("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Ninh",
         "responsible", None)]
    # a body named later in the sentence is the one it reports to; a class of bodies is left to the rules
    later = record.text.index("cơ quan chủ trì soạn thảo")
    assert recognised_assignees(record, seg, _Marks([(later, later + 25, AGENCY)]), span, "Bắc Ninh") == []
    assert recognised_assignees(record, seg, _Marks([(start, start + 43, CLASS)]), span, "Bắc Ninh") == []
    record, seg = _record_of(TWO_MINISTRIES)
    start = record.text.index("Bộ Quốc phòng")
    known = recognised_assignees(record, seg, _MarksFirstWords(len("Bộ Quốc phòng")), (start, start + 60), None)
    assert [a.name for a in known] == ["Bộ Quốc phòng"] and known[0].name_en  # the registry's canonical names


def test_the_recogniser_reads_only_tasks_left_without_assignees(trained):
    classifier = BlockClassifier.load(trained)
    classifier.settings.veto, classifier.settings.propose = 0.0, 1.01  # the rules' tasks, no proposals
    classifier.bodies = _MarksFirstWords(12)
    record = extract_file(DOCUMENT)
    seg = segment(record.text)
    emptied = record.obligations[1].id
    record.obligations[1].assignees = []
    before = {o.id: [a.name for a in o.assignees] for o in record.obligations}
    apply_components(record, seg, "rules+model", classifier)
    after = {o.id: [a.name for a in o.assignees] for o in record.obligations}
    assert after[emptied] and all(after[i] == names for i, names in before.items() if i != emptied)


def _measure_script():
    import importlib.util

    spec = importlib.util.spec_from_file_location("measure_components", ROOT / "scripts" / "measure_components.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_thresholds_are_chosen_by_obligations_f1_then_assignees(tmp_path):
    measure = _measure_script()
    row = lambda p, r, a: {"oblig_precision": p, "oblig_recall": r, "assignee_f1": a}  # noqa: E731
    sweep = {"rules": row(0.9, 0.9, 0.9),  # never a candidate
             "model decide=0.3": row(0.70, 0.80, 0.5), "model decide=0.5": row(0.80, 0.70, 0.6),  # F1 tie
             "rules+model veto=0.02 propose=0.98": row(0.88, 0.85, 0.77),
             "rules+model veto=0.1 propose=0.95": row(0.90, 0.80, 0.79)}
    assert measure.choose(sweep) == {"decide": 0.5, "veto": 0.02, "propose": 0.98}
    assert {key for key, _, _ in measure.grid()} >= set(sweep)
    figures = tmp_path / "components.json"
    figures.write_text(json.dumps({"chosen": {"decide": 0.5, "veto": 0.02, "propose": 0.98}}))
    from pipeline.model.cli import chosen_thresholds

    assert chosen_thresholds([figures]) == {"decide": 0.5, "veto": 0.02, "propose": 0.98}
