#!/usr/bin/env python3
"""Shrinks an input that makes a command crash or hang, keeping the failure.

    test/fuzz/minimize.py INPUT OUTPUT -- slothc check {}
    test/fuzz/minimize.py --timeout 5 --hang INPUT OUTPUT -- sloth run flow.sloth --values {}

`{}` in the command stands for the candidate file (OUTPUT.work/ with INPUT's name, so messages
and extensions stay the same; the command runs in that directory). A candidate still fails when the command dies from a
signal (or, with --hang, runs past --timeout). Removal goes by lines, then by Lua tokens, then by
bytes, halving the chunk size each round (delta debugging). Only the Python 3 standard library.
"""
import argparse
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mutate import lua_tokens, limit_child  # noqa: E402


def fails(command, data, path, timeout, hang):
    with open(path, "wb") as f:
        f.write(data)
    argv = [a.replace("{}", path) for a in command]
    try:
        p = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           timeout=timeout, preexec_fn=limit_child, cwd=os.path.dirname(path))
    except subprocess.TimeoutExpired:
        return hang
    return p.returncode < 0 or (p.returncode >= 128 and p.returncode != 130)


def shrink(pieces, test):
    """The fewest pieces (in order) for which test(b"".join(pieces)) holds."""
    chunk = max(1, len(pieces) // 2)
    while chunk >= 1:
        i = 0
        while i < len(pieces):
            trial = pieces[:i] + pieces[i + chunk:]
            if trial and test(b"".join(trial)):
                pieces = trial
            else:
                i += chunk
        chunk //= 2
    return pieces


def halve_runs(data, test):
    """Long repetitions (10 000 `(` or `.a`) are halved while the input still fails: cheap first."""
    runs = [m.group(0) for m in re.finditer(rb"(..?)\1{15,}|.", data, re.S)]
    for i in range(len(runs)):
        while len(runs[i]) > 30:
            half = runs[i][: len(runs[i]) // 2]
            if len(runs[i]) % 2 == 0 and test(b"".join(runs[:i] + [half] + runs[i + 1:])):
                runs[i] = half
            else:
                break
    return b"".join(runs)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--timeout", type=float, default=10)
    p.add_argument("--hang", action="store_true", help="a timeout counts as the failure too")
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("command", nargs="+")
    args = p.parse_args()
    data = open(args.input, "rb").read()
    # Candidates go to OUTPUT.work/INPUT-NAME: the input is never overwritten.
    workdir = os.path.abspath(args.output) + ".work"
    os.makedirs(workdir, exist_ok=True)
    work = os.path.join(workdir, os.path.basename(args.input))
    test = lambda d: fails(args.command, d, work, args.timeout, args.hang)
    if not test(data):
        sys.exit("minimize: the input does not fail with that command")
    data = halve_runs(data, test)
    data = b"".join(shrink(data.splitlines(keepends=True), test))
    data = b"".join(shrink([data[s:e] for s, e, _ in lua_tokens(data)], test))
    if len(data) < 4000:
        data = b"".join(shrink([bytes([b]) for b in data], test))
    with open(args.output, "wb") as f:
        f.write(data)
    fails(args.command, data, work, args.timeout, args.hang)
    print("minimize: %d bytes -> %s" % (len(data), args.output))


if __name__ == "__main__":
    main()
