-- io.open reads for real in a dry run; opening for writing is refused and the file is untouched.
-- RUN: rm -rf %t && mkdir -p %t && printf 'data\n' > %t/f
-- RUN: env F=%t/f not %sloth run --dry-run %s 2>&1 | FileCheck %s
-- RUN: printf 'data\n' | cmp - %t/f
local f = assert(io.open(os.getenv("F"), "r"))
print("read:", f:read("l"))
f:close()
io.open(os.getenv("F"), "w")
-- CHECK: read: data
-- CHECK: ✗ io.open {{.*}}/f: cannot dry-run (mode "w" writes: not opened)
-- CHECK: io.open: cannot dry-run opening '{{.*}}/f' with mode "w"
