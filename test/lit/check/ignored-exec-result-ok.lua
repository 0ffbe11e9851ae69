-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
local r = exec.command("systemctl reload nginx")
if not r.success then error(r.stderr) end
