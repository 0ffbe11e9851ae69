-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}multiple-close-variables.lua:3:18: error: multiple to-be-closed variables in local list [multiple-close-variables]
local a <close>, b <close> = nil, nil
