-- RUN: %slothc check %s 2>&1 | FileCheck %s
local count = 3
prnt("hello")
print(cuont + count)
-- CHECK: {{.*}}undefined-global.lua:3:1: warning: undefined global 'prnt'; did you mean 'print'? [undefined-global]
-- CHECK: {{.*}}undefined-global.lua:4:7: warning: undefined global 'cuont'; did you mean 'count'? [undefined-global]
