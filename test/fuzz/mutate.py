#!/usr/bin/env python3
"""Mutation fuzzer for slothc and sloth: malformed input must get an error, never a crash or a hang.

    test/fuzz/mutate.py --bin build/tools --cases 2000 --seed 1 [--targets lua,yaml,values,toml,bundle]
                        [--timeout 10] [--out /tmp/sloth-fuzz] [--jobs 2] [--keep-going]

Seeds are the repository's *.lua, *.sloth and *.yaml files and the *.lua files under /usr. Each case
mutates one seed (or generates a sloth.toml, a --values file, a bundle) and runs the commands for
its target; a case fails when a command
  - dies from a signal (exit status >= 128 other than 130, or killed),
  - runs past --timeout (a hang; for `sloth run` only when lua5.4 finishes the same program in time),
  - exits with a status other than the documented 0, 1, 2 (docs/cli.md),
  - exits 1 or 2 with a message that does not say where: for source input the file and line
    (`F:L:C` from slothc, `F:L` from a run-time error), for configuration the file or the key.
Every failing input is written to OUT/fail-NNNN/ with the command line and its output; the same
--seed replays the same cases. Only the Python 3 standard library is used. It is a tool, not a
ctest test: it runs as long as you ask it to.

`sloth run` executes only cases that `slothc check` accepts, in a scratch directory under /tmp,
with HOME and SLOTH_HOME there, limited memory, and a first line that removes every global but the
pure-Lua libraries (no os.execute, io, modules), so a mutated script cannot touch the machine.
"""
import argparse
import json
import os
import random
import re
import resource
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import zlib

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DOCUMENTED_EXIT = {0, 1, 2}
MEMORY_LIMIT = 2 << 30

# ---------------------------------------------------------------------------------------------
# Lua tokens: enough to cut and splice at token boundaries (strings, long brackets, comments,
# numerals, names, operators).
LUA_TOKEN = re.compile(
    rb"""
    (?P<comment>--\[(?P<ceq>=*)\[.*?\](?P=ceq)\]|--[^\n]*)
  | (?P<long>\[(?P<leq>=*)\[.*?\](?P=leq)\])
  | (?P<str>"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')
  | (?P<num>0[xX][0-9a-fA-F.]+(?:[pP][+-]?\d+)?|\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>\.\.\.|\.\.|==|~=|<=|>=|<<|>>|//|::|[-+*/%^\#&~|<>=(){}\[\];:,.])
  | (?P<ws>\s+)
  | (?P<other>.)
    """,
    re.S | re.X,
)

KEYWORDS = [b"and", b"break", b"do", b"else", b"elseif", b"end", b"false", b"for", b"function",
            b"goto", b"if", b"in", b"local", b"nil", b"not", b"or", b"repeat", b"return", b"then",
            b"true", b"until", b"while", b"<const>", b"<close>", b"<bad>"]
OPERATORS = [b"+", b"-", b"*", b"/", b"//", b"%", b"^", b"#", b"&", b"~", b"|", b"<<", b">>", b"==",
             b"~=", b"<=", b">=", b"<", b">", b"=", b"(", b")", b"{", b"}", b"[", b"]", b"::", b";",
             b":", b",", b".", b"..", b"...", b"[[", b"]]", b"--[[", b"--[==[", b"]==]", b"\"", b"'",
             b"\\", b"@", b"$", b"`", b"!"]
NAMES = [b"x", b"t", b"self", b"_ENV", b"_G", b"print", b"string", b"table", b"math", b"task",
         b"workflow", b"params", b"this", b"file", b"exec", b"pkg", b"systemd", b"setmetatable",
         b"require", b"load", b"pcall", b"select", b"coroutine", b"goto", b"continue"]
ANNOTATIONS = [b"---@param x fun(", b"---@param", b"---@param x", b"---@param x fun(a: integer",
               b"---@type table<", b"---@type table<string,", b"---@type fun(): ",
               b"---@type string|", b"---@type (", b"---@type {", b"---@type { a: ",
               b"---@return", b"---@return integer, ", b"---@class", b"---@class A : ",
               b"---@class A : A", b"---@field", b"---@field x", b"---@field [", b"---@alias",
               b"---@alias A A", b"---@alias A B\n---@alias B A", b"---@generic", b"---@generic T :",
               b"---@overload fun(", b"---@overload", b"---@vararg", b"---@cast", b"---@cast x",
               b"---@enum", b"---@diagnostic disable", b"---@meta", b"---@type x[][][][][]",
               b"---@type `lit", b"---@type \"unterminated", b"---@param x? ", b"---@type " + b"(" * 3000,
               b"---@type " + b"table<" * 3000, b"---@type fun(" * 2000,
               b"-- sloth: ignore", b"-- sloth: ignore ,,,", b"-- sloth: ignore-file", b"-- sloth:"]


def lua_tokens(data):
    """The source cut into (start, end, kind) spans; concatenated they give `data` back."""
    spans = []
    for m in LUA_TOKEN.finditer(data):
        kind = m.lastgroup
        if kind in ("ceq", "leq"):
            kind = "comment" if m.group("comment") else "long"
        spans.append((m.start(), m.end(), kind))
    return spans


def nesting(rng):
    """10 000 levels of one construct, balanced or cut short."""
    n = rng.choice([200, 1000, 10000, 20000])
    kind = rng.randrange(9)
    if kind == 0:
        body = b"(" * n + b"1" + b")" * n
    elif kind == 1:
        body = b"{" * n + b"1" + b"}" * n
    elif kind == 2:
        body = b"function() return " * n + b"1" + b" end" * n
    elif kind == 3:
        return b"if x then " * n + b"print(1)" + b" end" * n + b"\n"
    elif kind == 4:
        return b"do " * n + b" end" * n + b"\n"
    elif kind == 5:
        body = b"-" * n + b"1"
    elif kind == 6:
        body = b"1" + b" .. 1" * n
    elif kind == 7:
        body = b"x" + b".a" * n + b"[1]" * n + b"()" * n
    else:
        return b"while x do " * n + b"repeat " * n + b"until x " * n + b" end" * n + b"\n"
    if rng.random() < 0.3:
        body = body[: rng.randrange(len(body))]
    return b"local v = " + body + b"\n"


def huge(rng):
    kind = rng.randrange(12)
    if kind == 0:
        return b"9" * rng.choice([20, 400, 5000, 100000])
    if kind == 1:
        return b"0x" + b"f" * rng.choice([17, 400, 5000])
    if kind == 2:
        return b"1e" + rng.choice([b"99999", b"-99999", b"9" * 400, b"+"])
    if kind == 3:
        return b"0x1p" + rng.choice([b"99999", b"-99999", b"9" * 400, b""])
    if kind == 4:
        return b'"' + b"a" * rng.choice([100000, 3000000]) + b'"'
    if kind == 5:
        return b'"' + rng.choice([b"\\u{7FFFFFFF}", b"\\u{80000000}", b"\\u{", b"\\u{110000}",
                                  b"\\999", b"\\x", b"\\xZZ", b"\\z", b"\\", b"\\q", b"\\u{" + b"0" * 500 + b"1}"]) + b'"'
    if kind == 6:
        return b"[" + b"=" * rng.choice([1, 200, 5000]) + b"[" + b"x" * 100
    if kind == 7:
        return b"--[" + b"=" * rng.choice([0, 3, 5000]) + b"[ unterminated"
    if kind == 8:
        return b"0x." + b"0" * 5000 + b"1p-" + b"9" * 10
    if kind == 9:
        return b"." + b"0" * 5000 + b"1e-400"
    if kind == 10:
        return b"9223372036854775808" if rng.random() < 0.5 else b"-9223372036854775808 // -1"
    return b"math.mininteger % -1, math.mininteger // -1, 1 // 0, 1 % 0"


def bad_bytes(rng):
    return rng.choice([b"\x00", b"\xff", b"\xc0\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80",
                       b"\xe2\x82", b"\xef\xbb\xbf", b"\r", b"\r\n", b"\x0b\x0c", b"\x1b", b"\t",
                       bytes(rng.randrange(256) for _ in range(rng.randrange(1, 8)))])


def random_insert(rng):
    pick = rng.random()
    if pick < 0.3:
        return rng.choice(KEYWORDS)
    if pick < 0.6:
        return rng.choice(OPERATORS)
    if pick < 0.75:
        return rng.choice(NAMES)
    if pick < 0.85:
        return b"\n" + rng.choice(ANNOTATIONS) + b"\n"
    if pick < 0.95:
        return bad_bytes(rng)
    return huge(rng)


def mutate_lua(data, rng, corpus):
    """One to four token-level mutations of a Lua source."""
    for _ in range(rng.choice([1, 1, 1, 2, 3, 4])):
        spans = [s for s in lua_tokens(data) if s[2] != "ws"] or [(0, 0, "ws")]
        op = rng.randrange(12)
        a = rng.choice(spans)
        b = rng.choice(spans)
        if op == 0:  # truncate at a token boundary
            data = data[: a[rng.choice([0, 1])]]
        elif op == 1:  # delete one or a run of tokens
            end = spans[min(len(spans) - 1, spans.index(a) + rng.choice([0, 0, 1, 5]))][1]
            data = data[: a[0]] + data[end:]
        elif op == 2:  # duplicate
            data = data[: a[1]] + b" " + data[a[0]: a[1]] + data[a[1]:]
        elif op == 3:  # swap two tokens
            if a[0] > b[0]:
                a, b = b, a
            if a[1] <= b[0]:
                data = data[: a[0]] + data[b[0]: b[1]] + data[a[1]: b[0]] + data[a[0]: a[1]] + data[b[1]:]
        elif op in (4, 5, 6):  # insert a keyword, operator, bracket, annotation, bad bytes
            at = a[rng.choice([0, 1])]
            data = data[:at] + b" " + random_insert(rng) + b" " + data[at:]
        elif op == 7:  # deep nesting at a line start
            at = data.rfind(b"\n", 0, a[0]) + 1
            data = data[:at] + nesting(rng) + data[at:]
        elif op == 8:  # a huge or odd literal in place of a token
            data = data[: a[0]] + huge(rng) + data[a[1]:]
        elif op == 9:  # splice a run of another seed's tokens
            other = rng.choice(corpus)
            o = lua_tokens(other)
            if o:
                i = rng.randrange(len(o))
                j = min(len(o) - 1, i + rng.randrange(1, 40))
                data = data[: a[0]] + other[o[i][0]: o[j][1]] + data[a[0]:]
        elif op == 10:  # replace a token's text by another token's text
            data = data[: a[0]] + data[b[0]: b[1]] + data[a[1]:]
        else:  # raw byte damage anywhere (may split a token)
            if data:
                at = rng.randrange(len(data))
                data = data[:at] + bad_bytes(rng) + data[at + rng.randrange(2):]
    return data


# ---------------------------------------------------------------------------------------------
# YAML: task files and --values files. Line-level damage plus YAML's own special characters.
YAML_INSERTS = [b"&a", b"*a", b"*nope", b"!!str", b"!!binary", b"!tag", b"? ", b"{", b"}", b"[", b"]",
                b"|", b">", b"|-", b"|+", b">2", b"|9", b"---", b"...", b"\t", b"%YAML 1.2", b"%TAG",
                b"- ", b": ", b"#", b"'", b'"', b"\\", b"<<: *a", b"null", b"~", b".inf", b"-.nan",
                b"0x1F", b"0o17", b"1e999", b"99999999999999999999999", b"yes", b"no", b"@", b"`", b",",
                b"name:", b"tasks:", b"exec:", b"script:", b"command:", b"depends_on:", b"timeout: -1",
                b"timeout: 1h99x", b"retries: 1e10", b"retries: -5", b"config:", b"max_parallel_tasks: 0",
                b"fail_fast: maybe", b"user: root", b"workdir: /", b"description: [",
                b"script: |\n      " + b"(" * 3000]
TASK_KEYS = [b"name", b"description", b"depends_on", b"timeout", b"retries", b"workdir", b"user", b"exec",
             b"script", b"command", b"config", b"tasks", b"version", b"max_parallel_tasks", b"fail_fast"]


def mutate_yaml(data, rng, corpus):
    lines = data.split(b"\n")
    for _ in range(rng.choice([1, 1, 2, 3, 5])):
        if not lines:
            lines = [b""]
        i = rng.randrange(len(lines))
        op = rng.randrange(10)
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif op == 2:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3:  # indentation
            lines[i] = b" " * rng.choice([0, 1, 2, 3, 4, 8, 40]) + lines[i].lstrip()
        elif op == 4:
            at = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:at] + rng.choice(YAML_INSERTS) + lines[i][at:]
        elif op == 5:
            lines = lines[:i]
        elif op == 6:  # the Lua inside a script: mutate it like Lua
            lines[i] = mutate_lua(lines[i], rng, corpus)
        elif op == 7:
            lines[i] = lines[i] + bad_bytes(rng)
        elif op == 8:  # deep YAML nesting
            n = rng.choice([100, 1000, 10000])
            lines.insert(i, rng.choice([b"x: " + b"[" * n, b"x: " + b"{a: " * n, b"- " * n + b"a",
                                        b"x: " + b"[" * n + b"]" * n,
                                        b"\n".join(b" " * k + b"k:" for k in range(0, n, 2))]))
        else:
            lines[i] = re.sub(rb"[A-Za-z_]+", lambda m: rng.choice(TASK_KEYS), lines[i], count=1)
    return b"\n".join(lines)


def random_task_yaml(rng):
    """A task file built from the keys of docs/yaml-tasks.md with random values."""
    def scalar():
        return rng.choice([b"1", b"-1", b"0", b"1.5", b"true", b"null", b"x", b'"q"', b"5m", b"1h30m",
                           b"[]", b"{}", b"[a, b]", b"{a: 1}", b"''", b"90s", b"1e400", b"~"])
    out = []
    if rng.random() < 0.7:
        out.append(b"name: " + rng.choice([b"web", b"", b"1", b"[x]", b"a b"]))
    if rng.random() < 0.4:
        out.append(b"config:\n  max_parallel_tasks: " + scalar() + b"\n  timeout: " + scalar()
                   + b"\n  fail_fast: " + scalar())
    out.append(b"tasks:" + rng.choice([b"", b"", b" []", b" {}", b" 1"]))
    names = [b"a", b"b", b"c", b"a"]
    for _ in range(rng.randrange(0, 5)):
        t = [b"  - name: " + rng.choice(names)]
        for key in rng.sample([b"description", b"depends_on", b"timeout", b"retries", b"workdir", b"user"],
                              rng.randrange(0, 4)):
            value = rng.choice(names) if key == b"depends_on" and rng.random() < 0.5 else scalar()
            t.append(b"    " + key + b": " + value)
        kind = rng.randrange(4)
        if kind == 0:
            t.append(b"    exec:\n      script: |\n        print(params, this.name)\n        return true, 'ok'")
        elif kind == 1:
            t.append(b"    exec:\n      command: " + rng.choice([b"true", b"false", b"", b"[1]"]))
        elif kind == 2:
            t.append(b"    exec: " + scalar())
        out.extend(t)
    return b"\n".join(out) + b"\n"


def random_values_yaml(rng, depth=0):
    """A --values document: maps, lists and scalars, sometimes not a map at all."""
    if depth == 0 and rng.random() < 0.2:
        return rng.choice([b"", b"- 1\n- 2\n", b"42\n", b"~\n", b"---\n---\n", b"a: 1\n---\nb: 2\n",
                           b"[1, 2\n", b"{a: \n", b"a: &x [*x]\n", b"&a a: *a\n", b"? [1]\n: 2\n",
                           b"a: !!binary xyz\n", b"\xff\xfe\n", b"a:\tb\n", b"a: 1\na: 2\n"])
    out = []
    for k in range(rng.randrange(1, 5)):
        key = rng.choice([b"app", b"db", b"hosts", b"x", b"1", b"true", b"", b"a.b", b"'k'", b"[k]", b"?"])
        indent = b"  " * depth
        kind = rng.randrange(5)
        if kind == 0 and depth < 6:
            out.append(indent + key + b":\n" + random_values_yaml(rng, depth + 1))
        elif kind == 1:
            out.append(indent + key + b":\n" + b"".join(indent + b"  - " + rng.choice(YAML_INSERTS[25:40]) + b"\n"
                                                         for _ in range(rng.randrange(0, 3))))
        else:
            out.append(indent + key + b": " + rng.choice(YAML_INSERTS) + b"\n")
    text = b"".join(out)
    if depth == 0 and rng.random() < 0.5:
        text = mutate_yaml(text, rng, [text])
    return text


# ---------------------------------------------------------------------------------------------
# sloth.toml for slothc check (docs/cli.md "Configuration").
TOML_PIECES = [b"[check]", b"[check.severity]", b"[check", b"[[check]]", b"[other]", b"[check.severity.x]",
               b"globals = [\"inventory\", \"vault\"]", b"globals = \"x\"", b"globals = [1, 2]", b"globals = [",
               b"exclude = [\"vendor\", \"*.gen.lua\", \"lib/**/old-*.lua\"]", b"exclude = [\"[\"]",
               b"exclude = [\"**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/x\"]",
               b"exclude = [\"\"]", b"exclude = [\"/\"]", b"exclude = [\"../../..\"]", b"exclude = [\"\\\\\"]",
               b"unused-local = \"off\"", b"unused-local = \"loud\"", b"missing-build = \"error\"",
               b"undefined-global = 1", b"nosuch-code = \"off\"", b"\"quoted key\" = \"off\"",
               b"a.b.c = 1", b"x = '''", b"x = \"\"\"", b"x = \"\\u00\"", b"x = \"\\uD800\"",
               b"x = 1979-05-27T07:32:00Z", b"x = 0x_1", b"x = inf", b"x = nan", b"x = { a = 1, b = { c = [] } }",
               b"x = [[[[[[[[[[" * 100, b"x = " + b"[" * 10000 + b"]" * 10000, b"x = " + b"{a=" * 5000,
               b"x = 99999999999999999999999", b"x = true", b"x = tru", b"=", b"x =", b"x = 1 # c",
               b"# only a comment", b"x = \"a\" \"b\"", b"\x00", b"\xff", b"x = \"\xff\"", b"globals = []",
               b"globals = [\"a\",]", b"check = 1", b"[check]\n[check]"]


def random_toml(rng):
    lines = [rng.choice(TOML_PIECES) for _ in range(rng.randrange(1, 8))]
    if rng.random() < 0.5:
        lines.insert(0, b"[check]")
    text = b"\n".join(lines) + rng.choice([b"\n", b""])
    if rng.random() < 0.3 and text:
        at = rng.randrange(len(text))
        text = text[:at] + rng.choice([b"\"", b"'", b"[", b"]", b"=", b"\n", b"\x00", b"{", b"\\"]) + text[at + 1:]
    return text


# ---------------------------------------------------------------------------------------------
# Bundles: damage a good bundle, then reseal the CRC-32 so only the bytecode verifier stands
# between the bytes and the VM (docs/bundle-format.md, "What the loader refuses").
def reseal(data):
    if len(data) >= 32:
        crc = zlib.crc32(bytes(data[32:]), zlib.crc32(bytes(data[:28])))
        data[28:32] = struct.pack("<I", crc)
    return data


def mutate_bundle(data, rng):
    data = bytearray(data)
    for _ in range(rng.choice([1, 1, 2, 4, 8])):
        if len(data) <= 33:
            break
        at = rng.randrange(32, len(data))
        op = rng.randrange(5)
        if op == 0:
            data[at] ^= 1 << rng.randrange(8)
        elif op == 1:
            data[at] = rng.choice([0, 1, 0x7F, 0x80, 0xFF, rng.randrange(256)])
        elif op == 2:
            del data[at: at + rng.randrange(1, 4)]
        elif op == 3:
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4)))
        else:  # a little-endian 32-bit word: where instructions live
            at -= at % 4
            data[at: at + 4] = struct.pack("<I", rng.getrandbits(32))
    if rng.random() < 0.9:
        reseal(data)
    return bytes(data)


# Structure-aware damage: the payload is parsed (docs/bundle-format.md, "Layout") so a count or a
# length can lie (2^32 instructions, a 2^63-byte string), the metadata JSON can hold values of the
# wrong type (what `sloth list` reads without running anything), or the header can disagree with
# the file. The checksum is always resealed: these must be refused by what reads the fields.
def read_varint(data, i):
    value, shift = 0, 0
    while True:
        if i >= len(data):
            raise ValueError("truncated varint")
        c = data[i]
        i += 1
        value |= (c & 0x7F) << shift
        shift += 7
        if not c & 0x80:
            return value, i


def varint(value):
    out = bytearray()
    while True:
        c, value = value & 0x7F, value >> 7
        out.append(c | 0x80 if value else c)
        if not value:
            return bytes(out)


def bundle_fields(data):
    """(start, end, name) of every count, length and small field of a script bundle's payload."""
    spots = []

    def field(i, name):
        _, j = read_varint(data, i)
        spots.append((i, j, name))
        return j

    def string(i, name):
        n, j = read_varint(data, i)
        spots.append((i, j, name))
        return j + n

    def function(i):
        i = string(i, "source")
        i = field(field(i, "linedefined"), "lastlinedefined")
        spots.extend([(i, i + 1, "u8"), (i + 1, i + 2, "u8"), (i + 2, i + 3, "u8")])
        n, j = read_varint(data, i + 3)
        spots.append((i + 3, j, "code"))
        i = j + 4 * n
        n, j = read_varint(data, i)
        spots.append((i, j, "constants"))
        i = j
        for _ in range(n):
            spots.append((i, i + 1, "u8"))
            tag, i = data[i], i + 1
            i = i + 8 if tag in (3, 4) else string(i, "constant") if tag == 5 else i
        n, j = read_varint(data, i)
        spots.append((i, j, "upvalues"))
        i = j
        for _ in range(n):
            spots.extend([(i, i + 1, "u8"), (i + 1, i + 2, "u8"), (i + 2, i + 3, "u8")])
            i = string(i + 3, "upvalue name")
        n, j = read_varint(data, i)
        spots.append((i, j, "functions"))
        i = j
        for _ in range(n):
            i = function(i)
        n, j = read_varint(data, i)
        spots.append((i, j, "lines"))
        i = j
        for _ in range(n):
            i = field(i, "line")
        n, j = read_varint(data, i)
        spots.append((i, j, "locals"))
        i = j
        for _ in range(n):
            i = field(field(string(i, "local name"), "startpc"), "endpc")
        return i

    function(string(string(32, "metadata"), "source text"))
    return spots


HOSTILE_JSON = [None, True, False, 0, -1, 1e308, 2 ** 64, -2 ** 63, 3.5, "", "?", "x" * 100000, "\u0000",
                "\x01\x02", [], {}, [None], [1, 2], {"a": 1}, [[[[[]]]]], "1h99x", "-5m", ["a", "a"], ["nosuch"],
                {"kind": "shell"}, {"kind": "function"}, {"kind": 5}, {"kind": "shell", "shell": 5}, {"kind": []}]


def mutate_metadata(text, rng):
    """Values of the wrong type, deleted keys, repeated entries, or a document that is not JSON."""
    pick = rng.random()
    if pick < 0.05:
        return b'{"version":1,"workflows":' + b"[" * 20000 + b"]" * 20000 + b"}"
    if pick < 0.1:
        return (b'{"version":1,"complete":true,"workflows":[' +
                b",".join(b'{"name":"w%d","tasks":[]}' % i for i in range(20000)) + b"]}")
    try:
        doc = json.loads(text)
    except ValueError:
        return text
    paths = []

    def walk(value, path):
        paths.append(path)
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
        for k, v in items:
            walk(v, path + [k])
    walk(doc, [])
    for _ in range(rng.choice([1, 1, 2, 4])):
        path = rng.choice(paths)
        if not path:
            continue
        parent = doc
        try:
            for k in path[:-1]:
                parent = parent[k]
            op = rng.randrange(5)
            if op == 0 and isinstance(parent, dict):
                del parent[path[-1]]
            elif op == 1 and isinstance(parent, list):
                parent.extend([parent[path[-1]]] * rng.choice([1, 2, 1000]))
            else:
                parent[path[-1]] = rng.choice(HOSTILE_JSON)
        except (KeyError, IndexError, TypeError):
            pass
    out = json.dumps(doc).encode()
    if pick > 0.95:
        out = out[: rng.randrange(len(out) + 1)]
    return out


def mutate_bundle_fields(data, rng):
    data = bytearray(data)
    try:
        spots = bundle_fields(bytes(data))
    except (ValueError, IndexError):
        return bytes(data)
    kind = rng.randrange(4)
    if kind == 0:  # one count, length or byte field lies
        start, end, name = rng.choice(spots)
        if name == "u8":
            data[start] = rng.choice([0, 1, 2, 6, 7, 0x7F, 0x80, 0xFE, 0xFF])
        else:
            data[start:end] = varint(rng.choice([0, 1, 2, 127, 128, 255, 256, 65535, 1 << 31, (1 << 32) - 1, 1 << 32,
                                                 1 << 63, (1 << 64) - 1, 1 << 70,
                                                 rng.randrange(1 << rng.choice([3, 8, 16, 35]))]))
    elif kind == 1:  # the metadata JSON
        n, j = read_varint(data, 32)
        meta = mutate_metadata(bytes(data[j:j + n]), rng)
        data[32:j + n] = varint(len(meta)) + meta
    elif kind == 2:  # the source text (run-time errors quote lines from it)
        n, j = read_varint(data, 32)
        m, k = read_varint(data, j + n)
        src = bytes(data[k:k + m])
        text = rng.choice([b"", b"\n" * 100000, src[: len(src) // 2], src + b"\xff\x00", b"x"])
        data[j + n:k + m] = varint(len(text)) + text
    else:  # a header field
        at = rng.choice([8, 12, 13, 14, 16])
        data[at] = rng.choice([0, 2, 3, 0x80, 0xFF])
    if rng.random() < 0.1:
        data = data[: rng.randrange(32, len(data))]
    if len(data) >= 32:
        data[24:28] = struct.pack("<I", len(data) - 32)
    if rng.random() < 0.05 and len(data) >= 32:  # the announced size lies
        data[24:28] = struct.pack("<I", rng.choice([0, len(data) - 31, len(data) - 33, 0x7FFFFFFF, 0xFFFFFFFF]))
    return bytes(reseal(data))


def random_workflow_script(rng):
    """A script with tasks and workflows, so its bundle carries metadata worth damaging. The task
    commands only print; shell commands are `true`."""
    names = [b"a", b"b", b"c", b"d"]
    lines = []
    count = rng.randrange(1, 5)
    for i in range(count):
        t = b"local t%d = task(\"%s\")" % (i, names[i])
        if rng.random() < 0.5:
            t += b":description(\"step %d\")" % i
        if i and rng.random() < 0.6:
            t += b":depends_on(\"%s\")" % names[rng.randrange(i)]
        for setting in rng.sample([b":timeout(\"5m\")", b":retries(2)", b":workdir(\"/tmp\")",
                                   b":params({env = \"prod\", hosts = {\"a\", \"b\"}, n = 3})",
                                   b":run_if(\"true\")", b":on_failure(function() end)"], rng.randrange(0, 3)):
            t += setting
        t += rng.choice([b":command(function() print(%d) end)" % i, b":command(\"true\")"])
        lines.append(t + b":build()")
    tasks = b", ".join(b"t%d" % i for i in range(count))
    lines.append(b"workflow.define(\"w\"):description(\"flow\"):tasks({%s})" % tasks
                 + rng.choice([b"", b":config({max_parallel_tasks = 2, fail_fast = true})"]))
    if rng.random() < 0.3:
        lines.append(b"workflow.define(\"other\", {tasks = {%s}})" % tasks)
    return b"\n".join(lines) + b"\n"


# ---------------------------------------------------------------------------------------------
# Running commands and judging the outcome.
SANDBOX = (b"do local keep = {string=1, table=1, math=1, utf8=1, print=1, pairs=1, ipairs=1, select=1, "
           b"type=1, tostring=1, tonumber=1, error=1, pcall=1, xpcall=1, assert=1, setmetatable=1, "
           b"getmetatable=1, rawget=1, rawset=1, rawequal=1, rawlen=1, next=1, coroutine=1, _G=1, "
           b"load=1, collectgarbage=1, _VERSION=1} local t = os.time; local c = os.clock; "
           b"for k in pairs(_G) do if not keep[k] then _G[k] = nil end end; _G.os = {time = t, clock = c} end ")


def limit_child():
    if MEMORY_LIMIT:  # 0 for AddressSanitizer builds, which reserve terabytes of address space
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    os.setsid()


class Outcome:
    def __init__(self, argv, rc, out, err, timed_out):
        self.argv, self.rc, self.out, self.err, self.timed_out = argv, rc, out, err, timed_out


def run(argv, cwd, env, timeout, stdin=None):
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL if stdin is None else subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=limit_child)
    try:
        out, err = proc.communicate(stdin, timeout=timeout)
        return Outcome(argv, proc.returncode, out, err, False)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        return Outcome(argv, proc.returncode, out, err, True)


def located(err, names, need_column):
    """Does the error output say where: NAME:LINE[:COL] for one of the names (a|b)?"""
    pattern = rb"(?:" + b"|".join(re.escape(n.encode()) for n in names.split("|")) + rb")" + \
        (rb":\d+:\d+" if need_column else rb":\d+")
    return re.search(pattern, err) is not None


def judge(outcome, name, need_column, key_ok=False):
    """None when the outcome is acceptable, else a one-line reason."""
    if outcome.timed_out:
        return "timeout"
    rc = outcome.rc
    if rc < 0 or rc >= 128:
        return "signal %d" % (-rc if rc < 0 else rc - 128)
    if rc not in DOCUMENTED_EXIT:
        return "exit status %d (documented: 0, 1, 2)" % rc
    if b"AddressSanitizer" in outcome.err or b"runtime error:" in outcome.err:
        return "sanitizer report"
    if rc != 0:
        if not outcome.err.strip():
            return "exit %d with nothing on stderr" % rc
        if not located(outcome.err, name, need_column):
            if key_ok and (re.search(rb"'[^']+'|\"[^\"]+\"|key", outcome.err)
                           or any(n.encode() + b":" in outcome.err for n in name.split("|"))):
                return None
            return "exit %d without %s in the message" % (rc, name + (":LINE:COL" if need_column else ":LINE"))
    return None


class Fuzzer:
    def __init__(self, args):
        self.args = args
        args.bin = os.path.abspath(args.bin)
        self.slothc = os.path.join(args.bin, "slothc", "slothc") if os.path.isdir(os.path.join(args.bin, "slothc")) \
            else os.path.join(args.bin, "slothc")
        self.sloth = os.path.join(args.bin, "sloth", "sloth") if os.path.isdir(os.path.join(args.bin, "sloth")) \
            else os.path.join(args.bin, "sloth")
        self.lua = shutil.which("lua5.4")
        self.out = args.out
        os.makedirs(self.out, exist_ok=True)
        self.failures = 0
        self.counts = {}
        self.load_corpus()

    def load_corpus(self):
        lua, yaml = [], []
        roots = [(REPO, True), ("/usr", False)]
        for root, repo in roots:
            for dirpath, dirnames, filenames in os.walk(root):
                dirnames[:] = [d for d in dirnames if not d.startswith(".") and not (repo and d.startswith("build"))]
                for f in filenames:
                    path = os.path.join(dirpath, f)
                    if f.endswith((".lua", ".sloth")) and (repo or f.endswith(".lua")):
                        lua.append(path)
                    elif repo and f.endswith((".yaml", ".yml")):
                        yaml.append(path)
        read = lambda p: open(p, "rb").read()
        self.lua_seeds = sorted(lua)
        self.lua_corpus = [read(p) for p in self.lua_seeds if os.path.getsize(p) < 200000]
        self.yaml_corpus = [read(p) for p in sorted(yaml)]
        # Plain Lua for `sloth run`: no modules, no os/io, nothing that reads or writes files.
        risky = re.compile(rb"\b(os|io|exec|file|pkg|systemd|net|http|user|cron|service|template|require|"
                           rb"dofile|loadfile|package|debug|state|secret|docker|git|task|workflow|command|shell|run_if|sh)\b")
        self.plain_corpus = [s for s in self.lua_corpus if not risky.search(s) and len(s) < 20000]

    def env(self, scratch):
        env = {"PATH": "/usr/bin:/bin", "HOME": scratch, "SLOTH_HOME": os.path.join(scratch, "home"),
               "NO_COLOR": "1", "LANG": "C.UTF-8", "TMPDIR": scratch}
        return env

    def count(self, command):
        self.counts[command] = self.counts.get(command, 0) + 1

    def record(self, case, scratch, files, outcome, reason):
        self.failures += 1
        dest = os.path.join(self.out, "fail-%06d" % case)
        shutil.rmtree(dest, ignore_errors=True)
        os.makedirs(dest)
        for f in files:
            shutil.copy(os.path.join(scratch, f), dest)
        with open(os.path.join(dest, "REPORT"), "wb") as r:
            r.write(("case %d (--seed %d): %s\ncd %s && %s\n--- exit %s\n--- stderr (first 4 KB)\n" % (
                case, self.args.seed, reason, "SCRATCH", " ".join(outcome.argv), outcome.rc)).encode())
            r.write(outcome.err[:4096])
        print("FAIL case %d: %s: %s -> %s" % (case, reason, " ".join(os.path.basename(a) for a in outcome.argv[:3]),
                                             dest), flush=True)

    def check(self, case, scratch, files, argv, name, need_column, key_ok=False, timeout=None, lua_ok=None,
              failed_run_ok=False):
        outcome = run(argv, scratch, self.env(scratch), timeout or self.args.timeout)
        self.count(" ".join(os.path.basename(a) if i == 0 else a for i, a in enumerate(argv[:2])))
        reason = judge(outcome, name, need_column, key_ok)
        if failed_run_ok and outcome.rc == 1 and b"workflow '" in outcome.out:
            reason = None  # a task failed and the run says so on stdout: the program's doing
        if reason == "timeout" and lua_ok is not None and not lua_ok():
            reason = None  # lua5.4 does not finish this program either: a loop, not a hang
        if reason:
            self.record(case, scratch, files, outcome, reason)
        return outcome

    # One case per target ------------------------------------------------------------------
    def case_lua(self, case, rng, scratch):
        seed = rng.choice(self.lua_corpus)
        ext = rng.choice([".lua", ".lua", ".sloth"])
        name = "case" + ext
        data = mutate_lua(seed, rng, self.lua_corpus)
        open(os.path.join(scratch, name), "wb").write(data)
        files = [name]
        c = self.check(case, scratch, files, [self.slothc, "check", name], name, True)
        which = rng.randrange(3)
        if which == 0:
            self.check(case, scratch, files, [self.slothc, "plan", name], name, True)
        elif which == 1:
            self.check(case, scratch, files, [self.slothc, "dis", name], name, True)
        else:
            b = self.check(case, scratch, files, [self.slothc, "build", name, "-o", "case.slothb"], name, True)
            if b.rc == 0 and os.path.exists(os.path.join(scratch, "case.slothb")):
                self.check(case, scratch, files, [self.slothc, "dis", "case.slothb"], "case.slothb", False, key_ok=True)
        return c

    def case_run(self, case, rng, scratch):
        """A mutated plain-Lua program that passes slothc check, run sandboxed; lua5.4 decides hangs."""
        for _ in range(20):
            seed = rng.choice(self.plain_corpus)
            data = mutate_lua(seed, rng, self.plain_corpus) if rng.random() < 0.8 else seed
            data = re.sub(rb"\A#![^\n]*", b"", data)
            open(os.path.join(scratch, "case.lua"), "wb").write(data)
            c = run([self.slothc, "check", "--syntax-only", "case.lua"], scratch, self.env(scratch), self.args.timeout)
            if c.rc == 0:
                break
        else:
            return
        sandboxed = SANDBOX + data
        open(os.path.join(scratch, "case.lua"), "wb").write(sandboxed)
        files = ["case.lua"]

        def lua_finishes():
            if not self.lua:
                return True
            o = run([self.lua, "case.lua"], scratch, self.env(scratch), self.args.timeout)
            return not o.timed_out

        if rng.random() < 0.5:
            self.check(case, scratch, files, [self.sloth, "run", "case.lua"], "case.lua", False, lua_ok=lua_finishes)
        else:
            b = self.check(case, scratch, files, [self.slothc, "build", "case.lua", "-o", "case.slothb"], "case.lua", True)
            if b.rc == 0:
                self.check(case, scratch, files + ["case.slothb"], [self.sloth, "run", "case.slothb"], "case.lua",
                           False, lua_ok=lua_finishes)

    def case_yaml(self, case, rng, scratch):
        seed = rng.choice(self.yaml_corpus) if self.yaml_corpus and rng.random() < 0.6 else random_task_yaml(rng)
        data = mutate_yaml(seed, rng, self.lua_corpus) if rng.random() < 0.8 else seed
        name = "case.yaml"
        open(os.path.join(scratch, name), "wb").write(data)
        files = [name]
        self.check(case, scratch, files, [self.slothc, "check", name], name, True, key_ok=True)
        self.check(case, scratch, files, [self.sloth, "list", name], name, False, key_ok=True)
        pick = rng.randrange(3)
        if pick == 0:
            self.check(case, scratch, files, [self.slothc, "plan", name], name, False, key_ok=True)
        elif pick == 1:
            b = self.check(case, scratch, files, [self.slothc, "build", name, "-o", "case.slothb"], name, False, key_ok=True)
            if b.rc == 0:
                self.check(case, scratch, files + ["case.slothb"], [self.sloth, "list", "case.slothb"], name, False,
                           key_ok=True)
        else:
            self.check(case, scratch, files, [self.slothc, "dis", name], name, False, key_ok=True)

    def case_values(self, case, rng, scratch):
        script = (b"local t = task('show'):params({a = 1}):command(function(this, params)\n"
                  b"  local n = 0\n  local function walk(v, d) if d > 50 then return end n = n + 1\n"
                  b"    if type(v) == 'table' then for k, x in pairs(v) do walk(k, d + 1) walk(x, d + 1) end end end\n"
                  b"  walk(params, 0)\n  print(n)\nend):build()\nworkflow.define('w'):tasks({ t })\n")
        open(os.path.join(scratch, "flow.sloth"), "wb").write(script)
        open(os.path.join(scratch, "values.yaml"), "wb").write(random_values_yaml(rng))
        argv = [self.sloth, "run", "flow.sloth", "--values", "values.yaml"]
        for _ in range(rng.randrange(0, 3)):
            argv += ["--set", rng.choice(["a=1", "a.b.c=2", "=", "a=", ".=x", "a..b=1", "a.=1", "x=[1", "y={",
                                          "z=&a", "q=*a", "k=" + "[" * 1000, "1.2.3=4", "a=!!binary x"])]
        self.check(case, scratch, ["flow.sloth", "values.yaml"], argv, "values.yaml", False, key_ok=True)

    def case_toml(self, case, rng, scratch):
        open(os.path.join(scratch, "sloth.toml"), "wb").write(random_toml(rng))
        os.makedirs(os.path.join(scratch, "src", "vendor"), exist_ok=True)
        open(os.path.join(scratch, "src", "a.lua"), "wb").write(b"local unused = inventory\nprint(vault)\n")
        open(os.path.join(scratch, "src", "vendor", "b.lua"), "wb").write(b"print(x)\n")
        argv = [self.slothc, "check", rng.choice([".", "src", "src/a.lua"])]
        outcome = run(argv, scratch, self.env(scratch), self.args.timeout)
        self.count("slothc check (sloth.toml)")
        reason = judge(outcome, "sloth.toml", True)
        if reason and outcome.rc == 1 and re.search(rb"a\.lua:\d+:\d+", outcome.err):
            reason = None  # the config is fine; the script has findings
        if reason:
            self.record(case, scratch, ["sloth.toml"], outcome, reason)

    def case_bundle(self, case, rng, scratch):
        if rng.random() < 0.5:
            return self.case_bundle_fields(case, rng, scratch)
        seed = SANDBOX + re.sub(rb"\A#![^\n]*", b"", rng.choice(self.plain_corpus))
        open(os.path.join(scratch, "seed.lua"), "wb").write(seed)
        b = run([self.slothc, "build", "seed.lua", "-o", "good.slothb"], scratch, self.env(scratch), self.args.timeout)
        if b.rc != 0:
            return
        data = mutate_bundle(open(os.path.join(scratch, "good.slothb"), "rb").read(), rng)
        open(os.path.join(scratch, "case.slothb"), "wb").write(data)
        files = ["seed.lua", "case.slothb"]
        self.check(case, scratch, files, [self.slothc, "dis", "case.slothb"], "case.slothb", False, key_ok=True)
        self.check(case, scratch, files, [self.sloth, "list", "case.slothb"], "case.slothb", False, key_ok=True)
        # A hang of the damaged bundle counts even though the original might loop: the seeds are
        # programs that terminate, and a loop the verifier let through is worth a look.
        self.check(case, scratch, files, [self.sloth, "run", "case.slothb"], "seed.lua|case.slothb", False,
                   key_ok=True)

    def case_bundle_fields(self, case, rng, scratch):
        """A workflow script's bundle with a lying count, length, header field or metadata value."""
        open(os.path.join(scratch, "flow.sloth"), "wb").write(random_workflow_script(rng))
        b = run([self.slothc, "build", "flow.sloth", "-o", "good.slothb"], scratch, self.env(scratch),
                self.args.timeout)
        if b.rc != 0:
            return
        data = mutate_bundle_fields(open(os.path.join(scratch, "good.slothb"), "rb").read(), rng)
        open(os.path.join(scratch, "case.slothb"), "wb").write(data)
        files = ["flow.sloth", "case.slothb"]
        for argv in (["list", "case.slothb"], ["list", "--format", "json", "case.slothb"]):
            self.check(case, scratch, files, [self.sloth] + argv, "case.slothb", False, key_ok=True)
        self.check(case, scratch, files, [self.slothc, "dis", "case.slothb"], "case.slothb", False, key_ok=True)
        # Dry run: the commands only print or are `true`, and a dry run does not even run those.
        self.check(case, scratch, files, [self.sloth, "run", "--dry-run", "case.slothb", "w"],
                   "flow.sloth|case.slothb", False, key_ok=True, failed_run_ok=True)

    def run_case(self, case):
        rng = random.Random("%d/%d" % (self.args.seed, case))
        target = self.args.targets[case % len(self.args.targets)]
        scratch = tempfile.mkdtemp(prefix="sloth-fuzz-", dir="/tmp")
        try:
            getattr(self, "case_" + target)(case, rng, scratch)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)


def main():
    global MEMORY_LIMIT
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--bin", default=os.path.join(REPO, "build", "tools"),
                   help="directory holding slothc/ and sloth/ (a build's tools/ folder)")
    p.add_argument("--cases", type=int, default=1000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--first", type=int, default=0, help="number of the first case (to replay one: --first N --cases 1)")
    p.add_argument("--targets", default="lua,run,yaml,values,toml,bundle",
                   help="comma-separated: lua (check/plan/build/dis), run, yaml, values, toml, bundle")
    p.add_argument("--timeout", type=float, default=10)
    p.add_argument("--out", default="/tmp/sloth-fuzz")
    p.add_argument("--memory-mb", type=int, default=MEMORY_LIMIT >> 20,
                   help="address-space limit of each command (0: none, for an AddressSanitizer build)")
    args = p.parse_args()
    MEMORY_LIMIT = args.memory_mb << 20
    args.targets = args.targets.split(",")
    fuzzer = Fuzzer(args)
    print("corpus: %d Lua files (%d plain), %d YAML files; %d cases from case %d, seed %d" % (
        len(fuzzer.lua_corpus), len(fuzzer.plain_corpus), len(fuzzer.yaml_corpus), args.cases, args.first, args.seed),
        flush=True)
    for case in range(args.first, args.first + args.cases):
        fuzzer.run_case(case)
        if (case + 1) % 100 == 0:
            print("... %d cases, %d failures" % (case + 1 - args.first, fuzzer.failures), flush=True)
    print("commands run:")
    for command, n in sorted(fuzzer.counts.items()):
        print("  %6d  %s" % (n, command))
    print("%d failures (in %s)" % (fuzzer.failures, args.out))
    return 1 if fuzzer.failures else 0


if __name__ == "__main__":
    sys.exit(main())
