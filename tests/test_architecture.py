"""The layout contract: import layers (import-linter), no import cycles, no private names imported
across modules, and functions and classes short enough to read in one go."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "summarizer"
MAX_FUNCTION_LINES, MAX_CLASS_LINES = 60, 250


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    lint = Path(sys.executable).with_name("lint-imports")
    return subprocess.run([str(lint), "--no-cache"], cwd=cwd, capture_output=True, text=True,
                          env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"}, timeout=120)


def _modules() -> dict[str, Path]:
    return {".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): p
            for p in PACKAGE.rglob("*.py")}


def _imports(module: str, path: Path) -> list[tuple[str, list[str], int]]:
    """``(imported module, names, line)`` of each import of a summarizer module, resolved to absolute names."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            target = ".".join(filter(None, [base, node.module or ""]))
            found.append((target, [a.name for a in node.names], node.lineno))
        elif isinstance(node, ast.Import):
            found += [(a.name, [], node.lineno) for a in node.names]
    return [(t, names, line) for t, names, line in found if t.split(".")[0] == "summarizer"]


def test_import_layers_are_kept():
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_the_contract_fails_when_a_lower_layer_imports_a_higher_one(tmp_path):
    shutil.copytree(PACKAGE, tmp_path / "summarizer", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    words = tmp_path / "summarizer" / "text" / "words.py"
    words.write_text(words.read_text(encoding="utf-8") + "\nfrom ..check import scores  # a layer above\n",
                     encoding="utf-8")
    result = _lint_imports(tmp_path)
    assert result.returncode == 1
    assert "summarizer.text is not allowed to import summarizer.check" in result.stdout


def test_no_import_cycles_between_modules():
    modules = _modules()
    # an edge to the module imported, or to ``package.name`` when the name imported is a module itself
    graph = {m: {f"{t}.{n}" if f"{t}.{n}" in modules else t for t, names, _ in _imports(m, p) for n in names or [""]}
             for m, p in modules.items()}
    done: set[str] = set()

    def visit(module: str, trail: list[str]) -> None:
        for target in sorted(graph[module] & set(modules)):
            assert target not in trail, "import cycle: " + " -> ".join(trail + [target])
            if target not in done:
                visit(target, trail + [target])
        done.add(module)

    for module in sorted(modules):
        visit(module, [module])


def test_no_private_names_are_imported_across_modules():
    offenders = [f"{path.relative_to(ROOT)}:{line}: {target}.{name}"
                 for module, path in _modules().items() for target, names, line in _imports(module, path)
                 for name in names if name.startswith("_") and name != "__version__"]
    assert offenders == []


def test_functions_and_classes_are_short():
    long = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            size = (node.end_lineno or node.lineno) - node.lineno + 1 if hasattr(node, "end_lineno") else 0
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and size > MAX_FUNCTION_LINES:
                long.append(f"{path.relative_to(ROOT)}:{node.lineno}: function {node.name} has {size} lines")
            elif isinstance(node, ast.ClassDef) and size > MAX_CLASS_LINES:
                long.append(f"{path.relative_to(ROOT)}:{node.lineno}: class {node.name} has {size} lines")
    assert long == []
