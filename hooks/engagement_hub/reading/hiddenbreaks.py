"""Invisible line breaks: characters YAML ends a line at, which an editor shows inside one.

NEL (U+0085), the line and paragraph separators (U+2028, U+2029) and a carriage return without a
line feed come in with text pasted from Word, a PDF or an email. YAML reads what follows one as a
new line, so a text that looks whole in the editor can break the file, and YAML's complaint then
points at the line below ("the indentation is wrong" on a line that is fine). When YAML could not
read a file, each such character on a line it could not read, or on the line above, is named at its
own line and column, as the editor shows them.
"""

from __future__ import annotations

import re

from .problems import Problem

_NAMES = {"\x85": "U+0085, NEXT LINE", "\u2028": "U+2028, LINE SEPARATOR", "\u2029": "U+2029, PARAGRAPH SEPARATOR",
          "\r": "U+000D, a carriage return without a line feed"}
# A line break only YAML sees (source.EditorLines translates every position past one).
HIDDEN_BREAK = re.compile("\r(?!\n)|[\x85\u2028\u2029]")
# The key written at the start of a line ("  - name: x" sets name), to name the field of a line YAML cannot read.
LINE_KEY = re.compile(r"\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:(?:\s|$)")
_MOST = 10  # a file saved with old Mac line endings has one on every line: name the first few


# Where a line's value starts, if it is quoted: after the key and ': ', or a list's '- '.
_QUOTED_VALUE = re.compile(r"""\s*(?:-\s+)*(?:[^:#'"]+:\s+)?(["'])""")


def _harmless(before: str, after: str) -> bool:
    """Whether YAML reads the break as the editor shows it: inside quotes (part of the text), or followed on the
    editor's line by nothing but spaces or a comment."""
    rest = after.strip()
    if not rest or rest.startswith("#"):
        return True
    quoted = _QUOTED_VALUE.match(before)
    if not quoted:
        return False
    inside = before[quoted.end():]
    closed = re.search(r'(?<!\\)"', inside) if quoted.group(1) == '"' else "'" in inside.replace("''", "")
    return not closed


def hidden_breaks(text: str, file: str, problems: list[Problem]) -> list[Problem]:
    """A problem for each hidden line break on the line of one of ``problems`` (before it) or on the line
    above; ``problems`` and the result are in the editor's lines and columns (line feeds alone end a line)."""
    near = {(p.line, p.column) for p in problems}
    found: list[Problem] = []
    line, counted = 1, 0
    for match in HIDDEN_BREAK.finditer(text):
        offset = match.start()
        line += text.count("\n", counted, offset)  # counted once over the file, not from the top for each
        counted = offset
        start = text.rfind("\n", 0, offset) + 1
        column = offset - start + 1
        if not any((line == at and column < after) or line == at - 1 for at, after in near):
            continue
        end = text.find("\n", offset)
        if _harmless(text[start:offset], text[offset + len(match.group()):end if end >= 0 else len(text)]):
            continue
        before = " ".join(text[start:offset].split())
        key = LINE_KEY.match(text[start:offset])
        # YAML's own problem below often names the field in full (channels[0].description).
        named = next((p.path for p in problems if key and p.path.rsplit(".", 1)[-1] == key.group(1)), None)
        found.append(Problem(
            file, line, column, named or (f"{key.group(1)} (on this line)" if key else "(the whole file)"),
            f"This line holds an invisible character ({_NAMES[match.group()]}) that YAML reads as the end of "
            "a line, so what follows it on the line is read as a new line.",
            expected="each line of the file as the editor shows it, with no hidden line break",
            found=f"a hidden line break after '{before[-40:]}'" if before else "a hidden line break",
            hint="Delete the character: put the cursor just after the text above and press Delete (or type the "
                 "line again). It usually comes with text pasted from Word, a PDF or an email."))
        if len(found) == _MOST:
            break
    return found
