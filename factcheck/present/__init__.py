"""present stage: charts (``charts``, ``agreement``, ``timeline``), side-by-side tables
(``tables``), the self-contained HTML report (``report``) and exports (``export``).

See ``docs/present.md``.
"""
