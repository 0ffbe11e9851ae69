-- log writes to stderr with structured fields; debug is hidden unless --log-level debug.
-- RUN: %sloth run %s 2>&1 | FileCheck %s
-- RUN: %sloth run %s --log-level debug 2>&1 | FileCheck %s --check-prefix=DEBUG
log.debug("details")
log.info("deploying", { version = "1.2", count = 3, ok = true })
log.warn("slow disk")
log.error("failed", { reason = "two words" })
-- CHECK-NOT: details
-- CHECK: INFO  deploying count=3 ok=true version=1.2
-- CHECK-NEXT: WARN  slow disk
-- CHECK-NEXT: ERROR failed reason="two words"
-- DEBUG: DEBUG details
