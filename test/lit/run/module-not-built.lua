-- A module of the reference that this build does not implement: slothc check warns at its first
-- use, and the run's error says why the global is nil.
-- RUN: %slothc check %s 2>&1 | FileCheck %s --check-prefix=CHECK-LINT
-- RUN: not %sloth run %s 2>&1 | FileCheck %s --check-prefix=ERR
-- CHECK-LINT: module-not-built.lua:9:1: warning: module 'pkg' is not built in this version of sloth: 'pkg.install' fails when the script runs
-- CHECK-LINT-NOT: warning: module 'pkg'
-- ERR: sloth: {{.*}}module-not-built.lua:9: attempt to index a nil value (global 'pkg'): the 'pkg' module of the sloth reference is not built in this version of sloth
print("before")
pkg.install({"nginx"})
pkg.remove("apache2")
