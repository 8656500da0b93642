"""Gezond Desktop: offline-first logging of contacts, referrals and attendance.

The core packages (``models``, ``services``, ``sync``, ``reports``) never import
Qt; only ``gezond_desktop.ui`` does.
"""

__version__ = "0.1.0"
