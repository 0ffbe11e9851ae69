-- data.yaml_parse: an alias of a list or mapping is the same table as its anchor (so aliases
-- repeating a node, "billion laughs", cost nothing), and an alias inside the node it names is an
-- error (it crashed sloth: unbounded recursion).
-- RUN: %sloth run %s | FileCheck %s
local t = data.yaml_parse("base: &b {x: 1, l: [1, 2]}\nother: *b\nboth: [*b, *b]\n")
print(t.other.x, t.both[2].l[2], t.base == t.other, t.both[1] == t.both[2])
-- CHECK: 1	2	true	true
print(pcall(data.yaml_parse, "a: &x [1, *x]"))
-- CHECK-NEXT: false	data.yaml_parse: line 1, column 4: an alias refers to a node that contains it
print(pcall(data.yaml_parse, "a: &x {self: *x}"))
-- CHECK-NEXT: false	data.yaml_parse: line 1, column 4: an alias refers to a node that contains it
local lines = { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" }
for i = 1, 9 do
  lines[#lines + 1] = ("a%d: &a%d [%s]"):format(i, i, ("*a%d, "):rep(10):sub(1, -3):format(i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1))
end
local laughs = data.yaml_parse(table.concat(lines, "\n"))
print(#laughs.a9, laughs.a9[10][10][10][10][10][10][10][10][10][10])
-- CHECK-NEXT: 10	x
