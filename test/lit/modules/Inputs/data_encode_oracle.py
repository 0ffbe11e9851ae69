#!/usr/bin/env python3
"""Reads back what data-encode-cases.lua wrote with Python's json, yaml (PyYAML) and tomllib.

usage: data_encode_oracle.py DIR COUNT
For each case, the compact JSON is the reference; the pretty JSON, the YAML and the TOML (when
written) must hold the same values with the same types: int vs float vs str vs bool, null, list
vs map. Map keys compare as strings (integer keys are written as strings in JSON and TOML).
Prints "N cases agree" and exits 0, or prints each disagreement and exits 1.
"""
import json
import math
import sys
import tomllib

import yaml


def normalize(value):
    if value is None:
        return ("null",)
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int):
        return ("int", value)
    if isinstance(value, float):
        return ("float", "nan" if math.isnan(value) else value)
    if isinstance(value, str):
        return ("str", value)
    if isinstance(value, list):
        return ("list", [normalize(v) for v in value])
    if isinstance(value, dict):
        return ("map", {str(k): normalize(v) for k, v in value.items()})
    return ("other", repr(value))


def main():
    directory, count = sys.argv[1], int(sys.argv[2])
    failures = 0
    checked = 0
    for i in range(1, count + 1):
        base = f"{directory}/case{i}"
        reference = normalize(json.loads(open(base + ".json", encoding="utf-8").read()))
        readers = [(".pretty.json", json.loads), (".yaml", yaml.safe_load), (".toml", tomllib.loads)]
        for suffix, read in readers:
            try:
                text = open(base + suffix, encoding="utf-8").read()
            except FileNotFoundError:
                continue
            checked += 1
            try:
                theirs = normalize(read(text))
            except Exception as e:  # a document Python cannot read is a failure too
                theirs = ("unreadable", str(e))
            if theirs != reference:
                failures += 1
                print(f"case {i} {suffix}:\n{text}\npython: {theirs}\nexpected: {reference}\n")
    if failures:
        return 1
    print(f"{count} cases agree ({checked} documents)")
    return 0


sys.exit(main())
