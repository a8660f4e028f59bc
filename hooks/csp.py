"""MkDocs hook, listed last: puts the Content-Security-Policy meta tag on every page.

Last, so the hashes are of the HTML as it is written to site/, after every
other hook has changed it. The policy itself is worked out in engagement_hub.csp.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from engagement_hub.csp import with_policy


def on_post_page(output: str, page, config) -> str:  # noqa: ANN001 - MkDocs' own signature
    return with_policy(output)


def on_post_template(output_content: str, template_name: str, config) -> str:  # noqa: ANN001
    return with_policy(output_content) if template_name.endswith(".html") else output_content
