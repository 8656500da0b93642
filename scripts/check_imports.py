"""Fail when a core package imports Qt (the UI layer is the only Qt user)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "gezond_desktop"
QT = ("PySide6", "PyQt5", "PyQt6", "shiboken6")
ALLOWED = {ROOT / "ui", ROOT / "__main__.py"}


def qt_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        for n in names:
            if n.split(".")[0] in QT:
                found.append(f"{path.relative_to(ROOT.parent)}:{node.lineno}: imports {n}")
    return found


def main() -> int:
    problems = []
    for path in sorted(ROOT.rglob("*.py")):
        if any(path == a or a in path.parents for a in ALLOWED):
            continue
        problems += qt_imports(path)
    for p in problems:
        print(p)
    if problems:
        print("Core packages must not import Qt (only gezond_desktop/ui may).")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
