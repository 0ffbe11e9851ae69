-- RUN: %slothc plan %s | FileCheck %s
-- Control characters are written as three-digit escapes, so a digit after one stays a digit
-- ("\1" followed by "5" is not "\15"). YAML task files quote their strings the same way.
file.write("/tmp/sloth-plan-quote", "\0015\0270")
-- CHECK: content = "\0015\0270"
