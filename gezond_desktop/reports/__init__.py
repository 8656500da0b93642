"""Reports for funders and the programme team. No Qt here.

Datasets are computed in :mod:`.queries` as :class:`~.model.ReportResult` objects
(tables and chart data), then rendered by :mod:`.pdf`, :mod:`.excel` and :mod:`.csvout`.
"""
