"""Where the files that ship with the app live (reference CSVs, ...).

In a source checkout they are in the top-level ``resources/`` folder of the
repository; an installed package may carry them inside ``gezond_desktop/resources``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The folder that holds the bundled resources."""
    inside = _PACKAGE_DIR / "resources"
    if inside.is_dir():
        return inside
    return _PACKAGE_DIR.parent / "resources"


def reference_dir() -> Path:
    """The folder with the bundled reference CSVs."""
    return resources_dir() / "reference"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


RESOURCES_DIR = resources_dir()
