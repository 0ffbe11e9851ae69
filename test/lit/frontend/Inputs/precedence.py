"""Differential precedence test: random unparenthesised expressions over every Lua 5.4 operator
are parsed by `slothc dump-ast`, printed back fully parenthesised from the AST, and both forms
are evaluated by lua5.4. Any difference means the grammar's precedence or associativity is wrong.

usage: precedence.py SLOTHC WORKDIR [COUNT] [SEED]"""
import random, re, subprocess, sys, os

slothc, work = sys.argv[1], sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 500
rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 54)
binary = ["+", "-", "*", "/", "//", "%", "^", "..", "&", "|", "~", "<<", ">>",
          "==", "~=", "<", "<=", ">", ">=", "and", "or"]
unary = ["- ", "not ", "~"]

def gen(depth):
    if depth == 0 or rng.random() < 0.25:
        return str(rng.randint(1, 9))
    if rng.random() < 0.2:
        return rng.choice(unary) + gen(depth - 1)
    return gen(depth - 1) + " " + rng.choice(binary) + " " + gen(depth - 1)

exprs = [gen(4) for _ in range(count)]
os.makedirs(work, exist_ok=True)
src = os.path.join(work, "exprs.lua")
with open(src, "w") as f:
    for e in exprs:
        f.write("x = " + e + "\n")
dump = subprocess.run([slothc, "dump-ast", src], capture_output=True, text=True, check=True).stdout

def parse(tokens):
    tok = tokens.pop(0)
    if tok != "(":
        return tok
    items = []
    while tokens[0] != ")":
        items.append(parse(tokens))
    tokens.pop(0)
    return items

def lua(node):
    if isinstance(node, str):
        return node
    head, args = node[0], node[1:]
    if head in ("int", "float"):
        return args[0]
    if head == "paren":
        return "(" + lua(args[0]) + ")"
    if len(args) == 1:
        return "(" + head + " " + lua(args[0]) + ")"
    return "(" + lua(args[0]) + " " + head + " " + lua(args[1]) + ")"

parenthesised = []
for line in dump.splitlines():
    m = re.match(r"\s*\(assign \(targets \(global x\)\) \(values (.*)\)\)\)*$", line)
    if not m:
        continue
    tokens = re.findall(r"\(|\)|[^\s()]+", m.group(1))
    parenthesised.append(lua(parse(tokens)))
assert len(parenthesised) == len(exprs), (len(parenthesised), len(exprs))

check = os.path.join(work, "check.lua")
with open(check, "w") as f:
    f.write("local function eval(s)\n"
            "  local ok, v = pcall(load('return ' .. s))\n"
            "  if not ok then v = tostring(v):gsub('^.-:%d+: ', '') end\n"
            "  return tostring(ok) .. ' ' .. (math.type(v) or type(v)) .. ' ' .. tostring(v)\n"
            "end\nlocal bad = 0\n")
    for e, p in zip(exprs, parenthesised):
        f.write(f"if eval([[{e}]]) ~= eval([[{p}]]) then bad = bad + 1; print('mismatch: {e}  =>  {p}') end\n")
    f.write(f"print(('checked {len(exprs)} expressions, %d mismatches'):format(bad))\n")
print(subprocess.run(["lua5.4", check], capture_output=True, text=True, check=True).stdout, end="")
