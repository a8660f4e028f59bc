"""What PDF/UA-1 asks of the board pack that Chromium's tagged PDF leaves out, added with pypdf.

Chromium already writes a tagged PDF from the page: a structure tree in the
page's (logical) reading order, the language, headings, table headers with
their scope, the charts as figures with their description as alternative
text, and a document title shown in the title bar. It leaves out two things:

- the XMP metadata with the PDF/UA identifier (``pdfuaid:part`` 1) and the
  title (``dc:title``), which PDF/UA checkers look for first;
- alternative text on the HTML ``<figure>`` that groups a chart's caption,
  image and table. That element only groups; the chart inside it is the
  figure, with its own alternative text. Alternative text on the group would
  hide the table from screen readers, so the group is tagged ``Div`` instead.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, BooleanObject, DictionaryObject, NameObject

XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
      xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
   <pdf:Producer>{producer}</pdf:Producer>
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


def _elements(node: object) -> list[DictionaryObject]:
    """Every structure element under ``node``, in document (reading) order."""
    out: list[DictionaryObject] = []
    todo = [node]
    while todo:
        item = todo.pop()
        item = item.get_object() if hasattr(item, "get_object") else item
        if isinstance(item, ArrayObject):
            todo.extend(reversed(item))
        elif isinstance(item, DictionaryObject) and "/S" in item:
            out.append(item)
            kids = item.get("/K")
            if kids is not None:
                todo.append(kids)
    return out


def structure(reader: PdfReader) -> list[DictionaryObject]:
    root = reader.trailer["/Root"]
    tree = root.get("/StructTreeRoot")
    return _elements(tree.get_object().get("/K")) if tree is not None else []


def make_accessible(pdf: Path, title: str) -> None:
    """Rewrite ``pdf`` in place with the PDF/UA metadata and the figure groups retagged."""
    writer = PdfWriter(clone_from=PdfReader(pdf))
    root = writer.root_object
    for element in _elements(root["/StructTreeRoot"].get_object().get("/K")):
        if element["/S"] == "/Figure" and "/Alt" not in element and any(
                isinstance(kid.get_object(), DictionaryObject) and "/S" in kid.get_object()
                for kid in (element.get("/K") if isinstance(element.get("/K"), ArrayObject) else [element.get("/K")])
                if kid is not None):
            element[NameObject("/S")] = NameObject("/Div")
    prefs = root.get("/ViewerPreferences")
    prefs = prefs.get_object() if prefs is not None else DictionaryObject()
    prefs[NameObject("/DisplayDocTitle")] = BooleanObject(True)
    root[NameObject("/ViewerPreferences")] = prefs
    lang = str(root.get("/Lang", "en"))
    writer.add_metadata({"/Title": title})
    writer.xmp_metadata = XMP.format(title=escape(title), lang=escape(lang), producer="Chromium and pypdf").encode()
    stream = root["/Metadata"].get_object()
    stream[NameObject("/Type")] = NameObject("/Metadata")
    stream[NameObject("/Subtype")] = NameObject("/XML")
    with pdf.open("wb") as out:
        writer.write(out)
