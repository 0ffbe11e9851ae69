-- A template whose expressions or blocks nest more than 100 levels is a syntax error (deeper
-- ones crashed sloth with a segfault: the parser and the renderer recurse once per level).
-- RUN: %sloth run %s | FileCheck %s
print(pcall(data.template, "{{ " .. ("not "):rep(100000) .. "true }}", {}))
-- CHECK: false	data.template: line 1: the expression nests more than 100 levels
print(pcall(data.template, "{{ x" .. ("|upper"):rep(100000) .. " }}", { x = "a" }))
-- CHECK-NEXT: false	data.template: line 1: the expression nests more than 100 levels
print(pcall(data.template, "{{ " .. ("1 + "):rep(100000) .. "1 }}", {}))
-- CHECK-NEXT: false	data.template: line 1: the expression nests more than 100 levels
print(pcall(data.template, "{{ " .. ("["):rep(100000) .. " }}", {}))
-- CHECK-NEXT: false	data.template: line 1: the expression nests more than 100 levels
print(pcall(data.template, ("{% if true %}"):rep(100000) .. "x" .. ("{% endif %}"):rep(100000), {}))
-- CHECK-NEXT: false	data.template: line 1: blocks ('if', 'for') nested more than 100 levels deep
print(data.template("{{ " .. ("1 + "):rep(98) .. "1 }}", {}), data.template(("{% if true %}"):rep(99) .. "ok" .. ("{% endif %}"):rep(99), {}))
-- CHECK-NEXT: 99	ok
