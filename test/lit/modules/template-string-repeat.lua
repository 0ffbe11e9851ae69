-- '*' of a string and a count repeats it as Jinja2 does, and a result past 2 GiB is refused at
-- once (it appended the string n times: 'a' * 100000000000 ran for minutes).
-- RUN: %sloth run %s | FileCheck %s
print(data.template([[{{ "ab" * 3 }}|{{ "x" * 0 }}|{{ "x" * -2 }}]], {}))
-- CHECK: ababab||
print(pcall(data.template, [[{{ "a" * 100000000000 }}]], {}))
-- CHECK-NEXT: false	data.template: line 1: '*' of a string: resulting string too large
