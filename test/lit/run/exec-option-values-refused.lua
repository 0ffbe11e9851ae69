-- Values a process cannot be given as written are refused, not changed: an env name with '='
-- (it set another variable), a NUL byte (the word was cut there), a timeout that is NaN (no
-- limit), infinite or huge (the timer overflowed and killed the command at once).
-- RUN: %sloth run %s | FileCheck %s
print(select(2, pcall(exec.command, "echo $A", { env = { ["A=B"] = "x" } })))
-- CHECK: exec.command: env variable name 'A=B' is empty or holds '=' or a NUL byte
print(select(2, pcall(exec.command, "echo $A", { env = { A = "cut\0here" } })))
-- CHECK-NEXT: exec.command: env variable 'A' holds a NUL byte
print(select(2, pcall(exec.command, { "echo", "cut\0here" })))
-- CHECK-NEXT: exec.command: the command holds a NUL byte
print(select(2, pcall(exec.shell, "echo cut\0here")))
-- CHECK-NEXT: exec.shell: the script holds a NUL byte
print(select(2, pcall(exec.command, "true", { cwd = "/tmp\0/x" })))
-- CHECK-NEXT: exec.command: option 'cwd' holds a NUL byte
print(select(2, pcall(exec.command, "true", { timeout = math.huge })))
-- CHECK-NEXT: exec.command: option 'timeout' must be a positive number of seconds, at most ten years, got inf
print(select(2, pcall(exec.command, "true", { timeout = 0 / 0 })))
-- CHECK-NEXT: exec.command: option 'timeout' must be a positive number of seconds, at most ten years
print(exec.command("echo fine", { timeout = 60 }).stdout)
-- CHECK-NEXT: fine
