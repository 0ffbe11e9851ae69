-- RUN: not %slothc check %s 2>&1 | FileCheck %s
file.write("/etc/motd", { "not", "text" })
-- CHECK: {{.*}}arg-type-mismatch.lua:2:25: error: file.write: argument 2 ('content') must be string, got table [arg-type-mismatch]
