-- RUN: %slothc check %s 2>&1 | FileCheck %s
local ports = { http = 80, https = 443, http = 8080 }
local list = { "a", "b", [1] = "c" }
print(ports, list)
-- CHECK: {{.*}}duplicate-key.lua:2:41: warning: duplicate key 'http' in table constructor: only one of the values is kept [duplicate-key]
-- CHECK: {{.*}}duplicate-key.lua:3:27: warning: duplicate key [1] in table constructor: only one of the values is kept [duplicate-key]
