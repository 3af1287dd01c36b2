"""A tiny PDF writer for tests: a text layer pypdf can read back, or a scan-like image page.

Text is drawn with a Type0 font in Identity-H encoding whose ToUnicode map
carries the Vietnamese characters; no font program is embedded, which is
enough for text extraction (viewers substitute a font). Test-only: the
product reads PDFs, it never writes them.
"""

from __future__ import annotations

import zlib

_LINES_PER_PAGE = 55


def text_pdf(text: str) -> bytes:
    lines = text.split("\n")
    pages = [lines[i : i + _LINES_PER_PAGE] for i in range(0, len(lines), _LINES_PER_PAGE)] or [[]]
    chars = sorted({ch for ch in text if ch != "\n" and ord(ch) < 0x10000} | {" "})
    writer = _Writer()
    cmap = writer.add_stream(_to_unicode(chars))
    descriptor = writer.add(
        b"<< /Type /FontDescriptor /FontName /DejaVuSans /Flags 32 /FontBBox [0 -250 1000 950] "
        b"/ItalicAngle 0 /Ascent 950 /Descent -250 /CapHeight 700 /StemV 80 >>"
    )
    cid_font = writer.add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /DejaVuSans "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor %d 0 R /DW 550 /CIDToGIDMap /Identity >>" % descriptor
    )
    font = writer.add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /DejaVuSans /Encoding /Identity-H "
        b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid_font, cmap)
    )
    contents = [writer.add_stream(_page_content(page)) for page in pages]
    resources = b"<< /Font << /F1 %d 0 R >> >>" % font
    return writer.finish(contents, resources)


def image_pdf() -> bytes:
    """One page holding only an image, as a scanner produces: no text layer."""
    writer = _Writer()
    pixels = bytes([200]) * (64 * 64)
    image = writer.add_stream(
        pixels,
        b"/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8",
    )
    content = writer.add_stream(b"q 500 0 0 700 40 60 cm /Im1 Do Q")
    return writer.finish([content], b"<< /XObject << /Im1 %d 0 R >> >>" % image)


def _page_content(lines: list[str]) -> bytes:
    ops = [b"BT /F1 10 Tf 13 TL 30 800 Td"]
    for line in lines:
        encoded = "".join(f"{ord(ch):04X}" for ch in line if ord(ch) < 0x10000)
        ops.append(b"<%s> Tj T*" % encoded.encode("ascii"))
    ops.append(b"ET")
    return b"\n".join(ops)


def _to_unicode(chars: list[str]) -> bytes:
    out = [
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ]
    for i in range(0, len(chars), 100):
        block = chars[i : i + 100]
        out.append(b"%d beginbfchar" % len(block))
        out += [b"<%04X> <%04X>" % (ord(ch), ord(ch)) for ch in block]
        out.append(b"endbfchar")
    out.append(b"endcmap CMapName currentdict /CMap defineresource pop end end")
    return b"\n".join(out)


class _Writer:
    def __init__(self) -> None:
        self.objects: list[bytes] = []

    def add(self, body: bytes) -> int:
        self.objects.append(body)
        return len(self.objects)

    def add_stream(self, data: bytes, extra: bytes = b"") -> int:
        packed = zlib.compress(data)
        head = b"<< %s /Length %d /Filter /FlateDecode >>" % (extra, len(packed))
        return self.add(head + b"\nstream\n" + packed + b"\nendstream")

    def finish(self, contents: list[int], resources: bytes) -> bytes:
        pages_id = len(self.objects) + len(contents) + 1
        page_ids = [
            self.add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources %s /Contents %d 0 R >>"
                % (pages_id, resources, content)
            )
            for content in contents
        ]
        kids = b" ".join(b"%d 0 R" % pid for pid in page_ids)
        assert (
            self.add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))) == pages_id
        )
        catalog = self.add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(self.objects, start=1):
            offsets.append(len(out))
            out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
        out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
            len(self.objects) + 1,
            catalog,
            xref,
        )
        return bytes(out)
