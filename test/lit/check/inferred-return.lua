-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- Results of unannotated functions are typed from their `return` statements.
local function run(c) return exec.command(c) end
local r = run("ls")
print(r.exitcode)
-- CHECK: {{.*}}inferred-return.lua:5:9: error: unknown field 'exitcode' on exec.Result; did you mean 'exit_code'? [unknown-field]
run("systemctl reload nginx")
-- CHECK: {{.*}}inferred-return.lua:7:1: warning: the result of run is ignored: a command that fails goes unnoticed; check its 'success' or 'exit_code' [ignored-exec-result]
local function home(user)
  if user then return os.getenv("HOME") end
end
print(home("root"):upper())
-- CHECK: {{.*}}inferred-return.lua:12:7: warning: this value may be nil (its type is string?); check it before calling :upper() [possibly-nil]
local M = {}
function M.status() return exec.command("systemctl is-active nginx") end
print(M.status().stdot)
-- CHECK: {{.*}}inferred-return.lua:16:18: error: unknown field 'stdot' on exec.Result; did you mean 'stdout'? [unknown-field]
local probe = function() return 42 end
probe()()
-- CHECK: {{.*}}inferred-return.lua:19:1: error: attempt to call a value that is not a function (its type is integer) [call-non-function]
function Uptime() return exec.command("uptime") end
print(Uptime().exit_cod)
-- CHECK: {{.*}}inferred-return.lua:22:16: error: unknown field 'exit_cod' on exec.Result; did you mean 'exit_code'? [unknown-field]
