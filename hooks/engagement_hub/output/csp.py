"""A strict Content-Security-Policy for every page, as a meta tag with hashes.

Static hosts such as GitHub Pages cannot send headers, so the policy travels in
the page. Inline script is allowed only by the SHA-256 of a script the hub's own
templates write (``TEMPLATE_SCRIPTS``), never of whatever a page happens to
hold: the policy is a second line of defence, so a ``<script>`` that slipped
past escaping into the page (from data, a content page or a JSON-LD block it
broke out of) is not allowed by it and does not run. Everything else must
come from this site, and nothing may come from anywhere else: inline styles,
event-handler attributes, javascript: links and style attributes are blocked.

A template that adds an inline script must add its text here too; until it
does, Chromium reports the script blocked on every page (tests/test_csp.py).
Data blocks such as ``<script type="application/ld+json">`` are never run, so
they need no hash.

'wasm-unsafe-eval' lets same-site WebAssembly (a search index) compile; it
allows no eval() of text.
"""

from __future__ import annotations

import base64
import hashlib
import re

TEMPLATE_SCRIPTS = (
    # theme_overrides/partials/javascripts/base.html: mark the page as having JavaScript before the first paint.
    'document.documentElement.className="js"',
)
_CHARSET = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
REFERRER = '<meta name="referrer" content="no-referrer">'


def _digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


# The same for every page: it allows nothing a page holds that the templates did not write.
POLICY = "; ".join([
    "default-src 'none'",
    " ".join(["script-src 'self' 'wasm-unsafe-eval'", *(_digest(script) for script in TEMPLATE_SCRIPTS)]),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
])


def with_policy(html: str) -> str:
    """The page with its policy and a no-referrer policy as the first things in <head>."""
    tags = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">{REFERRER}'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return html
    return html[:anchor.end()] + tags + html[anchor.end():]
