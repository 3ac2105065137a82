"""The block classifier: a spaCy ``textcat`` (bag of words and word pairs, exclusive classes) over the
feature tokens of a unit (pipeline.model.units). Docs are built from those tokens directly, so the
saved pipeline needs no custom tokenizer and loads with plain ``spacy.load``-style calls, offline."""

from __future__ import annotations

import json
import os
import random
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from pipeline.model.data import OTHER, TASK
from pipeline.model.units import Unit

SEED = 0
ORTH_ATTR = 65  # spacy.attrs.ORTH: the attribute the bag-of-words layer hashes
SETTINGS = "settings.json"
# hashed feature table: 2^18 rows x 2 classes of float32 = 2 MB, far under the 50 MB budget
TEXTCAT_CONFIG = {"model": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True,
                            "ngram_size": 2, "no_output_layer": False, "length": 262144}}


@dataclass
class Settings:
    """What the model needs besides its weights, saved beside them."""

    tokenizer: str = "plain"  # plain | underthesea (Vietnamese word segmentation)
    rule_feature: bool = True  # units where a rule obligation starts carry "__rule"
    # thresholds: the best obligations F1 of 5-fold cross-validation over the tune half
    # (scripts/measure_components.py, which `obligraph train --figures` takes them from)
    decide: float = 0.3  # `model`: a unit is a task when P(task) reaches this
    veto: float = 0.02  # `rules+model`: a rule obligation is dropped when P(task) is below this
    propose: float = 0.98  # `rules+model`: a unit no rule found is proposed when P(task) reaches this
    epochs: int = 12
    seed: int = SEED
    bodies: bool = True  # train the body recogniser (pipeline.model.bodies) beside the classifier
    body_epochs: int = 10


def single_thread() -> None:
    """One BLAS thread: the same bytes on every run and machine (set before numpy loads its library)."""
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ.setdefault(name, "1")


def fit(nlp, examples: Sequence, pipe: str, epochs: int, seed: int, *, batch_size: int, dropout: float,
        log=None) -> None:
    """Train ``nlp`` on ``examples`` (spaCy Examples): the same shuffles, batches and updates on every run."""
    from spacy.util import minibatch

    optimizer = nlp.initialize(lambda: examples[:200])
    order = list(range(len(examples)))
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(order)
        losses: dict[str, float] = {}
        for batch in minibatch([examples[i] for i in order], size=batch_size):
            nlp.update(batch, sgd=optimizer, losses=losses, drop=dropout)
        if log:
            log(f"{pipe} epoch {epoch + 1}/{epochs}: loss {losses.get(pipe, 0.0):.3f}")


class BlockClassifier:
    def __init__(self, nlp, settings: Settings) -> None:
        self.nlp = nlp
        self.settings = settings
        self.bodies = None  # the body recogniser saved beside it (pipeline.model.bodies), set by the loader
        self.textcat = nlp.get_pipe("textcat")
        self._task = list(self.textcat.labels).index(TASK)
        self._fast = self._fast_path_agrees()

    # ------------------------------------------------------------------ training
    @classmethod
    def train(cls, units: Sequence[Unit], labels: Sequence[str], settings: Settings | None = None,
              log=None) -> BlockClassifier:
        single_thread()
        import spacy
        from spacy.training import Example
        from spacy.util import fix_random_seed

        settings = settings or Settings()
        fix_random_seed(settings.seed)
        nlp = spacy.blank("xx")
        textcat = nlp.add_pipe("textcat", config=TEXTCAT_CONFIG)
        for name in (TASK, OTHER):
            textcat.add_label(name)
        examples = [Example.from_dict(_doc(nlp.vocab, unit), {"cats": {TASK: float(y == TASK), OTHER: float(y != TASK)}})
                    for unit, y in zip(units, labels, strict=True)]
        fit(nlp, examples, "textcat", settings.epochs, settings.seed, batch_size=32, dropout=0.0, log=log)
        return cls(nlp, settings)

    # ------------------------------------------------------------------ use
    def task_probabilities(self, units: Sequence[Unit]) -> list[float]:
        if not units:
            return []
        if self._fast:
            return self._fast_probabilities(units)
        docs = [_doc(self.nlp.vocab, unit) for unit in units]
        scores = self.textcat.predict(docs)
        return [float(row[self._task]) for row in self.textcat.model.ops.to_numpy(scores)]

    def _fast_probabilities(self, units: Sequence[Unit]) -> list[float]:
        """The textcat's own layers fed with the hashed n-grams its first layer would compute from a Doc.
        Building Docs (and their lexemes) was half the cost, and grew the vocabulary with every new word of a
        long batch; the hash of a word is its ORTH id, so the keys are the same (checked at load)."""
        import numpy
        from spacy.strings import hash_string

        ops = self.textcat.model.ops
        n_max = self._extract.attrs["ngram_size"]
        words = [unit.features or ["__empty"] for unit in units]
        sizes = numpy.asarray([len(w) for w in words], dtype="int64")
        symbols = self._symbols  # spaCy's built-in strings (":", "ORTH", ...) have small ids, not hashes
        unigrams = numpy.asarray([symbols.get(w) or hash_string(w) for ws in words for w in ws], dtype="uint64")
        owner = numpy.repeat(numpy.arange(len(words)), sizes)
        keys, owners = [unigrams], [owner]
        for n in range(2, n_max + 1):  # n-grams over the whole batch, those crossing two units left out
            if len(unigrams) < n:
                break
            grams = ops.ngrams(n, unigrams)
            inside = owner[: len(grams)] == owner[n - 1:]
            keys.append(grams[inside])
            owners.append(owner[: len(grams)][inside])
        key, own = numpy.concatenate(keys), numpy.concatenate(owners)
        order = numpy.lexsort((key, own))  # by unit, then key: the per-document numpy.unique in one pass
        key, own = key[order], own[order]
        first = numpy.ones(len(key), dtype=bool)
        first[1:] = (key[1:] != key[:-1]) | (own[1:] != own[:-1])
        starts = numpy.flatnonzero(first)
        counts = numpy.diff(numpy.append(starts, len(key)))
        lengths = numpy.bincount(own[starts], minlength=len(words)).astype("int32")
        batch = (key[starts], counts.astype("f"), lengths)
        scores = self._softmax.predict(self._linear.predict(batch))
        return [float(row[self._task]) for row in ops.to_numpy(scores)]

    def _fast_path_agrees(self) -> bool:
        """Use the fast path only when this spaCy's textcat is the structure it assumes and scores alike."""
        from spacy.symbols import IDS

        self._symbols = {k: v for k, v in IDS.items() if v}
        layers = {layer.name: layer for layer in self.textcat.model.walk()}
        self._extract = layers.get("extract_ngrams")
        self._linear = layers.get("resizable(sparse_linear)")
        self._softmax = layers.get("softmax_activation")
        if not (self._extract and self._linear and self._softmax) or self._extract.attrs.get("attr") != ORTH_ATTR:
            return False
        probe = [Unit(span=(0, 0), block=0, features=["__kind_body", "bộ", "y", "tế", "chủ", "trì", ":", "probe-word"]),
                 Unit(span=(0, 0), block=1, features=["__rule", "giao", "ủy", "ban", ",", "(", "1", ")", "."])]
        docs = [_doc(self.nlp.vocab, unit) for unit in probe]
        slow = [float(row[self._task]) for row in self.textcat.model.ops.to_numpy(self.textcat.predict(docs))]
        try:
            return all(abs(a - b) < 1e-6 for a, b in zip(self._fast_probabilities(probe), slow, strict=True))
        except Exception:  # noqa: BLE001 - any mismatch of internals: the Doc path stays
            return False

    # ------------------------------------------------------------------ files
    def save(self, out: str | Path) -> None:
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        self.nlp.to_disk(out / "pipeline")
        (out / SETTINGS).write_text(json.dumps(asdict(self.settings), indent=1, sort_keys=True) + "\n", "utf-8")

    @classmethod
    def load(cls, path: str | Path) -> BlockClassifier:
        import spacy

        path = Path(path)
        settings = Settings(**json.loads((path / SETTINGS).read_text("utf-8")))
        nlp = spacy.load(path / "pipeline")  # a folder: spaCy reads it, fetches nothing
        return cls(nlp, settings)


def _doc(vocab, unit: Unit):
    from spacy.tokens import Doc

    return Doc(vocab, words=unit.features or ["__empty"])
