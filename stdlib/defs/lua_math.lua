---@meta lua_math
---The Lua 5.4 math library (manual §6.7): integer and float functions, `math.random` (xoshiro256**).
math = {}

---The float value of pi.
---@type number
math.pi = 3.141592653589793

---A float greater than any other number (infinity).
---@type number
math.huge = 1 / 0

---The largest integer, `9223372036854775807`.
---@type integer
math.maxinteger = 9223372036854775807

---The smallest integer, `-9223372036854775808`.
---@type integer
math.mininteger = -9223372036854775807 - 1

---The absolute value (an integer for an integer).
---@param x number
---@return number
---@effect none
function math.abs(x) end

---The arc cosine, in radians.
---@param x number
---@return number
---@effect none
function math.acos(x) end

---The arc sine, in radians.
---@param x number
---@return number
---@effect none
function math.asin(x) end

---The arc tangent of y/x, in radians, using both signs for the quadrant (x defaults to 1).
---@param y number
---@param x? number
---@return number
---@effect none
function math.atan(y, x) end

---The smallest integral value >= x (an integer when it fits).
---@param x number
---@return integer
---@effect none
function math.ceil(x) end

---The cosine of x (radians).
---@param x number
---@return number
---@effect none
function math.cos(x) end

---Radians to degrees.
---@param x number
---@return number
---@effect none
function math.deg(x) end

---e to the power x.
---@param x number
---@return number
---@effect none
function math.exp(x) end

---The largest integral value <= x (an integer when it fits).
---@param x number
---@return integer
---@effect none
function math.floor(x) end

---The remainder of x/y rounding the quotient towards zero.
---@param x number
---@param y number
---@return number
---@effect none
function math.fmod(x, y) end

---The logarithm of x in a base (default e).
---@param x number
---@param base? number
---@return number
---@effect none
function math.log(x, base) end

---The largest argument (by `<`).
---@param x number
---@param ... number
---@return number
---@effect none
function math.max(x, ...) end

---The smallest argument (by `<`).
---@param x number
---@param ... number
---@return number
---@effect none
function math.min(x, ...) end

---The integral and fractional parts of x (the first as a float).
---@param x number
---@return number
---@return number
---@effect none
function math.modf(x) end

---Degrees to radians.
---@param x number
---@return number
---@effect none
function math.rad(x) end

---A float in [0, 1) without arguments, an integer in [1, m] or [m, n] with them.
---@param m? integer
---@param n? integer
---@return number
---@effect none
function math.random(m, n) end

---Seeds the generator (randomly without arguments).
---@param x? integer
---@param y? integer
---@effect none
function math.randomseed(x, y) end

---The sine of x (radians).
---@param x number
---@return number
---@effect none
function math.sin(x) end

---The square root of x.
---@param x number
---@return number
---@effect none
function math.sqrt(x) end

---The tangent of x (radians).
---@param x number
---@return number
---@effect none
function math.tan(x) end

---x as an integer when it has an exact integer value, otherwise nil.
---@param x any
---@return integer?
---@effect none
function math.tointeger(x) end

---`"integer"`, `"float"`, or nil when x is not a number.
---@param x any
---@return "integer"|"float"|nil
---@effect none
function math.type(x) end

---Whether m < n when both are compared as unsigned integers.
---@param m integer
---@param n integer
---@return boolean
---@effect none
function math.ult(m, n) end

---Lua 5.1's power function.
---@deprecated use the operator x ^ y
---@param x number
---@param y number
---@return number
---@effect none
function math.pow(x, y) end

---Lua 5.1's base-10 logarithm.
---@deprecated use math.log(x, 10)
---@param x number
---@return number
---@effect none
function math.log10(x) end
