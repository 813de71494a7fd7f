#!/usr/bin/env python3
"""Dump v2 of the attnviz binary against the independent NumPy reference.

Usage: test_model_reference.py ATTNVIZ FIXTURE_DIR

FIXTURE_DIR holds v2-caseNNN.session.json / v2-caseNNN.dump.json, written by
tests/reference/make_fixtures_v2.py. For each case the program is run as

    ATTNVIZ --headless --session CASE.session.json --dump-json OUT.json --dump-npz OUT.npz

(QT_QPA_PLATFORM=offscreen) and must exit 0. Then:

- every matrix of the expected dump (X, P, H_0, mask, final, and per block input,
  ln1, concat, attention_output, after_attention, ln2, ffn_hidden, ffn_output,
  output, and per head Q, K, V, raw_scores, scores, weights, output) equals the
  program's JSON within |got - expected| <= 1e-5 * max(1, |expected|), element
  by element, with the same shape; mask is compared exactly;
- each block of the program's dump has exactly the expected keys (a part the
  block lacks is absent); each head has at least the seven keys above (more,
  such as entropy, are allowed, as in dump v1); tokens, ids (present exactly
  when expected), n, d_model, heads, d_k, layers_count are equal;
- top_k (present exactly when expected): per token the same number of entries,
  the same tokens and ids in the same order, p within 1e-5. Where the expected
  probabilities tie exactly (equal embeddings or unembedding columns), the
  program's entries of that group must hold the same ids, in ascending id order
  when the program's p are equal too (ties broken by smaller id);
- rollout (an n x n matrix, compared as the others) and head_roles (per block x head:
  block, head, ablated equal, previous, sink, induction, distance, entropy within the
  tolerance, induction present exactly when expected), both from model_v2.py's own
  rollout and head-role code; the npz's rollout and head_roles.NAME arrays equal them;
- the npz holds every one of those matrices under its dotted name (X,
  layers.0.input, layers.0.head_results.1.weights, ...), no block part the
  block lacks, each equal to the program's JSON within 1e-12 * max(1, |json|).

Every case is run again with --precision float32: the same checks at 1e-4 (the float32
pass of the same engine, against the float64 reference), and the npz's arrays are float32
(float64 in the first run).

Then bad sessions built here (a valid 2-block base, mutated) must each exit 2
with one line on standard error naming the field, and write nothing.
Every mismatch is collected; the exit status is 1 when there is any.
"""
import copy
import glob
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

ATTNVIZ, FIXTURES = sys.argv[1:3]
NPZ_TOL = 1e-12
# The tolerance of each --precision against the float64 reference (issue 14: 1e-5 relative
# for float64 sessions, 1e-4 for float32).
PRECISION_TOL = {"float64": 1e-5, "float32": 1e-4}
HEAD_KEYS = ["Q", "K", "V", "raw_scores", "scores", "weights", "output"]
TOP_KEYS = ["X", "P", "H_0", "mask", "final", "rollout"]
ROLE_SCORES = ["previous", "sink", "induction", "distance", "entropy"]
SCALARS = ["format", "version", "tokens", "n", "d_model", "heads", "d_k", "layers_count"]
ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen")
failures = []


def fail(where, what):
    failures.append(f"{where}: {what}")


def run(*args):
    return subprocess.run([ATTNVIZ, "--headless", *args], capture_output=True, text=True,
                          timeout=120, env=ENV)


def matrices(dump):
    """(dotted name, value) of every matrix of a dump v2."""
    for key in TOP_KEYS:
        if key in dump:
            yield key, dump[key]
    for l, layer in enumerate(dump.get("layers", [])):
        for key, value in layer.items():
            if key == "head_results":
                for h, head in enumerate(value):
                    for k in HEAD_KEYS:
                        if k in head:
                            yield f"layers.{l}.head_results.{h}.{k}", head[k]
            else:
                yield f"layers.{l}.{key}", value


def lookup(dump, dotted):
    node = dump
    for part in dotted.split("."):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def compare(where, got, expected, tol, exact=False):
    """True when got equals expected (shape, and values within tol * max(1, |expected|))."""
    try:
        g, e = np.asarray(got, dtype=np.float64), np.asarray(expected, dtype=np.float64)
    except (ValueError, TypeError) as err:
        fail(where, f"not a matrix of numbers ({err})")
        return False
    if g.shape != e.shape:
        fail(where, f"shape {g.shape}, expected {e.shape}")
        return False
    bad = (g != e) if exact else ~(np.abs(g - e) <= tol * np.maximum(1.0, np.abs(e)))
    if np.any(bad):
        idx = tuple(int(i) for i in np.argwhere(bad)[0])
        fail(where, f"{np.count_nonzero(bad)} entries differ, first {list(idx)}: got {g[idx]!r}, "
                    f"expected {e[idx]!r} (tolerance {'exact' if exact else tol} * max(1, |expected|))")
        return False
    return True


def check_top_k(case, got, expected, tol):
    if len(got) != len(expected):
        fail(f"{case} top_k", f"{len(got)} rows, expected {len(expected)}")
        return
    for i, (g_row, e_row) in enumerate(zip(got, expected)):
        where = f"{case} top_k[{i}]"
        if len(g_row) != len(e_row):
            fail(where, f"{len(g_row)} entries, expected {len(e_row)}")
            continue
        r = 0
        while r < len(e_row):  # a group of exactly tied expected probabilities
            end = r + 1
            while end < len(e_row) and e_row[end]["p"] == e_row[r]["p"]:
                end += 1
            g_grp, e_grp = g_row[r:end], e_row[r:end]
            try:
                g_ids = [x["id"] for x in g_grp]
                names = {x["id"]: x["token"] for x in e_grp}
                ok = sorted(g_ids) == sorted(names) and all(x["token"] == names[x["id"]] for x in g_grp)
                if end - r == 1:
                    ok = ok and g_grp[0]["id"] == e_grp[0]["id"]
                elif ok and len({x["p"] for x in g_grp}) == 1:
                    ok = g_ids == sorted(g_ids)  # exact tie: smaller id first
                for x, y in zip(g_grp, e_grp):
                    if not abs(float(x["p"]) - y["p"]) <= tol * max(1.0, abs(y["p"])):
                        fail(f"{where}[{r}].p", f"got {x['p']!r}, expected {y['p']!r}")
            except (KeyError, TypeError) as err:
                fail(where, f"malformed entry ({err!r})")
                break
            if not ok:
                fail(f"{where}[{r}:{end}]", f"got {[(x.get('id'), x.get('token')) for x in g_grp]}, "
                                            f"expected {[(x['id'], x['token']) for x in e_grp]}")
            r = end


def check_case(session_path, precision):
    tol = PRECISION_TOL[precision]
    case = os.path.basename(session_path).replace(".session.json", "") + f" ({precision})"
    expected = json.load(open(session_path.replace(".session.json", ".dump.json"), encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        out_json, out_npz = os.path.join(tmp, "out.json"), os.path.join(tmp, "out.npz")
        args = ["--session", session_path, "--dump-json", out_json, "--dump-npz", out_npz]
        # float64 is a session file's default: that run gives no --precision.
        result = run(*args, *(["--precision", precision] if precision == "float32" else []))
        if result.returncode != 0:
            fail(case, f"exit {result.returncode}, expected 0: {result.stderr.strip()}")
            return 0
        try:
            got = json.load(open(out_json, encoding="utf-8"))
        except (OSError, ValueError) as err:
            fail(f"{case} --dump-json", f"no readable JSON ({err})")
            return 0
        try:
            with np.load(out_npz) as archive:
                npz = {name: archive[name] for name in archive.files}
        except Exception as err:  # noqa: BLE001 (whatever numpy raises on a bad archive)
            fail(f"{case} --dump-npz", f"no readable npz ({err})")
            npz = None

    for key in SCALARS:
        if got.get(key) != expected[key]:
            fail(f"{case} {key}", f"got {got.get(key)!r}, expected {expected[key]!r}")
    for key in ("ids", "top_k"):
        if (key in got) != (key in expected):
            fail(f"{case} {key}", "present, expected absent" if key in got else "absent, expected present")
    if "ids" in expected and "ids" in got and got["ids"] != expected["ids"]:
        fail(f"{case} ids", f"got {got['ids']}, expected {expected['ids']}")
    layers = got.get("layers")
    if not isinstance(layers, list) or len(layers) != len(expected["layers"]):
        fail(f"{case} layers", f"got {len(layers) if isinstance(layers, list) else layers!r} blocks, "
                               f"expected {len(expected['layers'])}")
        return 0
    for l, (g, e) in enumerate(zip(layers, expected["layers"])):
        if set(g) != set(e):
            fail(f"{case} layers[{l}]", f"keys {sorted(g)}, expected {sorted(e)} "
                                        f"(extra {sorted(set(g) - set(e))}, missing {sorted(set(e) - set(g))})")
        heads = g.get("head_results", [])
        if len(heads) != len(e["head_results"]):
            fail(f"{case} layers[{l}].head_results", f"{len(heads)} heads, expected {len(e['head_results'])}")
        for h, head in enumerate(heads):
            missing = [k for k in HEAD_KEYS if k not in head]
            if missing:
                fail(f"{case} layers[{l}].head_results[{h}]", f"missing {missing}")
    compared = 0
    for name, value in matrices(expected):
        try:
            mine = lookup(got, name)
        except (KeyError, IndexError, TypeError):
            continue  # reported above as a missing key
        compare(f"{case} {name}", mine, value, tol, exact=name == "mask")
        compared += 1
        if npz is not None:
            if name not in npz:
                fail(f"{case} npz", f"no entry {name!r}")
            else:
                want = np.uint8 if name == "mask" else np.dtype(precision)
                if npz[name].dtype != want:
                    fail(f"{case} npz {name}", f"dtype {npz[name].dtype}, expected {want}")
                compare(f"{case} npz {name}", npz[name], mine, NPZ_TOL)
    if "top_k" in expected and "top_k" in got:
        check_top_k(case, got["top_k"], expected["top_k"], tol)
    check_head_roles(case, got.get("head_roles"), expected["head_roles"], npz, tol, precision)
    if npz is not None:
        for name in npz:
            parts = name.split(".")
            if len(parts) == 3 and parts[0] == "layers" and parts[1].isdigit():
                l = int(parts[1])
                if l >= len(expected["layers"]) or parts[2] not in expected["layers"][l]:
                    fail(f"{case} npz", f"entry {name!r}, a part the block does not have")
    return compared


def check_head_roles(case, got, expected, npz, tol, precision):
    """head_roles: the same blocks, heads and ablation in the same order, each score within
    tol (induction present exactly when expected); the npz's head_roles.NAME arrays
    (blocks x heads, induction when any head has it) hold the same numbers."""
    where = f"{case} head_roles"
    if not isinstance(got, list) or len(got) != len(expected):
        fail(where, f"got {len(got) if isinstance(got, list) else got!r} roles, expected {len(expected)}")
        return
    for k, (g, e) in enumerate(zip(got, expected)):
        for key in ("block", "head", "ablated"):
            if g.get(key) != e[key]:
                fail(f"{where}[{k}].{key}", f"got {g.get(key)!r}, expected {e[key]!r}")
        for key in ROLE_SCORES:
            if (key in g) != (key in e):
                fail(f"{where}[{k}].{key}", "present, expected absent" if key in g else "absent")
            elif key in e and not abs(float(g[key]) - e[key]) <= tol * max(1.0, abs(e[key])):
                fail(f"{where}[{k}].{key}", f"got {g[key]!r}, expected {e[key]!r}")
    if npz is None or not expected:
        return
    blocks, heads = expected[-1]["block"] + 1, expected[-1]["head"] + 1
    for key in ROLE_SCORES + ["ablated"]:
        name = f"head_roles.{key}"
        present = key == "ablated" or any(key in e for e in expected)
        if (name in npz) != present:
            fail(f"{case} npz", f"{name} {'absent' if present else 'present'}")
            continue
        if not present:
            continue
        want = np.uint8 if key == "ablated" else np.dtype(precision)
        if npz[name].dtype != want:
            fail(f"{case} npz {name}", f"dtype {npz[name].dtype}, expected {want}")
        # A head without an induction score (its rows all 0) holds 0 in the array.
        mine = np.array([[float(g.get(key, 0.0)) for g in got[b * heads:(b + 1) * heads]] for b in range(blocks)])
        compare(f"{case} npz {name}", npz[name], mine, NPZ_TOL, exact=key == "ablated")


# ------------------------------------------------------------ bad input

def base_session():
    """A valid session v2: 2 blocks with FFNs (d_ff 6), a vocabulary, learned positions."""
    rng = np.random.default_rng(7)
    d, heads, d_k, d_ff, vocab = 4, 2, 2, 6, ["<s>", "a", "b", "c"]

    def m(r, c):
        return (0.5 * rng.standard_normal((r, c))).tolist()

    def blk():
        return {"residual": True, "norm": "pre",
                "attention": {"W_Q": [m(d, d_k) for _ in range(heads)], "W_K": [m(d, d_k) for _ in range(heads)],
                              "W_V": [m(d, d_k) for _ in range(heads)], "W_O": m(d, d)},
                "ln1": {"gain": [1.0] * d, "bias": [0.0] * d}, "ln2": {"gain": [1.0] * d, "bias": [0.0] * d},
                "ffn": {"W_1": m(d, d_ff), "b_1": [0.0] * d_ff, "W_2": m(d_ff, d), "b_2": [0.0] * d,
                        "activation": "gelu"}}
    return {"format": "attnviz-session", "version": 2, "title": "bad-input base", "d_model": d,
            "heads": heads, "seed": 1, "vocabulary": vocab, "token_embeddings": m(len(vocab), d),
            "tokens": ["<s>", "a", "c", "b"], "positional_encoding": {"kind": "learned", "matrix": m(6, d)},
            "score": "scaled_dot", "temperature": 1.0, "mask": {"kind": "causal"}, "normalizer": "softmax",
            "layers": [blk(), blk()], "final_norm": {"gain": [1.0] * d, "bias": [0.0] * d},
            "unembedding": "tied"}


def no_vocabulary(s, unembedding):
    del s["vocabulary"], s["token_embeddings"]
    s["embeddings"] = [[0.1 * (i + j) for j in range(s["d_model"])] for i in range(len(s["tokens"]))]
    s["unembedding"] = unembedding


BAD = [  # (fields the message must contain, mutation)
    (["layers[1].ffn.W_2", "expected"],
     lambda s: s["layers"][1]["ffn"].update(W_2=np.array(s["layers"][1]["ffn"]["W_2"]).T.tolist())),
    (["zebra"], lambda s: s["tokens"].__setitem__(2, "zebra")),
    (["ablate"], lambda s: s.update(ablate=[[2, 0]])),
    (["ablate"], lambda s: s.update(ablate=[[0, 1], [1, 2]])),
    (["layers[0].norm"], lambda s: s["layers"][0].update(norm="sideways")),
    (["layers[0].ffn.activation"], lambda s: s["layers"][0]["ffn"].update(activation="swish")),
    (["unembedding"], lambda s: no_vocabulary(s, "tied")),
    (["unembedding"], lambda s: no_vocabulary(s, [[0.5] * 3] * s["d_model"])),
    (["positional_encoding.matrix"], lambda s: s["positional_encoding"].update(matrix=s["positional_encoding"]["matrix"][:3])),
]


def check_bad_inputs():
    with tempfile.TemporaryDirectory() as src:
        for index, (fields, mutate) in enumerate([([], lambda s: None)] + BAD):
            session = base_session()
            mutate(session)
            path = os.path.join(src, f"bad-{index}.session.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(session, f, ensure_ascii=False)
            with tempfile.TemporaryDirectory() as out:
                result = run("--session", path, "--dump-json", os.path.join(out, "d.json"),
                             "--dump-npz", os.path.join(out, "d.npz"))
                written = os.listdir(out)
            where = f"bad input {index} ({fields[0] if fields else 'the valid base'})"
            if not fields:  # the base itself is accepted: the mutations are what is refused
                if result.returncode != 0:
                    fail(where, f"exit {result.returncode}, expected 0: {result.stderr.strip()}")
                continue
            lines = result.stderr.strip().splitlines()
            if result.returncode != 2:
                fail(where, f"exit {result.returncode}, expected 2")
            if len(lines) != 1:
                fail(where, f"{len(lines)} lines on standard error, expected 1: {result.stderr!r}")
            for field in fields:
                if field not in result.stderr:
                    fail(where, f"message does not contain {field!r}: {result.stderr.strip()!r}")
            if written:
                fail(where, f"wrote {written}, expected nothing")
    return len(BAD)


def main():
    sessions = sorted(glob.glob(os.path.join(FIXTURES, "v2-case*.session.json")))
    if not sessions:
        sys.exit(f"no v2-case*.session.json in {FIXTURES} (run tests/reference/make_fixtures_v2.py)")
    compared = sum(check_case(p, precision) for precision in PRECISION_TOL for p in sessions)
    bad = check_bad_inputs()
    print(f"v2 reference: {len(sessions)} cases, {compared} matrices compared "
          f"(JSON at {PRECISION_TOL} * max(1, |expected|), npz at {NPZ_TOL}), in float64 and float32, {bad} bad inputs checked")
    if failures:
        print(f"{len(failures)} mismatches:", file=sys.stderr)
        for line in failures[:50]:
            print("  " + line, file=sys.stderr)
        if len(failures) > 50:
            print(f"  ... and {len(failures) - 50} more", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
