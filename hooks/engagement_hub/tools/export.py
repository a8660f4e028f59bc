"""`make export`: the whole site written as Markdown pages and a generated config, for another engine.

Zensical, the successor to Material for MkDocs, ignores MkDocs hooks, so it
cannot make the hub's pages itself. This writes them out first, from the same
core the MkDocs build uses (sitedata.py):

    export/
      mkdocs.yml    the site's settings, with the menu written out (Zensical reads mkdocs.yml)
      docs/         every page as Markdown: a page made from data holds its finished HTML,
                    a hand-written page its Markdown with the macros already replaced;
                    the stylesheets, the brand colours and the open data files
      overrides/    the theme overrides (skip link, footer), as in theme_overrides/
      hub_toc.py    the contents rule (toc.py), as a Python-Markdown extension

Build it with:  cd export && PYTHONPATH=. zensical build --strict
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

from ..output.site import HubSite
from ..output.sitedata import PageData, SiteData, site_data
from ..reading.builddate import BuildDateError
from ..reading.problems import DataError, report

TOC_MODULE = "hub_toc"
MARK = "# Written by `make export` from the project's mkdocs.yml and data/; edit those, not this.\n"


def not_an_export(out: Path) -> str:
    """Why ``out`` may not be replaced, or "": ``write`` deletes it first, so only an earlier export (or
    nothing) may be there; a mistyped --out (the project, data/, a home folder) is refused, not deleted."""
    if not out.exists() or (out.is_dir() and not any(out.iterdir())):
        return ""
    config_file = out / "mkdocs.yml"
    if out.is_dir() and not out.is_symlink() and config_file.is_file() \
            and config_file.read_text(encoding="utf-8", errors="replace").startswith(MARK):
        return ""
    return (f"Nothing was exported: {out} already exists and is not an earlier export (its mkdocs.yml does not "
            "start with the line `make export` writes), and exporting would delete everything in it.\n"
            "Choose a new folder with --out, or delete that one yourself if you are sure.")


def page_file(page: PageData) -> str:
    """A page as a Markdown file: front matter (with the footer's links), then its body."""
    meta = {**page.meta, "hub_page": page.chrome}
    if page.html:
        meta.setdefault("title", page.title)
        # Raw HTML between blank lines is passed through by Markdown as it is.
        body = "\n" + page.html.strip() + "\n"
    else:
        body = page.markdown
    return "---\n" + "\n".join(f"{k}: {json.dumps(v)}" for k, v in meta.items() if v) + "\n---\n" + body


def config(data: SiteData, source: dict[str, Any]) -> dict[str, Any]:
    """The export's mkdocs.yml: the project's own settings, with what the hooks set written out."""
    out = {key: value for key, value in source.items() if key not in ("hooks", "docs_dir", "site_dir")}
    out.update(site_name=data.name, docs_dir="docs", site_dir="site", nav=data.nav, copyright=data.copyright)
    if data.site_url:
        out["site_url"] = data.site_url
    out["theme"] = {**source.get("theme", {}), **dict(data.brand), "custom_dir": "overrides"}
    out["extra"] = {**source.get("extra", {}), "hub_logo_alt": data.logo_alt,  # as hooks/hub.py sets them
                    "hub_feed": data.feed}
    out["markdown_extensions"] = [*source.get("markdown_extensions", []), TOC_MODULE]
    return out


def write(data: SiteData, root: Path, out: Path) -> None:
    """The export of ``data`` (the project at ``root``) into ``out``, replacing what was there."""
    if out.exists():
        shutil.rmtree(out)
    docs = out / "docs"
    content = root / "content"
    shutil.copytree(content, docs, ignore=shutil.ignore_patterns("*.md"))
    for page in data.pages:
        (docs / page.src).parent.mkdir(parents=True, exist_ok=True)
        (docs / page.src).write_text(page_file(page), encoding="utf-8")
    for path, content in data.files.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):  # the logo and favicon
            (docs / path).write_bytes(content)
        else:
            (docs / path).write_text(content, encoding="utf-8")
    # sitemap.xml is MkDocs' with each page's other languages; another engine writes its own sitemap.
    shutil.copytree(root / "theme_overrides", out / "overrides", ignore=shutil.ignore_patterns("hub", "sitemap.xml"))
    shutil.copy2(Path(__file__).parents[1] / "output" / "toc.py", out / f"{TOC_MODULE}.py")
    source = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    (out / "mkdocs.yml").write_text(
        MARK + yaml.safe_dump(config(data, source), sort_keys=False, allow_unicode=True), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make export", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: here)")
    parser.add_argument("--out", type=Path, default=Path("export"), help="where to write it (default: export/)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if refused := not_an_export(args.out):
        print(refused, file=sys.stderr)
        return 1
    try:
        site = HubSite.load(root, template_dir=root / "theme_overrides" / "hub", content_dir=root / "content")
    except BuildDateError as error:  # HUB_BUILD_DATE that is not a real date: said plainly, as make check does
        print("Nothing was exported: " + str(error), file=sys.stderr)
        return 1
    except DataError as error:
        print("Nothing was exported, because of problems in the data:\n\n" + str(error), file=sys.stderr)
        return 1
    data = site_data(site, root / "content")
    if data.problems:
        print("Nothing was exported, because of problems in the pages:\n\n" + report(list(data.problems)),
              file=sys.stderr)
        return 1
    write(data, root, args.out)
    print(f"Exported {len(data.pages)} pages to {args.out}/. "
          f"Build them with: cd {args.out} && PYTHONPATH=. zensical build --strict")
    return 0


if __name__ == "__main__":
    sys.exit(main())
