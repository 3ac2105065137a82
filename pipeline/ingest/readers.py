"""Ingest stage: read one input file (txt, md, html, pdf, docx) into raw text.

The format is decided from the content (magic bytes), and must agree with the file's extension,
so a mislabelled file is reported rather than misread. Every failure is an ``IngestError`` whose
message is one line a batch operator can act on.
"""

from __future__ import annotations

import importlib
import io
import itertools
import os
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from pipeline.ingest import pdf_layout, pdf_tables
from pipeline.ingest.docx_numbering import NUMBER_FORMATS, ListNumbering, W
from pipeline.ingest.legacy_encodings import UndecodableText, decode_legacy_lines, decode_text_bytes
from pipeline.ingest.limits import DEFAULT_LIMITS, MB, Limits
from pipeline.knowledge.motto import MOTTO_WORDS
from pipeline.records import sha256_bytes

EXTENSIONS = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
              ".pdf": "pdf", ".docx": "docx"}
DEFAULT_MAX_BYTES = DEFAULT_LIMITS.max_file_bytes
# A page whose text layer has fewer letters than this is treated as a scan and OCR'd.
MIN_TEXT_LAYER_LETTERS = 40
OCR_DPI = 300


class IngestError(Exception):
    """A file that cannot be read; ``str(err)`` is the reason, without the path."""


@dataclass
class RawDocument:
    path: str
    format: str
    sha256: str
    text: str
    pages: int | None = None
    ocr: bool = False
    encoding: str | None = None


def supported(path: Path) -> bool:
    return path.suffix.lower() in EXTENSIONS


def read_document(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES,
                  limits: Limits = DEFAULT_LIMITS) -> RawDocument:
    path = Path(path)
    fmt = EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        raise IngestError(f"unsupported file type '{path.suffix or '(none)'}' (supported: "
                          f"{', '.join(sorted(set(EXTENSIONS)))})")
    try:
        size = path.stat().st_size
    except OSError as err:
        raise IngestError(f"cannot read file: {err.strerror}") from None
    if size == 0:
        raise IngestError("empty file")
    if size > max_bytes:
        raise IngestError(f"file too large ({size / 2**20:.1f} MB; limit {max_bytes / 2**20:g} MB, "
                          "raise it with --max-size-mb)")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise IngestError(f"cannot read file: {err.strerror}") from None
    _check_content_matches(fmt, data, path.suffix)
    reader = _READERS[fmt]
    raw = reader(data, limits)
    _check_text(raw.text, limits)
    raw.path = str(path)
    raw.format = fmt
    raw.sha256 = sha256_bytes(data)
    if not raw.text.strip():
        raise IngestError("no text could be extracted" + (" (OCR found none)" if raw.ocr else ""))
    return raw


def sniff_format(data: bytes) -> str:
    """What the bytes are, whatever the file is called."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except zipfile.BadZipFile:
            return "zip"
        return "docx" if "word/document.xml" in names else "zip"
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    if data.startswith((b"\xd0\xcf\x11\xe0",)):
        return "ole"  # legacy .doc/.xls
    return "text"


def _check_content_matches(fmt: str, data: bytes, suffix: str) -> None:
    actual = sniff_format(data)
    expected = {"txt": "text", "md": "text", "html": "html", "pdf": "pdf", "docx": "docx"}[fmt]
    if fmt in ("txt", "md") and actual == "html":
        return  # saved pages are often named .txt; the text reader copes with markup
    if fmt == "html" and actual == "text":
        return  # a fragment without <html>
    if actual != expected:
        described = {"pdf": "a PDF", "docx": "a DOCX document", "zip": "a ZIP archive",
                     "ole": "a legacy MS Office file (.doc/.xls)", "html": "HTML", "text": "plain text"}
        raise IngestError(f"extension '{suffix}' does not match the content, which is {described[actual]}")


# --- text -----------------------------------------------------------------------------------------

def _read_text(data: bytes, limits: Limits = DEFAULT_LIMITS) -> RawDocument:
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError("binary content, not text")
    try:
        decoded = decode_text_bytes(data)
    except UndecodableText as err:
        raise IngestError(str(err)) from None
    text = decoded.text
    if sniff_format(data) == "html":
        text = html_to_text(text)
    return RawDocument(path="", format="", sha256="", text=text, encoding=decoded.encoding)


def _read_html(data: bytes, limits: Limits = DEFAULT_LIMITS) -> RawDocument:
    raw = _read_text(data, limits)
    if raw.text and "<" in raw.text and ">" in raw.text:
        raw.text = html_to_text(raw.text)
    raw.text = decode_legacy_lines(raw.text)  # older pages show TCVN3 bytes through a Unicode page
    return raw


@dataclass
class _List:
    """An open <ul> or <ol>: how many items it has given, and how an <ol> numbers them (its start and type)."""
    tag: str
    count: int = 0
    kind: str = "1"

    @classmethod
    def opened(cls, tag: str, attributes: dict[str, str | None]) -> _List:
        start = attributes.get("start") or "1"
        first = int(start) if start.isdigit() and int(start) < 1000 else 1
        return cls(tag, first - 1, attributes.get("type") or "1")

    def label(self) -> str:
        return NUMBER_FORMATS[HTML_LIST_TYPES.get(self.kind, "decimal")](self.count)


# an <ol>'s type attribute in Word's terms: docx_numbering.NUMBER_FORMATS draws both
HTML_LIST_TYPES = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}


FOOTNOTE_MARK = re.compile(r"\d{1,3}|\*{1,3}")
MAX_MARK_PARTS = 4  # pieces of text a footnote mark's <sup> holds at most (its number, in a link at most)
UNIT_BEFORE_POWER = re.compile(r"(?<![^\W\d_])[kcdm]?m$")  # "m", "km", "cm"... right before the superscript
MAX_SPAN = 500  # rows or columns a cell may span: a page's larger figure is clamped (browsers clamp too)
# characters all merged cells may repeat in a page: a real page's runs repeat a few thousand; a hostile page's large
# cells merged down many rows would multiply its size, so past this the rows below get the cell empty
MAX_CARRIED_CHARS = 2_000_000
MAX_CARRIED_PARTS = 200  # pieces of text a merged cell may hold to be carried down (a lead body's cell holds a few)


def _span(value: str | None) -> int:
    return min(int(value), MAX_SPAN) if value and value.strip().isdigit() and int(value) > 0 else 1


@dataclass
class _Table:
    """An open <table>: the column the next cell stands in, the cell being read (its column, where its text starts
    among the parts, its rowspan and colspan) and the cells merged down into the rows below (column -> [rows left,
    text, colspan])."""
    column: int = 0
    cell: tuple[int, int, int, int] | None = None
    carried: dict[int, list] = field(default_factory=dict)


class _TextExtractor(HTMLParser):
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section",
             "article", "header", "footer", "blockquote", "pre", "ul", "ol", "dd", "dt", "hr"}
    CELL = {"td", "th"}
    SKIP = {"script", "style", "noscript", "head", "template", "svg", "nav", "button", "form"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.lists: list[_List] = []  # the lists open, innermost last: their items carry the marks a browser draws
        self.tables: list[_Table] = []  # the tables open, innermost last: the cells they carry down merged rows
        self.carried_chars = 0  # the characters merged cells have repeated so far (MAX_CARRIED_CHARS)
        self.superscripts: list[int] = []  # where each open <sup>'s text starts among the parts

    # A table as crawled pages write one: "|" before each cell, "|" after each row, so that a row's closing pipe and
    # the next row's opening pipe stand on consecutive lines (two pipes with nothing between end a row), and one
    # more pipe before and after the table keeps the text around it out of its first and last rows.
    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.SKIP:
            self.skip_depth += 1
        elif tag == "table":
            self.tables.append(_Table())
            self.parts.append("\n|")
        elif tag == "tr" and self.tables:
            self._close_cell()
            self.tables[-1].column = 0
        elif tag == "sup":
            self.superscripts.append(len(self.parts))
        elif tag in self.CELL:
            self._open_cell(dict(attrs))
        elif tag in ("ul", "ol"):
            self.lists.append(_List.opened(tag, dict(attrs)))
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n" + (self._mark() if self.lists and not self.skip_depth else ""))
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def _mark(self) -> str:
        """The mark of the next item of the innermost list, as a browser draws it and a directive writes it: "- " for a
        bullet ("+ " within another bullet list), "3. " or "c. " for a numbered or lettered item."""
        innermost = self.lists[-1]
        if innermost.tag == "ul":
            return "- " if sum(1 for opened in self.lists if opened.tag == "ul") == 1 else "+ "
        innermost.count += 1
        return f"{innermost.label()}. "

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in ("ul", "ol"):
            if self.lists and self.lists[-1].tag == tag:
                self.lists.pop()
            self.parts.append("\n")
        elif tag in self.CELL:
            self._close_cell()
        elif tag == "sup" and self.superscripts:
            self._mark_footnote(self.superscripts.pop())
        elif tag == "tr":
            if self.tables:
                self._close_cell()
                self._carry_down()
            self.parts.append("\n|")
        elif tag == "table":
            if self.tables:
                self._close_cell()
                self.tables.pop()
            self.parts.append("\n|\n")
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def _mark_footnote(self, start: int) -> None:
        """A footnote's number set in superscript ("... số 73/2023/NĐ-CP<sup>2</sup>", "ngày 31/12/2025<sup>3</sup>")
        stands apart in brackets, as crawled texts write it ("414/QĐ-UBND[1]"): run into the text it would make the
        symbol "73/2023/NĐ-CP2" and the date "31/12/20252". A unit's power ("m<sup>2</sup>") stays as written."""
        if len(self.parts) - start > MAX_MARK_PARTS:
            return  # no mark holds more; a page of superscripts nested deep would make every close join the rest
        mark = "".join(self.parts[start:]).strip()
        before = "".join(self.parts[max(0, start - 4):start])
        if FOOTNOTE_MARK.fullmatch(mark) and not UNIT_BEFORE_POWER.search(before):
            self.parts[start:] = [f"[{mark}]"]

    # A cell merged down the rows below (rowspan) stands in each of them, as a browser lays it out: a task table's lead
    # body or due date merged over its run of tasks belongs to every row of the run.
    def _open_cell(self, attributes: dict[str, str | None]) -> None:
        if not self.tables:
            self.parts.append("\n|\n")
            return
        table = self.tables[-1]
        self._close_cell()
        self._carry_down()
        self.parts.append("\n|\n")
        table.cell = (table.column, len(self.parts), _span(attributes.get("rowspan")), _span(attributes.get("colspan")))
        table.column += table.cell[3]

    def _close_cell(self) -> None:
        table = self.tables[-1]
        if table.cell is not None:
            column, start, rows, columns = table.cell
            if rows > 1:
                # a cell of more pieces than MAX_CARRIED_PARTS (tables nested in it, deep) is carried empty: joining
                # its pieces at each level would cost the square of the nesting
                text = "".join(self.parts[start:]) if len(self.parts) - start <= MAX_CARRIED_PARTS else ""
                table.carried[column] = [rows - 1, text, columns]
            table.cell = None

    def _carry_down(self) -> None:
        """The cells merged down from the rows above that stand at this row's next columns."""
        table = self.tables[-1]
        while table.column in table.carried:
            carried = table.carried[table.column]
            self.carried_chars += len(carried[1])
            self.parts.append("\n|\n" + (carried[1] if self.carried_chars <= MAX_CARRIED_CHARS else ""))
            carried[0] -= 1
            if not carried[0]:
                del table.carried[table.column]
            table.column += carried[2]

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Visible text of a saved page, one block per line; table cells become '|' lines like crawls."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip() + "\n"


# --- docx -----------------------------------------------------------------------------------------

def _check_text(text: str, limits: Limits) -> None:
    """The extracted text's length and its longest line: past them every later stage would crawl."""
    if len(text) > limits.max_text_chars:
        raise IngestError(f"text of {len(text) / 10**6:.1f} million characters (limit "
                          f"{limits.max_text_chars / 10**6:g} million; --max-text-mb)")
    longest = max(map(len, text.split("\n")), default=0)
    if longest > limits.max_line_chars:
        raise IngestError(f"a line of {longest:,} characters (limit {limits.max_line_chars:,}; --max-line-chars)")


# a DTD in an OOXML part can only declare entities: expanding them is how an XML bomb or an external
# entity works, and Word never writes one
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)
ZIP_CHUNK = 1 << 20


def _check_zip(data: bytes, limits: Limits, kind: str) -> None:
    """Decompressed sizes are counted as the parts are inflated (a header may lie about them), and no part
    may declare a DTD. Raises IngestError naming the limit."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise IngestError(f"damaged {kind} (not a ZIP package)") from None
    total = 0
    with archive:
        for info in archive.infolist():
            try:
                with archive.open(info) as part:
                    head = b""
                    while chunk := part.read(ZIP_CHUNK):
                        head = head or chunk[:4096]
                        total += len(chunk)
                        if total > limits.max_unzipped_bytes:
                            raise IngestError(f"{kind} expands to more than {limits.max_unzipped_bytes / MB:g} MB "
                                              f"(a decompression bomb?; --max-unzipped-mb)")
            except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError) as err:
                raise IngestError(f"damaged {kind} part {info.filename!r} ({type(err).__name__})") from None
            if info.filename.endswith((".xml", ".rels")) and _DTD.search(head):
                raise IngestError(f"{kind} part {info.filename!r} declares a DTD (entity expansion refused)")


def _read_docx(data: bytes, limits: Limits = DEFAULT_LIMITS) -> RawDocument:
    import docx  # python-docx
    from docx.table import Table

    _check_zip(data, limits, "DOCX")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as err:  # python-docx raises many kinds for damaged packages
        raise IngestError(f"damaged DOCX ({type(err).__name__})") from None
    numbering = ListNumbering.of(document)  # the numbers and bullets Word draws, which the text does not hold

    def text_of(paragraph) -> str:
        text = _docx_paragraph_text(paragraph)
        label = numbering.label(paragraph)
        return f"{label} {text}" if label and text.strip() else text

    lines: list[str] = []
    for kind, child in _docx_blocks(document.element.body):
        if kind == "p":
            # a paragraph of the document, whatever its length: a blank line after it, so that no rule for text a
            # page wrapped joins it to the next ("Số: 5042/QĐ-BNNMT" then "Hà Nội, ngày ...", a title then its text)
            lines.extend((text_of(child), ""))
        else:
            # cells in reading order, separated like crawled tables so later stages treat them alike; a pipe
            # before and after the table (two pipes with nothing between end a row) keeps the paragraphs around
            # it out of its first and last rows. A table inside a cell gives its cells' paragraphs to that cell.
            lines.append("|")
            for row in Table(child, document).rows:
                for cell in _unique_cells(row.cells):
                    lines.append("|")
                    lines.extend(text_of(p) for p in _docx_cell_paragraphs(cell._tc))
                lines.append("|")
            lines.extend(("|", ""))
    return RawDocument(path="", format="", sha256="", text="\n".join(lines) + "\n")


# where a paragraph's visible text lies besides its own runs and links: text inserted with changes tracked, content
# controls a template fills in ("Số: [the number]"), simple fields, smart tags, text moved here. Deleted or moved-away
# text, the paragraph's properties and drawings (text boxes) are not read.
_DOCX_TEXT_CONTAINERS = frozenset(W + tag for tag in ("hyperlink", "ins", "sdt", "sdtContent", "fldSimple",
                                                         "smartTag", "customXml", "moveTo"))
_DOCX_BLOCK_CONTAINERS = frozenset(W + tag for tag in ("sdt", "sdtContent", "customXml"))


def _docx_paragraph_text(paragraph) -> str:
    """The paragraph's visible text: each run's as python-docx reads it (tabs, line breaks, hyphens), in the runs
    its links, tracked insertions, content controls and fields hold as well."""
    parts: list[str] = []

    def read(element) -> None:
        for child in element:
            if child.tag == W + "r":
                parts.append(child.text)
            elif child.tag in _DOCX_TEXT_CONTAINERS:
                read(child)

    read(paragraph)
    return "".join(parts)


def _docx_blocks(container):
    """The paragraphs and tables of the body (or of a cell) in order, those inside block content controls too."""
    for child in container:
        if child.tag == W + "p":
            yield "p", child
        elif child.tag == W + "tbl":
            yield "tbl", child
        elif child.tag in _DOCX_BLOCK_CONTAINERS:
            yield from _docx_blocks(child)


def _docx_cell_paragraphs(cell) -> list:
    """A cell's paragraphs, those of a table inside it row by row."""
    found = []
    for kind, child in _docx_blocks(cell):
        if kind == "p":
            found.append(child)
        else:
            for row in child.iterchildren(W + "tr"):
                for inner in row.iterchildren(W + "tc"):
                    found.extend(_docx_cell_paragraphs(inner))
    return found


def _unique_cells(cells):
    """Merged cells repeat in python-docx; keep each once."""
    seen: set[int] = set()
    for cell in cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            yield cell


# --- pdf ------------------------------------------------------------------------------------------

def _read_pdf(data: bytes, limits: Limits = DEFAULT_LIMITS) -> RawDocument:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        message = str(err).lower()
        if "password" in message:
            raise IngestError("encrypted PDF (a password is required)") from None
        raise IngestError("damaged or truncated PDF (PDFium cannot open it)") from None
    try:
        if len(pdf) > limits.max_pdf_pages:
            raise IngestError(f"PDF of {len(pdf)} pages (limit {limits.max_pdf_pages}; --max-pdf-pages)")
        pages = [pdf[index] for index in range(len(pdf))]  # each page is parsed once (the costly part)
        textpages = [page.get_textpage() for page in pages]
        layers = [textpage.get_text_range() for textpage in textpages]
        scanned = [not _has_letters(text, MIN_TEXT_LAYER_LETTERS) for text in layers]
        if sum(scanned) > limits.max_ocr_pages:  # counted before any page is rendered: OCR is the slow part
            raise IngestError(f"{sum(scanned)} scanned pages to OCR (limit {limits.max_ocr_pages}; --max-ocr-pages)")
        texts: list[str] = []
        ocr_used = False
        in_table = False  # a task table runs on over the following pages without its header
        for index, (page, text) in enumerate(zip(pages, layers, strict=True)):
            if scanned[index]:
                text = _ocr_page(page, index, limits)
                ocr_used = True
            elif index == 0:
                text = _first_page_with_layout(page, textpages[0]) or text
            elif in_table or TASK_TABLE_HINT.search(text):
                tabled = _page_with_tables(data, index, page, textpages[index])
                in_table = tabled is not None
                text = tabled or text
            texts.append(text.replace("\r\n", "\n").replace("\r", "\n"))
        return RawDocument(path="", format="", sha256="", text="\n\f\n".join(texts), pages=len(pdf),
                           ocr=ocr_used)
    finally:
        pdf.close()


def load_pdf_reader() -> None:
    """Load PDFium's bindings, which _read_pdf imports on first use (a batch's workers load them as they warm up, so
    that no PDF's time holds the load)."""
    importlib.import_module("pypdfium2")
    importlib.import_module("pypdfium2.raw")


def _has_letters(text: str, count: int) -> bool:
    """Whether the text holds at least count letters; stops there (a text page holds thousands)."""
    letters = (ch for ch in text if ch.isalpha())
    return next(itertools.islice(letters, count - 1, None), None) is not None


def _first_page_with_layout(page, textpage) -> str | None:
    """The two-column header (issuer | national motto; number | place and date) read column by column.

    pypdfium2's text reads the header line by line across both columns, mixing issuer and motto, so the
    header band is re-read from the words' positions (PDFium's character boxes); the rest of the page
    follows as lines of words.
    """
    try:
        words = pdf_layout.page_words(page, textpage)
        if not words:
            return None
        width, height = page.get_size()
        mid = width / 2
        band = height * 0.22
        header = [w for w in words if w.top < band]
        left = [w for w in header if w.x1 <= mid]
        right = [w for w in header if w.x0 >= mid]
        # only a real Decree-30 header: the national motto stands in the right-hand column
        if not left or not MOTTO_WORDS & {w.text.upper() for w in right}:
            return None
        body = pdf_layout.text_lines([w for w in words if w.bottom > band])
        return "\n".join([pdf_layout.header_lines(left), "|", pdf_layout.header_lines(right), "|", body])
    except Exception:  # layout is a refinement; the text layer is still there
        return None


# a page that holds a task table: its column headings name the lead body and the partners or the time
TASK_TABLE_HINT = re.compile(r"chủ\s+trì[\s\S]{0,400}?(?:phối\s+hợp|thời\s+(?:gian|hạn))", re.I)


def _page_with_tables(data: bytes, index: int, page, textpage) -> str | None:
    """A page whose tables are read as rows ('| 1 | task | lead | partners | result | due |'), the text
    around them in reading order (pdf_tables). A PDF text layer gives such tables one cell per line, which
    loses the row."""
    try:
        return pdf_tables.page_with_tables(page, textpage, data, index)
    except Exception:  # layout is a refinement; the text layer is still there
        return None


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def _ocr_page(page, index: int = 0, limits: Limits = DEFAULT_LIMITS) -> str:
    width, height = page.get_size()  # points
    megapixels = width * height * (OCR_DPI / 72) ** 2 / 1e6
    if megapixels > limits.max_page_megapixels:
        raise IngestError(f"page {index + 1} would render to {megapixels:,.0f} megapixels for OCR (limit "
                          f"{limits.max_page_megapixels:g}; --max-page-megapixels)")
    if not tesseract_available():
        raise IngestError("scanned PDF page needs OCR but tesseract is not installed (run 'make setup')")
    image = page.render(scale=OCR_DPI / 72).to_pil().convert("L")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    env = dict(os.environ, OMP_THREAD_LIMIT=os.environ.get("OMP_THREAD_LIMIT", "1"))
    try:
        done = subprocess.run(["tesseract", "stdin", "stdout", "-l", "vie", "--psm", "4"],
                              input=buffer.getvalue(), capture_output=True, timeout=300, env=env)
    except subprocess.TimeoutExpired:
        raise IngestError("OCR timed out on a page") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["unknown error"]
        raise IngestError(f"OCR failed: {reason[0]}")
    return done.stdout.decode("utf-8", "replace")


_READERS = {"txt": _read_text, "md": _read_text, "html": _read_html, "pdf": _read_pdf, "docx": _read_docx}
