-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
file.chmod("/tmp/script.sh", "0755")
file.create("/tmp/x", { mode = "0644" })
