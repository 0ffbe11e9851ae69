-- RUN: %slothc check --format gcc %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning
-- `ignore-file unused-suppression` keeps suppressions that are not needed today quiet.
-- sloth: ignore-file unused-suppression
print("x") -- sloth: ignore missing-build
