"""The README's Python examples run as shown (blocks marked ``readme-test: skip`` download models)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BLOCKS = [m for m in re.finditer(r"(<!-- readme-test: skip[^>]*-->\n)?```python\n(.*?)```", (ROOT / "README.md").read_text(
    encoding="utf-8"), re.S) if not m.group(1)]


@pytest.mark.parametrize("code", [m.group(2) for m in BLOCKS], ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_readme_python_example_runs(code, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    exec(compile(code, "README.md", "exec"), {})
    assert capsys.readouterr().out.strip()  # every example shows its output
