-- slothc check knows the shapes of the facts records (exact classes in stdlib/defs/facts.lua):
-- a misspelt field is an error with a suggestion, the reference's usage is clean.
-- RUN: not %slothc check %s 2>&1 | FileCheck %s
local f = facts.gather()
print(f.os.name, f.kernel.version, f.cpu.cores, f.memory.total, f.hostname, f.disk[1].mount)
print(facts.cpu().corez)
-- CHECK: facts-check-record-fields.lua:[[@LINE-1]]:19: error: unknown field 'corez' on facts.Cpu; did you mean 'cores'? [unknown-field]
print(facts.network().interfaces[1].ipv4[1], facts.os().family, facts.kernel().name, facts.hostname())
print(f.memory.free)
-- CHECK: facts-check-record-fields.lua:[[@LINE-1]]:16: error: unknown field 'free' on facts.Memory
-- CHECK: 2 errors, 0 warnings in 1 file
