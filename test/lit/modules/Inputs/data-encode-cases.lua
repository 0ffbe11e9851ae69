-- Writes each case value, encoded, into DIR: caseN.json (compact, the reference), caseN.pretty.json,
-- caseN.yaml and, for tables without null, caseN.toml. data_encode_oracle.py reads them back.
local dir = ...
local tricky = { "", "yes", "No", "on", "OFF", "y", "n", "true", "False", "null", "~", "007", "1e3",
  "-1", "+1", ".5", ".inf", "-x", "a: b", "#hash", "- item", "key: [1]", " padded ", "tab\there",
  "line\nbreak", "quote \" and ' marks", "h\u{e9}llo \u{2603}", "{braces}", "[brackets]", "*star",
  "&amp", "!bang", "%percent", "@at", "`tick`", "0x1F", "0o17", "1_000", "12:30", "2001-12-14" }
local cases = {
  { name = "app", version = "1.0", replicas = 3, ratio = 0.25, enabled = true, debug = false },
  { list = { 1, -2, 3.0, 0.1, 1e100, 1.5e-7, -0.5, 1 / 3, math.maxinteger, math.mininteger } },
  { strings = tricky },
  { nested = { servers = { { host = "a", port = 80 }, { host = "b", port = 443, tags = { "x" } } } } },
  { empty_array = data.json_parse("[]"), empty_object = {}, deep = { { {} } } },
  { nulls = data.json_parse("[1, null, 3]"), member = data.null },
  { [1] = "one", [10] = "ten", named = "x" },
  { floats = { 2.0, 100.0, 1e15, 1e16, 123456789.125, 5e-324 } },
  data.json_parse('[1, "two", [3], {"four": 4}]'),
  "just a string",
  42,
  data.null,
}
for i, value in ipairs(cases) do
  local function write(suffix, text)
    local f = assert(io.open(dir .. "/case" .. i .. suffix, "w"))
    f:write(text)
    f:close()
  end
  write(".json", data.json_encode(value))
  write(".pretty.json", data.json_encode(value, { pretty = true }))
  write(".yaml", data.yaml_encode(value))
  if type(value) == "table" and not data.json_encode(value):find("null") and
      data.json_encode(value):sub(1, 1) == "{" then
    write(".toml", data.toml_encode(value))
  end
end
print(#cases)
