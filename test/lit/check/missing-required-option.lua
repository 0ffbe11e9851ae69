-- RUN: not %slothc check %s 2>&1 | FileCheck %s
gitops.sync({ repo = "https://example.com/infra.git" })
-- CHECK: {{.*}}missing-required-option.lua:2:13: error: gitops.sync: missing required option 'destination' [missing-required-option]
