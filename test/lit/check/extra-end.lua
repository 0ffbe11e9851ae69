-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}extra-end.lua:4:1: error: '<eof>' expected near 'end' [syntax-error]
print(1)
end
