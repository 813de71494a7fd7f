#!/usr/bin/env python3
"""`attnviz --model DIR --text TEXT` on tiny random GPT-2 folders (tiny_gpt2.py) against the
independent NumPy forward of tiny_gpt2.py, GPT-2's ids from the JavaScript encoder of
gpt-3-encoder, and the refusals of docs/gpt2.md.

Usage: test_gpt2_folder.py ATTNVIZ FOLDERS TOKENIZER_DIR WORK_DIR
"""
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tiny_gpt2  # noqa: E402

ATTNVIZ, FOLDERS, TOKENIZER, WORK = sys.argv[1:5]
TEXT = "Hello world! The cat sat on the mat, and the cat's hat was red."


def gpt2_ids(text):
    script = "const {encode} = require(process.argv[1]); console.log(JSON.stringify(encode(process.argv[2])))"
    out = subprocess.run(["node", "-e", script, os.path.join(TOKENIZER, "index.js"), text],
                         capture_output=True, text=True, check=True, timeout=120)
    return json.loads(out.stdout)


def run(*args):
    return subprocess.run([ATTNVIZ, "--headless", *args], capture_output=True, text=True, timeout=300)


class Work(unittest.TestCase):
    def setUp(self):
        os.makedirs(WORK, exist_ok=True)
        self.dir = tempfile.mkdtemp(dir=WORK)

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def dumps(self, folder, *args, text=TEXT):
        """The JSON dump and the npz of one run."""
        js, npz = os.path.join(self.dir, "d.json"), os.path.join(self.dir, "d.npz")
        r = run("--model", folder, "--text", text, "--dump-json", js, "--dump-npz", npz, *args)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(js, encoding="utf-8") as f:
            return json.load(f), np.load(npz)


# How close to the float64 NumPy forward each precision must come (docs/gpt2.md): a
# checkpoint's pass runs in float32 unless --precision float64 asks otherwise.
TOLERANCE = {"float64": {"atol": 1e-9, "rtol": 1e-9},
             "float32": {"atol": 1e-5, "rtol": 1e-4}}


class Forward(Work):
    def check(self, variant, ablate=(), args=(), precision="float32"):
        folder = os.path.join(FOLDERS, variant)
        if precision == "float64":
            args = (*args, "--precision", "float64")
        d, npz = self.dumps(folder, "--top-k", "5", *args)
        ids = gpt2_ids(TEXT)
        self.assertEqual(d["ids"], ids)
        self.assertEqual((d["version"], d["layers_count"], d["d_model"], d["heads"]), (2, 3, 32, 4))
        # The archive holds the numbers as computed.
        self.assertEqual(npz["final"].dtype, np.dtype(precision))
        self.assertEqual(npz["layers.2.head_results.3.weights"].dtype, np.dtype(precision))
        tol = TOLERANCE[precision]
        attention, final, probs = tiny_gpt2.forward(folder, ids, ablate)
        for l, block in enumerate(attention):
            for h, expected in enumerate(block):
                np.testing.assert_allclose(npz[f"layers.{l}.head_results.{h}.weights"], expected,
                                           **tol, err_msg=f"{variant}: block {l} head {h}")
                np.testing.assert_allclose(d["layers"][l]["head_results"][h]["weights"], expected, **tol)
        np.testing.assert_allclose(npz["final"], final, **tol)
        # The top predictions after the last token: the same ids in the same order, same p.
        expected_top = np.argsort(-probs[-1], kind="stable")[:5]
        got = d["top_k"][-1]
        self.assertEqual([p["id"] for p in got], list(expected_top))
        np.testing.assert_allclose([p["p"] for p in got], probs[-1][expected_top], rtol=tol["rtol"])
        return d

    def test_f32(self):
        d = self.check("tiny-f32")
        # Tokens as text: the decoded pieces, not the byte-level spelling.
        self.assertEqual(d["tokens"][:3], ["Hello", " world", "!"])
        self.assertEqual("".join(d["tokens"]), TEXT)
        self.assertIn("token", d["top_k"][0][0])

    def test_f32_in_float64(self):
        self.check("tiny-f32", precision="float64")

    def test_f16(self):
        self.check("tiny-f16")

    def test_f16_in_float64(self):
        self.check("tiny-f16", precision="float64")

    def test_bf16_with_transformer_prefix_and_lm_head(self):
        self.check("tiny-bf16")

    def test_prefixed_names_and_attention_buffers(self):
        self.check("tiny-prefixed")

    def test_ablation_of_head_3_in_block_2(self):
        d = self.check("tiny-f32", ablate={(1, 2)}, args=("--ablate", "2.3"))
        self.assertFalse(np.any(d["layers"][1]["head_results"][2]["output"]))

    def test_an_ablation_outside_the_model_is_refused(self):
        r = run("--model", os.path.join(FOLDERS, "tiny-f32"), "--ablate", "4.1", "--dump-json", "-")
        self.assertEqual(r.returncode, 2)
        self.assertIn("--ablate", r.stderr)
        self.assertIn("3 blocks", r.stderr)

    def test_unicode_text_keeps_gpt2s_ids(self):
        text = "Ångström café 注意力 👋🏽 don't  \t\n end"
        d, _ = self.dumps(os.path.join(FOLDERS, "tiny-f32"), text=text)
        self.assertEqual(d["ids"], gpt2_ids(text))

    def test_a_bad_precision_is_refused(self):
        r = run("--model", os.path.join(FOLDERS, "tiny-f32"), "--precision", "half", "--dump-json", "-")
        self.assertEqual(r.returncode, 2)
        self.assertIn("--precision", r.stderr)
        self.assertIn("half", r.stderr)

    def test_session_options_are_refused_with_a_model(self):
        r = run("--model", os.path.join(FOLDERS, "tiny-f32"), "--d-model", "64", "--dump-json", "-")
        self.assertEqual(r.returncode, 2)
        self.assertIn("--model", r.stderr)


class Sessions(Work):
    """A session of a folder refers to it: text, ablations and edited cells, never weights."""

    def copy_folder(self):
        folder = os.path.join(self.dir, "models", "tiny")
        shutil.copytree(os.path.join(FOLDERS, "tiny-f32"), folder)
        return folder

    def test_save_session_refers_to_the_folder_and_reopens_the_same(self):
        folder = self.copy_folder()
        saved = os.path.join(self.dir, "sessions", "tiny.attn.json")
        os.makedirs(os.path.dirname(saved))
        r = run("--model", folder, "--text", TEXT, "--ablate", "1.2", "--save-session", saved)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(saved, encoding="utf-8") as f:
            doc = json.load(f)
        self.assertEqual(doc["model"], {"path": "../models/tiny"})  # relative to the session
        self.assertEqual((doc["version"], doc["text"], doc["ablate"], doc["edits"]), (2, TEXT, [[0, 1]], []))
        self.assertNotIn("layers", doc)
        self.assertLess(os.path.getsize(saved), 2000)
        direct, _ = self.dumps(folder, "--ablate", "1.2")
        js = os.path.join(self.dir, "again.json")
        r = run("--session", saved, "--dump-json", js)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(js, encoding="utf-8") as f:
            again = json.load(f)
        self.assertEqual(again["layers"], direct["layers"])
        self.assertEqual(again["top_k"], direct["top_k"])

    def test_edits_change_the_weights_they_name(self):
        folder = self.copy_folder()
        session = os.path.join(self.dir, "edited.attn.json")
        edits = [{"matrix": "W_Q", "block": 1, "head": 2, "row": 3, "col": 4, "value": 2.5},
                 {"matrix": "W_O", "block": 0, "row": 0, "col": 31, "value": -1.25}]
        with open(session, "w", encoding="utf-8") as f:
            json.dump({"format": "attnviz-session", "version": 2, "model": {"path": "models/tiny"},
                       "text": TEXT, "edits": edits}, f)
        js, npz = os.path.join(self.dir, "e.json"), os.path.join(self.dir, "e.npz")
        r = run("--session", session, "--dump-json", js, "--dump-npz", npz, "--precision", "float64")
        self.assertEqual(r.returncode, 0, r.stderr)
        # The same edits made to the checkpoint itself, then the NumPy forward.
        w = tiny_gpt2.weights()
        dk = tiny_gpt2.D // tiny_gpt2.HEADS
        w["h.1.attn.c_attn.weight"][3, 2 * dk + 4] = 2.5  # Q's columns come first
        w["h.0.attn.c_proj.weight"][0, 31] = -1.25
        edited = os.path.join(self.dir, "edited-folder")
        tiny_gpt2.write_folder(edited, TOKENIZER, tensors=w)
        with open(js, encoding="utf-8") as f:
            ids = json.load(f)["ids"]
        attention, final, _ = tiny_gpt2.forward(edited, ids)
        got = np.load(npz)
        for l, block in enumerate(attention):
            for h, expected in enumerate(block):
                np.testing.assert_allclose(got[f"layers.{l}.head_results.{h}.weights"], expected, atol=1e-9)
        np.testing.assert_allclose(got["final"], final, atol=1e-9)
        # Saved again, the session keeps exactly those edits.
        again = os.path.join(self.dir, "again.attn.json")
        r = run("--session", session, "--save-session", again)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(again, encoding="utf-8") as f:
            self.assertEqual(sorted(json.load(f)["edits"], key=lambda e: e["matrix"]),
                             sorted(edits, key=lambda e: e["matrix"]))

    def test_session_options_apply_to_a_reference_as_to_a_folder(self):
        folder = self.copy_folder()
        saved = os.path.join(self.dir, "ref.attn.json")
        r = run("--model", folder, "--text", TEXT, "--save-session", saved)
        self.assertEqual(r.returncode, 0, r.stderr)
        d = json.loads(run("--session", saved, "--ablate", "2.1", "--dump-json", "-").stdout)
        self.assertFalse(np.any(d["layers"][1]["head_results"][0]["output"]))
        r = run("--session", saved, "--d-model", "8", "--dump-json", "-")
        self.assertEqual(r.returncode, 2)
        self.assertIn("--model", r.stderr)

    def test_a_folder_without_text_opens_on_a_sentence(self):
        d = json.loads(run("--model", os.path.join(FOLDERS, "tiny-f32"), "--dump-json", "-").stdout)
        self.assertGreater(d["n"], 5)

    def test_a_folder_that_has_gone_is_named(self):
        session = os.path.join(self.dir, "gone.attn.json")
        with open(session, "w", encoding="utf-8") as f:
            json.dump({"format": "attnviz-session", "version": 2, "model": {"path": "no-such-model"},
                       "text": TEXT}, f)
        out = os.path.join(self.dir, "out.json")
        r = run("--session", session, "--dump-json", out)
        self.assertEqual(r.returncode, 2)
        self.assertIn("gone.attn.json", r.stderr)
        self.assertIn("model.path", r.stderr)
        self.assertIn("has gone", r.stderr)
        self.assertFalse(os.path.exists(out))

    def test_a_bad_edit_is_refused_naming_it(self):
        self.copy_folder()
        session = os.path.join(self.dir, "bad.attn.json")
        with open(session, "w", encoding="utf-8") as f:
            json.dump({"format": "attnviz-session", "version": 2, "model": {"path": "models/tiny"},
                       "text": TEXT, "edits": [{"matrix": "W_Q", "block": 7, "head": 0, "row": 0,
                                                "col": 0, "value": 1}]}, f)
        r = run("--session", session, "--dump-json", "-")
        self.assertEqual(r.returncode, 2)
        self.assertIn("edits[0].block", r.stderr)


class Refusals(Work):
    """Each broken folder exits 2, names the file and the tensor or field, writes nothing."""

    def broken(self, change_config=None, tensors=None, edit=None, text=TEXT):
        folder = os.path.join(self.dir, "model")
        cfg = tiny_gpt2.config()
        if change_config:
            cfg.update(change_config)
        tiny_gpt2.write_folder(folder, TOKENIZER, cfg=cfg, tensors=tensors)
        if edit:
            edit(folder)
        out = os.path.join(self.dir, "out.json")
        r = run("--model", folder, "--text", text, "--dump-json", out)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertFalse(os.path.exists(out), "a refused folder must write nothing")
        self.assertNotIn("Traceback", r.stderr)
        return r.stderr

    def assert_names(self, message, file, *fields):
        self.assertIn(file, message)
        for field in fields:
            self.assertIn(field, message)

    def test_a_missing_file(self):
        for name in ("config.json", "model.safetensors", "vocab.json", "merges.txt"):
            with self.subTest(name):
                message = self.broken(edit=lambda f: os.remove(os.path.join(f, name)))
                self.assert_names(message, name)

    def test_config_that_is_not_json(self):
        message = self.broken(edit=lambda f: open(os.path.join(f, "config.json"), "w").write("{nope"))
        self.assert_names(message, "config.json", "not JSON")

    def test_config_of_another_model_type(self):
        self.assert_names(self.broken({"model_type": "bert"}), "config.json", "model_type", "bert")

    def test_n_embd_not_divisible_by_n_head(self):
        self.assert_names(self.broken({"n_head": 5}), "config.json", "n_embd", "n_head")

    def test_n_layer_larger_than_the_tensors(self):
        self.assert_names(self.broken({"n_layer": 4}), "model.safetensors", "h.3.", "n_layer")

    def test_a_shape_that_disagrees_with_config(self):
        w = tiny_gpt2.weights()
        w["h.1.attn.c_attn.weight"] = w["h.1.attn.c_attn.weight"][:, :64]
        self.assert_names(self.broken(tensors=w), "model.safetensors", "h.1.attn.c_attn.weight", "32×96")

    def test_a_missing_tensor(self):
        w = tiny_gpt2.weights()
        del w["h.2.mlp.c_fc.bias"]
        self.assert_names(self.broken(tensors=w), "model.safetensors", "h.2.mlp.c_fc.bias", "missing")

    def rewrite_header(self, change):
        """Rewrites model.safetensors' header through change(header) → header."""
        def edit(folder):
            path = os.path.join(folder, "model.safetensors")
            with open(path, "rb") as f:
                data = f.read()
            (length,) = struct.unpack("<Q", data[:8])
            header = json.loads(data[8:8 + length])
            text = json.dumps(change(header)).encode()
            text += b" " * (-len(text) % 8)
            with open(path, "wb") as f:
                f.write(struct.pack("<Q", len(text)) + text + data[8 + length:])
        return edit

    def test_an_unknown_dtype(self):
        def change(h):
            h["ln_f.bias"]["dtype"] = "Q4"
            return h
        self.assert_names(self.broken(edit=self.rewrite_header(change)), "model.safetensors", "ln_f.bias", "Q4")

    def test_offsets_outside_the_file(self):
        def change(h):
            begin, end = h["ln_f.bias"]["data_offsets"]
            h["ln_f.bias"]["data_offsets"] = [begin + 10 ** 9, end + 10 ** 9]
            return h
        self.assert_names(self.broken(edit=self.rewrite_header(change)), "model.safetensors", "ln_f.bias")

    def test_overlapping_offsets(self):
        def change(h):
            h["ln_f.bias"]["data_offsets"] = list(h["ln_f.weight"]["data_offsets"])
            return h
        self.assert_names(self.broken(edit=self.rewrite_header(change)), "model.safetensors", "ln_f")

    def test_a_header_length_past_the_end(self):
        def edit(folder):
            path = os.path.join(folder, "model.safetensors")
            with open(path, "r+b") as f:
                f.write(struct.pack("<Q", 1 << 40))
        self.assert_names(self.broken(edit=edit), "model.safetensors")

    def test_a_header_that_is_not_json(self):
        def edit(folder):
            with open(os.path.join(folder, "model.safetensors"), "wb") as f:
                f.write(struct.pack("<Q", 8) + b"{not jso")
        self.assert_names(self.broken(edit=edit), "model.safetensors")

    def test_vocab_that_is_not_an_object(self):
        message = self.broken(edit=lambda f: open(os.path.join(f, "vocab.json"), "w").write("[1, 2]"))
        self.assert_names(message, "vocab.json")

    def test_merges_that_do_not_parse(self):
        def edit(folder):
            with open(os.path.join(folder, "merges.txt"), "a") as f:
                f.write("one two three\n")
        self.assert_names(self.broken(edit=edit), "merges.txt")

    def test_text_longer_than_n_positions(self):
        message = self.broken(text=" ".join(["word"] * 80))
        self.assert_names(message, "text", "n_positions")


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
