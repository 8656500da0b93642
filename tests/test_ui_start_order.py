"""Cold start: the desktop app loads its data layer before Qt.

Once PySide6 is imported, its ``__feature__`` import hook reads the source of every
module imported after it; loading SQLAlchemy and the models first saves about
0.1 s at every start (see ``gezond_desktop/ui/app.py``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

SCRIPT = """
import json, sys
import gezond_desktop.ui.app
order = list(sys.modules)
print("RESULT " + json.dumps({m: order.index(m) for m in
      ("sqlalchemy.orm", "gezond_desktop.models", "PySide6.QtCore")}))
"""


def test_app_loads_sqlalchemy_and_the_models_before_qt() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          env=env, timeout=120)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
    assert lines, proc.stderr[-3000:]
    at = json.loads(lines[0][len("RESULT "):])
    assert at["sqlalchemy.orm"] < at["PySide6.QtCore"]
    assert at["gezond_desktop.models"] < at["PySide6.QtCore"]
