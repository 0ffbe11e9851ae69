-- infra_test checks only look, so a dry run runs them for real; infra_test.command runs a shell
-- command, which could change anything: it "would run" and nothing is executed.
-- RUN: rm -rf %t && mkdir -p %t && echo hello > %t/f
-- RUN: env DIR=%t %sloth run --dry-run %s | FileCheck %s
-- RUN: not test -e %t/x
local dir = os.getenv("DIR")
infra_test.file(dir .. "/f", { exists = true, contains = "hello" })
print("file check held")
-- CHECK: file check held
infra_test.command("touch " .. dir .. "/x", { exit_code = 0 })
-- CHECK: ! infra_test.command touch {{.*}}/x: would run
print(pcall(infra_test.port, "127.0.0.1", 1, { timeout = 1 }))
-- CHECK: false {{.*}}127.0.0.1:1
-- CHECK: dry run: 0 changes would be made, 1 command would run; nothing was changed
