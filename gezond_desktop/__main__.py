"""``python -m gezond_desktop`` and the ``gezond-desktop`` command: the desktop app."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from .ui.app import main as ui_main

    return ui_main(argv)


if __name__ == "__main__":
    sys.exit(main())
