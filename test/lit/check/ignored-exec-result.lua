-- RUN: %slothc check %s 2>&1 | FileCheck %s
exec.command("systemctl reload nginx")
-- CHECK: {{.*}}ignored-exec-result.lua:2:1: warning: the result of exec.command is ignored: a command that fails goes unnoticed; check its 'success' or 'exit_code' [ignored-exec-result]
