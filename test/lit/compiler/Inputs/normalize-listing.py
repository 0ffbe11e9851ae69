#!/usr/bin/env python3
"""Normalises a `luac -l -l` / `slothc dis` listing so the two can be compared.

Dropped: addresses, the directory part of chunk names, constant-table numbering (luac 5.4.4 may
store a string twice when nested functions use it; the comment still shows each constant's value),
the constants and locals sections' indices, and locals' end pcs (luac 5.4.4 ends a scope one
instruction later than 5.4.6 when the block closes upvalues).
"""
import re
import sys

# Operand positions (0-based, among the printed operands) that are constant-table indices.
K_OPERANDS = {
    "LOADK": [1], "GETTABUP": [2], "GETFIELD": [2], "SETTABUP": [1, 2], "SETFIELD": [1, 2],
    "SETTABLE": [2], "SETI": [2], "SELF": [2], "ADDK": [2], "SUBK": [2], "MULK": [2],
    "MODK": [2], "POWK": [2], "DIVK": [2], "IDIVK": [2], "BANDK": [2], "BORK": [2],
    "BXORK": [2], "MMBINK": [1], "EQK": [1],
}

section = None
for line in sys.stdin:
    line = line.rstrip("\n")
    line = re.sub(r" at 0x[0-9a-f]+", "", line)
    line = re.sub(r" for 0x[0-9a-f]+", "", line)
    line = re.sub(r"\t; 0x[0-9a-f]+$", "", line)
    line = re.sub(r"<[^<>]*/", "<", line)
    header = re.match(r"^(constants|locals|upvalues) \(", line)
    if header:
        section = header.group(1)
        if section != "upvalues":
            continue
    elif line.startswith("main <") or line.startswith("function <"):
        section = None
    elif re.match(r"^\d+\+? params?,", line):
        line = re.sub(r"\d+ locals?, \d+ constants?", "", line)
    if section == "constants":
        continue
    if section == "locals":
        print("\t".join(line.split("\t")[:4]))
        continue
    m = re.match(r"^\t(\d+)\t\[(-?\d+)\]\t(\S+)\s*\t?([^;]*?)(\t; (.*))?$", line)
    if m:
        op, args = m.group(3), m.group(4).split()
        for i in K_OPERANDS.get(op, []):
            if i < len(args):
                args[i] = "K" + ("k" if args[i].endswith("k") else "")
        line = "\t%s\t[%s]\t%s\t%s\t; %s" % (m.group(1), m.group(2), op, " ".join(args),
                                              m.group(6) or "")
    print(line)
