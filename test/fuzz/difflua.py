#!/usr/bin/env python3
"""Differential test of sloth's compiler and VM against lua5.4 on random valid programs.

    test/fuzz/difflua.py --bin build/tools --cases 500 --seed 1 [--statements 40] [--out /tmp/sloth-difflua]

Each case is a random, deterministic Lua 5.4 program (integer/float arithmetic, comparisons, string
operations and coercions, table constructors, closures, varargs, multiple assignment, integer
division and modulo by negative numbers, string.format, numeric for loops). Every statement prints
its results, errors included (through pcall, so a program runs to its end). `sloth run` and
`lua5.4` run it; any difference in standard output or exit status is a mismatch. A mismatch is
shrunk to the fewest statements that still differ and written to OUT/mismatch-NNNN.lua with both
outputs. Error messages are compared after the `file:line:` prefix; a difference only in the
wording of an error message is reported separately (--messages to count those as mismatches).
Only the Python 3 standard library is used.
"""
import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

# Helpers every program starts with: a deterministic printer for tables and a few functions the
# statements call. They are themselves part of what is compared.
PRELUDE = r"""
local function show(v, depth)
  depth = depth or 0
  if type(v) == "table" and depth < 3 then
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys, function(a, b)
      local ta, tb = type(a), type(b)
      if ta ~= tb then return ta < tb end
      if ta == "number" or ta == "string" then return a < b end
      return tostring(ta) < tostring(tb)
    end)
    local parts = {}
    for _, k in ipairs(keys) do parts[#parts + 1] = "[" .. show(k, depth + 1) .. "]=" .. show(v[k], depth + 1) end
    return "{" .. table.concat(parts, ",") .. "}"
  elseif type(v) == "number" then
    return math.type(v) .. ":" .. tostring(v)
  elseif type(v) == "string" then
    return string.format("%q", v)
  elseif type(v) == "function" or type(v) == "table" or type(v) == "thread" then
    return type(v)
  end
  return tostring(v)
end
local function out(label, ok, ...)
  local n = select("#", ...)
  local parts = {}
  for i = 1, n do
    local v = select(i, ...)
    if not ok and i == 1 and type(v) == "string" then v = "ERR " .. v:gsub("^[^:]*:%d+: ", "") end
    parts[i] = ok and show(v) or tostring(v)
  end
  print(label, ok and "ok" or "error", n, table.concat(parts, " "))
end
local function va(...) return select("#", ...), ... end
local function three() return 1, "2", 3.0 end
local function none() end
local function mk(n) local c = n return function(d) c = c + (d or 1) return c end end
local mt = {__add = function(a, b) return "add" end, __concat = function(a, b) return "cat" end,
            __eq = function() return true end, __lt = function() return true end, __le = function() return false end,
            __index = function(t, k) return k end, __len = function() return 42 end, __call = function(self, x) return x end,
            __unm = function() return "unm" end, __tostring = function() return "obj" end}
local obj = setmetatable({}, mt)
"""

INTS = ["0", "1", "-1", "2", "3", "-3", "7", "-7", "10", "255", "1000000", "math.maxinteger", "math.mininteger",
        "9007199254740993", "-9223372036854775807", "0x7fffffffffffffff", "0xffffffffffffffff", "0x10", "1 << 62"]
FLOATS = ["0.0", "-0.0", "0.5", "-0.5", "1.5", "-2.5", "3.0", "1e15", "1e16", "1e100", "2^53", "2^63", "-2^63",
          "1/0", "-1/0", "3.14159", "0.1", "1e-310", "123456789012.0", "0x1p4", "0x.8", "5e-324", "math.pi",
          "math.huge", "-math.huge"]
STRINGS = ['"10"', '"0x10"', '" 5 "', '"abc"', '"1e2"', '"-3"', '"3.0"', '""', '"0"', '"1e"', '"  0x1p4  "',
           '"inf"', '"nan"', '"9223372036854775808"', '"\\0a"', '"ab\\tc"', '"\\u{48}\\x49"', '"9007199254740993"',
           '"abcabc"', "'%d'", '"-0"', '"1 2"', '"z"', '"Z"', '"é"']
MISC = ["nil", "true", "false", "{}", "{1, 2, 3}", "obj", "none", "print"]
ARITH = ["+", "-", "*", "/", "//", "%", "^"]
BITS = ["&", "|", "~", "<<", ">>"]
COMPARE = ["==", "~=", "<", "<=", ">", ">="]
DIV_OPS = ["//", "%"]


class Gen:
    def __init__(self, rng):
        self.rng = rng
        self.locals = []  # names of locals holding numbers or strings

    def atom(self):
        r = self.rng.random()
        if r < 0.3:
            return self.rng.choice(INTS)
        if r < 0.5:
            return self.rng.choice(FLOATS)
        if r < 0.7:
            return self.rng.choice(STRINGS)
        if r < 0.8 and self.locals:
            return self.rng.choice(self.locals)
        if r < 0.85:
            return self.rng.choice(MISC)
        return str(self.rng.randrange(-20, 21))

    def expr(self, depth=0):
        rng = self.rng
        if depth > 3 or rng.random() < 0.3:
            return self.atom()
        r = rng.random()
        a, b = self.expr(depth + 1), self.expr(depth + 1)
        if r < 0.3:
            return "(%s %s %s)" % (a, rng.choice(ARITH), b)
        if r < 0.4:
            return "(%s %s %s)" % (a, rng.choice(BITS), b)
        if r < 0.5:
            return "(%s %s %s)" % (a, rng.choice(COMPARE), b)
        if r < 0.58:
            return "(%s .. %s)" % (a, b)
        if r < 0.64:
            return "(%s %s %s)" % (a, rng.choice(["and", "or"]), b)
        if r < 0.7:
            # Spaced, so that `-` before a negative literal never makes a `--` comment.
            return "(%s %s)" % (rng.choice(["-", "not", "#", "~", "- -"]), a)
        if r < 0.85:
            return self.call(depth)
        if r < 0.92:
            return self.table(depth)
        return "(function(...) return %s end)(%s)" % (self.expr(depth + 1), ", ".join(self.expr(depth + 2) for _ in range(rng.randrange(3))))

    def call(self, depth):
        rng = self.rng
        e = lambda: self.expr(depth + 1)
        choices = [
            lambda: "math.tointeger(%s)" % e(), lambda: "math.type(%s)" % e(), lambda: "tonumber(%s)" % e(),
            lambda: "tonumber(%s, %s)" % (rng.choice(['"ff"', '"z"', '"10"', '"-101"', '" 11 "', '"8"']), rng.choice(["2", "16", "36", "10", "8"])),
            lambda: "tostring(%s)" % e(), lambda: "math.floor(%s)" % e(), lambda: "math.ceil(%s)" % e(),
            lambda: "math.abs(%s)" % e(), lambda: "math.fmod(%s, %s)" % (e(), e()), lambda: "math.max(%s, %s)" % (e(), e()),
            lambda: "math.min(%s, %s, %s)" % (e(), e(), e()), lambda: "math.ult(%s, %s)" % (e(), e()),
            lambda: "math.modf(%s)" % e(), lambda: "math.sqrt(%s)" % e(),
            lambda: "string.rep(%s, %s, %s)" % (rng.choice(STRINGS), rng.choice(["0", "1", "3", "-1", "2.0"]), rng.choice(['","', '""'])),
            lambda: "string.sub(%s, %s, %s)" % (rng.choice(STRINGS), rng.randrange(-5, 6), rng.randrange(-5, 6)),
            lambda: "string.byte(%s, %s, %s)" % (rng.choice(STRINGS), rng.randrange(-3, 4), rng.randrange(-3, 5)),
            lambda: "string.char(%s)" % ", ".join(str(rng.randrange(0, 256)) for _ in range(rng.randrange(4))),
            lambda: "string.upper(%s)" % rng.choice(STRINGS), lambda: "string.len(%s)" % e(),
            lambda: "string.reverse(%s)" % rng.choice(STRINGS),
            lambda: "string.find(%s, %s, %s, %s)" % (rng.choice(STRINGS), rng.choice(['"b"', '"%d+"', '"a(b)c"', '""', '"."', '"[a-c]+"', '"%s*"', '"^a"', '"c$"']),
                                                   rng.randrange(-4, 5), rng.choice(["true", "false", "nil"])),
            lambda: "string.match(%s, %s)" % (rng.choice(STRINGS), rng.choice(['"(%d+)"', '"(a)(b)"', '"()b"', '"%a+"', '"(.-)c"', '"%x*"'])),
            lambda: "string.gsub(%s, %s, %s)" % (rng.choice(STRINGS), rng.choice(['"a"', '"%d"', '"(b)"', '"."', '""']),
                                                rng.choice(['"%1%1"', '"x"', '{a="A"}', 'string.upper', '"%%"', '"%0-"'])),
            lambda: "string.format(%s, %s)" % (rng.choice(['"%d"', '"%5.2f"', '"%x"', '"%X"', '"%q"', '"%s"', '"%g"', '"%i"',
                                                          '"%o"', '"%e"', '"%.3f"', '"%-5d|"', '"%+d"', '"%05d"', '"%.0f"',
                                                          '"%10.3s|"', '"%c"', '"%%"', '"%.14g"', '"%u"', '"%#x"', '"% d"']), e()),
            lambda: "select(%s, va(%s))" % (rng.choice(['"#"', "1", "2", "-1", "-2", "3"]), ", ".join(e() for _ in range(rng.randrange(4)))),
            lambda: "va(%s)" % ", ".join(rng.choice(["nil", e()]) for _ in range(rng.randrange(5))),
            lambda: "va(three())", lambda: "va((three()))", lambda: "va(three(), three())", lambda: "va(none(), none())",
            lambda: "table.unpack({%s}, %s, %s)" % (", ".join(e() for _ in range(rng.randrange(4))), rng.randrange(-1, 3), rng.randrange(0, 5)),
            lambda: "table.concat({%s}, %s)" % (", ".join(rng.choice(INTS + STRINGS) for _ in range(rng.randrange(4))), rng.choice(['","', '""', '1'])),
            lambda: "rawequal(%s, %s)" % (e(), e()), lambda: "rawlen(%s)" % rng.choice(['"abc"', "{1,2}", "{}"]),
            lambda: "(obj %s %s)" % (rng.choice(["+", "..", "==", "<", "<=", ">"]), e()), lambda: "obj[%s]" % e(),
            lambda: "(#obj)", lambda: "obj(%s)" % e(), lambda: "(-obj)", lambda: "tostring(obj)",
            lambda: "mk(%s)(%s)" % (e(), e()),
            lambda: "utf8.char(%s)" % rng.choice(["72", "228", "8364", "128512", "0x7FFFFFFF", "-1"]),
            lambda: "utf8.len(%s)" % rng.choice(STRINGS),
            lambda: "(%s):rep(2)" % rng.choice(STRINGS),
            lambda: "(\"x\"):byte()",
            lambda: "next({})", lambda: "type(%s)" % e(),
        ]
        return rng.choice(choices)()

    def table(self, depth):
        rng = self.rng
        items = []
        for _ in range(rng.randrange(5)):
            k = rng.random()
            if k < 0.5:
                items.append(self.expr(depth + 1))
            elif k < 0.7:
                items.append("%s = %s" % (rng.choice(["a", "b", "x"]), self.expr(depth + 1)))
            elif k < 0.85:
                items.append("[%s] = %s" % (rng.choice(["1", "2", "1.0", "2^53", '"1"', "3", "-0.0", "true"]), self.expr(depth + 1)))
            else:
                items.append(rng.choice(["three()", "(three())", "va()", "none()"]))
        return "{%s%s}" % (", ".join(items), rng.choice(["", ",", ";"]) if items else "")

    def statement(self, n):
        rng = self.rng
        label = "s%d" % n
        r = rng.random()
        if r < 0.45:
            return "out(%r, pcall(function() return %s end))" % (label, self.expr())
        if r < 0.55:
            name = "v%d" % n
            self.locals.append(name)
            return "local %s = %s\nout(%r, true, %s)" % (name, rng.choice(INTS + FLOATS + STRINGS), label, name)
        if r < 0.62:  # multiple assignment and its evaluation order
            return ("out(%r, pcall(function() local i, t = 1, {} i, t[i] = i + 1, %s return i, t end))" % (label, self.expr())
                    if rng.random() < 0.5 else
                    "out(%r, pcall(function() local a, b, c = %s return a, b, c end))" % (label, ", ".join(self.expr() for _ in range(rng.randrange(1, 4)))))
        if r < 0.72:  # numeric for loops: float steps, negative steps, edges
            start, stop, step = (rng.choice(["1", "10", "0.5", "math.maxinteger - 2", "math.mininteger + 1", "-3", "1.0", "3"]),
                                 rng.choice(["5", "0", "-5", "math.maxinteger", "math.mininteger", "2.5", "1e300", "3.0"]),
                                 rng.choice(["1", "-1", "2", "0.25", "-0.5", "0", "3", "math.maxinteger", "math.mininteger"]))
            return ("out(%r, pcall(function() local acc, n = {}, 0 for i = %s, %s, %s do n = n + 1 acc[n] = i if n > 6 then break end end "
                    "return n, table.unpack(acc) end))" % (label, start, stop, step))
        if r < 0.8:  # closures over loop variables and shared upvalues
            return ("out(%r, pcall(function() local fs = {} for i = 1, 3 do local j = i * %s fs[i] = function() j = j + 1 return i, j end end "
                    "return fs[1](), fs[1](), fs[2](), fs[3]() end))" % (label, self.expr(2)))
        if r < 0.87:  # while / repeat with a local visible in until
            return ("out(%r, pcall(function() local n, s = 0, %s repeat local k = n n = n + 1 until k >= 3 or n > 10 "
                    "while n < 6 do n = n + 1 if n == 5 then goto done end end ::done:: return n, s end))" % (label, self.expr()))
        if r < 0.93:  # string <-> number coercions in concatenation and arithmetic
            return "out(%r, pcall(function() return %s .. %s, %s + 0, %s * 1 end))" % (
                label, rng.choice(INTS + FLOATS), rng.choice(INTS + FLOATS), rng.choice(STRINGS), rng.choice(STRINGS))
        return "out(%r, pcall(function() return %s %s %s, %s %s %s end))" % (
            label, rng.choice(INTS + FLOATS), rng.choice(DIV_OPS), rng.choice(["-1", "-2", "-3", "-0.0", "0", "2", "-2.5", "math.mininteger"]),
            rng.choice(INTS + FLOATS), rng.choice(DIV_OPS), rng.choice(["-1", "-7", "3", "-3.5", "0.0"]))


def execute(argv, cwd, timeout):
    try:
        p = subprocess.run(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout, env={"PATH": "/usr/bin:/bin", "HOME": cwd, "SLOTH_HOME": cwd, "NO_COLOR": "1"})
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return "timeout", b"", b""


ERR_LINE = re.compile(rb"\terror\t\d+\tERR ")
ADDRESS = re.compile(rb"0x[0-9a-fA-F]{6,}")
# A report from an AddressSanitizer/UndefinedBehaviorSanitizer build: a failure even when the output agrees.
SANITIZER = re.compile(rb"ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error: ")


def normal(result):
    """Addresses (tostring of a table or function) differ from run to run."""
    code, out, err = result
    return code, ADDRESS.sub(b"ADDR", out), err


def compare(sloth, lua, program, scratch, timeout, messages):
    """None when both agree, else ('value'|'message'|'sanitizer', sloth result, lua result)."""
    path = os.path.join(scratch, "case.lua")
    with open(path, "w") as f:
        f.write(program)
    s = normal(execute([sloth, "run", "case.lua"], scratch, timeout))
    l = normal(execute([lua, "case.lua"], scratch, timeout))
    if SANITIZER.search(s[2]):
        return ("sanitizer", s, l)
    if s[0] == l[0] and s[1] == l[1]:
        return None
    if s[0] == l[0] and not messages:
        sl, ll = s[1].split(b"\n"), l[1].split(b"\n")
        if len(sl) == len(ll) and all(a == b or (ERR_LINE.search(a) and ERR_LINE.search(b)) for a, b in zip(sl, ll)):
            return ("message", s, l)
    return ("value", s, l)


def shrink(sloth, lua, statements, scratch, timeout, kind, messages, prelude=PRELUDE):
    """Drops statements while the program keeps differing the same way (greedy, chunks then ones)."""
    def differs(stmts):
        r = compare(sloth, lua, prelude + "\n".join(stmts) + "\n", scratch, timeout, messages)
        return r is not None and r[0] == kind
    chunk = max(1, len(statements) // 2)
    while chunk >= 1:
        i = 0
        while i < len(statements):
            trial = statements[:i] + statements[i + chunk:]
            if trial and differs(trial):
                statements = trial
            else:
                i += chunk
        chunk //= 2
    return statements


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--bin", default=os.path.join(REPO, "build", "tools"))
    p.add_argument("--cases", type=int, default=200)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--statements", type=int, default=40)
    p.add_argument("--timeout", type=float, default=10)
    p.add_argument("--messages", action="store_true", help="count error-message wording differences as mismatches")
    p.add_argument("--out", default="/tmp/sloth-difflua")
    p.add_argument("--without", default="", help="operators to leave out, comma-separated (e.g. '%%' while a "
                   "known modulo bug would shadow everything else)")
    args = p.parse_args()
    for op in filter(None, args.without.split(",")):
        ARITH[:] = [a for a in ARITH if a != op]
        BITS[:] = [b for b in BITS if b != op]
        COMPARE[:] = [c for c in COMPARE if c != op]
        DIV_OPS[:] = [d for d in DIV_OPS if d != op] or ["//"]
    return run_cases(args, PRELUDE, Gen, "difflua")


def run_cases(args, prelude, make_gen, tool):
    """Runs args.cases programs of args.statements statements (make_gen(rng).statement(n)) after
    `prelude` with sloth and lua5.4; each mismatch is shrunk and written to args.out. Returns the
    exit status: 1 when a value mismatch or a sanitizer report was found."""
    binary = os.path.abspath(args.bin)
    sloth = os.path.join(binary, "sloth", "sloth") if os.path.isdir(os.path.join(binary, "sloth")) else os.path.join(binary, "sloth")
    lua = shutil.which("lua5.4")
    if not lua:
        sys.exit("%s: lua5.4 is not installed (apt-get install lua5.4)" % tool)
    os.makedirs(args.out, exist_ok=True)
    found = {"value": 0, "message": 0, "sanitizer": 0}
    scratch = tempfile.mkdtemp(prefix="sloth-%s-" % tool, dir="/tmp")
    try:
        for case in range(args.cases):
            gen = make_gen(random.Random("%d/%d" % (args.seed, case)))
            statements = [gen.statement(n) for n in range(args.statements)]
            r = compare(sloth, lua, prelude + "\n".join(statements) + "\n", scratch, args.timeout, args.messages)
            if r is None:
                continue
            kind = r[0]
            found[kind] += 1
            small = shrink(sloth, lua, statements, scratch, args.timeout, kind, args.messages, prelude)
            program = prelude + "\n".join(small) + "\n"
            r = compare(sloth, lua, program, scratch, args.timeout, args.messages) or r
            dest = os.path.join(args.out, "%s-%04d.lua" % (kind, case))
            with open(dest, "w") as f:
                f.write(program)
                f.write("\n--[==[ sloth: exit %s\n%s\n%s\n---- lua5.4: exit %s\n%s\n%s\n]==]\n" % (
                    r[1][0], r[1][1].decode(errors="replace"), r[1][2].decode(errors="replace")[:4000],
                    r[2][0], r[2][1].decode(errors="replace"), r[2][2].decode(errors="replace")[:2000]))
            print("%s mismatch in case %d -> %s" % (kind, case, dest), flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print("%d cases: %d value mismatches, %d sanitizer reports, %d error-message differences (in %s)" % (
        args.cases, found["value"], found["sanitizer"], found["message"], args.out))
    return 1 if found["value"] or found["sanitizer"] else 0

if __name__ == "__main__":
    sys.exit(main())
