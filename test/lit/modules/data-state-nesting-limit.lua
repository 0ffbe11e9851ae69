-- Tables nested deeper than 200 levels are an error of the function that reads or writes them
-- (each of these crashed sloth with a segfault: recursion past the C++ stack).
-- RUN: rm -rf %t.home && env SLOTH_HOME=%t.home %sloth run %s | FileCheck %s
local function nest(n)
  local root = {}
  local t = root
  for _ = 1, n do t.n = {} t = t.n end
  return root
end
local deep = nest(100000)
for _, f in ipairs({ "json_encode", "yaml_encode", "toml_encode" }) do
  local ok, e = pcall(data[f], deep)
  print(f, ok, (e:gsub("at n[.n]*: ", "at n.n...: ")))
end
-- CHECK: json_encode	false	data.json_encode: at n.n...: tables nested more than 200 levels deep
-- CHECK-NEXT: yaml_encode	false	data.yaml_encode: at n.n...: tables nested more than 200 levels deep
-- CHECK-NEXT: toml_encode	false	data.toml_encode: at n.n...: tables nested more than 200 levels deep
local ok, e = pcall(state.set, "deep", deep)
print(ok, (e:gsub(" %(at [^)]*%)", "")))
-- CHECK-NEXT: false	state.set: cannot store tables nested more than 200 levels deep under 'deep'; values are strings, numbers, booleans and tables of them
print(pcall(data.json_parse, string.rep("[", 100000) .. string.rep("]", 100000)))
-- CHECK-NEXT: false	data.json_parse: arrays and objects nested more than 200 levels deep
print(pcall(data.template, "{{ t }}", { t = deep }))
-- CHECK-NEXT: false	data.template: a variable holds tables nested more than 200 levels deep
print(#data.json_encode(nest(150)), state.set("ok", nest(150)).changed)
-- CHECK-NEXT: 902	true
