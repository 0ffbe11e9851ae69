---@meta lua_utf8
---The Lua 5.4 utf8 library (manual §6.5): UTF-8 encoding and decoding of strings. `lax` accepts
---code points up to 2^31 and surrogates.
utf8 = {}

---The pattern that matches exactly one UTF-8 byte sequence.
---@type string
utf8.charpattern = "[\0-\x7F\xC2-\xFD][\x80-\xBF]*"

---A string of the UTF-8 encodings of the code points.
---@param ... integer
---@return string
---@effect none
function utf8.char(...) end

---An iterator over the characters of a string: `for position, codepoint in utf8.codes(s) do`.
---@param s string
---@param lax? boolean
---@return fun(s: string, i: integer): integer?, integer
---@return string
---@return integer
---@effect none
function utf8.codes(s, lax) end

---The code points of the characters starting between byte positions i and j.
---@param s string
---@param i? integer  Default 1.
---@param j? integer  Default i.
---@param lax? boolean
---@return integer ...
---@effect none
function utf8.codepoint(s, i, j, lax) end

---The number of UTF-8 characters between positions i and j, or nil and the position of the first invalid byte.
---@param s string
---@param i? integer  Default 1.
---@param j? integer  Default -1.
---@param lax? boolean
---@return integer?
---@return integer? invalid_position
---@effect none
function utf8.len(s, i, j, lax) end

---The byte position where the n-th character (counting from position i) starts.
---@param s string
---@param n integer
---@param i? integer
---@return integer?
---@effect none
function utf8.offset(s, n, i) end
