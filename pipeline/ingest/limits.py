"""Bounds on what one input file may cost: every limit ends in a one-line failure naming the file.

A batch runs unattended over whatever arrives, so a decompression bomb, a PDF of thousands of pages or a
text on one 17 MB line must end as a clear failure within fixed time and memory, and the rest of the batch
goes on. The defaults never trip on the real documents of ../shared (the largest: a 33-page gazette PDF,
a 615 KB crawl page); each is set from the command line.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

MB = 2**20


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 32 * MB  # the file as stored
    max_unzipped_bytes: int = 64 * MB  # all parts of a DOCX (any ZIP-based input) once decompressed
    max_pdf_pages: int = 2000
    max_ocr_pages: int = 300  # scanned pages are slow: ~2 s each
    max_page_megapixels: float = 60.0  # one page rendered for OCR (an A4 page at 300 dpi is 8.7)
    max_text_chars: int = 20_000_000  # the extracted text
    max_line_chars: int = 1_000_000  # one line of it: a page of text has no line this long
    file_timeout: float = 120.0  # seconds of wall clock for one file in a batch
    memory_mb: int = 1024  # address space of one batch worker (a worker uses about 300 MB)


DEFAULT_LIMITS = Limits()


def add_limit_arguments(parser: argparse.ArgumentParser, *, batch: bool = False) -> None:
    d = DEFAULT_LIMITS
    parser.add_argument("--max-size-mb", type=float, default=d.max_file_bytes / MB,
                        help=f"refuse larger files (default {d.max_file_bytes / MB:g})")
    parser.add_argument("--max-unzipped-mb", type=float, default=d.max_unzipped_bytes / MB,
                        help=f"refuse a DOCX whose parts expand to more (default {d.max_unzipped_bytes / MB:g})")
    parser.add_argument("--max-pdf-pages", type=int, default=d.max_pdf_pages,
                        help=f"refuse longer PDFs (default {d.max_pdf_pages})")
    parser.add_argument("--max-ocr-pages", type=int, default=d.max_ocr_pages,
                        help=f"refuse PDFs with more scanned pages (default {d.max_ocr_pages})")
    parser.add_argument("--max-page-megapixels", type=float, default=d.max_page_megapixels,
                        help=f"refuse to render a larger page for OCR (default {d.max_page_megapixels:g})")
    parser.add_argument("--max-text-mb", type=float, default=d.max_text_chars / 10**6,
                        help=f"refuse a longer extracted text, millions of characters (default "
                             f"{d.max_text_chars / 10**6:g})")
    parser.add_argument("--max-line-chars", type=int, default=d.max_line_chars,
                        help=f"refuse a text with a longer line (default {d.max_line_chars})")
    if batch:
        parser.add_argument("--file-timeout", type=float, default=d.file_timeout,
                            help=f"seconds one file may take before it is reported and skipped "
                                 f"(default {d.file_timeout:g})")
        parser.add_argument("--memory-limit-mb", type=int, default=d.memory_mb,
                            help=f"address space of one worker; a file that needs more is reported "
                                 f"(default {d.memory_mb})")


def limits_from_args(args: argparse.Namespace) -> Limits:
    d = DEFAULT_LIMITS
    return Limits(
        max_file_bytes=int(args.max_size_mb * MB),
        max_unzipped_bytes=int(args.max_unzipped_mb * MB),
        max_pdf_pages=args.max_pdf_pages,
        max_ocr_pages=args.max_ocr_pages,
        max_page_megapixels=args.max_page_megapixels,
        max_text_chars=int(args.max_text_mb * 10**6),
        max_line_chars=args.max_line_chars,
        file_timeout=getattr(args, "file_timeout", d.file_timeout),
        memory_mb=getattr(args, "memory_limit_mb", d.memory_mb),
    )
