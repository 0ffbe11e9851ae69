-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
local ports = { http = 80, https = 443, ["http-alt"] = 8080 }
local list = { "a", "b", [3] = "c" }
print(ports, list)
