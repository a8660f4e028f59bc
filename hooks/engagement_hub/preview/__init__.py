"""What a preview remembers between rebuilds: the speed-ups' state, and nothing else.

``memory`` (everything the speed-ups keep, in one object passed in), ``cache``
(compiled templates and schema checkers on disk), ``collector`` (when Python's
cycle collector may run) and ``sameness`` (equality that implies the same HTML).
Every other folder may use these; they import no other folder.
"""
