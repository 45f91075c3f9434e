#!/usr/bin/env python3
"""Writes the HELD-OUT résumé set: files/ and labels.json from src/.

Same markup, label format and checks as tests/labelled: this script runs
that set's generator (tests/labelled/make.py) on this folder. This set was
written after the engine was tuned and must never be used to tune it.
"""
import importlib.util
import os

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    "labelled_make", os.path.join(HERE, "..", "labelled", "make.py")
)
make = importlib.util.module_from_spec(spec)
spec.loader.exec_module(make)
make.HERE = HERE
make.SRC = os.path.join(HERE, "src")
make.OUT = os.path.join(HERE, "files")
make.ZIP_TIME = (2026, 2, 2, 9, 0, 0)

if __name__ == "__main__":
    make.main()
