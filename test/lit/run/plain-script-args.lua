-- A script that defines no workflow runs as a plain script, with its arguments.
-- RUN: %sloth run %s one two | FileCheck %s
print(#arg, arg[1], ...)
-- CHECK: 2	one	one	two
