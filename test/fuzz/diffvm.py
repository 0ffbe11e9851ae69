#!/usr/bin/env python3
"""Differential test of sloth's VM against lua5.4 on adversarial programs: the edges difflua.py
does not reach.

    test/fuzz/diffvm.py --bin build/tools --cases 200 --seed 1 [--statements 25] [--out /tmp/sloth-diffvm]

Each case is a random, deterministic program of statements drawn from templates that push the
VM and the standard library to their limits: deep recursion (plain, tail, through pcall and
metamethods), big tables and table.unpack/move/concat/insert ranges, string.rep/format/pack/unpack
edge cases, coroutines (wrap, close, yield across pcall and metamethods, yield across a C call),
__index/__newindex chains and loops, __gc (which objects are finalized; not their order, which
lua5.4's incremental collector makes depend on timing) and resurrection, __close order and errors,
goto, integer overflow and division by zero, float printing (tostring, %.17g, %a, %q) against
lua5.4, patterns, utf8, and load() of programs that Lua refuses. Every statement runs under pcall
and prints its results, so a program runs to its end; `sloth run` and `lua5.4` run it and any
difference in standard output or exit status is a mismatch, shrunk and written to OUT as in
difflua.py (whose prelude, comparison and shrinking this reuses). A sanitizer report on standard
error is a failure of its own. Only the Python 3 standard library is used.

Left out on purpose, where sloth differs from Debian's lua5.4 by design: yielding inside a
table.sort comparator or a string.gsub callback (lua5.4: "attempt to yield across a C-call
boundary"; sloth's natives can be suspended), `a <= b` answered by `not (b < a)` when only __lt is
defined (Debian builds lua5.4 with LUA_COMPAT_5_3; the 5.4 manual dropped it), and nesting past
lua5.4's 200 C levels.
"""
import argparse
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import difflua  # noqa: E402

# Templates catch errors themselves (pcall, coroutine.resume, coroutine.close), so an error message
# is often a result rather than the statement's error; only its wording would differ, which
# difflua.py compares already. A result that is a message with a position prints as ERRMSG.
PRELUDE = difflua.PRELUDE.replace('  elseif type(v) == "string" then\n',
                                  '  elseif type(v) == "string" and v:find("^case%.lua:%d+: ") then\n'
                                  '    return "ERRMSG"\n'
                                  '  elseif type(v) == "string" then\n', 1)
assert PRELUDE != difflua.PRELUDE

INT_EDGES = ["0", "1", "-1", "2", "-2", "math.maxinteger", "math.mininteger", "math.maxinteger - 1",
             "math.mininteger + 1", "255", "256", "65535", "1 << 31", "1 << 32", "-(1 << 31)", "0x7f", "-129"]
FLOAT_EDGES = ["0.0", "-0.0", "1/0", "-1/0", "0/0", "-(0/0)", "2^53", "2^53 + 1", "2^63", "-2^63", "2^64",
               "1e308", "1e-308", "5e-324", "0.1", "1/3", "-1.5", "3.0", "1e15", "1e16", "123456789.125",
               "math.pi", "-math.pi", "2^-1074", "2^1023 * 1.999"]


def random_float(rng):
    """A float literal lua5.4 and sloth must print the same way: random bits, decimal or hex."""
    while True:
        bits = rng.getrandbits(64)
        value = struct.unpack("<d", struct.pack("<Q", bits))[0]
        if value == value and value not in (float("inf"), float("-inf")):
            break
    pick = rng.random()
    if pick < 0.4:
        return repr(value)
    if pick < 0.7:
        return "(%s)" % value.hex()
    if pick < 0.85:
        return "%.*g" % (rng.randrange(1, 18), rng.uniform(-1e6, 1e6) * 10 ** rng.randrange(-20, 20))
    return "%d.%d" % (rng.randrange(0, 10 ** rng.randrange(1, 17)), rng.randrange(10))


class Gen:
    def __init__(self, rng):
        self.rng = rng

    def pick(self, *options):
        return self.rng.choice(options)

    def num(self):
        r = self.rng.random()
        if r < 0.4:
            return self.rng.choice(INT_EDGES)
        if r < 0.7:
            return self.rng.choice(FLOAT_EDGES)
        if r < 0.9:
            return random_float(self.rng)
        return str(self.rng.randrange(-1000, 1000))

    # -- templates: each returns the body of a function whose results are printed ----------------
    def recursion(self):
        rng = self.rng
        n = rng.choice([10, 190, 200, 1000, 10000, 100000, 180000, 1000000])
        return rng.choice([
            "local function f(n) if n == 0 then return 0 end return 1 + f(n - 1) end return f(%d)" % n,
            "local function f(n, acc) if n == 0 then return acc end return f(n - 1, acc + 1) end return f(%d, 0)" % n,
            "local function f(n) if n == 0 then return 'bottom' end local ok, v = pcall(f, n - 1) return v end "
            "return f(%d)" % n,
            "local t = setmetatable({}, {}) getmetatable(t).__index = function(s, k) if k <= 0 then return 0 end "
            "return s[k - 1] + 1 end return t[%d]" % n,
            "local t = setmetatable({}, {}) getmetatable(t).__index = function(s, k) return s[k] end return t.x",
            "local mt = {} mt.__add = function(a, b) return a + b end return setmetatable({}, mt) + 1",
            "local mt = {} mt.__concat = function(a, b) return a .. b end return setmetatable({}, mt) .. 'x'",
            "local mt = {} mt.__eq = function(a, b) return a == b end "
            "return setmetatable({}, mt) == setmetatable({}, mt)",
            "local mt = {} mt.__len = function(a) return #a end return #setmetatable({}, mt)",
            "local mt = {} mt.__tostring = function(a) return tostring(a) end return tostring(setmetatable({}, mt))",
            "local function f(n) if n == 0 then return select('#', 1, 2, 3) end "
            "return f(n - 1) end return f(%d)" % n,
            "local co co = coroutine.wrap(function(n) if n == 0 then return 0 end return co(n - 1) end) return co(3)",
            "local function nest(n) if n == 0 then return 'deep' end "
            "return coroutine.wrap(function() return nest(n - 1) end)() end return nest(%d)" % rng.choice([10, 100, 150]),
            "local function nest(n) if n == 0 then return 'deep' end "
            "local co = coroutine.create(function() return nest(n - 1) end) local ok, v = coroutine.resume(co) "
            "return ok and v or 'failed' end return nest(%d)" % rng.choice([10, 100, 190, 5000]),
            "local s = string.rep('(', %d) .. '1' .. string.rep(')', %d) local f = load('return ' .. s) "
            "return f ~= nil" % (n % 190, n % 190),
            "local function f(...) if select('#', ...) >= %d then return select('#', ...) end return f(1, ...) end "
            "return f()" % rng.choice([10, 100, 240, 250, 300, 1000]),
            "return select('#', table.unpack({}, 1, %d))" % rng.choice([0, 1, 200, 250, 10000, 999999, 1000001]),
        ])

    def tables(self):
        rng = self.rng
        n = rng.choice([0, 1, 7, 8, 9, 31, 32, 33, 1000, 65536, 65537, 200000])
        return rng.choice([
            "local t = {} for i = 1, %d do t[i] = i end return #t, t[%d], t[#t]" % (n, n),
            "local t = {} for i = %d, 1, -1 do t[i] = i end return #t, t[1]" % n,
            "local t = {} for i = 1, %d do t[i * 2] = i end local c = 0 for _ in pairs(t) do c = c + 1 end "
            "return c" % n,
            "local t = {} for i = 1, %d do t['k' .. i] = i end for i = 1, %d, 2 do t['k' .. i] = nil end "
            "local c = 0 for _ in pairs(t) do c = c + 1 end return c" % (n, n),
            "local t = {} for i = 1, %d do t[i + 0.5] = i end return t[1.5], t[%d.5]" % (n, n // 2),
            "local t = {} t[1.0] = 'a' t[2^53] = 'b' t[-0.0] = 'z' return t[1], t[math.tointeger(2^53)], t[0]",
            "local t = {1, 2, 3} return table.unpack(t, %s, %s)" % (self.pick("1", "-1", "0", "math.mininteger", "3"),
                                                                   self.pick("3", "0", "math.maxinteger", "5", "-2")),
            "return table.move({1, 2, 3}, %s, %s, %s)" % (self.pick("1", "-1", "0", "math.mininteger", "2"),
                                                          self.pick("3", "math.maxinteger", "0", "-1"),
                                                          self.pick("1", "2", "math.maxinteger", "math.mininteger")),
            "local t = table.move({1, 2, 3}, 1, 3, 3) return t[1], t[3], t[5], #t",
            "return table.concat({1, 2.5, 'x'}, %s, %s, %s)" % (self.pick("','", "''", "1"), self.pick("1", "0", "2", "-1"),
                                                              self.pick("3", "4", "math.maxinteger", "0")),
            "local t = {1, 2, 3} table.insert(t, %s, 'x') return table.concat(t, ',')" % self.pick("1", "4", "5", "0", "-1"),
            "local t = {1, 2, 3} return table.remove(t, %s), #t" % self.pick("1", "3", "4", "5", "0", "-1", "#t + 1"),
            "local t = {} return table.remove(t), table.remove(t, 0), table.remove(t, #t), #t",
            "local t = setmetatable({}, {__index = function(_, k) return k * 2 end, __len = function() return 3 end}) "
            "return table.concat(t, ','), table.unpack(t)",
            "local log = {} local t = setmetatable({}, {__newindex = function(_, k, v) log[#log + 1] = k end, "
            "__len = function() return 2 end}) table.insert(t, 'x') return table.concat(log, ',')",
            "local t = {} for i = 1, %d do t[i] = (i * 7919) %% 101 end table.sort(t) "
            "for i = 2, #t do if t[i - 1] > t[i] then return 'unsorted' end end return #t, t[1], t[#t]" % n,
            "local t = {} for i = 1, %d do t[i] = tostring(i) end table.sort(t, function(a, b) return a > b end) "
            "return t[1], t[#t]" % n,
            "local t = {3, 1, 'x'} return table.sort(t)",
            "local t = {} for i = 1, 50 do t[i] = {} end table.sort(t) return #t",
            "return #{n = 1, 1, 2, nil}, select('#', table.unpack({1, nil, 3}))",
            "local t = table.pack(1, nil, 3) return t.n, #t >= 1",
            "local t = {} t[1], t[2], t[3] = 1, 2, 3 t[2] = nil t[3] = nil return next(t)",
            "local t = {10, 20, 30} local r = {} for k, v in pairs(t) do t[k] = v + 1 r[#r + 1] = k end "
            "return table.concat(r, ','), t[3]",
            "local t = {a = 1} return pcall(next, t, 'nokey')",
            "local t = setmetatable({}, {__index = {}}) for i = 1, 10 do t = setmetatable({}, {__index = t}) end "
            "return t.x",
            "local t = {} for i = 1, %d do t = setmetatable({}, {__index = t}) end return t.x" % rng.choice([50, 99, 100, 2000, 2100]),
            "local t = {} for i = 1, %d do t = setmetatable({}, {__newindex = t}) end t.x = 1 return rawget(t, 'x')"
            % rng.choice([50, 99, 100, 2000, 2100]),
            "local t = {} setmetatable(t, {__index = t}) return t.x",
            "local t = {} setmetatable(t, {__newindex = t}) t.x = 1 return t.x",
        ])

    def strings(self):
        rng = self.rng
        fmt = rng.choice(["%d", "%5d", "%-5d|", "%+d", "% d", "%05d", "%x", "%X", "%#x", "%o", "%#o", "%c",
                          "%i", "%u", "%e", "%.0e", "%E", "%f", "%.0f", "%.3f", "%#.0f", "%20.10f", "%g", "%G",
                          "%.14g", "%.17g", "%#g", "%a", "%A", "%.3a", "%q", "%s", "%.3s", "%10s|", "%-10s|",
                          "%%", "%5%", "%099d", "%100d", "%.99f", "%.100f", "%10.3q", "%", "%z", "%ld", "%.3d",
                          "%-#10.4x", "%+.3e", "%i%i", "%s%s%s"])
        return rng.choice([
            "return string.format(%r, %s)" % (fmt, self.num()),
            "return string.format(%r, %s)" % (fmt, self.pick("'abc'", "'a\\0b'", "''", "'\\r\\n\\t\\\\\"'",
                                                             "'\\200\\255'", "nil", "true", "{}",
                                                             "setmetatable({}, {__tostring = function() return 'T' end})",
                                                             "setmetatable({}, {__tostring = function() return 1 end})",
                                                             "setmetatable({}, {__name = 'My.Type'})")),
            "return string.format('%%q', %s)" % self.num(),
            "return string.format('%%5.1f|%%-8.3e|%%g', %s, %s, %s)" % (self.num(), self.num(), self.num()),
            # Not '' with a huge count and no separator: lua5.4 copies nothing 2^63 times (a hang).
            "return string.rep(%s, %s, %s)" % (self.pick("'ab'", "'x'"),
                                               self.pick("0", "-1", "3", "2^31", "2^62", "math.maxinteger", "1e10",
                                                         "100000", "3.5", "'2'"),
                                               self.pick("nil", "''", "','", "'--'")),
            "return string.rep('', %s, %s)" % (self.pick("0", "-1", "3", "100000", "'2'"),
                                               self.pick("nil", "''", "','", "'--'")),
            "return #string.rep('abc', %d, %s)" % (rng.choice([1, 1000, 100000, 1000000]), self.pick("nil", "','")),
            "return string.pack(%r, %s)" % (rng.choice(["i1", "i2", "I1", "b", "B", "h", "H", "i3", "I3", "i8", "j",
                                                        "J", "T", "i16", "I16", "i17", "i0", "<i4", ">i4", "=i4",
                                                        "!4 i1 i4", "i1 X i4", "Xi4", "n", "d", "f", "s1", "s2",
                                                        "z", "c3", "c0", "c", "x", "i7", "<I9", ">j", "!17 i8",
                                                        "!3 i8", " ", "i", "I", "l", "L"]),
                                            self.pick(self.num(), "'abc'", "'a\\0b'", "string.rep('x', 256)", "-1",
                                                      "128", "-129", "255", "256", "2^31", "-2^31")),
            "return string.unpack(%r, %s, %s)" % (rng.choice(["i1", "i2", "I3", "i8", "j", "n", "d", "f", "s1",
                                                              "z", "c2", "i16", "I16", "<i9", ">i9", "i4 i4",
                                                              "!4 b i4", "Xi8 b", "i17", "c"]),
                                                   self.pick("'\\1\\2\\3\\4\\5\\6\\7\\8\\9\\10\\11\\12\\13\\14\\15\\16'",
                                                             "'\\255\\255\\255\\255\\255\\255\\255\\255\\255\\255"
                                                             "\\255\\255\\255\\255\\255\\255'", "''",
                                                             "'\\3abc'", "'ab\\0cd'",
                                                             "'\\0\\0\\0\\0\\0\\0\\0\\128\\255\\255\\255\\255"
                                                             "\\255\\255\\255\\255'"),
                                                   self.pick("1", "2", "-1", "-16", "0", "17", "18", "math.mininteger")),
            "return string.packsize(%r)" % rng.choice(["i4", "s", "z", "!8 b d", "i16 i16", "c100", "j n",
                                                       "c" + "9" * 20, "i4" * 10, "!2 i3 i8"]),
            "return string.unpack('z', string.pack('z', 'abc') .. 'tail')",
            "return string.pack('s1', string.rep('x', %d))" % rng.choice([255, 256]),
            "return string.sub(%s, %s, %s)" % (self.pick("'hello'", "''"), self.pick("math.mininteger", "-100", "0",
                                                                                     "2", "math.maxinteger"),
                                               self.pick("math.maxinteger", "-1", "0", "100", "math.mininteger")),
            "return string.byte('hello', %s, %s)" % (self.pick("math.mininteger", "-100", "0", "2"),
                                                      self.pick("math.maxinteger", "-1", "100")),
            "return string.char(%s)" % self.pick("256", "-1", "255, 0, 65", "", "2^8 - 1.0", "'65'"),
            "return tostring(%s), %s .. '', math.type(%s)" % ((self.num(),) * 3),
            "return tonumber(%r), tonumber(%r, %s)" % (rng.choice([" 0x1p-1074 ", "1e-400", "0x", "1e", ".5", "5.",
                                                                   "0x.p1", "  -0x10  ", "1e+", "0x1P+4", "inf",
                                                                   "9223372036854775807", "9223372036854775808",
                                                                   "-9223372036854775809", "0x8000000000000000",
                                                                   "1" * 40, "0." + "0" * 400 + "1", "1 e1", "\t3\n",
                                                                   "0xep1", "3.f", "- 1", "--1", "0x-1"]),
                                                       rng.choice(["z", "Z", "7fffffffffffffff", "ffffffffffffffffff",
                                                                   "-zz", "", " 10 ", "1.5", "8", "-",
                                                                   "10000000000000000000000000000000000000000000000000000000000000000"]),
                                                       self.pick("2", "36", "16", "37", "1", "10", "8")),
            "return ('%s'):find(%r, %s, %s)" % (rng.choice(["hello world", "aaa", "a.b.c", "", "(x)", "[[x]]"]),
                                               rng.choice(["(.-)%1", "%b()", "%f[%w]%w+", "[%a-]", "[]", "[^]", "%",
                                                           "(()", "%1", "(.)%1", "[a-]", "^(a*)$", "((((((((((a))))))))))",
                                                           "x*$", "%g+", "[%]]", "(", ")", "%b", "%f", "%fx", "[a",
                                                           "(" * 40 + ")" * 40, "a-b", ".-$", "%z", "%x+"]),
                                               self.pick("1", "-3", "0", "100", "math.mininteger"), self.pick("nil", "true")),
            "return string.gsub(%r, %r, %s, %s)" % (rng.choice(["hello world", "abc", "", "x=1, y=2"]),
                                                    rng.choice(["%w+", "(%w+)=(%w+)", "", ".", "()", "o", "%s*"]),
                                                    self.pick("'%1'", "'%2'", "'%0%0'", "'%%'", "'%'", "'%9'",
                                                              "{hello = 'HI', x = false}", "string.upper",
                                                              "function() return nil end", "function() return {} end"),
                                                    self.pick("nil", "0", "1", "-1", "2.0", "2.5")),
            "local r = {} for a, b in string.gmatch(%r, %r) do r[#r + 1] = tostring(a) .. '/' .. tostring(b) end "
            "return table.concat(r, ' ')" % (rng.choice(["k=v, a=b", "abc", "", "a,b,,c"]),
                                              rng.choice(["(%w+)=(%w+)", "()(.)", "([^,]*)", "^(%w)", "(%w*)"])),
            "return string.find(string.rep('a', %d), string.rep('a?', %d) .. string.rep('a', %d))" % (
                (rng.choice([20, 200, 5000]),) * 3),
            "return string.match(string.rep('(', %d), string.rep('%%(', %d))" % ((rng.choice([10, 32, 33, 200]),) * 2),
            "return ('x'):rep(%d):match(%r)" % (rng.choice([10, 100000]), rng.choice(["(.-)$", ".*x", "(x*)(x*)$",
                                                                                     "^(x+)+y"])),
            "return utf8.char(%s)" % self.pick("0", "0x7F", "0x80", "0x7FF", "0xFFFF", "0x10FFFF", "0x110000",
                                               "0x7FFFFFFF", "0x80000000", "-1", "72, 228, 8364"),
            "return utf8.codepoint(%r, %s, %s, %s)" % (rng.choice(["héllo", "\xff", "\xed\xa0\x80", "\xf4\x90\x80\x80",
                                                                   "abc", ""]),
                                                       self.pick("1", "-1", "0", "2", "100"),
                                                       self.pick("-1", "1", "100"), self.pick("nil", "true")),
            "return utf8.len(%r, %s, %s)" % (rng.choice(["héllo", "\xff", "abc", "", "\xc0\x80"]),
                                              self.pick("1", "-1", "0", "3", "100"), self.pick("-1", "2", "100")),
            "return utf8.offset(%r, %s, %s)" % (rng.choice(["héllo", "abc", ""]), self.pick("0", "1", "-1", "3", "10"),
                                                 self.pick("nil", "1", "2", "-1", "7")),
            "local r = {} for p, c in utf8.codes(%r) do r[#r + 1] = p .. ':' .. c end return table.concat(r, ' ')"
            % rng.choice(["héllo", "ab\xffc", "", "\xf0\x9f\x98\x80"]),
            "return ('a\\0b' < 'a\\0c'), ('a\\0' > 'a'), ('' < '\\0'), ('Z' < 'a'), ('10' < '9')",
            "local s = '' for i = 1, %d do s = s .. i end return #s" % rng.choice([10, 1000, 5000]),
            "return #table.concat({string.rep('x', %d), string.rep('y', %d)})" % (rng.choice([0, 40, 41, 1 << 20]),
                                                                                 rng.choice([0, 1, 100])),
        ])

    def coroutines(self):
        rng = self.rng
        return rng.choice([
            "local co = coroutine.wrap(function(a) local ok, b = pcall(coroutine.yield, a + 1) "
            "return ok, b end) return co(1), co(10)",
            "local co = coroutine.wrap(function() local ok, e = pcall(function() coroutine.yield(1) error('x', 0) end) "
            "coroutine.yield(ok, e) return 'end' end) return co(), co(), co()",
            "local co = coroutine.create(function() local x <close> = setmetatable({}, {__close = function() "
            "_G.closed = (_G.closed or 0) + 1 end}) coroutine.yield(1) end) coroutine.resume(co) "
            "return coroutine.close(co), coroutine.status(co), _G.closed",
            "local co = coroutine.create(function() local x <close> = setmetatable({}, {__close = function() "
            "error('in close', 0) end}) coroutine.yield(1) end) coroutine.resume(co) return coroutine.close(co)",
            "local co = coroutine.create(function() error({code = 7}) end) local ok, e = coroutine.resume(co) "
            "return ok, type(e), e.code, coroutine.status(co), coroutine.close(co)",
            "local co = coroutine.create(function() return 1 end) coroutine.resume(co) return coroutine.resume(co)",
            "return coroutine.yield(1)",
            "return coroutine.isyieldable(), coroutine.wrap(function() return coroutine.isyieldable() end)()",
            "local main, ismain = coroutine.running() return type(main), ismain",
            "local co co = coroutine.create(function() return coroutine.resume(co) end) return coroutine.resume(co)",
            "local co co = coroutine.create(function() return coroutine.close(co) end) return coroutine.resume(co)",
            "return coroutine.close(coroutine.running())",
            "local t = setmetatable({}, {__index = function(_, k) return coroutine.yield(k) end}) "
            "local co = coroutine.wrap(function() return t.foo .. '!' end) return co(), co('bar')",
            "local t = setmetatable({}, {__add = function(a, b) return coroutine.yield('add') end, "
            "__lt = function() return coroutine.yield('lt') end, __concat = function() return coroutine.yield('cat') end}) "
            "local co = coroutine.wrap(function() return t + 1, t < t, t .. 'x' end) return co(), co(1), co(true), co('s')",
            "local co = coroutine.wrap(function(...) local n = select('#', ...) while true do n = n + "
            "select('#', coroutine.yield(n)) end end) return co(1, 2), co(), co(nil, nil, nil), co(table.unpack({}, 1, 100))",
            "local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end) "
            "return gen(), gen(), gen(), gen(), pcall(gen)",
            "local co = coroutine.wrap(function() error('boom') end) return pcall(co)",
            "local co = coroutine.wrap(function() error(setmetatable({}, {__tostring = function() return 'E' end})) end) "
            "local ok, e = pcall(co) return ok, tostring(e)",
            "local co = coroutine.create(function(...) return ... end) return coroutine.resume(co, 1, nil, 3, nil)",
            "local co = coroutine.create(function() local function f(n) if n == 0 then coroutine.yield('deep') return 0 end "
            "return 1 + f(n - 1) end return f(%d) end) return coroutine.resume(co), coroutine.resume(co)"
            % rng.choice([10, 1000, 50000]),
            "local co = coroutine.wrap(function() local ok, v = xpcall(function() coroutine.yield(1) error('e2') end, "
            "function(m) return 'handled: ' .. tostring(m):gsub('^.-:%d+: ', '') end) return ok, v end) return co(), co()",
            "local co = coroutine.wrap(function() for k, v in pairs(setmetatable({}, {__pairs = function(t) "
            "return function(_, k) if not k then coroutine.yield('in pairs') return 1, 1 end end, t, nil end})) "
            "do return k, v end end) return co(), co()",
            "local co = coroutine.create(function() coroutine.yield() end) coroutine.resume(co) "
            "return coroutine.status(co), coroutine.resume(co), coroutine.status(co), coroutine.resume(co)",
            "return coroutine.resume(coroutine.running())",
            "return pcall(coroutine.wrap, 1), pcall(coroutine.create), pcall(coroutine.resume, {})",
            "local co = coroutine.wrap(function() local x <close> = setmetatable({}, {__close = function(_, e) "
            "coroutine.yield('closing ' .. tostring(e)) end}) return 'body' end) return co(), co()",
        ])

    def metamethods(self):
        rng = self.rng
        ops = ["+", "-", "*", "/", "//", "%", "^", "&", "|", "~", "<<", ">>", "..", "==", "<", "<="]
        op = rng.choice(ops)
        mm = rng.choice(["add", "sub", "band", "shl", "concat", "lt", "le", "eq", "idiv", "mod", "pow", "div", "unm",
                         "bnot"])
        if mm == "lt" and op == "<=":  # lua5.4's LUA_COMPAT_LT_LE (see the top)
            op = "<"
        return rng.choice([
            "local mt = {__%s = function(a, b) return 'mm' end} local o = setmetatable({}, mt) return pcall(function() "
            "return o %s 1, 1 %s o, o %s o end)" % (mm, op, op, op),
            "local o = setmetatable({}, {__eq = function() return 1 end}) local p = setmetatable({}, getmetatable(o)) "
            "return o == p, o ~= p, o == 1, rawequal(o, p)",
            "local o = setmetatable({}, {__lt = function() return nil end, __le = function() return 'yes' end}) "
            "return o < o, o <= o, o > o, o >= o",
            "local o = setmetatable({}, {__len = function() return %s end}) return #o" % self.pick("2.5", "'x'", "nil",
                                                                                                  "math.maxinteger"),
            "local o = setmetatable({}, {__call = function(self, ...) return select('#', ...), ... end}) "
            "return o(1, nil), o()",
            "local o = setmetatable({}, {__call = setmetatable({}, {__call = function(...) return select('#', ...) end})}) "
            "return o(1)",
            "local o = setmetatable({}, {__index = 'abc'}) return pcall(function() return o.len end)",
            "local o = setmetatable({}, {__index = string}) return o.upper('x')",
            "local o = setmetatable({}, {__metatable = 'locked'}) return getmetatable(o), pcall(setmetatable, o, {})",
            "return getmetatable('abc').__index == string, ('x'):upper(), pcall(function() return ('x').nope() end)",
            "local o = setmetatable({}, {__name = 'Thing'}) return pcall(function() return o + 1 end)",
            "local o = setmetatable({}, {__name = 'Thing'}) return (tostring(o):gsub('0x%x+', 'ADDR'))",
            "local o = setmetatable({}, {__tostring = function() return 42 end}) return pcall(tostring, o)",
            "local o = setmetatable({}, {__close = 1}) return pcall(function() local x <close> = o end)",
            "local o = setmetatable({}, {__unm = function(a) return 'neg' end, __bnot = function() return 'bnot' end}) "
            "return -o, ~o",
            "local o = setmetatable({}, {__concat = function(a, b) return type(a) .. type(b) end}) "
            "return 1 .. o, o .. 1, 'a' .. 'b' .. o .. 'c' .. 'd'",
            "local o = setmetatable({}, {__index = function(t, k) rawset(t, k, k .. k) return 'first' end}) "
            "return o.x, o.x",
            "local log = {} local o = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k rawset(t, k, v) end}) "
            "o.a = 1 o.a = 2 o.b = nil return table.concat(log, ','), o.a",
            "local o = setmetatable({}, {__div = function(a, b) return 'div' end, __idiv = function() return 'idiv' end, "
            "__mod = function() return 'mod' end}) return o / 0, o // 0, o % 0, pcall(function() return 1 // 0 end)",
            "return pcall(function() return {} < {} end), pcall(function() return 1 < 'x' end), "
            "pcall(function() return 'a' < 1 end), pcall(function() return {} .. 'x' end)",
            "local a, b = setmetatable({}, {__lt = function() return true end}), setmetatable({}, {}) return a < b, b < a",
            "return pcall(setmetatable, 1, {}), pcall(setmetatable, {}, 1), pcall(setmetatable, {})",
            "local t = setmetatable({}, {__mode = 'k'}) t[1] = 2 return t[1], getmetatable(t).__mode",
            "local o = setmetatable({}, {__index = function(t, k) return nil end}) return o[nil], pcall(function() "
            "o[nil] = 1 end), pcall(function() local t = {} t[0/0] = 1 end), pcall(rawset, {}, nil, 1)",
        ])

    def gc(self):
        rng = self.rng
        n = rng.choice([1, 3, 10, 100])
        return rng.choice([
            "local log = {} local function mk(i) return setmetatable({}, {__gc = function() log[#log + 1] = i end}) end "
            "local function fill() for i = 1, %d do mk(i) end end fill() collectgarbage() collectgarbage() table.sort(log) return table.concat(log, ',')" % n,
            "local log = {} local function fill() for i = 1, %d do local o = setmetatable({}, {}) "
            "getmetatable(o).__gc = function() log[#log + 1] = i end end end fill() collectgarbage() "
            "return #log" % n,
            "local saved local log = {} do local o = setmetatable({name = 'r'}, {__gc = function(o) saved = o "
            "log[#log + 1] = 'gc' end}) end collectgarbage() collectgarbage() return table.concat(log, ','), "
            "saved and saved.name",
            "local w = setmetatable({}, {__mode = %r}) local function fill() for i = 1, %d do w[{}] = {} w[i] = {} end end "
            "fill() collectgarbage() collectgarbage() local c = 0 for _ in pairs(w) do c = c + 1 end return c"
            % (rng.choice(["k", "v", "kv"]), n),
            "local w = setmetatable({}, {__mode = 'k'}) local keep = {} w[keep] = 'kept' collectgarbage() return w[keep]",
            "local w = setmetatable({}, {__mode = 'v'}) w[1] = 'str' w[2] = 42 collectgarbage() return w[1], w[2]",
            "local log = {} local function fill() for i = 1, %d do setmetatable({}, {__gc = function() "
            "error('in gc') end}) end end fill() collectgarbage() return 'survived'" % n,
            "local log = {} local function fill() setmetatable({}, {__gc = function() log[#log + 1] = 'a' "
            "collectgarbage() end}) end fill() collectgarbage() collectgarbage() return table.concat(log)",
            "local t = {} for i = 1, %d do t[i] = string.rep('x', i) end t = nil collectgarbage() "
            "return collectgarbage('isrunning'), collectgarbage('step', 0) ~= nil" % (n * 100),
            "return collectgarbage('incremental'), collectgarbage('generational'), collectgarbage('incremental')",
            "return pcall(collectgarbage, 'bogus'), collectgarbage('count') > 0, math.type(collectgarbage('count'))",
            "local log = {} local function fill() local a = setmetatable({}, {__gc = function() log[#log + 1] = 'a' end}) "
            "local b = setmetatable({a = a}, {__gc = function() log[#log + 1] = 'b' end}) a.b = b end fill() "
            "collectgarbage() collectgarbage() return table.concat(log, ',')",
        ])

    def close(self):
        rng = self.rng
        return rng.choice([
            "local log = {} local function mk(n) return setmetatable({}, {__close = function(_, e) "
            "log[#log + 1] = n .. ':' .. tostring(e) end}) end do local a <close> = mk('a') local b <close> = mk('b') "
            "local c <close> = nil local d <close> = false end return table.concat(log, ' ')",
            "local log = {} local function mk(n) return setmetatable({}, {__close = function(_, e) "
            "log[#log + 1] = n .. ':' .. tostring(e):gsub('^.-:%d+: ', '') end}) end local ok, e = pcall(function() "
            "local a <close> = mk('a') local b <close> = mk('b') error('E', 0) end) return ok, e, table.concat(log, ' ')",
            "local log = {} local function mk(n) return setmetatable({}, {__close = function(_, e) "
            "log[#log + 1] = n error('C' .. n, 0) end}) end local ok, e = pcall(function() "
            "local a <close> = mk('a') local b <close> = mk('b') end) return ok, e, table.concat(log, ' ')",
            "local log = {} local function mk(n) return setmetatable({}, {__close = function() log[#log + 1] = n end}) end "
            "for i = 1, 3 do local x <close> = mk(i) if i == 2 then break end end return table.concat(log, ',')",
            "local log = {} local function mk(n) return setmetatable({}, {__close = function() log[#log + 1] = n end}) end "
            "local function f() local x <close> = mk('f') return 'ret' end return f(), table.concat(log, ',')",
            "local log = {} local function mk(n) return setmetatable({}, {__close = function() log[#log + 1] = n end}) end "
            "do local i = 0 ::top:: i = i + 1 local x <close> = mk(i) if i < 3 then goto top end end "
            "return table.concat(log, ',')",
            "local log = {} local function iter(s, i) if i < 3 then return i + 1 end end "
            "for i in iter, nil, 0, setmetatable({}, {__close = function() log[#log + 1] = 'closed' end}) do "
            "log[#log + 1] = i if i == 2 then break end end return table.concat(log, ',')",
            "return pcall(function() local x <close> = {} end)",
            "return pcall(function() local x <close> = 42 end)",
            "local f = load('local x <const> = 1 x = 2') return f == nil",
            "local f = load('local x <close>, y <close> = nil, nil') return f == nil",
            "local f = load('local x <foo> = 1') return f == nil",
            "local log = {} local function mk(n) return setmetatable({}, {__close = function() log[#log + 1] = n end}) end "
            "local function tail() local x <close> = mk('t') return select('#', 1, 2) end return tail(), table.concat(log)",
            "local log = {} local co = coroutine.wrap(function() local x <close> = setmetatable({}, {__close = function() "
            "log[#log + 1] = 'c' end}) coroutine.yield(1) error('after', 0) end) return co(), pcall(co), "
            "table.concat(log)",
        ])

    def control(self):
        rng = self.rng
        # Below lua5.4's 200 C levels: past them luac refuses what sloth's own limit still allows.
        depth = rng.choice([10, 100, 150, 190])
        return rng.choice([
            "local r = {} for i = 1, 5 do if i % 2 == 0 then goto continue end r[#r + 1] = i ::continue:: end "
            "return table.concat(r, ',')",
            "local i, r = 0, {} ::a:: i = i + 1 if i < 4 then r[#r + 1] = i goto a end return table.concat(r, ',')",
            "local fs = {} do local i = 1 ::again:: local j = i fs[#fs + 1] = function() return j end i = i + 1 "
            "if i <= 3 then goto again end end return fs[1](), fs[2](), fs[3]()",
            "local f = load(%r) return f == nil, f and select('#', pcall(f))" % rng.choice([
                "goto x local a ::x:: print(a)", "goto x do ::x:: end", "::x:: ::x::", "do goto x end ::x::",
                "repeat local a goto x ::x:: until a", "local a ::x:: goto x", "goto continue",
                "for i = 1, 2 do goto next ::next:: end", "do ::l:: end goto l", "return ::x::", "::x:: return",
                "local function f() goto out end ::out::", "break", "do break end",
                "while false do local x ::l:: end", "if x then goto y end local z ::y::",
                "repeat goto cont local x ::cont:: until x", "::a:: do goto a end"]),
            "local n = 0 for i = %s, %s, %s do n = n + 1 if n > 5 then break end end return n" % (
                self.pick("math.maxinteger - 1", "math.mininteger", "1", "1.0", "0.1", "math.maxinteger", "'1'"),
                self.pick("math.maxinteger", "math.mininteger", "3", "1e308", "0/0", "-1/0", "1/0", "2^63"),
                self.pick("1", "-1", "0", "0.0", "math.maxinteger", "math.mininteger", "0.3", "-0.0", "1e-300")),
            "local r = {} for i = 3, 1 do r[#r + 1] = i end for i = 1.0, 3 do r[#r + 1] = i end "
            "for i = 1, 3.5 do r[#r + 1] = i end return table.concat(r, ' ')",
            "local a, b = %s, %s return a // b, a %% b, a / b, pcall(function() return a // b end)" % (
                self.pick("math.mininteger", "math.maxinteger", "7", "-7", "0", "7.0", "-0.0"),
                self.pick("-1", "0", "-0.0", "0.0", "2", "-2", "math.mininteger", "1/0")),
            "return math.maxinteger + 1 == math.mininteger, math.mininteger - 1, -math.mininteger, "
            "math.abs(math.mininteger), math.maxinteger * 2, math.mininteger * -1",
            "return %s %s %s" % (self.pick("1", "-1", "math.mininteger", "2^53", "1.5", "'3'", "'0x10'", "2^63"),
                                 self.pick("<<", ">>", "&", "|", "~"),
                                 self.pick("63", "64", "-1", "-64", "65", "1.0", "math.mininteger", "'2'", "2^63")),
            "return math.tointeger(%s), math.floor(%s), math.ceil(%s), math.fmod(%s, %s)" % (
                self.num(), self.num(), self.num(), self.num(), self.pick("0", "-1", "3", "0.0", "math.mininteger",
                                                                          "1/0")),
            "return math.ult(%s, %s), math.abs(%s), math.max(%s, %s)" % ((self.num(),) * 5),
            "return %s == %s, %s < %s, %s <= %s" % ((self.num(), self.num()) * 3),
            "return %s + 0, %s * 1.0, -(%s), %s ^ 2" % ((self.num(),) * 4),
            "return string.format('%%.17g %%.17g', %s, %s), %s" % (self.num(), random_float(rng), random_float(rng)),
            "local x = %s return tostring(x), math.type(x), x == math.floor(x), string.format('%%a', x)"
            % random_float(rng),
            "local x = %s return tostring(x * 1e300), tostring(x / 1e300), tostring(-x), x // 1, x %% 1"
            % random_float(rng),
            "local t = {} t[%s] = 1 local k = next(t) return math.type(k), k" % self.num(),
            "return select(%s, 'a', 'b', 'c')" % self.pick("-1", "-3", "-4", "0", "4", "'#'", "1.0", "1.5",
                                                           "math.mininteger"),
            "return pcall(error), pcall(error, nil), pcall(error, 'm', 0), pcall(error, 'm', 2), "
            "select('#', pcall(error, nil))",
            "return xpcall(function() error('x') end, function(m) return select('#', m) end)",
            "return pcall(xpcall), pcall(xpcall, print), xpcall(error, function(m) error('again') end)",
            "return pcall(pcall), pcall(pcall, pcall), pcall(pcall, error, 'x')",
            "local function f(...) local a, b = ... return select('#', ...), a, b, ... end return f(nil, nil), f()",
            "local s = 0 for i = 1, 200 do s = s + select(i, table.unpack({}, 1, 200)) or 0 end return s",
            "local t = {} t.a, t.b, t.a = 1, 2, 3 return t.a, t.b",
            "local a, b, c = (function() return 1, 2, 3 end)() return a, b, c, ((function() return 1, 2 end)())",
            "local f = load('return ...', 'chunk', 't', {}) return f(1, 2)",
            "local env = {x = 5} local f = load('x = x + 1 return x', 'c', 't', env) return f(), env.x, x",
            "return load(function() return nil end) ~= nil, load('') ~= nil, load('syntax error here') == nil",
            "local parts = {'return ', '1', ' + ', '2'} local i = 0 return load(function() i = i + 1 return parts[i] end)()",
            "local f = load(%r) return f ~= nil" % ("local " + ", ".join("v%d" % i for i in range(rng.choice([199, 200, 201, 255]))) + " = 1"),
            "local f = load(%r) return f ~= nil" % ("local x = 1 " + "local function f() " * depth + "return x " + "end " * (depth + rng.choice([0, 0, -1, 1]))),
            "local f = load(%r) return f ~= nil, f and f()" % ("return " + "{" * depth + "}" * (depth + rng.choice([0, 0, -1, 1]))),
            "local f = load(%r) return f ~= nil, f and f()" % ("local t = {" + ",".join(str(i) for i in range(rng.choice([50, 51, 255, 256, 1000]))) + "} return #t, t[#t]"),
            "local f = load(%r) return f ~= nil" % ("return function(" + ",".join("a%d" % i for i in range(rng.choice([100, 200, 255, 256]))) + ") end"),
            "local f = load(%r) return f ~= nil, f and select('#', f())" % ("return " + ",".join(str(i) for i in range(rng.choice([100, 250, 254, 255, 256, 300])))),
            "local f = load(%r) return f ~= nil" % ("local x " + "x = function() return x end " * 3 + "local " + ", ".join("u%d" % i for i in range(60)) + " = 1 return function() return " + " + ".join("u%d" % i for i in range(60)) + " end"),
            "local f = load(%r) return f ~= nil" % ("local " + ", ".join("u%d" % i for i in range(150)) + " local function g() return " + " + ".join("u%d" % i for i in range(rng.choice([250, 256]))) + " end"),
            "local f = load(%r) return f ~= nil" % ("local u0 = 1 return function() return " + " + ".join("u0" for _ in range(rng.choice([200, 300]))) + " end"),
            "return #(%r), %r .. '' == %r" % ((rng.choice(["\\z   x", "a\\\nb", "\\065\\x41\\u{41}", "\\0", "\\u{10FFFF}", "\\u{7FFFFFFF}"]),) * 3),
            "return math.type(%s), %s" % ((rng.choice(["9223372036854775807", "9223372036854775808", "0xffffffffffffffff",
                                                       "0x1ffffffffffffffff", "1e1", "0x1p63", "-9223372036854775808",
                                                       "00000000000000000000001", "0x.1", "3e-0", "0xA.8p0"]),) * 2),
            "return os.time({year = %d, month = %d, day = %d, hour = 12}), os.date('!%%Y-%%m-%%d %%H:%%M:%%S', %s)" % (
                rng.choice([1970, 2000, 2038, 2100, 1900, 1969]), rng.choice([1, 2, 13, 0, -1]), rng.choice([1, 31, 0, 40]),
                self.pick("0", "86400 * 365", "2^31", "-1", "1e10", "2^60", "1.5")),
            "return os.date('!*t', %s).year, pcall(os.date, '%%Ez'), pcall(os.date, '%%Q'), os.date('!%%c', 0)"
            % self.pick("0", "1e9", "-1e9"),
            "return tostring(nil), tostring(true), tostring(-0.0), tostring(1e100), tostring(2^63), tostring(-2^63), "
            "tostring(1e15), tostring(1e16), tostring(0.1 + 0.2), tostring(100 // 1.0), tostring(3 / 2), tostring(-7 // 2.0)",
        ])

    def statement(self, n):
        kinds = [self.recursion, self.tables, self.strings, self.strings, self.coroutines, self.metamethods, self.gc,
                 self.close, self.control, self.control]
        body = self.rng.choice(kinds)()
        return "out(%r, pcall(function() %s end))" % ("s%d" % n, body)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "..", "..", "build", "tools"))
    p.add_argument("--cases", type=int, default=200)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--statements", type=int, default=25)
    p.add_argument("--timeout", type=float, default=20)
    p.add_argument("--messages", action="store_true", help="count error-message wording differences as mismatches")
    p.add_argument("--out", default="/tmp/sloth-diffvm")
    args = p.parse_args()
    return difflua.run_cases(args, PRELUDE, Gen, "diffvm")

if __name__ == "__main__":
    sys.exit(main())
