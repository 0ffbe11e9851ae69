---@meta data
---Parsing and producing JSON, YAML and TOML, and text templates. Pure functions: no effect on the host.
---Malformed input raises an error with the line and column in the input.
---JSON/YAML null decodes to `data.null` (so arrays keep their length and objects their members); arrays
---decode to sequences that encode back as arrays even when empty, objects to tables with string keys.
data = {}

---The null of JSON and YAML: a value distinct from nil (and true in conditions: compare with `== data.null`).
---@class (exact) data.Null

---@class (exact) data.JsonOptions
---@field pretty? boolean  Indent by two spaces, one member or item per line (default: compact).

---What JSON and YAML null decode to, and what encodes as null.
---@type data.Null
data.null = nil

---Parses JSON text into Lua values.
---@param text string
---@return any
---@effect none
function data.json_parse(text) end

---Encodes a Lua value as JSON (sequences become arrays, tables with string keys objects; cycles raise).
---@param value any
---@param options? data.JsonOptions
---@return string
---@effect none
function data.json_encode(value, options) end

---Parses YAML text (one document) into Lua values.
---@param text string
---@return any
---@effect none
function data.yaml_parse(text) end

---Encodes a Lua value as a YAML document (block style, keys sorted; strings that would read back as
---another type are quoted).
---@param value any
---@return string
---@effect none
function data.yaml_encode(value) end

---Encodes a table as a TOML document (keys sorted, nested tables as sections); raises for data.null,
---which TOML cannot hold.
---@param value table<string, any>
---@return string
---@effect none
function data.toml_encode(value) end

---Parses TOML text into a table.
---@param text string
---@return table<string, any>
---@effect none
function data.toml_parse(text) end

---Renders a template string: `{{ name }}` placeholders replaced by variables (a missing variable raises).
---@param text string  The template, e.g. `"Hello {{ name }}"`.
---@param vars table<string, any>  The variables.
---@return string
---@effect none
function data.template(text, vars) end
