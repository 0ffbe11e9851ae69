-- Ctrl-C while a plain script waits (here in reliability.retry's 20 s delay) ends the run at once:
-- 'sloth: interrupted', exit 130, recorded as interrupted. It waited out every delay, and retried
-- once more with 'interrupted' as the failure.
-- RUN: rm -rf %t && mkdir -p %t
-- RUN: sh -c 'SLOTH_HOME=%t %sloth run %s > %t/out 2> %t/err & pid=$!; sleep 0.7; kill -INT $pid; wait $pid; echo "exit $?"' | FileCheck %s --check-prefix=EXIT
-- RUN: FileCheck %s --check-prefix=ERR < %t/err
-- RUN: env SLOTH_HOME=%t %sloth history | FileCheck %s --check-prefix=HISTORY
local attempts = 0
print(pcall(reliability.retry, function()
  attempts = attempts + 1
  error("not yet")
end, { max_attempts = 3, initial_delay = 20 }))
print("after", attempts)
-- EXIT: exit 130
-- ERR: retrying in 20 s
-- ERR-NEXT: sloth: interrupted
-- ERR-NOT: attempt 2
-- HISTORY: #1  {{.*}}  interrupted  {{.*}}interrupt-plain-script-waiting.lua
-- HISTORY-NEXT: interrupted (SIGINT)
