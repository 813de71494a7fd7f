#!/usr/bin/env python3
"""The command line's version 2 options (docs/command-line.md, "Options that make a whole
transformer"), end to end. The numbers themselves are compared with the NumPy reference in
test_model_reference.py; these tests check what the options build and what they write.

Usage: test_model_cli.py ATTNVIZ LESSON_DIR
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np

ATTNVIZ, LESSONS = sys.argv[1:3]
CAUSAL = os.path.join(LESSONS, "causal-gpt2.attn.json")
GPT = os.path.join(LESSONS, "transformers", "small-gpt2-stack.attn.json")
BLOCK2017 = os.path.join(LESSONS, "transformers", "transformer-2017-block.attn.json")


def run(*args):
    return subprocess.run([ATTNVIZ, *args], capture_output=True, text=True, timeout=120)


def dump(*args):
    result = run("--headless", *args, "--dump-json", "-")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


class Options(unittest.TestCase):
    def test_layers_norm_and_ffn_make_a_v2_session(self):
        d = dump("--session", CAUSAL, "--layers", "3", "--norm", "pre", "--ffn", "12")
        self.assertEqual((d["version"], d["layers_count"]), (2, 3))
        for layer in d["layers"]:
            self.assertEqual(np.array(layer["ffn_hidden"]).shape, (6, 12))
            self.assertIn("ln1", layer)
            self.assertIn("ln2", layer)
        # Residual on: block l + 1 reads block l's output.
        np.testing.assert_array_equal(d["layers"][1]["input"], d["layers"][0]["output"])
        np.testing.assert_allclose(
            d["layers"][0]["after_attention"],
            np.array(d["layers"][0]["input"]) + np.array(d["layers"][0]["attention_output"]), rtol=1e-12)
        self.assertNotIn("top_k", d)  # no vocabulary, no predictions

    def test_ablate_alone_keeps_the_v1_numbers_of_the_other_heads(self):
        v1 = dump("--session", CAUSAL)
        v2 = dump("--session", CAUSAL, "--ablate", "1.2")
        self.assertEqual((v1["version"], v2["version"]), (1, 2))
        self.assertEqual(v2["layers"][0]["head_results"][0]["weights"], v1["head_results"][0]["weights"])
        self.assertEqual(v2["layers"][0]["head_results"][0]["output"], v1["head_results"][0]["output"])
        self.assertFalse(np.any(np.array(v2["layers"][0]["head_results"][1]["output"])))
        # Head 2's weights are still computed, only its Z is zero.
        self.assertEqual(v2["layers"][0]["head_results"][1]["weights"], v1["head_results"][1]["weights"])

    def test_residual_off_drops_the_first_term(self):
        d = dump("--session", CAUSAL, "--layers", "2", "--residual", "off")
        np.testing.assert_array_equal(d["layers"][0]["after_attention"], d["layers"][0]["attention_output"])

    def test_top_k_and_ids(self):
        d = dump("--session", GPT, "--top-k", "3")
        vocabulary = json.load(open(GPT))["vocabulary"]
        self.assertEqual(d["ids"], [vocabulary.index(t) for t in d["tokens"]])
        self.assertEqual(len(d["top_k"]), len(d["tokens"]))
        for row in d["top_k"]:
            self.assertEqual(len(row), 3)
            self.assertGreaterEqual(row[0]["p"], row[1]["p"])
            self.assertEqual([vocabulary[p["id"]] for p in row], [p["token"] for p in row])
        self.assertEqual(len(dump("--session", GPT)["top_k"][0]), 10)

    def test_the_2017_lesson_is_post_norm_with_a_relu_ffn(self):
        d = dump("--session", BLOCK2017)
        layer = d["layers"][0]
        np.testing.assert_array_equal(layer["ln1"], layer["after_attention"])
        np.testing.assert_array_equal(layer["ln2"], layer["output"])
        self.assertGreaterEqual(np.array(layer["ffn_hidden"]).min(), 0)  # ReLU
        out = np.array(layer["output"])
        np.testing.assert_allclose(out.mean(axis=1), 0, atol=1e-12)  # LN's gain 1, bias 0


class Files(unittest.TestCase):
    def test_save_session_then_open_gives_the_same_dump(self):
        with tempfile.TemporaryDirectory() as tmp:
            saved = os.path.join(tmp, "model.attn.json")
            first = os.path.join(tmp, "a.json")
            second = os.path.join(tmp, "b.json")
            r = run("--headless", "--session", GPT, "--ablate", "2.3", "--save-session", saved, "--dump-json", first)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(json.load(open(saved))["ablate"], [[1, 2]])
            r = run("--headless", "--session", saved, "--dump-json", second)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(open(first).read(), open(second).read())

    def test_npz_holds_the_dump_matrices(self):
        with tempfile.TemporaryDirectory() as tmp:
            npz = os.path.join(tmp, "d.npz")
            r = run("--headless", "--session", GPT, "--dump-npz", npz)
            self.assertEqual(r.returncode, 0, r.stderr)
            d = dump("--session", GPT)
            z = np.load(npz)
            self.assertEqual(z["layers.2.head_results.3.weights"].dtype, np.float64)
            np.testing.assert_array_equal(z["layers.2.head_results.3.weights"], d["layers"][2]["head_results"][3]["weights"])
            np.testing.assert_array_equal(z["final"], d["final"])
            np.testing.assert_array_equal(z["ids"], d["ids"])
            self.assertEqual(z["logits"].shape, (len(d["tokens"]), 30))
            # A v1 session's archive holds dump v1's matrices.
            v1 = os.path.join(tmp, "v1.npz")
            self.assertEqual(run("--headless", "--session", CAUSAL, "--dump-npz", v1).returncode, 0)
            np.testing.assert_array_equal(np.load(v1)["head_results.1.weights"], dump("--session", CAUSAL)["head_results"][1]["weights"])

    def test_export_draws_the_chosen_block(self):
        with tempfile.TemporaryDirectory() as tmp:
            r = run("--headless", "--session", GPT, "--layer", "3", "--export", tmp)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertTrue(os.path.getsize(os.path.join(tmp, "attention-head-4.png")) > 1000)
            for block in (1, 2, 3):
                self.assertTrue(os.path.exists(os.path.join(tmp, f"attention-layer-{block}-head-4.png")))
            # Block 3's heads under the v1 names; the pipeline (v1's formulas) left out.
            with open(os.path.join(tmp, "attention-head-2.png"), "rb") as a, \
                 open(os.path.join(tmp, "attention-layer-3-head-2.png"), "rb") as b:
                self.assertEqual(a.read(), b.read())
            self.assertFalse(os.path.exists(os.path.join(tmp, "pipeline.png")))
            # The model's own figures: every block × head, the rollout and the predictions.
            for figure in ("model-view", "rollout", "predictions"):
                self.assertTrue(os.path.getsize(os.path.join(tmp, figure + ".png")) > 1000, figure)


class Refusals(unittest.TestCase):
    def refused(self, *args, needle):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "out.json")
            r = run("--headless", *args, "--dump-json", out)
            self.assertEqual(r.returncode, 2, r.stderr)
            self.assertIn(needle, r.stderr)
            self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
            self.assertFalse(os.path.exists(out))

    def test_bad_values_name_the_option(self):
        self.refused("--layers", "0", needle="--layers: expected a whole number from 1 to 128")
        self.refused("--norm", "middle", needle='--norm: expected pre, post or none, got "middle"')
        self.refused("--residual", "maybe", needle="--residual: expected on or off")
        self.refused("--ablate", "1", needle="--ablate: expected BLOCK.HEAD pairs")
        self.refused("--ablate", "0.1", needle="--ablate: expected BLOCK.HEAD pairs")
        self.refused("--session", CAUSAL, "--ablate", "1.3", needle="ablate[0]: block 0, head 2 does not exist")
        self.refused("--session", GPT, "--layer", "4", needle="--layer: the session has 3 blocks, got 4")
        self.refused("--session", CAUSAL, "--layer", "2", needle="--layer: a version 1 session has one block")
        self.refused("--session", GPT, "--tokens", "the zebra", needle='tokens[1]: "zebra" is not in the vocabulary')
        self.refused("--dump-npz", "-", needle="--dump-npz: an archive is written to a file")
        self.refused("--precision", "half", needle='--precision: expected float32 or float64, got "half"')
        self.refused("--view", "heads", needle='--view: expected one of model-view, head-lines')

    def test_view_brings_a_model_view_to_the_front(self):
        with tempfile.TemporaryDirectory() as tmp:
            shots = {}
            for view in ("head-lines", "rollout", "head-lines"):
                path = os.path.join(tmp, f"{view}-{len(shots)}.png")
                r = run("--headless", "--session", GPT, "--view", view, "--screenshot", path)
                self.assertEqual(r.returncode, 0, r.stderr)
                with open(path, "rb") as f:
                    shots.setdefault(view, []).append(f.read())
            # Different tabs in front draw different windows; the same one the same window.
            self.assertNotEqual(shots["head-lines"][0], shots["rollout"][0])
            self.assertEqual(shots["head-lines"][0], shots["head-lines"][1])

    def test_precision_without_a_dump_is_refused(self):
        # The window and the figures compute in float64: a --precision they would ignore is
        # refused, not silently dropped, and nothing is written.
        with tempfile.TemporaryDirectory() as tmp:
            r = run("--headless", "--session", GPT, "--precision", "float32", "--export", tmp)
            self.assertEqual(r.returncode, 2, r.stderr)
            self.assertIn("--precision applies to --dump-json and --dump-npz", r.stderr)
            self.assertEqual(os.listdir(tmp), [])

    def test_the_window_shows_a_v2_session_block_by_block(self):
        with tempfile.TemporaryDirectory() as tmp:
            shots = []
            for layer in ("1", "3"):
                shot = os.path.join(tmp, "shot%s.png" % layer)
                r = run("--headless", "--session", GPT, "--layer", layer, "--screenshot", shot,
                        "--screenshot-size", "800x500")
                self.assertEqual(r.returncode, 0, r.stderr)
                with open(shot, "rb") as f:
                    data = f.read()
                self.assertEqual(data[:8], b"\x89PNG\r\n\x1a\n")
                shots.append(data)
            # Block 3's attention is not block 1's: the window shows the block asked for.
            self.assertNotEqual(shots[0], shots[1])

    def test_help_lists_the_options(self):
        text = run("--help").stdout
        for option in ["--layers", "--norm", "--ffn", "--residual", "--ablate", "--layer", "--top-k", "--dump-npz"]:
            self.assertIn(option, text)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
