"""The offline console's reading of slash-command lines."""

import pytest

from console import CommandLineError, parse_command


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("/vote country:China", ("vote", {"country": "China"})),
        ("vote country:North Korea vote:UN General Assembly 2022", ("vote", {"country": "North Korea", "vote": "UN General Assembly 2022"})),
        ("/whosaid quote:he said: it might be you", ("whosaid", {"quote": "he said: it might be you"})),
        ("/whosaid quote:country:China", ("whosaid", {"quote": "country:China"})),
        ("/sources", ("sources", {})),
        ("/vote", ("vote", {})),
    ],
)
def test_lines_become_commands_and_options(line, expected):
    assert parse_command(line) == expected


@pytest.mark.parametrize("line", ["/nope", "/vote China", "/quotes Biden"])
def test_unreadable_lines_are_refused(line):
    with pytest.raises(CommandLineError):
        parse_command(line)
