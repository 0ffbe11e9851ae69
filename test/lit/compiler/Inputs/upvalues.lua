local outerenv = _ENV
local x = 1
local function outer()
  local y = 2
  local function mid()
    local z = 3
    return function() x = x + y + z; return x end
  end
  return mid
end
local _ENV = {print = print}
print(x)
function gl() return undefinedglobal end
local function lf() local _ENV <const> = {} ; return foo end
local t = setmetatable
