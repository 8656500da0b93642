"""The Qt desktop UI. Only this package imports Qt.

Start with :func:`gezond_desktop.ui.app.main`. The building blocks for screens:
:mod:`.operations` (run work off the UI thread), :mod:`.errors` (the one error
channel), :mod:`.paged_model` (lazy tables), :mod:`.labels` (code labels in the
UI language) and :mod:`.pages` (how to add a page to the main window).
"""
