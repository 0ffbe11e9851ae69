-- RUN: %slothc check --format gcc %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
-- string.format with a literal format: a conversion without a value, or one Lua does not have,
-- fails when the call runs. A call as the last argument may give any number of values.
local host, port = "db1", 5432
print(string.format("%s:%d", host))
-- CHECK: format-string.lua:5:20: warning: string.format: the format has 2 conversions but gets 1 value: '%d' has no value [wrong-arg-count]
print(("%s=%s"):format("key"))
-- CHECK: format-string.lua:7:23: warning: string.format: the format has 2 conversions but gets 1 value: '%s' has no value [wrong-arg-count]
local line = "%d%% done, %y"
print(line:format(50))
-- CHECK: format-string.lua:10:7: warning: string.format: invalid conversion '%y' in the format
print(string.format("%-10s|%05.1f|%x|%q|%i", host, 1.5, port, host, 2))
print(string.format("%s %s", table.unpack({ host, port })))
