-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
-- Values that may be equal, values of unknown type, and nil tests are never reported.
local ok = file.exists("/etc/app.conf") == true
local line = "+x"
if not (line:sub(1, 1) == "+") then print(ok) end
if #line ~= 0 then print(line) end
local home = os.getenv("HOME")
if home == nil or home == "" then print("no home") end
local function value(x) return x end
if value(1) == "1" then print("unknown result") end
local n = tonumber("3")
if n == 3 then print(n) end
