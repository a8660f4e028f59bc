"""Output: page contexts in, HTML and a finished site folder out.

``render`` draws pages with the templates, ``macros``/``content``/``sanitise`` the
hand-written content/ pages; ``site`` is the whole built site for any engine
(``sitedata`` its plain-data view); ``toc``, ``csp``, ``search`` and
``stylesheet`` finish pages; ``sitedir`` swaps a build in whole; ``boardpack``,
``pdfua`` and ``chromium`` print the board pack. Never imports tools/.
"""
