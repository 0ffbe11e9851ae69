-- RUN: not %slothc check --format gcc %s 2>&1 | FileCheck %s --implicit-check-not=error:
-- The task and workflow builders take their values as they are: a numeric string for a count, a
-- number for a text, fail when the script runs.
local n = tonumber(os.getenv("RETRIES")) or 3
local a = task("a"):retries("3"):command("true"):build()
-- CHECK: builder-arguments-not-converted.lua:5:29: error: TaskBuilder:retries: argument 1 ('count') must be integer, got "3" [arg-type-mismatch]
local b = task("b"):description(42):retries(n):timeout(n * 60):command("true"):build()
-- CHECK: builder-arguments-not-converted.lua:7:33: error: TaskBuilder:description: argument 1 ('text') must be string, got 42 [arg-type-mismatch]
workflow.define("w"):version(1.0):tasks({ a, b })
-- CHECK: builder-arguments-not-converted.lua:9:30: error: workflow.Builder:version: argument 1 ('version') must be string, got 1.0 [arg-type-mismatch]
