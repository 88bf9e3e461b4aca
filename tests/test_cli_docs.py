"""Every command has help with a one-line purpose and an example, and the README covers it."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from bilat.cli.main import cli

README = Path(__file__).resolve().parents[1] / "README.md"
COMMANDS = cli.list_commands(None)


def test_top_level_help_lists_every_command():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_command_help_has_purpose_and_example(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"`bilat {name} --help` shows no example"
    assert f"bilat {name}" in result.output
    purpose = cli.get_command(None, name).get_short_help_str(limit=200)
    assert len(purpose) > 10


@pytest.mark.parametrize("name", COMMANDS)
def test_readme_documents_command(name):
    text = README.read_text(encoding="utf-8")
    assert f"bilat {name}" in text, f"README has no usage for `bilat {name}`"
