-- exec.command returns exit_code, stdout, stderr, success, duration, timed_out; a non-zero exit does not raise.
-- RUN: %sloth run %s | FileCheck %s
local r = exec.command("echo out; echo err >&2; exit 3")
print(r.exit_code, r.stdout, r.stderr, r.success, r.timed_out, r.duration >= 0)
local l = exec.command({ "printf", "%s|", "a b", "c" }, { env = { GREETING = "hi" } })
print(l.stdout, l.success)
print(exec.command("echo $GREETING", { env = { GREETING = "hi" }, cwd = "/" }).stdout)
-- CHECK: 3	out
-- CHECK-NEXT: 	err
-- CHECK-NEXT: 	false	false	true
-- CHECK-NEXT: a b|c|	true
-- CHECK-NEXT: hi
