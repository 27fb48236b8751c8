"""``wiredesk`` and ``wiredesk PATH…`` skip building the argument parser (start-up time):
what they get must be exactly what the parser gives, and everything else still goes
through the parser."""

from __future__ import annotations

import pytest

from wiredesk.cli.main import UnknownCommand, _split_reader_paths, build_parser, reader_args


@pytest.mark.parametrize("argv", [[], ["seeds"], ["seeds", "other/folder", "a.txt"]])
def test_reader_arguments_equal_the_parsers(argv: list[str]) -> None:
    expected = build_parser().parse_args(_split_reader_paths(argv))
    if expected.command is None:  # what main() does for a bare ``wiredesk``
        expected.command, expected.paths = "read", []
    got = reader_args(argv)
    assert got is not None and vars(got) == vars(expected)


@pytest.mark.parametrize("argv", [["--demo"], ["--db", "x.sqlite3"], ["-"], ["list"], ["read", "seeds"],
                                  ["seeds", "--watch"], ["--help"]])
def test_options_and_commands_go_through_the_parser(argv: list[str]) -> None:
    assert reader_args(argv) is None


def test_a_mistyped_command_is_still_refused() -> None:
    with pytest.raises(UnknownCommand, match="did you mean 'list'"):
        reader_args(["lst"])
