-- Writes N keys of its own (NAME.1 .. NAME.N) and the shared key "last" N times.
local name, count = ...
for i = 1, tonumber(count) do
  state.set(name .. "." .. i, i)
  state.set("last", i)
end
