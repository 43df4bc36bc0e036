"""The ``factcheck`` command: mentions, extract, compare, demo.

Errors in the input are printed as one line naming the file and the problem, exit status 2.
Anything else is a fault of the kit: one line naming the file being processed, exit status 3
(``--debug`` or ``FACTCHECK_DEBUG=1`` prints the traceback). Ctrl-C exits 130 quietly.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.errors import INPUT_ATTRIBUTE, FactcheckError
from factcheck.files import MAX_FILE_BYTES
from factcheck.present.labels import available as label_codes
from factcheck.schema import CLAIM_COLUMNS, MENTION_COLUMNS

if TYPE_CHECKING:  # `extract` of a few documents never imports pandas (start-up time)
    import pandas as pd

FORMATS = ("csv", "json", "jsonl")
LANGUAGES = ("auto", "ar", "en", "fr")
#: Exit statuses: 2 = bad input or output (FactcheckError), 3 = internal error (a fault of
#: the kit, please report it), 130 = interrupted (Ctrl-C), as shells report SIGINT.
EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED = 2, 3, 130
#: Environment variable that, set to a non-empty value other than 0, prints the traceback
#: of an internal error (like ``--debug``).
DEBUG_VARIABLE = "FACTCHECK_DEBUG"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``factcheck`` command; returns the exit status."""
    try:
        args = _parser().parse_args(argv)
        return int(args.func(args) or 0)
    except FactcheckError as exc:  # one line, even when a file name holds a line break
        print(f"factcheck: error: {_one_line(str(exc))}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:  # `factcheck extract ... | head`
        return 0
    except OSError as exc:  # an output that cannot be written: -o names a file, a missing folder
        print(
            f"factcheck: error: {exc.filename or 'output'}: {exc.strerror or exc}", file=sys.stderr
        )
        return EXIT_INPUT
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as exc:  # last resort: a fault of the kit, never a bare traceback
        return _internal_error(exc, argv)


def _internal_error(exc: Exception, argv: Sequence[str] | None) -> int:
    """One line naming the input (when known), the exception type and message; the traceback
    only on request (``--debug`` or ``FACTCHECK_DEBUG``)."""
    where = getattr(exc, INPUT_ATTRIBUTE, None)
    message = _one_line(str(exc)) or "(no message)"
    print(
        f"factcheck: internal error{f' while reading {_one_line(where)}' if where else ''}: "
        f"{type(exc).__name__}: {message} (a fault of factcheck, please report it; "
        f"--debug or {DEBUG_VARIABLE}=1 shows the traceback)",
        file=sys.stderr,
    )
    given = sys.argv[1:] if argv is None else list(argv)
    if "--debug" in given or os.environ.get(DEBUG_VARIABLE, "") not in ("", "0"):
        traceback.print_exception(exc, file=sys.stderr)
    return EXIT_INTERNAL


def _one_line(text: str) -> str:
    return " ".join(text.splitlines())


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Find the figures in news reports, who asserts them, and where sources "
        "disagree.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    parser.add_argument(
        "--debug",
        action="store_true",
        help=f"print the traceback of an internal error (exit status 3); also {DEBUG_VARIABLE}=1",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def present_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--labels", choices=label_codes(), default="en",
                       help="language of charts and report (ar: right to left)")  # fmt: skip
        p.add_argument("--title", help="the event's name in charts and report (default: the "
                       "case title)")  # fmt: skip
        p.add_argument("--no-estimate", action="store_true",
                       help="leave the estimate (reconciled figure) out of the charts")  # fmt: skip

    def inputs(p: argparse.ArgumentParser, what: str) -> None:
        p.add_argument(
            "inputs",
            nargs="+",
            metavar=what,
            help="case.yaml, a folder holding one, or plain .txt files",
        )
        p.add_argument(
            "--language",
            choices=LANGUAGES,
            default="auto",
            help="language of plain .txt files (default: detected)",
        )
        p.add_argument("--publisher", help="publisher of plain .txt files (default: file name)")
        p.add_argument("--published", help="publication time of plain .txt files, ISO 8601")
        p.add_argument("--timezone", help="IANA time zone of clock times, e.g. Asia/Baghdad")
        p.add_argument(
            "--allow-outside-paths",
            action="store_true",
            help="let a case.yaml read documents outside its folder (docs/errors.md)",
        )
        p.add_argument(
            "--max-file-size",
            type=float,
            default=MAX_FILE_BYTES / 1e6,
            metavar="MB",
            help=f"largest input file read, in MB (default: {MAX_FILE_BYTES / 1e6:g})",
        )
        p.add_argument(
            "--raw-csv",
            action="store_true",
            help="write CSV cells as they are (default: a text cell starting with = + - @ "
            "gets a ' before it, so spreadsheets do not run it as a formula)",
        )

    p = sub.add_parser("mentions", help="list every number expression (the mentions table)")
    inputs(p, "FILE")
    p.add_argument("--format", choices=FORMATS, default="csv")
    p.add_argument("-o", "--output", help="write here instead of standard output")
    p.add_argument(
        "--all-columns", action="store_true", help="add the extension columns (point, unit)"
    )
    p.set_defaults(func=_mentions)

    p = sub.add_parser("extract", help="list the claims (the claims table)")
    inputs(p, "FILE_OR_CASE")
    p.add_argument("--format", choices=FORMATS, default="csv")
    p.add_argument("-o", "--output", help="write here instead of standard output")
    p.add_argument("--all-columns", action="store_true", help="add the extension columns (also_at)")
    corpus = p.add_argument_group(
        "corpus mode: every .txt file its own case, streamed (--corpus, --jobs, a quoted glob "
        "or -o *.parquet; docs/corpus.md)"
    )
    corpus.add_argument(
        "--corpus", action="store_true", help="read FOLDER_OR_GLOB... as an archive"
    )
    corpus.add_argument(
        "-j", "--jobs", type=int, help="worker processes (default: every core); corpus mode"
    )
    corpus.add_argument("--errors", metavar="PATH", help="failed documents (<output>.errors.csv)")
    corpus.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_extract)

    p = sub.add_parser("compare", help="align and compare figures; write tables, charts, report")
    inputs(p, "FILE_OR_CASE")
    p.add_argument("-o", "--output", default="out", metavar="DIR", help="output folder (./out)")
    p.add_argument(
        "--policy",
        choices=("best", "conservative", "range"),
        default="best",
        help="how the reconciled figure is chosen (docs/compare.md)",
    )
    present_options(p)
    p.set_defaults(func=_compare)

    p = sub.add_parser("demo", help="run the bundled case: tables, charts, report, notebook")
    p.add_argument("-o", "--output", default="out", metavar="DIR", help="output folder")
    p.add_argument("--case", default=None, help="bundled case id (default: the Anbar raid)")
    p.add_argument("--no-notebook", action="store_true", help="do not execute notebook 01")
    present_options(p)
    p.set_defaults(func=_demo)
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("factcheck")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "unknown"


def _present(args: argparse.Namespace) -> dict[str, object]:
    return {"labels": args.labels, "title": args.title, "show_estimate": not args.no_estimate}


def _load_options(args: argparse.Namespace) -> dict[str, object]:
    return {
        "language": args.language,
        "publisher": args.publisher,
        "published": args.published,
        "timezone": args.timezone,
        "allow_outside_paths": args.allow_outside_paths,
        "max_file_bytes": int(args.max_file_size * 1e6),
    }


def _source(args: argparse.Namespace) -> list[Path] | Path:
    """The inputs as paths: a command-line argument is a file or folder, never inline text."""
    paths = [Path(p) for p in args.inputs]
    return paths[0] if len(paths) == 1 else paths


def _mentions(args: argparse.Namespace) -> int:
    from factcheck.pipeline import mentions

    table = mentions(_source(args), **_load_options(args))
    columns = list(table.columns) if args.all_columns else list(MENTION_COLUMNS)
    _write(table[columns], args.format, args.output, raw_csv=args.raw_csv)
    return 0


def _extract(args: argparse.Namespace) -> int:
    from factcheck.corpus.units import is_corpus

    if is_corpus(args.inputs, args.output, args.jobs, args.corpus):
        return _extract_corpus(args)
    from factcheck.pipeline import extract_rows
    from factcheck.rows import CLAIM_KINDS, csv_text, json_text

    # plain rows, written as the table would be (factcheck.rows): no pandas to import
    rows = extract_rows(_source(args), **_load_options(args))
    columns = list(CLAIM_KINDS) if args.all_columns else list(CLAIM_COLUMNS)
    if args.format == "csv":
        text = csv_text(rows, columns, CLAIM_KINDS, raw=args.raw_csv)
    else:
        text = json_text(rows, columns, args.format)
    _emit(text, args.output)
    return 0


def _extract_corpus(args: argparse.Namespace) -> int:
    from factcheck.corpus import extract_corpus

    fmt = None if args.output else args.format
    summary = extract_corpus(
        args.inputs,
        args.output,
        fmt=fmt,
        jobs=args.jobs,
        errors=args.errors,
        progress=not args.quiet,
        all_columns=args.all_columns,
        raw_csv=args.raw_csv,
        **_load_options(args),
    )
    if not args.quiet:
        print(
            f"{summary.documents} documents, {summary.claims} claims, {summary.failed} failed"
            + (f" (see {summary.errors_path})" if summary.errors_path else "")
            + f", {summary.bytes / 1e6 / max(summary.seconds, 1e-9):.2f} MB/s",
            file=sys.stderr,
        )
    return 0


def _compare(args: argparse.Namespace) -> int:
    from factcheck.pipeline import run

    result = run(_source(args), args.output, policy=args.policy, raw_csv=args.raw_csv,
                 **_present(args), **_load_options(args))  # fmt: skip
    _print_comparison(result.comparison)
    print(f"\nwrote {len(result.files)} files to {args.output}/", file=sys.stderr)
    return 0


def _demo(args: argparse.Namespace) -> int:
    from factcheck.pipeline import DEMO_CASE, bundled_case, run

    case_id = args.case or DEMO_CASE
    out = Path(args.output)
    result = run(bundled_case(case_id), out, **_present(args))
    if not args.no_notebook:
        from factcheck.notebook import run_walkthrough

        executed = run_walkthrough(case_id, out)
        if executed is not None:
            print(f"executed notebook: {executed}", file=sys.stderr)
    _print_comparison(result.comparison)
    for name, path in sorted(result.files.items()):
        print(f"{name:>24}  {path}", file=sys.stderr)
    return 0


def _print_comparison(comparison: pd.DataFrame) -> None:
    shown = [
        c
        for c in (
            "measure",
            "subject",
            "subject_detail",
            "speakers",
            "low",
            "high",
            "verdict",
            "best",
            "note",
        )
        if c in comparison.columns
    ]
    import pandas as pd

    with pd.option_context("display.max_colwidth", 60, "display.width", 200):
        print(comparison[shown].to_string(index=False) if len(comparison) else "(no groups)")


def _write(table: pd.DataFrame, fmt: str, output: str | None, *, raw_csv: bool = False) -> None:
    if fmt == "csv":
        from factcheck.present.csvsafe import to_csv

        text = to_csv(table, raw=raw_csv)
    else:
        from factcheck.rows import json_text

        text = json_text(table.to_dict("records"), list(table.columns), fmt)
    _emit(text, output)


def _emit(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    sys.exit(main())
