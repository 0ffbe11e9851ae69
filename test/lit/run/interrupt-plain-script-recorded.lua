-- Ctrl-C stops a plain script's busy Lua code, even inside pcall, says so on stderr (as lua5.4
-- says "interrupted!"), exits 130 and records the run as interrupted (it stayed "running").
-- RUN: rm -rf %t && mkdir -p %t
-- RUN: sh -c 'SLOTH_HOME=%t %sloth run %s > %t/out 2> %t/err & pid=$!; sleep 0.7; kill -INT $pid; wait $pid; echo "exit $?"' | FileCheck %s --check-prefix=EXIT
-- RUN: FileCheck %s --check-prefix=ERR < %t/err
-- RUN: env SLOTH_HOME=%t %sloth history | FileCheck %s --check-prefix=HISTORY
print("start")
io.stdout:flush()
local spins = 0
while true do
  pcall(function()
    for _ = 1, 1e6 do
      spins = spins + 1
    end
  end)
end
-- EXIT: exit 130
-- ERR: sloth: interrupted
-- ERR-NEXT: stack traceback:
-- HISTORY: #1  {{.*}}  interrupted  {{.*}}interrupt-plain-script-recorded.lua
-- HISTORY-NEXT: interrupted (SIGINT)
