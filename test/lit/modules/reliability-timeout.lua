-- timeout returns fn's results when it finishes in time; otherwise its wait is cancelled, its
-- process killed, and a timeout error raised. fn's own errors pass through unchanged.
-- RUN: rm -rf %t && mkdir -p %t
-- RUN: %sloth run %s %t | FileCheck %s
local dir = ...
print(reliability.timeout(function() return 1, nil, 3 end, 5))
-- CHECK: 1	nil	3
print(pcall(reliability.timeout, function()
  exec.command("sh -c 'echo $$ > " .. dir .. "/pid; exec sleep 30'")
  return "finished"
end, 0.3))
-- CHECK-NEXT: false	{{.*}}reliability.timeout: the function did not finish within 0.3 s
-- SIGKILL is delivered asynchronously: allow the process up to 5 s to be gone (or a zombie).
local gone = exec.command("sh -c 'p=$(cat " .. dir .. "/pid); for i in $(seq 100); do " ..
  "s=$(cut -d\" \" -f3 /proc/$p/stat 2>/dev/null); " ..
  "if [ -z \"$s\" ] || [ \"$s\" = Z ]; then exit 0; fi; sleep 0.05; done; exit 1'")
print(gone.exit_code == 0 and "killed" or "still running")
-- CHECK-NEXT: killed
local ok, err = pcall(reliability.timeout, function() error({ code = 7 }) end, 5)
print(ok, err.code)
-- CHECK-NEXT: false	7
print(pcall(reliability.timeout, function() end, 0))
-- CHECK-NEXT: false	{{.*}}reliability.timeout: the limit must be a positive number of seconds, got 0
