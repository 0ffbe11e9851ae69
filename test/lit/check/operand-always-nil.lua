-- RUN: not %slothc check --format gcc %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
-- Arithmetic, '..', '#' and order comparisons on a value that is always nil fail for certain.
-- A value that only may be nil (os.getenv) is how scripts are written: not reported.
local port
print("listening on " .. port)
-- CHECK: operand-always-nil.lua:5:26: error: '..' on a nil value fails: this is always nil here [possibly-nil]
local entry = log.info("start")
print(#entry)
-- CHECK: operand-always-nil.lua:8:8: error: '#' on a nil value fails: this is always nil here [possibly-nil]
-- CHECK: operand-always-nil.lua:7:15: note: log.info returns nothing
local retries = nil
if retries > 3 then print(retries + 1) end
-- CHECK: operand-always-nil.lua:12:4: error: '>' on a nil value fails
-- CHECK: operand-always-nil.lua:12:27: error: '+' on a nil value fails
local home = os.getenv("HOME")
print(home .. "/.config", #home, (tonumber(home) or 0) + 1)
