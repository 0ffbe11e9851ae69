---@meta data
---Parsing and producing JSON, YAML and TOML, and text templates. Pure functions: no effect on the host.
---Malformed input raises an error with the line and column in the input.
---JSON/YAML null decodes to nil; arrays decode to sequences, objects to tables with string keys.
data = {}

---Parses JSON text into Lua values.
---@param text string
---@return any
---@effect none
function data.json_parse(text) end

---Encodes a Lua value as JSON (sequences become arrays, tables with string keys objects; cycles raise).
---@param value any
---@return string
---@effect none
function data.json_encode(value) end

---Parses YAML text (one document) into Lua values.
---@param text string
---@return any
---@effect none
function data.yaml_parse(text) end

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
