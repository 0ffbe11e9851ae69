-- RUN: %slothc check --format gcc %s 2>&1 | FileCheck %s
-- A suppression naming a code no check reports is invalid-suppression with a suggestion, not
-- "unused" (it could never suppress anything).
local x = 1 -- sloth: ignore unused-locl
-- CHECK: suppression-unknown-code.lua:4:7: warning: unused local 'x' [unused-local]
-- CHECK: suppression-unknown-code.lua:4:30: warning: unknown code 'unused-locl' in a suppression; did you mean 'unused-local'? [invalid-suppression]
