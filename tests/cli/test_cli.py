#!/usr/bin/env python3
"""The command line of docs/command-line.md, end to end: the attnviz binary run as a user
would, its dumps compared with the independent NumPy fixtures (make_fixtures.py).

Usage: test_cli.py ATTNVIZ FIXTURE_DIR LESSON_DIR
"""
import glob
import json
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np

ATTNVIZ, FIXTURES, LESSONS = sys.argv[1:4]
WORKED = os.path.join(LESSONS, "i-love-nlp.attn.json")


def run(*args):
    return subprocess.run([ATTNVIZ, *args], capture_output=True, text=True, timeout=120)


def dump(*args):
    result = run("--headless", *args, "--dump-json", "-")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


class WorkedExample(unittest.TestCase):
    def test_dump_prints_the_numbers_of_the_worked_example(self):
        d = dump("--session", WORKED)
        head = d["head_results"][0]
        np.testing.assert_allclose(head["Q"], [[0.30, 0.36, 0.42], [0.66, 0.81, 0.96], [1.02, 1.26, 1.50]], rtol=1e-12)
        np.testing.assert_allclose(head["K"], [[0.14, 0.26, 0.38], [0.32, 0.62, 0.92], [0.50, 0.98, 1.46]], rtol=1e-12)
        np.testing.assert_allclose(head["weights"][0], [0.258158, 0.327182, 0.414661], atol=5e-7)
        np.testing.assert_allclose(head["output"][0], [0.716341, 0.880426, 1.044511], atol=5e-7)
        self.assertEqual(d["tokens"], ["I", "love", "NLP"])

    def test_the_default_lesson_is_the_worked_example(self):
        self.assertEqual(dump(), dump("--session", WORKED))
        self.assertEqual(dump(WORKED), dump("--session", WORKED))


class AgainstNumPy(unittest.TestCase):
    def test_dumps_match_the_reference_for_every_fixture(self):
        sessions = sorted(glob.glob(os.path.join(FIXTURES, "*.session.json")))
        self.assertGreaterEqual(len(sessions), 120)
        for path in sessions[::4]:  # a quarter of them: the engine test covers all of them
            with self.subTest(path=os.path.basename(path)):
                expected = json.load(open(path.replace(".session.json", ".expected.json"), encoding="utf-8"))
                got = dump("--session", path)
                for key in ("X", "P", "X_in", "mask", "concat", "output"):
                    np.testing.assert_allclose(got[key], expected[key], rtol=1e-5, atol=1e-9 * (1 + np.abs(expected[key]).max()), err_msg=key)
                for g, e in zip(got["head_results"], expected["head_results"]):
                    for key in ("Q", "K", "V", "raw_scores", "scores", "weights", "output"):
                        scale = 1 + np.abs(e[key]).max()
                        np.testing.assert_allclose(g[key], e[key], rtol=1e-5, atol=1e-9 * scale, err_msg=key)


class Overrides(unittest.TestCase):
    def test_options_build_the_session_they_name(self):
        d = dump("--tokens", "the cat sat on the mat", "--d-model", "8", "--heads", "2",
                 "--mask", "causal", "--pe", "sinusoidal", "--seed", "5")
        self.assertEqual((d["n"], d["d_model"], d["heads"], d["d_k"]), (6, 8, 2, 4))
        w = np.array(d["head_results"][1]["weights"])
        self.assertTrue(np.all(np.triu(w, 1) == 0))
        np.testing.assert_allclose(w.sum(axis=1), 1, rtol=1e-12)
        self.assertEqual(d["X"][1 - 1], d["X"][5 - 1])  # "the" twice: the same embedding
        pos = np.arange(6)[:, None]
        i = np.arange(8)[None, :] // 2
        angle = pos / 10000 ** (2 * i / 8)
        expected_p = np.where(np.arange(8) % 2 == 0, np.sin(angle), np.cos(angle))
        np.testing.assert_allclose(d["P"], expected_p, rtol=1e-12, atol=1e-15)

    def test_saved_session_reproduces_the_same_dump(self):
        with tempfile.TemporaryDirectory() as tmp:
            saved = os.path.join(tmp, "s.attn.json")
            args = ["--tokens", "a b c d", "--d-model", "6", "--heads", "3", "--score", "additive", "--temperature", "0.5"]
            self.assertEqual(run("--headless", *args, "--save-session", saved).returncode, 0)
            self.assertEqual(dump("--session", saved), dump(*args))


class BadInput(unittest.TestCase):
    def refused(self, *args, field):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "dump.json")
            result = run("--headless", *args, "--dump-json", out, "--save-session", os.path.join(tmp, "s.attn.json"))
            self.assertEqual(result.returncode, 2, result.stderr)
            self.assertIn(field, result.stderr)
            self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)
            self.assertEqual(os.listdir(tmp), [], "nothing may be written on bad input")

    def session_file(self, tmp, mutate):
        doc = json.load(open(WORKED, encoding="utf-8"))
        text = mutate(doc)
        path = os.path.join(tmp, "bad.attn.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text if isinstance(text, str) else json.dumps(doc))
        return path

    def test_bad_sessions_exit_2_naming_the_field(self):
        cases = {
            "weights.W_Q[0]: expected 3×3, got 3×2": lambda d: d["weights"].update(W_Q=[[[1, 2], [3, 4], [5, 6]]]),
            "embeddings[1][0]: not a finite number": lambda d: json.dumps(d).replace("0.4", "-1e999", 1),
            "mask.kind: unknown kind": lambda d: d.update(mask={"kind": "diagonal"}),
            "score: unknown kind": lambda d: d.update(score="euclid"),
            "heads: d_model 3 is not divisible by heads 2": lambda d: d.update(heads=2),
            "not valid JSON": lambda d: "{\"format\": ",
            "empty file": lambda d: "",
        }
        with tempfile.TemporaryDirectory() as src:
            for field, mutate in cases.items():
                with self.subTest(field=field):
                    path = self.session_file(src, mutate)
                    self.refused("--session", path, field=field)

    def test_what_is_not_a_small_regular_file_is_refused_at_once(self):
        # /dev/zero never ends (it ran into bad_alloc), a FIFO blocks on open, and a file
        # over the 256 MB limit (sparse: it costs no disk) is refused before it is read.
        with tempfile.TemporaryDirectory() as tmp:
            fifo = os.path.join(tmp, "pipe.attn.json")
            os.mkfifo(fifo)
            huge = os.path.join(tmp, "huge.attn.json")
            with open(huge, "wb") as f:
                f.truncate(300 << 20)
            for path, reason in (("/dev/zero", "not a regular file"), (fifo, "not a regular file"),
                                 (huge, "too large")):
                with self.subTest(path=path):
                    out = os.path.join(tmp, "dump.json")
                    result = subprocess.run([ATTNVIZ, "--headless", "--session", path, "--dump-json", out],
                                            capture_output=True, text=True, timeout=20)
                    self.assertEqual(result.returncode, 2, result.stderr)
                    self.assertIn(path, result.stderr)
                    self.assertIn(reason, result.stderr)
                    self.assertFalse(os.path.exists(out))

    def test_bad_options_exit_2(self):
        self.refused("--heads", "2", field="heads")
        self.refused("--mask", "diagonal", field="--mask")
        self.refused("--temperature", "0", field="--temperature")
        self.refused("--session", "/nonexistent/x.attn.json", field="/nonexistent/x.attn.json")
        self.refused("--step", "41", field="--step")
        self.refused("--step", "0", field="--step")
        self.refused("--demo", "magic", field="--demo")
        self.assertEqual(run("--headless", "--no-such-option").returncode, 2)

    def test_a_dump_that_json_cannot_hold_exits_2_naming_the_number(self):
        # raw / 1e-320 overflows a double: the scores are ±inf, which a dump cannot hold
        # (it used to write null for each). The weights are the one-hot limit (engine test).
        self.refused("--session", WORKED, "--temperature", "1e-320", field="head_results[0].scores[0][0]: +inf")
        self.refused("--session", WORKED, "--temperature", "1e-320", field="use a larger temperature")

    def test_an_unwritable_destination_exits_1_and_leaves_nothing(self):
        with tempfile.TemporaryDirectory() as tmp:
            os.chmod(tmp, 0o500)
            try:
                result = run("--headless", "--dump-json", os.path.join(tmp, "d.json"))
                if os.geteuid() != 0:  # root writes anywhere; the missing-folder case below still holds
                    self.assertEqual(result.returncode, 1)
            finally:
                os.chmod(tmp, 0o700)
        result = run("--headless", "--dump-json", "/nonexistent-dir/d.json")
        self.assertEqual(result.returncode, 1)
        self.assertIn("/nonexistent-dir/d.json", result.stderr)


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


class Classroom(unittest.TestCase):
    """--step and --demo with --present and --screenshot: what scripts/classroom-screenshots.sh
    renders, a projector's full screen at 1920×1080."""

    def shoot(self, tmp, name, *args):
        path = os.path.join(tmp, name)
        result = run("--headless", "--present", "--screenshot", path, "--screenshot-size", "1920x1080", *args)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr, "")
        return path

    def test_steps_and_demos_render_full_screen(self):
        with tempfile.TemporaryDirectory() as tmp:
            window = self.shoot(tmp, "window.png")
            step = self.shoot(tmp, "step.png", "--step", "8")
            demo = self.shoot(tmp, "demo.png", "--demo", "masks", "--lang", "zh_CN")
            for path in (window, step, demo):
                self.assertEqual(png_size(path), (1920, 1080), path)
            # The walkthrough at step 8 and a demonstration's own window differ from the start.
            contents = [open(p, "rb").read() for p in (window, step, demo)]
            self.assertEqual(len(set(contents)), 3)

    def test_every_demo_name_is_accepted(self):
        with tempfile.TemporaryDirectory() as tmp:
            for name in ("scaling", "shuffle", "relative-position", "masks", "cost", "compare"):
                with self.subTest(demo=name):
                    path = os.path.join(tmp, name + ".png")
                    result = run("--headless", "--screenshot", path, "--screenshot-size", "1280x800", "--demo", name)
                    self.assertEqual(result.returncode, 0, result.stderr)
                    self.assertEqual(png_size(path), (1280, 800))

    def test_the_options_are_in_the_help(self):
        text = run("--help").stdout
        for option in ("--step", "--demo", "--present"):
            self.assertIn(option, text)

    def test_the_help_speaks_the_chosen_language(self):
        english = run("--lang", "en", "--help")
        chinese = run("--lang", "zh_CN", "--help")
        self.assertEqual((english.returncode, chinese.returncode), (0, 0))
        self.assertIn("Load a session file.", english.stdout)
        self.assertIn("加载会话文件。", chinese.stdout)
        self.assertNotIn("Load a session file.", chinese.stdout)
        # Option names stay as they are, in both.
        for option in ("--tokens", "--export", "--colormap", "--screenshot-size"):
            self.assertIn(option, english.stdout)
            self.assertIn(option, chinese.stdout)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
