-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
pkg.install("nginx", { update_cache = true, state = "latest" })
