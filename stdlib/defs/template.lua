---@meta template
---Template files rendered with variables: `{{ name }}` placeholders (the syntax of `data.template`).
---An unknown variable in the template raises an error naming it and the template's line.
template = {}

---@class (exact) template.Result
---@field changed boolean  Whether the destination's content changed.
---@field path string  The destination that was written.
---@field diff? string  Only in a dry run, when it would change: a unified diff of the destination's content.

---Renders a template file with variables and writes it to destination; an identical destination is left alone.
---@param source string  The template file.
---@param destination string  The file to write.
---@param vars? table<string, any>  The variables the template refers to.
---@return template.Result
---@effect write
---@plan "render {source} to {destination}"
function template.render(source, destination, vars) end
