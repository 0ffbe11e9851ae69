-- RUN: %slothc check --format gcc %s 2>&1 | FileCheck %s
-- A suppression that suppresses nothing is reported (and can itself be ignored per file).
local t = task("a"):command("true"):build() -- sloth: ignore missing-build
-- sloth: ignore-file duplicate-task
workflow.define("w"):tasks({ t })
-- CHECK: unused-suppression.lua:3:62: warning: unused suppression: no 'missing-build' diagnostic on line 3 [unused-suppression]
-- CHECK: unused-suppression.lua:4:23: warning: unused suppression: no 'duplicate-task' diagnostic in this file [unused-suppression]
