"""The page registry and builders: a ``Hub`` in, what each page and data file holds out.

``pages`` names every page kind and builds its context; ``paging``, ``progress``,
``charts``, ``shared``, ``addresses`` and ``localised`` (dates and numbers in each
language) work out what templates only show;
``opendata``, ``datapackage``, ``ics``, ``jsonld`` and ``feed`` make the data
files the pages link to; ``record`` is what a published year's report froze.
Imports reading/ and preview/, never output/ or tools/.
"""
