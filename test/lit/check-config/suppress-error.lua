-- RUN: %slothc check --format gcc %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=unknown-dependency
-- Errors can be suppressed too; the exit status then is 0.
local a = task("a"):depends_on("later"):command("true"):build() -- sloth: ignore unknown-dependency
workflow.define("w"):tasks({ a })
