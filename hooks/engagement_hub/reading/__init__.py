"""Reading and checking data: data/ files in, a checked and typed ``Hub`` out.

The first step of the data flow: YAML with line numbers (``source``, ``reread``),
JSON Schema (``schema``, with the schemas in ``../schemas/``), cross-file rules
(``references``, ``fields``, ``history``, ``opportunities``, ``contrast``,
``symlinks``), warnings (``readability``, ``statement``, ``spreadsheet``), plain-English
problems (``problems``), the build date (``builddate``), safe text (``text``),
the translations of the data and of the site's own words (``languages``, ``translatable``,
``translations``, ``catalogue``, ``multilingual``), and ``load``, which runs them all and
builds the typed ``model``.
Imports nothing from pages/, output/ or tools/.
"""
