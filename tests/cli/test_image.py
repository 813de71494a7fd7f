#!/usr/bin/env python3
"""--image FILE --patch P --query I (docs/command-line.md, "Images as tokens"), end to end:
the tokens' embeddings are the patches' RGB values, worked out here from the pixels this
test wrote into the PNG itself (NumPy; no image library), and the image-attention figure
is exported. The attention numbers follow from the embeddings as for any session (their
NumPy reference is test_cli.py's).

Usage: test_image.py ATTNVIZ
"""
import json
import os
import struct
import subprocess
import sys
import tempfile
import unittest
import zlib

import numpy as np

ATTNVIZ = sys.argv[1]


def write_png(path, pixels):
    """pixels: height x width x 3 uint8, written as an 8-bit RGB PNG."""
    h, w, _ = pixels.shape
    raw = b"".join(b"\x00" + pixels[y].tobytes() for y in range(h))

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def run(*args):
    return subprocess.run([ATTNVIZ, "--headless", *args], capture_output=True, text=True, timeout=120)


class Image(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        rng = np.random.default_rng(5)
        self.pixels = rng.integers(0, 256, size=(5, 10, 3), dtype=np.uint8)  # the lecture's 5 x 10
        self.png = os.path.join(self.tmp.name, "picture.png")
        write_png(self.png, self.pixels)

    def tearDown(self):
        self.tmp.cleanup()

    def dump(self, *args):
        r = run("--image", self.png, *args, "--dump-json", "-")
        self.assertEqual(r.returncode, 0, r.stderr)
        return json.loads(r.stdout)

    def test_one_pixel_a_token(self):
        d = self.dump()
        self.assertEqual((d["n"], d["d_model"]), (50, 3))
        expected = self.pixels.reshape(50, 3) / 255.0  # reading order: row by row
        np.testing.assert_allclose(np.array(d["X"]), expected, rtol=0, atol=1e-12)
        self.assertEqual(d["tokens"][12], "r2c3")

    def test_patches_hold_their_pixels_in_reading_order_and_crop_the_edges(self):
        d = self.dump("--patch", "2", "--heads", "3")
        self.assertEqual((d["n"], d["d_model"], d["heads"]), (10, 12, 3))  # 5 x 2 whole patches
        X = np.array(d["X"])
        for k in range(10):
            r, c = divmod(k, 5)
            patch = self.pixels[2 * r:2 * r + 2, 2 * c:2 * c + 2, :] / 255.0
            np.testing.assert_allclose(X[k], patch.reshape(12), rtol=0, atol=1e-12)

    def test_projected_to_d_model(self):
        d = self.dump("--d-model", "8", "--heads", "2", "--seed", "3")
        self.assertEqual((d["n"], d["d_model"]), (50, 8))
        again = self.dump("--d-model", "8", "--heads", "2", "--seed", "3")
        self.assertEqual(d["X"], again["X"])
        # A linear map of the pixels: X = (pixels / 255) M for one 3 x 8 matrix M.
        rgb = self.pixels.reshape(50, 3) / 255.0
        M, *_ = np.linalg.lstsq(rgb, np.array(d["X"]), rcond=None)
        np.testing.assert_allclose(rgb @ M, np.array(d["X"]), rtol=0, atol=1e-6)

    def test_export_writes_the_image_attention(self):
        out = os.path.join(self.tmp.name, "figures")
        r = run("--image", self.png, "--query", "12", "--export", out, "--format", "svg")
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(os.path.join(out, "image-attention.svg"), encoding="utf-8") as f:
            svg = f.read()
        self.assertIn("patch 12 (row 2, column 2)", svg)
        self.assertIn("<image", svg)
        self.assertTrue(os.path.exists(os.path.join(out, "attention-heads.svg")))

    def test_bad_input_names_the_file_or_option(self):
        cases = [
            (["--image", self.png, "--patch", "6"], "smaller than one patch"),
            (["--image", self.png, "--query", "51", "--export", self.tmp.name], "--query: the image has 50 patches"),
            (["--image", self.png, "--heads", "2"], "heads"),
            (["--patch", "2"], "--patch applies to --image"),
            (["--image", self.png, "--tokens", "a b"], "--image: the image's patches are the tokens"),
            (["--image", os.path.join(self.tmp.name, "missing.png")], "missing.png"),
        ]
        not_png = os.path.join(self.tmp.name, "notes.png")
        with open(not_png, "w") as f:
            f.write("not an image")
        cases.append((["--image", not_png], "notes.png: not an image"))
        for args, needle in cases:
            r = run(*args, "--dump-json", os.path.join(self.tmp.name, "d.json"))
            self.assertEqual(r.returncode, 2, (args, r.stderr))
            self.assertIn(needle, r.stderr, args)
            self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
