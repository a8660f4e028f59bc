"""The organisation's logo and favicon: files in data/, named in data/organisation.yml.

Checked like any other field: the file must exist inside data/, be a kind of
image browsers show (SVG or PNG for the logo; SVG, PNG or ICO for the favicon),
be small, and, if SVG, hold no script. The site shows them with <img> and
<link rel="icon">, copied under assets/brand/ unchanged.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from .problems import Problem
from .source import Document
from .svgactive import runs_script

LOGO_KINDS = (".svg", ".png")
FAVICON_KINDS = (".svg", ".png", ".ico")
MAX_BYTES = 200_000  # a logo is a few kilobytes; a photograph by mistake would slow every page
# An SVG opened on its own runs its scripts with the site's origin: none allowed (data never becomes script).
# The first bytes of each kind of binary image: a renamed GIF or JPEG is not a PNG, and browsers may refuse it.
_SIGNATURES = {".png": b"\x89PNG\r\n\x1a\n", ".ico": b"\x00\x00\x01\x00"}


def site_path(file: str) -> str:
    """Where a brand file is published in the site: assets/brand/<its name>."""
    return f"assets/brand/{PurePosixPath(file).name}"


def _file_problems(doc: Document, data_dir: Path, path: tuple[str, ...], file: str, kinds: tuple[str, ...],
                   what: str) -> list[Problem]:
    shown = f"data/{file}"
    where = dict(found=file)
    kinds_words = ", ".join(k.lstrip(".").upper() for k in kinds)
    if PurePosixPath(file).is_absolute() or ".." in PurePosixPath(file).parts or "\\" in file:
        return [doc.problem(path, f"The {what} must be a file inside the data folder.",
                            expected="a path inside data/, e.g. brand/logo.svg", **where,
                            hint="Put the file in data/ (for example data/brand/) and give its path from there.")]
    if PurePosixPath(file).suffix.lower() not in kinds:
        return [doc.problem(path, f"The {what} must be {kinds_words}.", expected=f"a file ending {', '.join(kinds)}",
                            **where, hint=f"Save the image as {kinds_words} and name that file here.")]
    target = data_dir / file
    if not target.is_file():
        return [doc.problem(path, f"There is no file {shown} for the {what}.", expected=f"a file at {shown}",
                            **where, hint="Check the spelling and capitals of the file name, and that the file "
                                          "is in the data folder.")]
    size = target.stat().st_size
    if size > MAX_BYTES:
        return [doc.problem(path, f"The {what} {shown} is {size // 1000} KB; every page would load it.",
                            expected=f"at most {MAX_BYTES // 1000} KB", found=f"{size // 1000} KB",
                            hint="Use an SVG, or a PNG no wider than 512 pixels.")]
    signature = _SIGNATURES.get(target.suffix.lower())
    if signature and not target.read_bytes().startswith(signature):
        kind = target.suffix.lower().lstrip(".").upper()
        return [doc.problem(path, f"The {what} {shown} is not a {kind} image, whatever its name says.",
                            expected=f"a {kind} file", **where,
                            hint=f"Export or save the image again as {kind}; renaming a file does not change its kind.")]
    if target.suffix.lower() == ".svg" and runs_script(target.read_text(encoding="utf-8", errors="replace")):
        return [doc.problem(path, f"The {what} {shown} contains script or event handlers, which the site "
                                  "will not publish.", expected="an SVG with shapes and text only", **where,
                            hint="Export the logo again as a plain SVG, without scripts or links.")]
    return []


def logo_problems(doc: Document, data_dir: Path) -> list[Problem]:
    """Problems with the logo and favicon files named in data/organisation.yml."""
    data = doc.data if isinstance(doc.data, dict) else {}
    problems = []
    logo = data.get("logo")
    if isinstance(logo, dict) and isinstance(logo.get("file"), str):
        problems += _file_problems(doc, data_dir, ("logo", "file"), logo["file"], LOGO_KINDS, "logo")
    if isinstance(data.get("favicon"), str):
        problems += _file_problems(doc, data_dir, ("favicon",), data["favicon"], FAVICON_KINDS, "favicon")
    return problems
