"""The command-line tools behind make targets: ``check``, ``newsite``, ``publish`` and ``export``.

The last step: each reads, builds or writes through the folders below it.
"""
