#!/usr/bin/env python3
"""Safetensors files written with NumPy, and the float32 values NumPy says they hold.

Usage: make_safetensors_fixture.py OUT_DIR

Writes OUT_DIR/{f32,f16,bf16,mixed}.safetensors and OUT_DIR/expected.json:
{file: [{name, dtype, shape, begin, end, bits}, ...]} in the order of the data offsets, where
bits are the expected float32 values' bit patterns (uint32), or null for a dtype that is not
read (U8, I64). Bit patterns rather than decimals: exact, and JSON has no NaN or infinity.

The conversions are NumPy's, independent of Eigen's: F16 is numpy.float16 (astype float32
back), F64 is astype(float32). NumPy has no bfloat16, so BF16 is made here from float32 bits,
rounding to nearest even (NaN kept as a quiet NaN); its float32 value is those 16 bits
followed by 16 zero bits.

The files are laid out as the format's reference writer does (tensors back to back from
offset 0), except that f32.safetensors's header is not padded, so that its data section
starts at an address no float is aligned to.
"""

import json
import os
import struct
import sys

import numpy as np


def bf16_bits(values):
    """float32 → bfloat16 bits, rounding to nearest even; NaN → a quiet NaN of its sign."""
    f = np.asarray(values, dtype=np.float32)
    u = f.view(np.uint32).astype(np.uint64)  # 64 bits: no wrap-around when adding the bias
    sixteen, one = np.uint64(16), np.uint64(1)
    rounded = (u + np.uint64(0x7FFF) + ((u >> sixteen) & one)) >> sixteen
    rounded = np.where(np.isnan(f), (u >> sixteen) | np.uint64(0x40), rounded)
    return rounded.astype(np.uint16)


def f32_bits(values):
    return [int(b) for b in np.asarray(values, dtype=np.float32).reshape(-1).view(np.uint32)]


def tensor(name, dtype, array):
    """(name, dtype, shape, raw little-endian bytes, expected float32 bits or None)."""
    array = np.asarray(array)
    shape = list(array.shape)
    if dtype == "F32":
        a = array.astype("<f4")
        return name, dtype, shape, a.tobytes(), f32_bits(a)
    if dtype == "F16":
        with np.errstate(over="ignore"):  # 65520 → inf on purpose
            a = array.astype("<f2")
        return name, dtype, shape, a.tobytes(), f32_bits(a.astype(np.float32))
    if dtype == "BF16":
        bits = bf16_bits(array.astype(np.float32))
        expected = (bits.astype(np.uint32).reshape(-1) << np.uint32(16)).view(np.float32)
        return name, dtype, shape, bits.astype("<u2").tobytes(), f32_bits(expected)
    if dtype == "F64":
        a = array.astype("<f8")
        with np.errstate(over="ignore"):
            return name, dtype, shape, a.tobytes(), f32_bits(a.astype(np.float32))
    numpy_type = {"U8": "<u1", "I64": "<i8"}[dtype]
    return name, dtype, shape, array.astype(numpy_type).tobytes(), None


def write(path, tensors, metadata=None, pad=True):
    header = {}
    entries = []
    offset = 0
    for name, dtype, shape, raw, bits in tensors:
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + len(raw)]}
        entries.append({"name": name, "dtype": dtype, "shape": shape, "begin": offset,
                        "end": offset + len(raw), "bits": bits})
        offset += len(raw)
    if metadata is not None:
        header["__metadata__"] = metadata
    text = json.dumps(header, separators=(",", ":")).encode()
    if pad:
        text += b" " * (-len(text) % 8)
    elif (8 + len(text)) % 4 == 0:
        text += b" "
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for _, _, _, raw, _ in tensors:
            f.write(raw)
    return entries


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(20240601)
    inf, nan = np.inf, np.nan
    # Values at the edges of each format: signed zeros, infinities, NaN, the smallest
    # subnormals, the largest finite values and (for BF16) ties that round to even.
    f32_special = np.array([0.0, -0.0, inf, -inf, nan, 1e-45, -1e-45, 3.4028235e38, 1.0, -2.5],
                           dtype=np.float32)
    f16_special = np.array([0.0, -0.0, inf, -inf, nan, 2.0 ** -24, -(2.0 ** -24), 6.1e-5, 65504.0,
                            65520.0, 1.0 / 3.0, -1000.5], dtype=np.float32)
    bf16_special = np.array([0.0, -0.0, inf, -inf, nan, 1.0 + 2.0 ** -8, 1.0 + 3 * 2.0 ** -8,
                             3.4028235e38, 1e-40, -1.0 / 3.0], dtype=np.float32)
    f64_special = np.array([0.0, -0.0, inf, nan, 1e300, -1e300, 3.4028235677973366e38,
                            3.4028235677973362e38, 1e-320, 0.1, 1.0 / 3.0, 2.0 ** -149 * 0.75])

    def normal(*shape, scale=1.0):
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    files = {
        # Not in name order, so that the reader's offset order and name lookup both count.
        "f32.safetensors": (
            [tensor("wte.weight", "F32", normal(7, 5)),
             tensor("h.0.attn.c_attn.weight", "F32", normal(4, 12, scale=0.02)),
             tensor("ln_f.g", "F32", np.float32(1.25)),
             tensor("empty", "F32", np.zeros((0, 4), dtype=np.float32)),
             tensor("special", "F32", f32_special),
             tensor("h.0.mlp.c_fc.bias", "F32", normal(2, 3, 4, scale=100.0))],
            None, False),
        "f16.safetensors": (
            [tensor("wte.weight", "F16", normal(6, 4)),
             tensor("special", "F16", f16_special),
             tensor("tiny", "F16", normal(3, 3, scale=1e-5)),
             tensor("h.0.ln_1.b", "F16", normal(1, 1, 1, 5, scale=300.0))],
            None, True),
        "bf16.safetensors": (
            [tensor("special", "BF16", bf16_special),
             tensor("wpe.weight", "BF16", normal(5, 6)),
             tensor("scalar", "BF16", np.float32(-7.0e20)),
             tensor("h.1.attn.c_proj.weight", "BF16", normal(3, 2, 2, scale=1e-3))],
            None, True),
        "mixed.safetensors": (
            [tensor("h.0.attn.bias", "U8", np.tril(np.ones((1, 1, 4, 4)))),
             tensor("wte.weight", "F32", normal(3, 4)),
             tensor("position_ids", "I64", np.arange(6).reshape(1, 6)),
             tensor("h.0.attn.c_attn.weight", "F16", normal(2, 6)),
             tensor("ln_f.b", "BF16", normal(4)),
             tensor("doubles", "F64", f64_special)],
            {"format": "pt", "writer": "make_safetensors_fixture.py"}, True),
    }
    expected = {}
    for filename, (tensors, metadata, pad) in files.items():
        expected[filename] = write(os.path.join(out, filename), tensors, metadata, pad)
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)


if __name__ == "__main__":
    main()
