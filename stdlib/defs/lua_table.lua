---@meta lua_table
---The Lua 5.4 table library (manual §6.6): list manipulation, `table.sort`, `table.pack`/`table.unpack`.
table = {}

---Joins the strings and numbers `list[i]` to `list[j]` with a separator.
---@param list table
---@param sep? string|number  Default `""`.
---@param i? integer  Default 1.
---@param j? integer  Default `#list`.
---@return string
---@effect none
function table.concat(list, sep, i, j) end

---Inserts `value` at position `pos` (shifting up the elements after it), or appends it: `table.insert(list, value)`.
---@param list table
---@param pos integer  The position, when three arguments are given.
---@param value any
---@overload fun(list: table, value: any)
---@effect none
function table.insert(list, pos, value) end

---Moves `a1[f..e]` to `a2[t..]` (a2 defaults to a1); returns a2.
---@param a1 table
---@param f integer
---@param e integer
---@param t integer
---@param a2? table
---@return table
---@effect none
function table.move(a1, f, e, t, a2) end

---A new table with the arguments at keys 1, 2, ... and their number in field `n`.
---@param ... any
---@return table
---@effect none
function table.pack(...) end

---Removes and returns the element at `pos` (default: the last), shifting down the elements after it.
---@param list table
---@param pos? integer
---@return any
---@effect none
function table.remove(list, pos) end

---Sorts `list[1..#list]` in place, by `<` or by `comp(a, b)` (true when a must come before b).
---@param list table
---@param comp? fun(a: any, b: any): boolean
---@effect none
function table.sort(list, comp) end

---Returns `list[i]`, ..., `list[j]` (default 1 and `#list`).
---@param list table
---@param i? integer
---@param j? integer
---@return any ...
---@effect none
function table.unpack(list, i, j) end

---Lua 5.0's length of a list.
---@deprecated use the length operator #list
---@param list table
---@return integer
---@effect none
function table.getn(list) end

---Lua 5.1's largest positive numeric key of a table.
---@deprecated use the length operator #list, or a loop over pairs
---@param list table
---@return number
---@effect none
function table.maxn(list) end
