"""A strict Content-Security-Policy for every page, as a meta tag with hashes.

Static hosts such as GitHub Pages cannot send headers, so the policy travels in
the page. It is worked out from the page's final HTML: each inline <script>
and <style> is allowed by the SHA-256 of its exact text, everything else must
come from this site, and nothing may come from anywhere else. Whatever inline
code a template adds is covered without a list to keep up to date, and an
element or attribute that slipped past the sanitiser still cannot run:
event-handler attributes, javascript: links and style attributes are blocked.

'wasm-unsafe-eval' lets same-site WebAssembly (a search index) compile; it
allows no eval() of text.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1\s*>", re.DOTALL | re.IGNORECASE)
_SRC = re.compile(r"\ssrc\s*=", re.IGNORECASE)
_CHARSET = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
REFERRER = '<meta name="referrer" content="no-referrer">'


def _digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(html: str) -> str:
    """The policy for one page: its own inline scripts and styles by hash, this site for the rest."""
    scripts: dict[str, None] = {}
    styles: dict[str, None] = {}
    for kind, attributes, body in _INLINE.findall(html):
        if kind.lower() == "script" and not _SRC.search(attributes):
            scripts[_digest(body)] = None
        elif kind.lower() == "style":
            styles[_digest(body)] = None
    return "; ".join([
        "default-src 'none'",
        " ".join(["script-src 'self' 'wasm-unsafe-eval'", *scripts]),
        " ".join(["style-src 'self'", *styles]),
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
    tags = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">{REFERRER}'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return html
    return html[:anchor.end()] + tags + html[anchor.end():]
