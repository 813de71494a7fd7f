#!/usr/bin/env python3
"""attnviz --headless --export: every figure in every format, for a two-head causal
session with Latin and Chinese tokens.

Usage: test_export.py ATTNVIZ
"""
import os
import struct
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET
import zlib

ATTNVIZ = sys.argv[1]
SESSION = ["--tokens", "我 爱 NLP and 自然 语言", "--d-model", "8", "--heads", "2", "--mask", "causal"]
FIGURES = ["attention-head-1", "attention-head-2", "attention-heads", "scores-head-1", "scores-head-2",
           "positional-encoding-curves", "positional-encoding-heatmap", "output"]
TOKENS = ["我", "爱", "NLP", "and", "自然", "语言"]


def export(directory, *extra):
    return subprocess.run([ATTNVIZ, "--headless", *SESSION, "--export", directory, *extra],
                          capture_output=True, text=True, timeout=300)


def png_info(path):
    """(width, height, pixels per metre) from the PNG's IHDR and pHYs chunks."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    phys = data.find(b"pHYs")
    ppm = struct.unpack(">I", data[phys + 4:phys + 8])[0] if phys > 0 else None
    return width, height, ppm


def png_pixels(path):
    """(width, height, rows of (r, g, b) tuples) of an 8-bit RGB or RGBA PNG, unfiltered."""
    data = open(path, "rb").read()
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    assert depth == 8 and colour in (2, 6), (path, depth, colour)
    channels = 3 if colour == 2 else 4
    idat, at = b"", 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        if kind == b"IDAT":
            idat += data[at + 8:at + 8 + length]
        at += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        previous = line
    return width, height, rows


def coloured_share(path):
    """The share of pixels that are not grey (channels more than 24 apart)."""
    _, _, rows = png_pixels(path)
    pixels = [p for row in rows for p in row]
    return sum(max(p) - min(p) > 24 for p in pixels) / len(pixels)


class Export(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dirs = {}
        for fmt, dpi in (("png", "144"), ("png", "300"), ("svg", "144"), ("pdf", "144")):
            d = os.path.join(cls.tmp.name, f"{fmt}-{dpi}")
            result = export(d, "--format", fmt, "--dpi", dpi)
            assert result.returncode == 0, result.stderr
            assert result.stderr == "", result.stderr
            cls.dirs[(fmt, dpi)] = d

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_every_figure_of_the_contract_is_written_in_every_format(self):
        for (fmt, dpi), d in self.dirs.items():
            for name in FIGURES:
                path = os.path.join(d, f"{name}.{fmt}")
                self.assertTrue(os.path.getsize(path) > 1000, path)

    def test_png_dimensions_follow_the_dpi(self):
        for name in FIGURES:
            w144, h144, ppm144 = png_info(os.path.join(self.dirs[("png", "144")], f"{name}.png"))
            w300, h300, ppm300 = png_info(os.path.join(self.dirs[("png", "300")], f"{name}.png"))
            self.assertAlmostEqual(w300 / w144, 300 / 144, delta=0.01, msg=name)
            self.assertAlmostEqual(h300 / h144, 300 / 144, delta=0.01, msg=name)
            self.assertAlmostEqual(ppm144, 144 / 0.0254, delta=1)
            self.assertAlmostEqual(ppm300, 300 / 0.0254, delta=1)
        # 8 inches wide at 144 dpi
        self.assertEqual(png_info(os.path.join(self.dirs[("png", "144")], "attention-head-1.png"))[0], 8 * 144)

    def test_the_figure_width_sets_the_png_size_and_keeps_the_proportions(self):
        with tempfile.TemporaryDirectory() as tmp:
            result = export(tmp, "--dpi", "100", "--figure-width", "4")
            self.assertEqual(result.returncode, 0, result.stderr)
            w, h, _ = png_info(os.path.join(tmp, "attention-head-1.png"))
            w0, h0, _ = png_info(os.path.join(self.dirs[("png", "144")], "attention-head-1.png"))
            self.assertEqual(w, 400)
            self.assertAlmostEqual(h / w, h0 / w0, delta=0.01)

    def test_svg_is_xml_with_the_token_labels_as_text(self):
        ns = "{http://www.w3.org/2000/svg}"
        for name in ("attention-head-1", "attention-heads", "scores-head-2"):
            root = ET.parse(os.path.join(self.dirs[("svg", "144")], f"{name}.svg")).getroot()
            texts = {"".join(t.itertext()).strip() for t in root.iter(f"{ns}text")}
            for token in TOKENS:
                self.assertIn(token, texts, name)
            # axes, ticks and outlines are vector paths, not one picture of the figure
            self.assertGreater(len(list(root.iter(f"{ns}path"))) + len(list(root.iter(f"{ns}polyline"))), 10, name)

    def test_pdf_is_a_pdf_with_one_page(self):
        for name in FIGURES:
            data = open(os.path.join(self.dirs[("pdf", "144")], f"{name}.pdf"), "rb").read()
            self.assertTrue(data.startswith(b"%PDF-"), name)
            self.assertIn(b"%%EOF", data[-32:])
            self.assertEqual(data.count(b"/Type /Page\n") + data.count(b"/Type /Page\r") + data.count(b"/Type /Page "), 1, name)

    def test_the_colour_map_reaches_the_exported_heatmaps(self):
        with tempfile.TemporaryDirectory() as tmp:
            shares = {}
            for name in ("viridis", "cividis", "gray"):
                out = os.path.join(tmp, name)
                result = export(out, "--colormap", name, "--dpi", "72")
                self.assertEqual(result.returncode, 0, result.stderr)
                shares[name] = coloured_share(os.path.join(out, "attention-head-1.png"))
            # Viridis and Cividis fill the cells with colour; grey is for black-and-white print.
            self.assertGreater(shares["viridis"], 0.2, shares)
            self.assertGreater(shares["cividis"], 0.2, shares)
            self.assertLess(shares["gray"], 0.001, shares)
            result = export(os.path.join(tmp, "jet"), "--colormap", "jet")
            self.assertEqual(result.returncode, 2)
            self.assertIn("--colormap", result.stderr)
            self.assertFalse(os.path.exists(os.path.join(tmp, "jet")))
            # Only exports have it: elsewhere it would be ignored without a word.
            shot = os.path.join(tmp, "shot.png")
            result = subprocess.run([ATTNVIZ, "--headless", "--colormap", "gray", "--screenshot", shot],
                                    capture_output=True, text=True, timeout=120)
            self.assertEqual(result.returncode, 2)
            self.assertFalse(os.path.exists(shot))

    def test_bad_input_exits_2_and_writes_nothing(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "figures")
            result = export(out, "--format", "gif")
            self.assertEqual(result.returncode, 2)
            self.assertFalse(os.path.exists(out))
            result = subprocess.run([ATTNVIZ, "--headless", "--heads", "5", "--export", out],
                                    capture_output=True, text=True)
            self.assertEqual(result.returncode, 2)
            self.assertFalse(os.path.exists(out))

    def test_a_folder_that_cannot_be_written_reports_it_and_leaves_nothing(self):
        with tempfile.TemporaryDirectory() as tmp:
            blocker = os.path.join(tmp, "not-a-folder")
            open(blocker, "w").close()
            result = export(os.path.join(blocker, "figures"))
            self.assertEqual(result.returncode, 1)
            self.assertIn("not-a-folder", result.stderr)
            self.assertEqual(os.listdir(tmp), ["not-a-folder"])


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
