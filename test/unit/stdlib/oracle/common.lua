-- Helpers for the oracle scripts: they run cases through lua5.4 and print C++ initializers with
-- the results, which the *_test.cpp files pin. Regenerate with: lua5.4 NAME_cases.lua
local M = {}

-- A C++ std::string expression holding exactly the bytes of `s` (octal escapes avoid ambiguity).
function M.cpp(s)
  local body = s:gsub('[^%w %.,;:!#%$&%(%)%*%+%-/<=>@%[%]%^_`{|}~]', function(c)
    return string.format('\\%03o', c:byte())
  end)
  return string.format('std::string("%s", %d)', body, #s)
end

-- Serializes the results of a pcall: "error: MSG" or the values separated by spaces, strings in
-- brackets, numbers as %q renders them (so floats and integers differ).
function M.results(ok, ...)
  if not ok then return "error: " .. tostring((...)) end
  local out = {}
  for i = 1, select('#', ...) do
    local v = select(i, ...)
    if type(v) == "string" then out[#out + 1] = "[" .. v .. "]"
    elseif type(v) == "number" then out[#out + 1] = string.format("%q", v)
    else out[#out + 1] = tostring(v) end
  end
  return table.concat(out, " ")
end

return M
