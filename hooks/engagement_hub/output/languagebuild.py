"""Build the site in every language it is published in: English into the site folder, and each
language listed in data/organisation.yml into a folder of its own inside it (/cy/, /ur/).

Each language is a whole build of its own (MkDocs allows one language per build), given its language
by the HUB_LANGUAGE environment variable; each runs its own search index, so a search on the Welsh
site finds Welsh pages. All of them go into the one folder the safe build swap (sitedir.py)
publishes, so site/ changes in one step, every language at once, or not at all.

Usage: python -m engagement_hub.output.languagebuild MKDOCS [ARGS...] --site-dir FOLDER
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ..reading.languages import SOURCE
from ..reading.source import read_yaml

LANGUAGE_ENV = "HUB_LANGUAGE"


def codes(root: Path) -> list[str]:
    """The codes of the languages data/organisation.yml lists. The English build has checked them
    first: if the file is wrong, that build has failed and this is never asked."""
    path = root / "data" / "organisation.yml"
    if path.is_symlink() or not path.is_file():
        return []
    doc, _ = read_yaml(path.read_bytes(), "data/organisation.yml")
    entries = doc.data.get("languages") if isinstance(doc.data, dict) else None
    return [entry["code"] for entry in entries or () if isinstance(entry, dict) and isinstance(entry.get("code"), str)
            and entry["code"].isascii() and entry["code"].isalpha() and entry["code"] != SOURCE]


def build(root: Path, command: list[str]) -> int:
    """English into the folder after --site-dir, then every other language into a folder inside it."""
    if "--site-dir" not in command[:-1]:
        print("languagebuild: the build command needs --site-dir FOLDER.", file=sys.stderr)
        return 2
    at = command.index("--site-dir")
    folder, rest = Path(command[at + 1]), command[:at] + command[at + 2:]
    env = {k: v for k, v in os.environ.items() if k != LANGUAGE_ENV}
    result = subprocess.run([*rest, "--site-dir", str(folder)], cwd=root, env=env, check=False)
    if result.returncode != 0:
        return result.returncode
    for code in codes(root):
        result = subprocess.run([*rest, "--site-dir", str(folder / code)], cwd=root,
                                env={**env, LANGUAGE_ENV: code}, check=False)
        if result.returncode != 0:
            return result.returncode
    return 0


if __name__ == "__main__":
    sys.exit(build(Path.cwd(), sys.argv[1:]))
