#!/usr/bin/env python3
"""Compares what data.*_parse made of a document with what Python's own parser makes of it.

usage: data_oracle.py json|yaml|toml DIR COUNT
For i in 0..COUNT-1, DIR/input<i> is a document and DIR/ours<i> data.json_encode of our parse.
Exit 0 when every pair agrees on values and on types (integer vs float vs string vs boolean,
null, empty list vs empty map: data.null and parsed arrays keep both), else print the documents
that differ with both readings and exit 1. Map keys compare as strings (the JSON encoder writes
integer keys as strings).
"""
import json
import sys


def normalize(value):
    if value is None:
        return ("null",)
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int):
        return ("int", value)
    if isinstance(value, float):
        return ("float", "nan" if value != value else value)
    if isinstance(value, str):
        return ("str", value)
    if isinstance(value, list):
        return ("list", [normalize(v) for v in value])
    if isinstance(value, dict):
        return ("map", {str(k): normalize(v) for k, v in value.items()})
    return ("other", repr(value))


def parse(kind, text):
    if kind == "json":
        return json.loads(text)
    if kind == "yaml":
        import yaml
        return yaml.safe_load(text)
    import tomllib
    return tomllib.loads(text)


def main():
    kind, directory, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    failures = 0
    for i in range(count):
        text = open(f"{directory}/input{i}", encoding="utf-8").read()
        theirs = normalize(parse(kind, text))
        ours = normalize(json.loads(open(f"{directory}/ours{i}", encoding="utf-8").read()))
        if ours != theirs:
            failures += 1
            print(f"document:\n{text}\npython: {theirs}\nsloth:  {ours}\n")
    return 1 if failures else 0


sys.exit(main())
