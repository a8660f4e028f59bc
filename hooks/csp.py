"""MkDocs hook, listed last: puts the Content-Security-Policy meta tag on every page.

Last, so the tag is put in the HTML as it is written to site/, after every
other hook has changed it. The policy itself is in engagement_hub.output.csp: it
allows only the inline scripts the templates write, whatever the page holds.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from engagement_hub.output.csp import with_policy

# `mkdocs serve` adds its live-reload script to each page as it serves it, with numbers that change on
# every request, so no hash could allow it: the local preview goes without the policy; every build has it.
_serving: dict[str, bool] = {"on": False}


def on_startup(command: str, dirty: bool) -> None:
    _serving["on"] = command == "serve"


def on_post_page(output: str, page, config) -> str:  # noqa: ANN001 - MkDocs' own signature
    return output if _serving["on"] else with_policy(output)


def on_post_template(output_content: str, template_name: str, config) -> str:  # noqa: ANN001
    if _serving["on"] or not template_name.endswith(".html"):
        return output_content
    return with_policy(output_content)
