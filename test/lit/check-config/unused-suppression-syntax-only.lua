-- RUN: %slothc check --syntax-only --format gcc %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning
-- With --syntax-only the other checks do not run, so no suppression is called unused.
print("x") -- sloth: ignore undefined-global
