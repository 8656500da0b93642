"""Small reusable widgets: chips, look-up fields."""

from .chips import ChipGroup, ChipList, FlowLayout
from .lookup import ResidentLookup, SearchCombo

__all__ = ["ChipGroup", "ChipList", "FlowLayout", "ResidentLookup", "SearchCombo"]
