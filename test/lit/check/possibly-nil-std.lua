-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- A value that is always nil fails in Lua's own library as surely as in sloth's modules.
print(math.floor(nil))
-- CHECK: {{.*}}possibly-nil-std.lua:3:18: error: math.floor: argument 1 ('x') is nil, but number is required [possibly-nil]
local unset
print(("x"):rep(unset))
-- CHECK: {{.*}}possibly-nil-std.lua:6:17: error: string.rep: argument 2 ('n') is nil, but integer is required [possibly-nil]
-- One that may be nil is still a warning.
print(math.floor(tonumber(os.getenv("N") or "")))
-- CHECK: {{.*}}possibly-nil-std.lua:9:18: warning: math.floor: argument 1 ('x') may be nil
