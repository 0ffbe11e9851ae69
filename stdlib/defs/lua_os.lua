---@meta lua_os
---The Lua 5.4 os library (manual §6.9): time and dates, the environment, and a few file and process
---operations. `os.execute`, `os.remove` and `os.rename` change the system and show in plans; sloth's
---`exec` and `file` modules do the same with results and dry-run support.
os = {}

---The fields of a date table (`os.date("*t")`, `os.time{...}`).
---@class (exact) os.DateTable
---@field year integer  Four digits.
---@field month integer  1-12.
---@field day integer  1-31.
---@field hour? integer  0-23 (default 12 for os.time).
---@field min? integer  0-59.
---@field sec? integer  0-61.
---@field wday? integer  Weekday, 1-7, Sunday is 1.
---@field yday? integer  Day of the year, 1-366.
---@field isdst? boolean  Daylight saving time.

---CPU time used by the program, in seconds.
---@return number
---@effect read
function os.clock() end

---Formats a time (default: now) by a strftime format; `"*t"`/`"!*t"` give a date table, `!` means UTC.
---@param format? string  Default `"%c"`.
---@param time? integer
---@return string|os.DateTable
---@effect read
function os.date(format, time) end

---The seconds from time t1 to time t2.
---@param t2 integer
---@param t1 integer
---@return number
---@effect none
function os.difftime(t2, t1) end

---Runs a shell command (`/bin/sh -c`); returns true or nil, `"exit"` or `"signal"`, and the status. Without a command: whether a shell exists.
---@param command? string
---@return boolean? success
---@return "exit"|"signal" kind
---@return integer code
---@effect exec
---@plan "run {command}"
function os.execute(command) end

---Ends the script with a status (true: success, false: failure, or a number).
---@param code? boolean|integer
---@param close? boolean  Close the Lua state first.
---@effect none
function os.exit(code, close) end

---The value of an environment variable, or nil.
---@param varname string
---@return string?
---@effect read
function os.getenv(varname) end

---Deletes a file or an empty directory; returns true, or nil, a message and an error code.
---@param filename string
---@return boolean? success
---@return string? error_message
---@return integer? error_code
---@effect write
---@plan "remove {filename}"
function os.remove(filename) end

---Renames a file or directory; returns true, or nil, a message and an error code.
---@param oldname string
---@param newname string
---@return boolean? success
---@return string? error_message
---@return integer? error_code
---@effect write
---@plan "rename {oldname} to {newname}"
function os.rename(oldname, newname) end

---Sets (or with nil queries) the C locale of a category; returns its name, or nil.
---@param locale? string
---@param category? "all"|"collate"|"ctype"|"monetary"|"numeric"|"time"
---@return string?
---@effect none
function os.setlocale(locale, category) end

---The current time, or the time of a date table, as an integer (seconds since the epoch).
---@param date? os.DateTable
---@return integer
---@effect read
function os.time(date) end

---A name usable for a temporary file (the file is created on POSIX systems).
---@return string
---@effect none
function os.tmpname() end
