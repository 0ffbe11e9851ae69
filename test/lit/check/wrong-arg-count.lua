-- RUN: not %slothc check %s 2>&1 | FileCheck %s
systemd.service_restart()
systemd.service_restart("nginx", "now")
-- Overloaded functions: the call must fit one of the forms.
workflow.define()
-- CHECK: {{.*}}wrong-arg-count.lua:2:24: error: systemd.service_restart needs 1 argument, got 0: argument 1 ('name') is missing [wrong-arg-count]
-- CHECK: {{.*}}wrong-arg-count.lua:3:34: error: systemd.service_restart takes at most 1 argument, got 2; the extra ones are ignored [wrong-arg-count]
-- CHECK: {{.*}}wrong-arg-count.lua:5:16: error: no form of workflow.define takes 0 arguments [wrong-arg-count]
