-- RUN: %slothc check --format gcc %s 2>&1 | FileCheck %s
-- A misspelt directive, or one without codes, is reported instead of silently doing nothing.
print("x") -- sloth: ignroe missing-build
print("y") -- sloth: ignore
-- CHECK: invalid-suppression.lua:3:22: warning: unknown sloth: directive 'ignroe'; did you mean 'ignore'? [invalid-suppression]
-- CHECK: invalid-suppression.lua:4:22: warning: 'sloth: ignore' needs the code(s) to ignore, e.g. 'sloth: ignore unused-local' [invalid-suppression]
