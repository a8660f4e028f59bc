"""The engagement hub's core: data in, page contexts out.

Nothing in this package imports MkDocs. The MkDocs hook in ``hooks/hub.py``
is a thin adapter over it, so the core can move to another engine when
MkDocs 1.x and Material for MkDocs reach end of life.
"""
