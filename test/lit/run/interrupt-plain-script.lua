-- Ctrl-C stops a plain script (no workflow) that waits for a command, and kills the command, which
-- runs in a process group of its own (it kept running after sloth had died, or sloth waited for it
-- when started with SIGINT ignored).
-- RUN: sh -c '%sloth run %s > %t.out 2>&1 & pid=$!; sleep 0.7; kill -INT $pid; wait $pid; echo "exit $?"' | FileCheck %s --check-prefix=EXIT
-- RUN: FileCheck %s < %t.out
-- RUN: not pgrep -f "sleep 14.421"
-- RUN: not pgrep -f "sleep 14.422"
print("start")
io.stdout:flush()
goroutine.parallel({
  function() os.execute("sleep 14.421") end,
  function() exec.command("sleep 14.422") end,
})
print("after")
-- EXIT: exit 130
-- CHECK: start
-- CHECK-NOT: after
