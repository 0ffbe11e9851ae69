-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
local r = exec.command("uname -r")
print(r.exit_code, r.stdout)
-- A field the script sets itself can be read back.
r.note = "kernel"
print(r.note)
