local x = 1
if x then
  break
end
local y = = 2
