"""Copy the five seeds into corpora/samples and render one of them as DOCX and as a born-digital PDF,
so every input format has a sample. The DOCX is written with python-docx; the PDF is converted from
it by LibreOffice (headless), which gives a real text layer with Vietnamese fonts."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.shared import Pt

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
SAMPLES = ROOT / "corpora" / "samples"
RENDERED_SEED = "001_dc036b3f248d9647.txt"


def copy_seeds() -> None:
    SAMPLES.mkdir(parents=True, exist_ok=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copyfile(seed, SAMPLES / f"seed_{seed.name}")


def render_docx(source: Path, target: Path) -> None:
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Liberation Serif"
    style.font.size = Pt(12)
    lines = [line.strip() for line in source.read_text("utf-8").splitlines() if line.strip()]
    document.add_heading(lines[0], level=1)
    for line in lines[1:]:
        document.add_paragraph(line)
    document.core_properties.author = "obligraph samples"
    document.save(target)


def render_pdf(docx_path: Path, target: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("LibreOffice is needed to render the PDF sample (apt-get install libreoffice-writer-nogui)")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(docx_path)],
                       check=True, capture_output=True, timeout=300)
        shutil.move(Path(tmp) / (docx_path.stem + ".pdf"), target)


def main() -> None:
    copy_seeds()
    docx_path = SAMPLES / "seed_001_rendered.docx"
    render_docx(SEEDS / RENDERED_SEED, docx_path)
    render_pdf(docx_path, SAMPLES / "seed_001_rendered.pdf")
    print(f"samples in {SAMPLES}: {sorted(p.name for p in SAMPLES.iterdir())}")


if __name__ == "__main__":
    main()
