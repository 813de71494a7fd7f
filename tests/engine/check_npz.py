#!/usr/bin/env python3
"""numpy.load reads what attn::NpzWriter writes: npz-sample writes an archive, and each array
is compared with the same formula computed here in NumPy.

Usage: check_npz.py NPZ_SAMPLE
"""
import os
import subprocess
import sys
import tempfile
import unittest
import zipfile

import numpy as np

SAMPLE = sys.argv[1]


class NpzWriterWithNumpy(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="attnviz-npz-")
        cls.path = os.path.join(cls.tmp.name, "sample.npz")
        subprocess.run([SAMPLE, cls.path], check=True, timeout=60)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def expected(self):
        r, c = np.indices((3, 4), dtype=np.float64)
        scores = r + 10 * c + 0.25
        scores[0, 1] = -np.inf
        scores[2, 3] = np.nan
        r32, c32 = np.indices((2, 5))
        return {
            "scores": scores,
            "big": (0.5 * np.arange(300 * 200, dtype=np.float64) - 7.0).reshape((300, 200), order="F"),
            "weights32": ((r32 - 2 * c32) / 4).astype(np.float32),
            "mask": np.tril(np.ones((4, 4), dtype=np.uint8)),
            "token_ids": np.array([0, -1, 2**40, -2**63, 2**63 - 1], dtype=np.int64),
            "empty": np.zeros((0, 3), dtype=np.float64),
            "héads/0": scores[:2],
        }

    def test_numpy_load_gives_every_array(self):
        expected = self.expected()
        with np.load(self.path, allow_pickle=False) as npz:
            self.assertEqual(sorted(npz.files), sorted(expected))
            for name, want in expected.items():
                with self.subTest(name=name):
                    got = npz[name]
                    self.assertEqual(got.dtype, want.dtype)
                    self.assertEqual(got.shape, want.shape)
                    np.testing.assert_array_equal(got, want)  # NaN equals NaN here
                    if got.ndim == 2:
                        self.assertTrue(got.flags.f_contiguous, "Eigen's column-major bytes")

    def test_entries_are_stored_npy_1_0_with_aligned_data(self):
        with zipfile.ZipFile(self.path) as archive:
            self.assertIsNone(archive.testzip(), "every CRC matches")
            for info in archive.infolist():
                with self.subTest(name=info.filename):
                    self.assertTrue(info.filename.endswith(".npy"))
                    self.assertEqual(info.compress_type, zipfile.ZIP_STORED)
                    with archive.open(info) as f:
                        self.assertEqual(np.lib.format.read_magic(f), (1, 0))
                        shape, fortran, dtype = np.lib.format.read_array_header_1_0(f)
                        self.assertEqual(f.tell() % 64, 0, "the data starts at a multiple of 64")
                        self.assertEqual(fortran, len(shape) == 2)
                        self.assertEqual(info.file_size, f.tell() + int(np.prod(shape)) * dtype.itemsize)

    def test_non_ascii_name_is_utf8(self):
        with zipfile.ZipFile(self.path) as archive:
            info = archive.getinfo("héads/0.npy")
            self.assertTrue(info.flag_bits & 0x800, "the UTF-8 flag is set")


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
