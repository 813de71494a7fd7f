#!/usr/bin/env python3
"""--train (docs/training.md, docs/command-line.md), end to end: the trained session is
judged by the independent NumPy reference (tests/reference/model_v2.py) on sequences this
test draws itself, which the run never saw; the same seed writes the same file; bad input
exits 2 and writes nothing.

Usage: test_train.py ATTNVIZ
"""
import json
import os
import random
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "reference"))
import model_v2  # noqa: E402

ATTNVIZ = sys.argv[1]
GPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "resources", "lessons",
                   "transformers", "small-gpt2-stack.attn.json")


def run(*args):
    return subprocess.run([ATTNVIZ, "--headless", *args], capture_output=True, text=True,
                          timeout=300)


def train(task, steps, path, *extra):
    result = run("--train", task, "--steps", str(steps), "--save-session", path, *extra)
    assert result.returncode == 0, result.stderr
    with open(path, encoding="utf-8") as f:
        return json.load(f), result.stderr


def fresh_sequence(task, rng, alphabet, prefix, length):
    """A sequence of the task (docs/training.md) and the positions whose next token is asked."""
    s = rng.sample(alphabet, length)
    if task == "induction":
        tokens = prefix + s + s
    elif task == "reverse":
        tokens = prefix + s + ["|"] + s[::-1]
    else:
        raise ValueError(task)
    asked = range(len(tokens) - length - 1, len(tokens) - 1)
    return tokens, asked


def reference_accuracy(session, sequences=40, seed=2024):
    """The share of asked positions whose most probable next token, by the NumPy reference,
    is the right one."""
    t = session["training"]
    rng = random.Random(seed)
    right = total = 0
    for _ in range(sequences):
        tokens, asked = fresh_sequence(t["task"], rng, t["alphabet"], t["prefix"], t["length"])
        s = dict(session, tokens=tokens)
        try:
            top = model_v2.compute(s)["top_k"]
        except model_v2.Reject:  # nearly tied probabilities: no clear answer either way
            continue
        for i in asked:
            total += 1
            right += top[i][0]["token"] == tokens[i + 1]
    return right / total


class Train(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.dir.cleanup()

    def path(self, name):
        return os.path.join(self.dir.name, name)

    def test_induction_is_learnt_on_sequences_the_run_never_saw(self):
        untrained, _ = train("induction", 1, self.path("one.attn.json"))
        session, log = train("induction", 600, self.path("induction.attn.json"))
        self.assertLess(reference_accuracy(untrained), 0.3)  # 1 in 10 by chance
        self.assertGreaterEqual(reference_accuracy(session), 0.9)
        t = session["training"]
        self.assertEqual((t["task"], t["steps"], t["length"], t["prefix"]),
                         ("induction", 600, 8, ["<s>"]))
        self.assertEqual(len(t["loss"]), 600)
        self.assertLess(t["loss"][-1], t["loss"][0] / 10)
        # A head of block 2 became an induction head (prefix matching, blocks first).
        first, last = t["head_scores"][0], t["head_scores"][-1]
        self.assertEqual((first["step"], last["step"]), (0, 600))
        self.assertLess(max(first["prefix_matching"]), 0.3)
        self.assertGreater(max(last["prefix_matching"][2:]), 0.5)
        # Progress on standard error: step, loss and accuracy.
        self.assertIn("step 600/600  loss", log)
        self.assertIn("accuracy", log)

    def test_reverse_is_learnt(self):
        session, _ = train("reverse", 300, self.path("reverse.attn.json"))
        self.assertGreaterEqual(reference_accuracy(session), 0.9)

    def test_the_same_seed_writes_the_same_file(self):
        a, _ = train("copy", 20, self.path("a.attn.json"), "--seed", "5")
        b, _ = train("copy", 20, self.path("b.attn.json"), "--seed", "5")
        c, _ = train("copy", 20, self.path("c.attn.json"), "--seed", "6")
        self.assertEqual(a, b)
        self.assertNotEqual(a["layers"][0]["attention"]["W_Q"], c["layers"][0]["attention"]["W_Q"])

    def test_training_goes_on_from_a_saved_session(self):
        first, _ = train("induction", 5, self.path("first.attn.json"))
        more, _ = train("induction", 5, self.path("more.attn.json"), self.path("first.attn.json"))
        self.assertEqual(more["training"]["task"], "induction")
        self.assertNotEqual(more["token_embeddings"], first["token_embeddings"])

    def test_text_trains_on_a_corpus_character_by_character(self):
        corpus = self.path("cats.txt")
        with open(corpus, "w", encoding="utf-8") as f:
            f.write("the cat sat on the mat.\n%\n" * 100)
        session, log = train("text", 30, self.path("text.attn.json"), "--corpus", corpus)
        t = session["training"]
        self.assertEqual((t["task"], t["corpus"], t["tokens"], t["length"]),
                         ("text", "cats.txt", "characters", 64))
        self.assertIn("␣", session["vocabulary"])
        self.assertNotIn("%", session["vocabulary"])  # the fortune separator lines go
        self.assertEqual(len(session["tokens"]), 64)
        self.assertLess(t["loss"][-1], t["loss"][0])

    def test_bad_input_exits_2_and_writes_nothing(self):
        out = self.path("never.attn.json")
        v1 = os.path.join(self.dir.name, "v1.attn.json")
        with open(v1, "w", encoding="utf-8") as f:
            json.dump({"format": "attnviz-session", "version": 1, "d_model": 4, "heads": 2,
                       "tokens": ["a", "b"]}, f)
        bad_text = self.path("bad.txt")
        with open(bad_text, "wb") as f:
            f.write(b"fine until \xff")
        cases = [
            (["--train", "sorting-hat"], "--train: unknown task \"sorting-hat\""),
            (["--train", "copy", "--steps", "0"], "--steps: expected a whole number"),
            (["--train", "copy", "--batch", "100000"], "--batch: expected a whole number"),
            (["--train", "copy", "--learning-rate", "nan"], "--learning-rate: expected a number"),
            (["--steps", "5"], "apply to --train"),
            (["--train", "copy", v1], "a version 1 session has no vocabulary"),
            (["--train", "induction", GPT], GPT + ": vocabulary: lacks \"b\""),
            (["--train", "text"], "--train text needs --corpus FILE"),
            (["--train", "copy", "--corpus", v1], "--corpus applies to --train text"),
            (["--train", "text", "--corpus", self.path("missing.txt")], "missing.txt: cannot be read"),
            (["--train", "text", "--corpus", bad_text], "bad.txt: corpus: not UTF-8 text"),
            # A learning rate this large overflows: the run stops, naming the step.
            (["--train", "induction", "--learning-rate", "1e300", "--steps", "20"],
             "NaN or infinite at step"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                result = run(*args, "--save-session", out)
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertIn(message, result.stderr)
                self.assertFalse(os.path.exists(out))


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
