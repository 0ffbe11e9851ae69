-- template.render reports that the destination would change, with the diff, and does not write it.
-- RUN: rm -rf %t && mkdir -p %t && printf 'hi {{ name }}\n' > %t/t.tmpl
-- RUN: env DIR=%t %sloth run --dry-run %s | FileCheck %s
-- RUN: not test -e %t/out
local dir = os.getenv("DIR")
template.render(dir .. "/t.tmpl", dir .. "/out", { name = "x" })
-- CHECK: ~ template.render {{.*}}/out: would change
-- CHECK-NEXT: --- /dev/null
-- CHECK: +hi x
