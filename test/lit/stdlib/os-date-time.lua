-- RUN: env TZ=UTC %sloth run %s | FileCheck --match-full-lines %s
-- os.date, os.time, os.difftime, os.clock in UTC (the oracle runs with TZ=UTC)
print(os.date("!%Y-%m-%d %H:%M:%S", 0), os.date("!%c", 86400 * 365), os.date("!%x %X %p", 3600 * 13))
print(os.date("!%A %a %B %b %d %j %U %W %w %y %Z %%", 1700000000))
local t = os.date("!*t", 1700000000)
print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.wday, t.yday, t.isdst)
print(os.time({year = 2023, month = 11, day = 14, hour = 22, min = 13, sec = 20}))
print(os.time({year = 2000, month = 1, day = 1}))
local n = {year = 2021, month = 14, day = 35, hour = 25}
print(os.time(n), n.year, n.month, n.day, n.hour, n.min, n.sec, n.yday, n.wday)
print(os.difftime(100, 40), os.difftime(os.time(), os.time() - 10) >= 10, math.type(os.clock()))
print(pcall(os.time, {year = 2000}))
print(pcall(os.time, {year = 2000, month = "x", day = 1}))
print(pcall(os.time, {year = 2000, month = 1.5, day = 1}))
print(pcall(os.date, "%Q"))
print(pcall(os.date, "%E"))
print(pcall(os.date, "*t", "x"))
print(pcall(os.difftime))
print(type(os.time()), os.date("!%H", 0), #os.date())
print(os.date("!%Ec|%EY|%Od", 0))
-- CHECK: 1970-01-01 00:00:00	Fri Jan  1 00:00:00 1971	01/01/70 13:00:00 PM
-- CHECK-NEXT: Tuesday Tue November Nov 14 318 46 46 2 23 GMT %
-- CHECK-NEXT: 2023	11	14	22	13	20	3	318	false
-- CHECK-NEXT: 1700000000
-- CHECK-NEXT: 946728000
-- CHECK-NEXT: 1646701200	2022	3	8	1	0	0	67	3
-- CHECK-NEXT: 60.0	true	float
-- CHECK-NEXT: false	field 'month' missing in date table
-- CHECK-NEXT: false	field 'month' is not an integer
-- CHECK-NEXT: false	field 'month' is not an integer
-- CHECK-NEXT: false	bad argument #1 to 'os.date' (invalid conversion specifier '%Q')
-- CHECK-NEXT: false	bad argument #1 to 'os.date' (invalid conversion specifier '%E')
-- CHECK-NEXT: false	bad argument #2 to 'os.date' (number expected, got string)
-- CHECK-NEXT: false	bad argument #1 to 'os.difftime' (number expected, got no value)
-- CHECK-NEXT: number	00	24
-- CHECK-NEXT: Thu Jan  1 00:00:00 1970|1970|01
