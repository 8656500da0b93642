#!/usr/bin/env python3
"""Regenerate the UI translations: lupdate, fill, lrelease.

    .venv/bin/python scripts/update_translations.py          # update .ts and .qm
    .venv/bin/python scripts/update_translations.py --check  # also fail on missing English

1. ``pyside6-lupdate`` collects every ``self.tr(...)`` / ``QCoreApplication.translate``
   / ``QT_TRANSLATE_NOOP`` string (Dutch source text) under ``gezond_desktop/ui``
   into ``resources/translations/gezond_nl.ts`` and ``gezond_en.ts``.
2. ``gezond_nl.ts`` gets identity translations (the source is Dutch).
   ``gezond_en.ts``: every unfinished entry is filled from
   ``resources/translations/en.tsv`` (``context<TAB>Dutch<TAB>English``; for
   ``%n`` plurals write ``singular|plural``; ``*`` as context matches any context).
   Translations made in Qt Linguist are kept.
3. ``pyside6-lrelease`` compiles both to ``.qm`` (commit them).

New strings: run the script, read the "missing English" list it prints, add
lines to ``en.tsv``, run it again.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "gezond_desktop" / "ui"
OUT_DIR = ROOT / "resources" / "translations"
TSV = OUT_DIR / "en.tsv"
LANGS = {"nl": "nl_NL", "en": "en_GB"}


def tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if not found:
        sys.exit(f"{name} not found; install PySide6 in this environment")
    return found


def unescape(text: str) -> str:
    return text.replace("\\t", "\t").replace("\\n", "\n").replace("\\\\", "\\")


def load_tsv(path: Path) -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    if not path.exists():
        return table
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            sys.exit(f"{path}:{n}: expected context<TAB>Dutch<TAB>English")
        ctx, src, dst = (unescape(p) for p in parts)
        table[(ctx, src)] = dst
    return table


def run_lupdate() -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in UI_DIR.rglob("*.py"))
    for lang, code in LANGS.items():
        ts = OUT_DIR / f"gezond_{lang}.ts"
        subprocess.run(
            [tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none",
             "-target-language", code, "-ts", str(ts.relative_to(ROOT))],
            cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
        )


def set_translation(msg: ET.Element, text: str | list[str]) -> None:
    tr = msg.find("translation")
    if tr is None:
        tr = ET.SubElement(msg, "translation")
    tr.attrib.pop("type", None)
    if msg.get("numerus") == "yes":
        forms = text if isinstance(text, list) else [text, text]
        for child in list(tr):
            tr.remove(child)
        tr.text = None
        for form in forms:
            ET.SubElement(tr, "numerusform").text = form
    else:
        tr.text = text if isinstance(text, str) else text[0]


def is_unfinished(msg: ET.Element) -> bool:
    tr = msg.find("translation")
    if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
        return True
    if msg.get("numerus") == "yes":
        return not all((f.text or "").strip() for f in tr.findall("numerusform"))
    return not (tr.text or "").strip()


def messages(root: ET.Element) -> list[tuple[str, ET.Element]]:
    out = []
    for ctx in root.findall("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.findall("message"):
            out.append((name, msg))
    return out


def write_ts(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def fill() -> list[tuple[str, str]]:
    nl_path = OUT_DIR / "gezond_nl.ts"
    tree = ET.parse(nl_path)
    for _ctx, msg in messages(tree.getroot()):
        set_translation(msg, msg.findtext("source") or "")
    write_ts(tree, nl_path)

    table = load_tsv(TSV)
    en_path = OUT_DIR / "gezond_en.ts"
    tree = ET.parse(en_path)
    missing: list[tuple[str, str]] = []
    for ctx, msg in messages(tree.getroot()):
        if not is_unfinished(msg):
            continue
        src = msg.findtext("source") or ""
        english = table.get((ctx, src), table.get(("*", src)))
        if english is None:
            missing.append((ctx, src))
            continue
        if msg.get("numerus") == "yes":
            set_translation(msg, english.split("|", 1) if "|" in english else [english] * 2)
        else:
            set_translation(msg, english)
    write_ts(tree, en_path)
    return missing


def run_lrelease() -> None:
    for lang in LANGS:
        ts = OUT_DIR / f"gezond_{lang}.ts"
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=True, stdout=subprocess.DEVNULL)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when an English translation is missing")
    args = parser.parse_args(argv)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    run_lupdate()
    missing = fill()
    run_lrelease()
    for ctx, src in missing:
        print(f"missing English: {ctx}\t{src}")
    print(f"updated {OUT_DIR}; {len(missing)} English translation(s) missing")
    return 1 if (missing and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
