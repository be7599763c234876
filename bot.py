"""Rollcall's entry point and command line.

    python bot.py extract PATH [--published YYYY-MM-DD]   facts of one source as JSON
    python bot.py ingest PATH... [--published] [--title] [--url]
    python bot.py overview                                  the store at a glance (builds it if missing)
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from config import Config, load_config


def iso_date(text: str) -> str:
    """argparse type for YYYY-MM-DD."""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {text!r}") from None


def command_extract(args: argparse.Namespace, config: Config) -> int:
    from extraction.documents import SourceError, load_document
    from extraction.extractor import extract
    from pipeline import read_metadata

    metadata = read_metadata(args.path)
    try:
        document = load_document(
            args.path.read_bytes(), published=args.published or metadata.get("published")
        )
    except (OSError, SourceError) as error:
        print(f"rollcall: cannot read {args.path}: {error}", file=sys.stderr)
        return 1
    json.dump(extract(document).to_json(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def command_ingest(args: argparse.Namespace, config: Config) -> int:
    from console import print_ingest_report, progress_bar
    from db import open_store
    from pipeline import find_source_files, ingest_paths

    missing = [path for path in args.paths if not path.exists()]
    for path in missing:
        print(f"rollcall: no such file or folder: {path}", file=sys.stderr)
    files = list(find_source_files(p for p in args.paths if p.exists()))
    db = open_store(args.store or config.store_path)
    with progress_bar(len(files)) as advance:
        report = ingest_paths(
            db, files, on_file=advance, title=args.title, published=args.published, url=args.url
        )
    print_ingest_report(report)
    return 1 if (report.failed or missing) and not report.added and not report.unchanged else 0


def command_overview(args: argparse.Namespace, config: Config) -> int:
    from console import print_ingest_report, print_overview, progress_bar, stderr
    from pipeline import find_source_files, open_or_build_store

    store_path = args.store or config.store_path
    if not store_path.exists():
        stderr.print(f"Building the store {store_path} from {config.sources_path} …", highlight=False)
    total = len(list(find_source_files([config.sources_path])))
    with progress_bar(total) as advance:
        db, report = open_or_build_store(store_path, config.sources_path, on_file=advance)
    if report is not None:
        print_ingest_report(report)
    print_overview(db)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bot.py", description="Rollcall: UN votes and who said what.")
    parser.add_argument("--config", type=Path, help="config file (default: config.toml)")
    parser.add_argument("--store", type=Path, help="SQLite store (default: from the config)")
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="print the votes and quotations of one source as JSON")
    extract.add_argument("path", type=Path)
    extract.add_argument("--published", type=iso_date, help="publication date, YYYY-MM-DD")
    extract.set_defaults(handler=command_extract)

    ingest = commands.add_parser("ingest", help="add source files or folders to the store")
    ingest.add_argument("paths", type=Path, nargs="+", metavar="PATH")
    ingest.add_argument("--published", type=iso_date, help="publication date, YYYY-MM-DD")
    ingest.add_argument("--title")
    ingest.add_argument("--url")
    ingest.set_defaults(handler=command_ingest)

    overview = commands.add_parser(
        "overview", help="show the store's sources, votes and quotations (building it if missing)"
    )
    overview.set_defaults(handler=command_overview)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    config = load_config(args.config)
    return args.handler(args, config)


if __name__ == "__main__":
    sys.exit(main())
