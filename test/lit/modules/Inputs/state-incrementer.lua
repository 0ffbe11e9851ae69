-- Increments the shared key "hits" N times, one transaction each.
local count = tonumber(...)
for _ = 1, count do
  state.increment("hits")
end
