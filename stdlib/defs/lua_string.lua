---@meta lua_string
---The Lua 5.4 string library (manual §6.4): Lua patterns, `string.format`, `string.pack`. Strings are
---byte strings; numbers are accepted where strings are expected. Also the methods of strings: `s:upper()`.
string = {}

---The numeric codes of the bytes `s[i]` to `s[j]`.
---@param s string|number
---@param i? integer  First position (default 1; negative counts from the end).
---@param j? integer  Last position (default i).
---@return integer ...
---@effect none
function string.byte(s, i, j) end

---A string of the bytes with the given codes.
---@param ... integer
---@return string
---@effect none
function string.char(...) end

---The binary chunk of a Lua function, for `load`.
---@param f function
---@param strip? boolean  Leave out debug information.
---@return string
---@effect none
function string.dump(f, strip) end

---Finds the first match of a pattern (or plain text): its start and end positions and captures, or nil.
---@param s string|number
---@param pattern string|number
---@param init? integer  Where to start (default 1; negative counts from the end).
---@param plain? boolean  Treat the pattern as plain text.
---@return integer? start
---@return integer? finish
---@return any ...  The captures.
---@effect none
function string.find(s, pattern, init, plain) end

---Formats its arguments like C's sprintf: `%d %i %u %c %x %X %o %e %E %f %g %G %a %A %q %s %p %%`.
---@param formatstring string|number
---@param ... any
---@return string
---@effect none
function string.format(formatstring, ...) end

---An iterator over the matches of a pattern: `for word in s:gmatch("%a+") do`.
---@param s string|number
---@param pattern string|number
---@param init? integer  Where to start (default 1).
---@return fun(): string?, ...  Each call returns the next match's captures.
---@effect none
function string.gmatch(s, pattern, init) end

---Replaces the matches of a pattern by a string (`%1` for captures), a table lookup or a function's result.
---@param s string|number
---@param pattern string|number
---@param repl string|number|table|function
---@param n? integer  At most this many replacements.
---@return string  The result.
---@return integer count  How many matches were replaced.
---@effect none
function string.gsub(s, pattern, repl, n) end

---The length of a string in bytes.
---@param s string|number
---@return integer
---@effect none
function string.len(s) end

---The string in lower case (per the C locale).
---@param s string|number
---@return string
---@effect none
function string.lower(s) end

---The captures of the first match of a pattern (the whole match without captures), or nil.
---@param s string|number
---@param pattern string|number
---@param init? integer
---@return any ...
---@effect none
function string.match(s, pattern, init) end

---Serializes values into a binary string by a format (`<i4`, `z`, `s2`, ...).
---@param fmt string
---@param ... any
---@return string
---@effect none
function string.pack(fmt, ...) end

---The size of what `string.pack(fmt, ...)` produces (no variable-length options).
---@param fmt string
---@return integer
---@effect none
function string.packsize(fmt) end

---n copies of a string, separated by `sep`.
---@param s string|number
---@param n integer
---@param sep? string|number
---@return string
---@effect none
function string.rep(s, n, sep) end

---The string reversed (byte by byte).
---@param s string|number
---@return string
---@effect none
function string.reverse(s) end

---The substring from i to j (inclusive; negative positions count from the end).
---@param s string|number
---@param i integer
---@param j? integer  Default -1 (the end).
---@return string
---@effect none
function string.sub(s, i, j) end

---Reads the values packed in a binary string by a format; returns them and the position after them.
---@param fmt string
---@param s string
---@param pos? integer
---@return any ...
---@effect none
function string.unpack(fmt, s, pos) end

---The string in upper case (per the C locale).
---@param s string|number
---@return string
---@effect none
function string.upper(s) end

---Lua 5.0's name for `string.gmatch`.
---@deprecated use string.gmatch
---@param s string|number
---@param pattern string|number
---@return fun(): string?, ...
---@effect none
function string.gfind(s, pattern) end
