#!/usr/bin/env python3
"""Tiny random GPT-2 checkpoints in the Hugging Face hub's exact layout, and an independent
NumPy forward of GPT-2 that reads them with its own safetensors parser.

    tiny_gpt2.py DEST TOKENIZER_DIR

writes DEST/<variant>/{config.json, model.safetensors, vocab.json, merges.txt} for the
variants below: GPT-2's real vocabulary (from TOKENIZER_DIR), 3 blocks of d_model 32 with
4 heads, 64 positions. The weights are the same float32 numbers in every variant, rounded
to the variant's dtype.
"""
import json
import os
import shutil
import struct
import sys

import numpy as np

LAYERS, D, HEADS, POSITIONS, VOCAB = 3, 32, 4, 64, 50257
D_FF = 4 * D

# name → (dtype, names with "transformer.", an lm_head.weight, the attn.bias buffers)
VARIANTS = {
    "tiny-f32": ("F32", False, False, False),
    "tiny-f16": ("F16", False, False, True),
    "tiny-bf16": ("BF16", True, True, False),
    "tiny-prefixed": ("F32", True, True, True),
}


def weights(seed=20261202, layers=LAYERS, d=D, positions=POSITIONS):
    """The checkpoint's tensors (float32) by their names without "transformer."."""
    rng = np.random.default_rng(seed)
    D, D_FF = d, 4 * d  # noqa: N806 (the module's sizes, or those asked for)

    def normal(*shape, scale=0.2):
        return (rng.standard_normal(shape, dtype=np.float32) * scale).astype(np.float32)

    w = {"wte.weight": normal(VOCAB, D, scale=0.5), "wpe.weight": normal(positions, D, scale=0.1)}
    for l in range(layers):
        h = f"h.{l}."
        w[h + "ln_1.weight"] = (1 + normal(D, scale=0.1)).astype(np.float32)
        w[h + "ln_1.bias"] = normal(D, scale=0.1)
        w[h + "attn.c_attn.weight"] = normal(D, 3 * D, scale=0.5)
        w[h + "attn.c_attn.bias"] = normal(3 * D, scale=0.1)
        w[h + "attn.c_proj.weight"] = normal(D, D)
        w[h + "attn.c_proj.bias"] = normal(D, scale=0.05)
        w[h + "ln_2.weight"] = (1 + normal(D, scale=0.1)).astype(np.float32)
        w[h + "ln_2.bias"] = normal(D, scale=0.1)
        w[h + "mlp.c_fc.weight"] = normal(D, D_FF)
        w[h + "mlp.c_fc.bias"] = normal(D_FF, scale=0.05)
        w[h + "mlp.c_proj.weight"] = normal(D_FF, D, scale=0.1)
        w[h + "mlp.c_proj.bias"] = normal(D, scale=0.05)
    w["ln_f.weight"] = (1 + normal(D, scale=0.1)).astype(np.float32)
    w["ln_f.bias"] = normal(D, scale=0.1)
    return w


def to_bf16_bits(a):
    """float32 → bfloat16 bits, rounding to nearest even (as torch does)."""
    bits = a.astype(np.float32).view(np.uint32).astype(np.uint64)
    rounded = (bits + 0x7FFF + ((bits >> 16) & 1)) >> 16
    return rounded.astype(np.uint16)


def encode(a, dtype):
    if dtype == "F32":
        return a.astype("<f4").tobytes()
    if dtype == "F16":
        return a.astype("<f2").tobytes()
    return to_bf16_bits(a).astype("<u2").tobytes()


def write_safetensors(path, tensors):
    """tensors: name → (dtype, shape, raw bytes), written in this order."""
    header, blobs, offset = {"__metadata__": {"format": "pt"}}, [], 0
    for name, (dtype, shape, raw) in tensors.items():
        header[name] = {"dtype": dtype, "shape": list(shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)  # the hub's files pad the header to 8 bytes
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for raw in blobs:
            f.write(raw)


def config(**changes):
    c = {"model_type": "gpt2", "architectures": ["GPT2LMHeadModel"], "n_layer": LAYERS,
         "n_head": HEADS, "n_embd": D, "n_positions": POSITIONS, "n_ctx": POSITIONS,
         "vocab_size": VOCAB, "layer_norm_epsilon": 1e-5, "n_inner": None,
         "activation_function": "gelu_new", "bos_token_id": 50256, "eos_token_id": 50256}
    c.update(changes)
    return c


def write_folder(dest, tokenizer_dir, dtype="F32", prefixed=False, lm_head=False, buffers=False,
                 cfg=None, tensors=None):
    os.makedirs(dest, exist_ok=True)
    with open(os.path.join(dest, "config.json"), "w") as f:
        json.dump(cfg or config(), f, indent=2)
    for name in ("vocab.json", "merges.txt"):
        shutil.copyfile(os.path.join(tokenizer_dir, name), os.path.join(dest, name))
    w = tensors if tensors is not None else weights()
    out = {}
    for name, a in w.items():
        out[("transformer." + name) if prefixed else name] = (dtype, a.shape, encode(a, dtype))
        if buffers and name.endswith("ln_1.weight"):  # the causal-mask buffer GPT-2 saves
            mask = np.tril(np.ones((POSITIONS, POSITIONS), np.float32)).reshape(1, 1, POSITIONS, POSITIONS)
            buffer = name.replace("ln_1.weight", "attn.bias")
            out[("transformer." + buffer) if prefixed else buffer] = ("F32", mask.shape, encode(mask, "F32"))
    if lm_head:
        out["lm_head.weight"] = (dtype, w["wte.weight"].shape, encode(w["wte.weight"], dtype))
    write_safetensors(os.path.join(dest, "model.safetensors"), out)


# --- the independent forward --------------------------------------------------------------

def read_safetensors(path):
    """name (without "transformer.") → float32 array, by NumPy alone."""
    with open(path, "rb") as f:
        data = f.read()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length])
    start, out = 8 + length, {}
    for name, t in header.items():
        if name == "__metadata__":
            continue
        begin, end = t["data_offsets"]
        raw = data[start + begin:start + end]
        if t["dtype"] == "F32":
            a = np.frombuffer(raw, "<f4")
        elif t["dtype"] == "F16":
            a = np.frombuffer(raw, "<f2").astype(np.float32)
        elif t["dtype"] == "BF16":
            a = (np.frombuffer(raw, "<u2").astype(np.uint32) << 16).view(np.float32)
        else:
            raise ValueError(t["dtype"])
        out[name.removeprefix("transformer.")] = a.reshape(t["shape"]).astype(np.float64)
    return out


def layer_norm(x, gain, bias, eps):
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * gain + bias


def gelu_new(x):
    return 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x ** 3)))


def forward(folder, ids, ablate=()):
    """GPT-2 as transformers' GPT2LMHeadModel computes it, in float64. Returns every block's
    per-head attention weights, the final state and the last position's probabilities."""
    with open(os.path.join(folder, "config.json")) as f:
        cfg = json.load(f)
    w = read_safetensors(os.path.join(folder, "model.safetensors"))
    d, heads, eps = cfg["n_embd"], cfg["n_head"], cfg["layer_norm_epsilon"]
    dk, n = d // heads, len(ids)
    h = w["wte.weight"][ids] + w["wpe.weight"][:n]
    causal = np.tril(np.ones((n, n), bool))
    attention = []
    for l in range(cfg["n_layer"]):
        p = f"h.{l}."
        a = layer_norm(h, w[p + "ln_1.weight"], w[p + "ln_1.bias"], eps)
        qkv = a @ w[p + "attn.c_attn.weight"] + w[p + "attn.c_attn.bias"]
        q, k, v = qkv[:, :d], qkv[:, d:2 * d], qkv[:, 2 * d:]
        zs, block = [], []
        for head in range(heads):
            cols = slice(head * dk, (head + 1) * dk)
            s = q[:, cols] @ k[:, cols].T / np.sqrt(dk)
            s = np.where(causal, s, -np.inf)
            e = np.exp(s - s.max(axis=1, keepdims=True))
            weights_ = e / e.sum(axis=1, keepdims=True)
            block.append(weights_)
            z = weights_ @ v[:, cols]
            zs.append(np.zeros_like(z) if (l, head) in ablate else z)
        attention.append(block)
        h = h + np.concatenate(zs, axis=1) @ w[p + "attn.c_proj.weight"] + w[p + "attn.c_proj.bias"]
        m = layer_norm(h, w[p + "ln_2.weight"], w[p + "ln_2.bias"], eps)
        h = h + gelu_new(m @ w[p + "mlp.c_fc.weight"] + w[p + "mlp.c_fc.bias"]) @ w[p + "mlp.c_proj.weight"] \
            + w[p + "mlp.c_proj.bias"]
    final = layer_norm(h, w["ln_f.weight"], w["ln_f.bias"], eps)
    logits = final @ w.get("lm_head.weight", w["wte.weight"]).T
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return attention, final, e / e.sum(axis=1, keepdims=True)


def main():
    dest, tokenizer_dir = sys.argv[1:3]
    if len(sys.argv) > 3 and sys.argv[3] == "--gpt2-small":
        # GPT-2 small's shape with random weights (548 MB): for benchmarks and looking, not CTest.
        w = weights(layers=12, d=768, positions=1024)
        for name, a in w.items():
            if "c_attn.weight" in name or "c_proj.weight" in name or "c_fc.weight" in name:
                w[name] = (a / np.sqrt(a.shape[0] / 32)).astype(np.float32)  # keep activations O(1)
        write_folder(dest, tokenizer_dir, cfg=config(n_layer=12, n_head=12, n_embd=768, n_positions=1024,
                                                     n_ctx=1024), tensors=w)
        return
    for name, (dtype, prefixed, lm_head, buffers) in VARIANTS.items():
        write_folder(os.path.join(dest, name), tokenizer_dir, dtype, prefixed, lm_head, buffers)


if __name__ == "__main__":
    main()
