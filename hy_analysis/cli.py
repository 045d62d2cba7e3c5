"""The ``hy-analysis`` command: argument parsing, printing and exit codes; the work is done in
the package, and no other module of the package imports this one.

Subcommands live in a registry (:data:`COMMANDS`): each entry adds its arguments to a parser
and names the function that handles the parsed arguments. A new subcommand (``lab``,
``serve``) is one more :func:`command`-decorated pair, with no change to :func:`main`.

Errors the package raises on purpose (:class:`~hy_analysis.exceptions.HyAnalysisError`) are
printed as one line and give exit status 2; ``--verbose`` shows the traceback.
"""

from __future__ import annotations

import argparse
import signal
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TextIO

from .exceptions import DataFileError, HyAnalysisError, RunError

__all__ = ["main", "build_parser", "command", "COMMANDS", "validate_command",
           "extract_command"]


@dataclass(frozen=True)
class Command:
    """One subcommand: its help line, argument definitions and handler."""

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    handler: Callable[[argparse.Namespace], int]


#: Subcommands by name, in the order ``hy-analysis --help`` lists them.
COMMANDS: dict[str, Command] = {}


def command(name: str, help: str, add_arguments: Callable[[argparse.ArgumentParser], None]):
    """Register the decorated ``handler(args) -> exit status`` as subcommand ``name``."""

    def register(handler: Callable[[argparse.Namespace], int]):
        COMMANDS[name] = Command(name, help, add_arguments, handler)
        return handler

    return register


# --------------------------------------------------------------------------- run


def _run_arguments(parser: argparse.ArgumentParser) -> None:
    from .runner import DEFAULT_TIMEOUT

    parser.add_argument("notebooks", nargs="*", metavar="NOTEBOOK",
                        help="notebook name (e.g. fdi_by_country) or path to an .ipynb; "
                             "default: every notebook")
    parser.add_argument("-p", "--parameter", nargs=2, action="append", default=[],
                        metavar=("NAME", "VALUE"), dest="overrides",
                        help="set a parameter (lists: 'Japan,Korea' or '[8, 12]')")
    parser.add_argument("-f", "--parameters-file", dest="param_file", metavar="FILE",
                        help="YAML file with one parameter set or a list of sets")
    parser.add_argument("--grid", action="append", default=[], metavar="NAME=V1,V2",
                        help="run every combination of these values (repeatable)")
    parser.add_argument("--workers", type=int, default=None, metavar="N",
                        help="runs at once (default: number of cores)")
    parser.add_argument("--output-dir", default=None, metavar="DIR",
                        help="where runs are written (default: outputs/, or HY_OUTPUTS_DIR)")
    parser.add_argument("--force", action="store_true",
                        help="run even when the last successful output is up to date")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--with-code", action="store_true",
                      help="keep code cells in the HTML (default: report mode, code hidden)")
    mode.add_argument("--report", dest="with_code", action="store_false",
                      help="report mode: hide code cells (the default)")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="S",
                        help=f"seconds one cell may run (default: {DEFAULT_TIMEOUT:g})")
    parser.add_argument("--dask-scheduler", default=None, metavar="ADDRESS",
                        help="run on a Dask cluster (needs the [dask] extra and a shared "
                             "file system)")


@command("run", "execute notebooks into outputs/ (HTML, notebook, manifest, index)",
         _run_arguments)
def _run(args: argparse.Namespace) -> int:
    from . import runner

    if args.workers is not None and args.workers < 1:
        raise RunError(f"--workers must be at least 1, got {args.workers}")
    specs = runner.plan_runs(args.notebooks, overrides=[tuple(p) for p in args.overrides],
                             param_file=args.param_file, grid=args.grid,
                             output_dir=args.output_dir, with_code=args.with_code,
                             timeout=args.timeout, force=args.force)
    client = None
    executor = None
    if args.dask_scheduler and not all(s.up_to_date for s in specs):
        executor, client = runner.dask_executor(args.dask_scheduler)
    try:
        summary = runner.execute_plan(specs, executor=executor, workers=args.workers)
    finally:
        if client is not None:
            client.close()
    print(summary.format())
    return summary.exit_code


# --------------------------------------------------------------------------- list


def _list_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("notebooks", nargs="*", metavar="NOTEBOOK",
                        help="notebooks to describe (default: every notebook)")


@command("list", "show the notebooks and their parameters", _list_arguments)
def _list(args: argparse.Namespace) -> int:
    from .params import format_value, get_params
    from .runner import notebook_params

    for info in notebook_params(args.notebooks, notebooks_dir=None, must_exist=False):
        print(f"{info.name}  ({info.path})")
        defined = {p.name: p for p in get_params(info.name)} if info.known else {}
        for p in info.params:
            print(f"  {p.name:<16} {p.type:<20} default: {format_value(p.default):<22} "
                  f"{p.help}")
            allowed = defined[p.name].allowed() if p.name in defined else None
            if allowed:  # regions come from the region registry (data/regions.csv)
                print(f"  {'':<16} choices: {format_value(allowed)}")
        print()
    return 0


# --------------------------------------------------------------------------- validate


def _validate_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="data files to check")


def validate_command(paths: list[str], out: TextIO | None = None) -> int:
    """Validate data files and print the report; the exit code of ``hy-analysis validate``.

    Parameters
    ----------
    paths : list of str
        Files with the columns of data/targets.csv (CSV in UTF-8/UTF-16, or .xlsx), or
        sources files (a header with ``title`` and no ``indicator``, as data/sources.csv and
        data/user/sources.csv), each checked as what it is. Any file but the project's own
        is also checked against the ids of the project's own file of its kind, which a run
        reads beside it.
    out : file-like, optional
        Where to print (default stdout).

    Returns
    -------
    int
        0 when every file is valid, 1 when any problem was found, 2 when a file is unreadable.
    """
    from .loading import bundled_ids, read_rows, read_sources, read_targets  # pandas only here
    from .paths import data_dir

    out = out or sys.stdout
    status = 0
    for path in paths:
        try:
            header = set(read_rows(Path(path), ()).header)
            is_sources = "title" in header and "indicator" not in header
            own = data_dir() / ("sources.csv" if is_sources else "targets.csv")
            taken = [] if Path(path).resolve() == own.resolve() else bundled_ids(own.name)
            if is_sources:
                _, report = read_sources(Path(path), taken=taken)
            else:
                _, report = read_targets([Path(path)], include_bundled=False, taken=taken)
        except DataFileError as exc:
            print(f"error: {exc}", file=out)
            status = max(status, 2)
            continue
        print(report.format(), file=out)
        if not report.ok:
            status = max(status, 1)
    return status


@command("validate", "check data files and report every problem", _validate_arguments)
def _validate(args: argparse.Namespace) -> int:
    return validate_command(list(args.files))


# --------------------------------------------------------------------------- extract


def _extract_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="documents to read (.txt, .html, .docx, .pdf with text)")
    parser.add_argument("--region", default=None, help="region for figures that name none")
    parser.add_argument("--date", default=None, metavar="YYYY-MM-DD",
                        help="the document's date (past/future periods, unwritten years)")
    parser.add_argument("--source-id", default=None, metavar="ID",
                        help="source id written into the rows (see data/sources.csv)")
    parser.add_argument("--format", dest="fmt", choices=("csv", "json"), default="csv")
    parser.add_argument("-o", "--output", default=None, metavar="OUT",
                        help="write the candidates here instead of standard output")
    parser.add_argument("--append", default=None, metavar="FILE",
                        help="append the candidates that pass validation to this data file")


def extract_command(files: list[str], *, region: str | None = None, date: str | None = None,
                    source_id: str | None = None, fmt: str = "csv", output: str | None = None,
                    append: str | None = None, out: TextIO | None = None,
                    err: TextIO | None = None) -> int:
    """Print (or write) the candidates of each file, optionally append them; the exit code.

    Parameters
    ----------
    files : list of str
        Documents (.txt, .html, .docx, .pdf).
    region, date, source_id : str, optional
        As for :func:`hy_analysis.extract`.
    fmt : {"csv", "json"}
    output : str, optional
        File to write instead of standard output.
    append : str, optional
        User data file to append the candidate rows that pass validation to.
    out, err : file-like, optional
        Standard output and error (default: the process's).

    Returns
    -------
    int
        0 when every file was read (and every row appended), 1 when validation rejected some
        rows, 2 when a file could not be read (the others are still read and printed; each
        unreadable file gets a one-line message).
    """
    from .extraction import append_rows, extract_files, to_target_rows, to_text
    from .extraction.readers import LegacyEncodingWarning

    out = out or sys.stdout
    err = err or sys.stderr
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LegacyEncodingWarning)
        result, unreadable = extract_files(files, region=region, date=date,
                                           source_id=source_id)
    for warning in caught:
        if issubclass(warning.category, LegacyEncodingWarning):
            print(f"hy-analysis: note: {warning.message}", file=err)
        else:
            warnings.showwarning(warning.message, warning.category, warning.filename,
                                 warning.lineno)
    for problem in unreadable:
        print(f"hy-analysis: error: {problem}", file=err)
    text = to_text(result, fmt)
    if output:
        Path(output).write_text(text, encoding="utf-8")
        print(f"{len(result)} candidate(s) written to {output}", file=err)
    else:
        out.write(text)
    status = 2 if unreadable else 0
    if append and len(result):
        written, problems = append_rows(to_target_rows(result, source_id=source_id), append)
        for problem in problems:
            print(f"not appended: {problem}", file=err)
        print(f"{len(written)} row(s) appended to {append}, {len(problems)} rejected", file=err)
        if problems:
            status = max(status, 1)
    return status


@command("extract", "propose candidate figure rows from documents", _extract_arguments)
def _extract(args: argparse.Namespace) -> int:
    return extract_command(args.files, region=args.region, date=args.date,
                           source_id=args.source_id, fmt=args.fmt, output=args.output,
                           append=args.append)


# --------------------------------------------------------------------------- lab, serve
# The servers' commands are built in hy_analysis.servers (a light import: no Jupyter module is
# loaded until a server starts).


def _server_options(parser: argparse.ArgumentParser, *, default_port: int, what: str) -> None:
    from .servers import LOOPBACK

    parser.add_argument("--port", type=int, default=default_port,
                        help=f"TCP port (default: {default_port}); a busy port is an error")
    parser.add_argument("--ip", default=LOOPBACK,
                        help="address to listen on (default: 127.0.0.1, this computer only; "
                             "0.0.0.0 lets others on your network connect)")
    # A token is a secret: it comes from the environment, never from this command's argv
    # (which every local user reads in /proc/*/cmdline).
    parser.add_argument("--no-token", action="store_true",
                        help="no access token (on 127.0.0.1 only); the token is otherwise "
                             "JUPYTER_TOKEN from the environment, or a new random one shown "
                             "in the address")
    parser.add_argument("--notebooks-dir", default=None, metavar="DIR",
                        help=f"folder of notebooks to {what} (default: the project's "
                             "notebooks/, or HY_NOTEBOOKS_DIR)")


def _lab_arguments(parser: argparse.ArgumentParser) -> None:
    from .servers import DEFAULT_LAB_PORT

    _server_options(parser, default_port=DEFAULT_LAB_PORT, what="open")
    parser.add_argument("--no-browser", action="store_true",
                        help="do not open a browser window; just print the address")


def _serve_arguments(parser: argparse.ArgumentParser) -> None:
    from .servers import DEFAULT_SERVE_PORT

    _server_options(parser, default_port=DEFAULT_SERVE_PORT, what="serve")
    parser.add_argument("--open-browser", action="store_true",
                        help="also open a browser window on the list of dashboards")


def _token(args: argparse.Namespace) -> str | None:
    """The server's token: none with --no-token, else JUPYTER_TOKEN, else None (random)."""
    import os

    from .servers import TOKEN_ENV

    return "" if args.no_token else (os.environ.get(TOKEN_ENV) or None)


@command("lab", "open the notebooks in JupyterLab (this computer only, random token)",
         _lab_arguments)
def _lab(args: argparse.Namespace) -> int:
    from .paths import notebooks_dir
    from .servers import lab_argv, run_server, trust_notebooks

    server = lab_argv(folder=args.notebooks_dir, ip=args.ip, port=args.port,
                      token=_token(args), open_browser=not args.no_browser)
    trust_notebooks(args.notebooks_dir or notebooks_dir())
    return run_server(server)


@command("serve", "serve the notebooks as Voilà dashboards: code hidden, widgets live",
         _serve_arguments)
def _serve(args: argparse.Namespace) -> int:
    from .paths import notebooks_dir
    from .servers import run_server, serve_argv, trust_notebooks

    server = serve_argv(folder=args.notebooks_dir, ip=args.ip, port=args.port,
                        token=_token(args), open_browser=args.open_browser)
    trust_notebooks(args.notebooks_dir or notebooks_dir())
    return run_server(server)


# --------------------------------------------------------------------------- main


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``hy-analysis`` with every registered subcommand."""
    parser = argparse.ArgumentParser(
        prog="hy-analysis",
        description="Run, list and validate the hy-analysis notebooks and data.")
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="show tracebacks of errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for cmd in COMMANDS.values():
        sub_parser = sub.add_parser(cmd.name, help=cmd.help, description=cmd.help)
        sub_parser.add_argument("--verbose", "-v", action="store_true",
                                default=argparse.SUPPRESS, help="show tracebacks of errors")
        cmd.add_arguments(sub_parser)
        sub_parser.set_defaults(handler=cmd.handler)
    return parser


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``hy-analysis`` script; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:  # `kill` or a closed terminal cleans up like Ctrl-C: runs stop, previous outputs stay
        for signum in (signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, _interrupt)
    except ValueError:  # not the main thread
        pass
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        print("hy-analysis: interrupted; previous outputs are unchanged", file=sys.stderr)
        return 130
    except HyAnalysisError as exc:
        if args.verbose:
            raise
        lines = str(exc).splitlines() or [type(exc).__name__]
        print(f"hy-analysis: error: {lines[0]}", file=sys.stderr)
        for line in lines[1:]:
            print(f"  {line.strip()}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
