-- RUN: not %slothc check %s 2>&1 | FileCheck %s
pkg.install("nginx", { update_cahce = true })
-- CHECK: {{.*}}unknown-option.lua:2:24: error: unknown option 'update_cahce' for pkg.install; did you mean 'update_cache'? [unknown-option]
