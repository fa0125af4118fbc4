"""The `ntm` command. Each subcommand has its module in extractor/cli/, which exposes
`add_arguments(parser)` and `run(args) -> int`; this file only dispatches."""
from __future__ import annotations

import argparse
import atexit
import gc
import importlib
import os
import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext

from extractor.core import i18n
from extractor.core.errors import ExitCode
from extractor.core.version import __version__

# subcommand -> module; a module is imported only when its subcommand runs
SUBCOMMANDS = {
    "extract": "extractor.cli.extract",
    "eval": "extractor.cli.eval",
    "ingest": "extractor.cli.ingest",
    "review": "extractor.cli.review",
    "doctor": "extractor.cli.doctor",
}

# subcommands that print progress or information lines `--quiet` silences
QUIET_COMMANDS = ("ingest", "review")

# subcommands whose whole output is what they print: run as the program, they end without the
# interpreter's teardown (see _end_without_teardown)
QUICK_EXIT_COMMANDS = ("extract",)

# Exit codes shared by the subcommands that read files (defined in core so every layer can return them).
EXIT_OK = ExitCode.OK
EXIT_USAGE = ExitCode.USAGE
EXIT_SOME_FAILED = ExitCode.SOME_FAILED
EXIT_ALL_FAILED = ExitCode.ALL_FAILED


def _argparse_text(message: str) -> str:
    """argparse's own text in the current language (its messages go through gettext's `_`)."""
    if i18n.language() == "en":
        return message
    cat = i18n.catalogue("cli")
    table = {entry["en"]: entry["vi"] for key, entry in cat.items() if key.startswith("ap_")}
    return table.get(message, message)


def _argparse_plural(singular: str, plural: str, n: int) -> str:
    return _argparse_text(singular if n == 1 else plural)


def localise_argparse() -> None:
    """Route argparse's texts (usage, errors, section titles) through the cli catalogue."""
    argparse._ = _argparse_text  # type: ignore[attr-defined]
    argparse.ngettext = _argparse_plural  # type: ignore[attr-defined]


def build_parser(command: str | None) -> argparse.ArgumentParser:
    localise_argparse()
    parser = argparse.ArgumentParser(prog="ntm", description=i18n.t("cli", "description"))
    parser.add_argument("--version", action="version", version=f"ntm-extractor {__version__}",
                        help=i18n.t("cli", "version_help"))
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help=i18n.t("cli", "lang_help"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name in SUBCOMMANDS.items():
        help_text = i18n.t("cli", f"{name}_help")
        sp = sub.add_parser(name, help=help_text, description=help_text)
        if name in QUIET_COMMANDS:
            sp.add_argument("-q", "--quiet", action="store_true", help=i18n.t("cli", "quiet_help"))
        if name == command:
            importlib.import_module(module_name).add_arguments(sp)
        else:
            sp.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    return parser


def _command_of(argv: list[str]) -> str | None:
    return next((a for a in argv if a in SUBCOMMANDS), None)


@contextmanager
def _no_collection_while_importing() -> Iterator[None]:
    """Importing the pipeline creates ~100,000 objects that live as long as the process (its
    classes, functions and constants); the cyclic garbage collector would traverse them some 80
    times on the way, about 5% of `ntm extract` of a short file. It is paused meanwhile, and
    what exists then is moved out of its reach (`gc.freeze`), as for a forked worker."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _generated_code_kept(command: str | None) -> AbstractContextManager[None]:
    """The classes a command's modules create, from their kept generated code (core/generated.py;
    not for `ntm --help` alone, which creates none)."""
    if command is None:
        return nullcontext()
    from extractor.core.generated import generated_code_kept

    return generated_code_kept()


def _end_without_teardown(code: int) -> int:
    """End the process with `code` without the interpreter freeing every object one by one
    (the ~100,000 of the pipeline's modules and the records: ~4 ms of `ntm extract` of a short
    file, 5% of it): the printed output flushed, the `atexit` functions run (the kept tables of
    core/kept.py are written there), then `os._exit`. Only with no other thread running (none
    to wait for); where a flush fails (a closed pipe) the interpreter ends as usual."""
    import threading

    if threading.active_count() > 1:
        return code
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return code
    atexit._run_exitfuncs()
    os._exit(code)


def main(argv: list[str] | None = None, *, as_program: bool = False) -> int:
    """Run the command line `argv` (default: the process's arguments) and return its exit code.
    `as_program`: this call is the whole process (`run_as_program`), so a command that only
    prints may end it without the interpreter's teardown; a caller of `main` keeps its process."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--lang" in argv:
        idx = argv.index("--lang")
        if idx + 1 < len(argv) and argv[idx + 1] in i18n.LANGUAGES:
            i18n.set_language(argv[idx + 1])
    command = _command_of(argv)
    with _no_collection_while_importing(), _generated_code_kept(command):
        args = build_parser(command).parse_args(argv)
        if args.command is None:
            build_parser(None).print_help()
            return EXIT_USAGE
        module = importlib.import_module(SUBCOMMANDS[args.command])
    try:
        code = int(module.run(args))
    except KeyboardInterrupt:
        print(i18n.t("cli", "interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    if as_program and args.command in QUICK_EXIT_COMMANDS:
        return _end_without_teardown(code)
    return code


def run_as_program() -> int:
    """The `ntm` program (pyproject's script, `python -m extractor.cli.main`)."""
    return main(as_program=True)


if __name__ == "__main__":
    sys.exit(run_as_program())
