#!/usr/bin/env python3
"""Renders templates with Jinja2 (StrictUndefined, otherwise default settings) and compares with
what data.template rendered.

usage: template_oracle.py DIR COUNT
For i in 0..COUNT-1: DIR/template<i> is the template, DIR/vars<i> its variables as JSON, DIR/ours<i>
our output. Exit 0 when all agree, else print each difference and exit 1.
"""
import json
import sys

import jinja2


def main():
    directory, count = sys.argv[1], int(sys.argv[2])
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    failures = 0
    for i in range(count):
        source = open(f"{directory}/template{i}", encoding="utf-8").read()
        variables = json.load(open(f"{directory}/vars{i}", encoding="utf-8"))
        ours = open(f"{directory}/ours{i}", encoding="utf-8").read()
        theirs = env.from_string(source).render(**variables)
        if ours != theirs:
            failures += 1
            print(f"template:\n{source}\njinja2: {theirs!r}\nsloth:  {ours!r}\n")
    return 1 if failures else 0


sys.exit(main())
