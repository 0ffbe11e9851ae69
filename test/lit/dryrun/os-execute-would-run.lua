-- os.execute cannot be predicted: in a dry run it "would run", reports success, and runs nothing.
-- RUN: rm -rf %t && mkdir -p %t
-- RUN: env DIR=%t %sloth run --dry-run %s | FileCheck %s
-- RUN: not test -e %t/x
print(os.execute("touch " .. os.getenv("DIR") .. "/x"))
-- CHECK: ! os.execute touch {{.*}}/x: would run
-- CHECK: true exit 0
-- CHECK: dry run: 0 changes would be made, 1 command would run; nothing was changed
