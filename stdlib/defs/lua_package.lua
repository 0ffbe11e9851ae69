---@meta lua_package
---The Lua 5.4 package library (manual §6.3): how `require` finds and loads modules.
package = {}

---The directory separator, path separator, template mark, executable-directory mark and ignore mark, one per line (`"/\n;\n?\n!\n-\n"`).
---@type string
package.config = "/\n;\n?\n!\n-\n"

---The template path `require` searches for C libraries (from `LUA_CPATH_5_4` or `LUA_CPATH`).
---@type string
package.cpath = ""

---The modules already loaded, by name: `require` returns `package.loaded[name]` when it is set.
---@type table<string, any>
package.loaded = {}

---The template path `require` searches for Lua modules (from `LUA_PATH_5_4` or `LUA_PATH`).
---@type string
package.path = ""

---Loaders for modules by name, tried by `require` before any file.
---@type table<string, function>
package.preload = {}

---The functions `require` calls in turn to find a module's loader.
---@type function[]
package.searchers = {}

---Loads the C library `libname` and returns its function `funcname` (`"*"`: only link it); nil, the error and `"open"`, `"init"` or `"absent"` on failure.
---@param libname string
---@param funcname string
---@return function? loader
---@return string? error_message
---@return string? where
---@effect read
function package.loadlib(libname, funcname) end

---Searches `path` for `name` (dots replaced by `sep`, default `"."` by the directory separator); the first readable file, or nil and every name tried.
---@param name string
---@param path string
---@param sep? string
---@param rep? string
---@return string? filename
---@return string? tried
---@effect read
function package.searchpath(name, path, sep, rep) end
