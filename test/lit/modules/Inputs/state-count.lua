-- Counts which of the keys the two writers wrote are present with the right value.
local count = tonumber(...)
local found = 0
for _, name in ipairs({ "a", "b" }) do
  for i = 1, count do
    if state.get(name .. "." .. i) == i then
      found = found + 1
    end
  end
end
print(found, state.get("last"))
