-- A state-changing function without check mode is refused in a dry run, never run for real.
-- RUN: rm -rf %t && mkdir -p %t && touch %t/keep
-- RUN: env DIR=%t not %sloth run --dry-run %s 2>&1 | FileCheck %s
-- RUN: test -e %t/keep
os.remove(os.getenv("DIR") .. "/keep")
-- CHECK: ✗ os.remove {{.*}}/keep: cannot dry-run (no check mode yet: not run)
-- CHECK: cannot-dry-run.lua:5: os.remove: cannot dry-run (this function has no check mode yet), so it was not run
