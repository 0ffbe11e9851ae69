-- RUN: not %slothc check --format gcc %s 2>&1 | FileCheck %s
-- A sloth module function whose signature declares no result (infra_test.*, log.*, metrics.*)
-- returns nothing: using its result as a table fails for certain, and the note says why.
local t = infra_test.file("/etc/app.conf", { exists = true })
if not t.passed then print("missing") end
-- CHECK: returns-nothing.lua:5:8: error: attempt to index a nil value (field 'passed'): this is always nil here [possibly-nil]
-- CHECK: returns-nothing.lua:4:11: note: infra_test.file returns nothing (its signature declares no result)
print(infra_test.port("127.0.0.1", 22).message)
-- CHECK: returns-nothing.lua:8:7: error: attempt to index a nil value (field 'message'): this is always nil here [possibly-nil]
-- CHECK: returns-nothing.lua:8:7: note: infra_test.port returns nothing
local entry = log.info("deployed")
entry:flush()
-- CHECK: returns-nothing.lua:12:1: error: attempt to call method 'flush' on a nil value: this is always nil here [possibly-nil]
-- CHECK: returns-nothing.lua:11:15: note: log.info returns nothing
