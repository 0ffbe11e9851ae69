-- RUN: %slothc check --format gcc %s 2>&1 | FileCheck %s
-- A suppression after code does not reach the next line.
print("x") -- sloth: ignore missing-build
task("a"):command("true")
-- CHECK: suppress-other-line.lua:3:29: warning: unused suppression: no 'missing-build' diagnostic on line 3 [unused-suppression]
-- CHECK: suppress-other-line.lua:4:1: warning: task 'a' is never built{{.*}}[missing-build]
