#!/usr/bin/env python3
"""The layers of docs/architecture.md, checked on the sources: which ui/ folder may include
which, that only ui/plots/ includes QCustomPlot, that ui/model/ and ui/figures/ include no
widget header, and that no view calls the engine's pass.

usage: check_layers.py SOURCE_DIR QT6WIDGETS_INCLUDE_DIRS (a CMake list)"""
import pathlib
import re
import sys

# folder: the folders whose headers it may include (besides its own and engine/).
ALLOWED = {
    "model": set(),
    "figures": {"model"},
    "plots": {"figures", "model"},
    "export": {"plots", "figures", "model"},
    "panels": {"export", "plots", "figures", "model"},
    "demos": {"plots", "figures", "model"},
    "window": {"panels", "demos", "export", "plots", "figures", "model"},
}
NO_WIDGETS = {"model", "figures"}
# Folders whose files show: they read the document's pass, they never run one.
VIEWS = {"panels", "demos", "window", "export", "plots"}
PASS_CALL = re.compile(r"\battn::(forward|forwardInto|checkShuffle|masksDemo|shuffleDemo|compareDemo)\s*\(")
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)


def main() -> int:
    root = pathlib.Path(sys.argv[1])
    # Qt6Widgets_INCLUDE_DIRS: a CMake list; the QtWidgets folder holds the widget headers.
    widget_dirs = [pathlib.Path(d) for d in sys.argv[2].split(";") if d.rstrip("/").endswith("QtWidgets")]
    if not widget_dirs:
        print(f"no QtWidgets folder in {sys.argv[2]}")
        return 1
    widget_headers = {p.name for d in widget_dirs for p in d.iterdir()}
    ui = root / "ui"
    owner = {}
    for folder in ALLOWED:
        for header in (ui / folder).glob("*.h"):
            owner[header.name] = folder
    problems = []
    for folder, allowed in ALLOWED.items():
        files = sorted((ui / folder).glob("*.cpp")) + sorted((ui / folder).glob("*.h"))
        if not files:
            problems.append(f"ui/{folder}/ is empty or missing")
        for path in files:
            text = path.read_text(encoding="utf-8")
            rel = path.relative_to(root)
            for name in INCLUDE.findall(text):
                base = name.split("/")[-1]
                if "qcustomplot" in base.lower() and folder != "plots":
                    problems.append(f"{rel}: includes {name}; only ui/plots/ may")
                if folder in NO_WIDGETS and (base in widget_headers or name.startswith("QtWidgets")):
                    problems.append(f"{rel}: includes the widget header {name}")
                other = owner.get(base)
                if other and other != folder and other not in allowed:
                    problems.append(f"{rel}: includes {name} of ui/{other}/")
            if folder in VIEWS:
                for call in PASS_CALL.finditer(text):
                    problems.append(f"{rel}: calls attn::{call.group(1)}(): views do not compute")
    for p in problems:
        print(p)
    print(f"{len(ALLOWED)} folders checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
