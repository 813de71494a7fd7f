#!/usr/bin/env python3
"""Encoder–decoder sessions (docs/transformers.md, "Encoder–decoder sessions") end to end,
against the independent NumPy reference tests/reference/encoder_decoder.py.

Usage: test_encoder_decoder.py ATTNVIZ

For each case a session is written here (some with every weight drawn by NumPy, biases,
gains and eps included; some leaving the weights to the seed). The program saves it with
every weight (--save-session), and dumps it (--dump-json, --dump-npz). The reference
computes the saved session, and every matrix of the decoder's blocks (their
cross-attention included) and of the encoder's pass must match the dump within
1e-9 · max(1, |x|), the npz its JSON, and the float32 archive (--precision float32) the
float64 one within 1e-4. The saved session must read back to the same dump. Then bad sessions must each be refused with exit status 2, naming the field.
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "reference"))
import encoder_decoder  # noqa: E402

ATTNVIZ = None
TOLERANCE = 1e-9
HEAD_KEYS = ["Q", "K", "V", "raw_scores", "scores", "weights", "output"]
BLOCK_KEYS = ["input", "ln1", "concat", "attention_output", "after_attention", "ln_cross",
              "cross_concat", "cross_output", "after_cross", "ln2", "ffn_hidden", "ffn_output",
              "output"]


def run(*args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([ATTNVIZ, "--headless", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def random_attention(rng, d, heads):
    dk = d // heads
    return {"W_Q": rng.normal(0, 0.6, (heads, d, dk)).tolist(),
            "W_K": rng.normal(0, 0.6, (heads, d, dk)).tolist(),
            "W_V": rng.normal(0, 0.6, (heads, d, dk)).tolist(),
            "b_Q": rng.normal(0, 0.2, (heads, dk)).tolist(),
            "b_K": rng.normal(0, 0.2, (heads, dk)).tolist(),
            "b_V": rng.normal(0, 0.2, (heads, dk)).tolist(),
            "W_O": rng.normal(0, 0.4, (d, d)).tolist(),
            "b_O": rng.normal(0, 0.2, d).tolist(),
            "additive_w": rng.normal(0, 0.6, (heads, dk)).tolist()}


def random_norm(rng, d):
    return {"gain": rng.uniform(0.5, 1.5, d).tolist(), "bias": rng.normal(0, 0.2, d).tolist(),
            "eps": 1e-5}


def random_block(rng, d, heads, norm, residual, cross, dff=6, act="gelu"):
    blk = {"norm": norm, "residual": residual, "attention": random_attention(rng, d, heads),
           "ln1": random_norm(rng, d), "ln2": random_norm(rng, d),
           "ffn": {"W_1": rng.normal(0, 0.5, (d, dff)).tolist(), "b_1": rng.normal(0, 0.2, dff).tolist(),
                   "W_2": rng.normal(0, 0.5, (dff, d)).tolist(), "b_2": rng.normal(0, 0.2, d).tolist(),
                   "activation": act}}
    if cross:
        blk["cross_attention"] = random_attention(rng, d, heads)
        blk["ln_cross"] = random_norm(rng, d)
    return blk


def explicit_case(seed, norm, residual, score):
    """Every weight from NumPy: 5 source tokens, 4 target tokens, 2 + 2 blocks."""
    rng = np.random.default_rng(seed)
    d, heads = 8, 2
    src = ["the", "black", "cat", "sleeps", "."]
    tgt = ["<s>", "le", "chat", "noir"]
    return {
        "format": "attnviz-session", "version": 2, "d_model": d, "heads": heads, "seed": seed,
        "tokens": tgt, "embeddings": rng.normal(0, 1, (len(tgt), d)).tolist(),
        "positional_encoding": {"kind": "sinusoidal"}, "score": score, "temperature": 1.3,
        "mask": {"kind": "causal"}, "normalizer": "softmax",
        "encoder": {"vocabulary": src + ["dog"], "tokens": src,
                    "token_embeddings": rng.normal(0, 1, (len(src) + 1, d)).tolist(),
                    "layers": [random_block(rng, d, heads, norm, residual, False, act="relu")
                               for _ in range(2)],
                    "final_norm": random_norm(rng, d), "ablate": [[1, 1]]},
        "layers": [random_block(rng, d, heads, norm, residual, True) for _ in range(2)],
        "ablate": [[1, 0]], "cross_ablate": [[0, 1]],
    }


def derived_case():
    """Weights left to the seed: the program derives them (saved, then compared)."""
    return {"format": "attnviz-session", "version": 2, "d_model": 12, "heads": 3, "seed": 7,
            "tokens": ["ich", "bin", "hier", "."], "mask": {"kind": "causal"},
            "positional_encoding": {"kind": "sinusoidal"},
            "encoder": {"tokens": ["i", "am", "here", "now", "."],
                        "layers": [{"norm": "post", "ffn": {"d_ff": 16, "activation": "relu"}}]},
            "layers": [{"norm": "post", "ffn": {"d_ff": 16, "activation": "relu"}},
                       {"norm": "post"}]}


class EncoderDecoder(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.dir.cleanup()

    def path(self, name):
        return os.path.join(self.dir.name, name)

    def write(self, name, session):
        with open(self.path(name), "w", encoding="utf-8") as f:
            json.dump(session, f)
        return self.path(name)

    def assertClose(self, got, expected, where):
        got = np.asarray(got, dtype=np.float64)
        expected = np.asarray(expected, dtype=np.float64)
        self.assertEqual(got.shape, expected.shape, where)
        bound = TOLERANCE * np.maximum(1.0, np.abs(expected))
        worst = np.abs(got - expected) - bound
        self.assertTrue(np.all(worst <= 0), f"{where}: off by {np.abs(got - expected).max()}")

    def compare_pass(self, got, expected, npz, prefix):
        for key in ["X", "P", "H_0", "final"]:
            self.assertClose(got[key], expected[key], prefix + key)
            self.assertClose(npz[prefix + key], got[key], "npz " + prefix + key)
        np.testing.assert_array_equal(np.array(got["mask"]), expected["mask"], prefix + "mask")
        self.assertEqual(got["tokens"], expected["tokens"])
        self.assertEqual(got.get("ids"), expected.get("ids"))
        self.assertEqual(len(got["layers"]), len(expected["layers"]))
        for l, (g, e) in enumerate(zip(got["layers"], expected["layers"])):
            where = f"{prefix}layers.{l}."
            present = [k for k in BLOCK_KEYS if k in e]
            self.assertEqual(sorted(k for k in g if k in BLOCK_KEYS), sorted(present), where)
            for key in present:
                self.assertClose(g[key], e[key], where + key)
                self.assertClose(npz[where + key], g[key], "npz " + where + key)
            for part in ["head_results", "cross_head_results"]:
                self.assertEqual(len(g.get(part, [])), len(e.get(part, [])), where + part)
                for h, (gh, eh) in enumerate(zip(g.get(part, []), e.get(part, []))):
                    for key in HEAD_KEYS:
                        name = f"{where}{part}.{h}.{key}"
                        self.assertClose(gh[key], eh[key], name)
                        self.assertClose(npz[name], gh[key], "npz " + name)

    def check_case(self, session):
        source = self.write("case.attn.json", session)
        saved, dump, npz_path = self.path("saved.attn.json"), self.path("d.json"), self.path("d.npz")
        r = run("--session", source, "--save-session", saved, "--dump-json", dump,
                "--dump-npz", npz_path)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(saved, encoding="utf-8") as f:
            full = json.load(f)
        with open(dump, encoding="utf-8") as f:
            got = json.load(f)
        npz = np.load(npz_path)
        expected = encoder_decoder.compute(full)
        self.compare_pass(got, expected, npz, "")
        self.assertIn("encoder", got)
        self.compare_pass(got["encoder"], expected["encoder"], npz, "encoder.")
        # Cross-attention: target tokens × source tokens, every source token allowed.
        weights = np.array(got["layers"][0]["cross_head_results"][0]["weights"])
        self.assertEqual(weights.shape, (len(session["tokens"]), len(full["encoder"]["tokens"])))
        self.assertTrue(np.allclose(weights.sum(axis=1), 1.0))
        # Switched-off heads (the decoder's, the encoder's, cross-attention's): Z = 0, kept
        # by the saved session.
        for part, field, results in ((got, "ablate", "head_results"),
                                     (got, "cross_ablate", "cross_head_results"),
                                     (got["encoder"], "ablate", "head_results")):
            pairs = (session if part is got else session["encoder"]).get(field, [])
            for block, head in pairs:
                z = np.array(part["layers"][block][results][head]["output"])
                self.assertTrue(np.all(z == 0), (field, block, head))
        self.assertEqual(full.get("cross_ablate"), session.get("cross_ablate"))
        self.assertEqual(full["encoder"].get("ablate"), session["encoder"].get("ablate"))
        # float32, from the same code: every array of the archive near float64's.
        npz32 = self.path("d32.npz")
        r = run("--session", source, "--precision", "float32", "--dump-npz", npz32)
        self.assertEqual(r.returncode, 0, r.stderr)
        single = np.load(npz32)
        self.assertEqual(sorted(single.files), sorted(npz.files))
        self.assertEqual(single["encoder.layers.0.head_results.0.weights"].dtype, np.float32)
        for key in npz.files:
            diff = np.abs(single[key].astype(np.float64) - npz[key])
            self.assertTrue(np.all(diff <= 1e-4 * np.maximum(1.0, np.abs(npz[key]))), key)
        # The saved session reads back to the same pass.
        again = self.path("again.json")
        r = run("--session", saved, "--dump-json", again)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(again, encoding="utf-8") as f:
            self.assertEqual(json.load(f)["layers"], got["layers"])
        return full, got

    def test_explicit_weights(self):
        for seed, norm, residual, score in [(1, "pre", True, "scaled_dot"),
                                            (2, "post", True, "additive"),
                                            (3, "none", False, "dot")]:
            with self.subTest(norm=norm, residual=residual, score=score):
                self.check_case(explicit_case(seed, norm, residual, score))

    def test_derived_weights(self):
        full, got = self.check_case(derived_case())
        # The encoder's blocks draw their own streams: not the decoder's weights.
        enc = np.array(full["encoder"]["layers"][0]["attention"]["W_Q"])
        dec = np.array(full["layers"][0]["attention"]["W_Q"])
        cross = np.array(full["layers"][0]["cross_attention"]["W_Q"])
        self.assertFalse(np.allclose(enc, dec))
        self.assertFalse(np.allclose(cross, dec))
        self.assertEqual(full["encoder"]["mask"]["kind"], "none")
        self.assertTrue(np.all(np.array(got["encoder"]["mask"]) == 1))

    def test_refusals(self):
        base = derived_case()
        cases = [
            ("cross without encoder", lambda s: (s.pop("encoder"),
                                                 s["layers"][0].update(cross_attention={})),
             "layers[0].cross_attention: needs an encoder"),
            ("encoder d_model", lambda s: s["encoder"].update(d_model=8),
             "encoder.d_model: must be the decoder's"),
            ("encoder shape", lambda s: s["encoder"]["layers"][0].update(
                attention={"W_O": [[1.0]]}), "encoder.layers[0].attention.W_O: expected 12×12"),
            ("cross shape", lambda s: s["layers"][1].update(
                cross_attention={"b_O": [1.0, 2.0]}), "layers[1].cross_attention.b_O"),
            ("encoder tokens", lambda s: s["encoder"].pop("tokens"), "encoder.tokens"),
            ("encoder unembedding", lambda s: s["encoder"].update(unembedding="tied"),
             "encoder.unembedding"),
            ("encoder not an object", lambda s: s.update(encoder=[1]), "encoder: expected"),
            ("cross head", lambda s: s.update(cross_ablate=[[0, 3]]),
             "cross_ablate[0]: block 0, head 3 does not exist"),
            ("cross ablation without encoder", lambda s: (s.pop("encoder"),
                                                          s.update(cross_ablate=[[0, 0]])),
             "cross_ablate: needs an encoder"),
            ("encoder head", lambda s: s["encoder"].update(ablate=[[1, 0]]),
             "encoder.ablate[0]: block 1, head 0 does not exist"),
            ("encoder cross ablation", lambda s: s["encoder"].update(cross_ablate=[[0, 0]]),
             "encoder.cross_ablate"),
        ]
        for name, mutate, message in cases:
            with self.subTest(name):
                session = json.loads(json.dumps(base))
                mutate(session)
                path = self.write("bad.attn.json", session)
                out = self.path("never.json")
                r = run("--session", path, "--dump-json", out)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertIn(message, r.stderr)
                self.assertIn("bad.attn.json", r.stderr)
                self.assertFalse(os.path.exists(out))


if __name__ == "__main__":
    ATTNVIZ = sys.argv.pop(1)
    unittest.main()
