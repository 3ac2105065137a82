"""``obligraph serve``: the web app and API on the embedded store, under uvicorn, 127.0.0.1 by default."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.graph.store import DEFAULT_STORE


def add_serve_command(subparsers) -> None:
    p = subparsers.add_parser("serve", help="web app and HTTP API over the store (http://127.0.0.1:8000/)")
    p.add_argument("--store", default=str(DEFAULT_STORE), help=f"store file (default {DEFAULT_STORE})")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--token-file", help="file holding the write token (default: a new token, printed)")
    p.set_defaults(func=_serve)

    e = subparsers.add_parser("review-export", help="reviewed tasks as gold annotation files (corpora/gold format)")
    e.add_argument("--store", default=str(DEFAULT_STORE))
    e.add_argument("--out", required=True, help="directory for <document stem>.json files")
    e.set_defaults(func=_review_export)


def _review_export(args: argparse.Namespace) -> int:
    from pipeline.web.db import WebDB
    from pipeline.web.review import write_gold

    if not Path(args.store).exists():
        print(f"obligraph review-export: no store at {args.store}", file=sys.stderr)
        return 2
    db = WebDB(args.store)
    try:
        written = write_gold(db, Path(args.out))
    finally:
        db.close()
    print(f"obligraph review-export: {len(written)} gold files in {args.out}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from pipeline.web.app import create_app
    except ModuleNotFoundError as err:
        print(f"obligraph serve: {err.name} is missing: install the web extra (pip install -e '.[web]', "
              "or make setup)", file=sys.stderr)
        return 2
    from pipeline.web.security import new_token, read_token_file

    if not Path(args.store).exists():
        print(f"obligraph serve: no store at {args.store} (build one with `obligraph run DIR`)", file=sys.stderr)
        return 2
    try:
        token = read_token_file(args.token_file) if args.token_file else new_token()
    except (OSError, ValueError) as err:
        print(f"obligraph serve: {err}", file=sys.stderr)
        return 2
    app = create_app(args.store, token)
    url = f"http://{args.host}:{args.port}/"
    print(f"obligraph serve: {url} on {args.store}", flush=True)
    if not args.token_file:
        print(f"obligraph serve: write token (reviews; sign in at {url}login): {token}", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
