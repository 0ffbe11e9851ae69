-- RUN: not %slothc check --format gcc %s 2>&1 | FileCheck %s
-- An option that is the first word of exactly one option's name gets that name as the suggestion
-- (the reference's examples write `status` where sloth's signature says `status_code`).
infra_test.http("http://127.0.0.1:8080/health", { status = 200 })
-- CHECK: unknown-option-longer-name.lua:4:51: error: unknown option 'status' for infra_test.http; did you mean 'status_code'? [unknown-option]
reliability.retry(function() end, { max = 3 })
-- CHECK: unknown-option-longer-name.lua:6:37: error: unknown option 'max' for reliability.retry (reliability.RetryOptions has no such field) [unknown-option]
