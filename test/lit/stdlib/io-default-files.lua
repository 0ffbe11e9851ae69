-- RUN: %sloth run %s | FileCheck --match-full-lines %s
-- io.input/io.output/io.read/io.write/io.lines on the default files, io.popen
local name = os.tmpname()
local out = io.output()
print(io.output(name) ~= out, io.type(io.output()))
io.write("one\n", 2, "\n", 3.25, "\n")
print("print still goes to stdout")
io.close()
print(pcall(io.write, "x"))
io.output(io.stdout)
io.write("back on stdout ", 1.0, " ", -0.0, " ", 2^63, "\n")
print(io.write("chained "):write("writes\n") == io.stdout)
io.input(name)
print(io.read(), io.read("n"), io.read("n"), io.read("l"), io.read("l"))
io.input():close()
print(pcall(io.read))
print(pcall(io.lines))
io.input(io.stdin)
local n = 0
for l in io.lines(name, "L") do n = n + #l end
print(n)
os.remove(name)
local p = io.popen("echo from a pipe; echo second")
print(p:read("l"), p:read("a"))
print(p:close())
local failing = io.popen("exit 7")
print(failing:read("a"), failing:close())
local sink = io.popen("cat > /dev/null", "w")
print(sink:write("data") == sink, sink:close())
print(pcall(io.popen, "true", "r+"))
print(pcall(io.input, "/nonexistent/file"))
print(io.flush(), io.stdout:flush())
io.stdout:setvbuf("no")
io.stdout:write("unbuffered\n")
-- CHECK: true	file
-- CHECK-NEXT: print still goes to stdout
-- CHECK-NEXT: false	default output file is closed
-- CHECK-NEXT: back on stdout 1 -0 9.2233720368548e+18
-- CHECK-NEXT: chained writes
-- CHECK-NEXT: true
-- CHECK-NEXT: one	2	3.25		nil
-- CHECK-NEXT: false	default input file is closed
-- CHECK-NEXT: false	attempt to use a closed file
-- CHECK-NEXT: 11
-- CHECK-NEXT: from a pipe	second
-- CHECK-EMPTY:
-- CHECK-NEXT: true	exit	0
-- CHECK-NEXT: 	nil	exit	7
-- CHECK-NEXT: true	true	exit	0
-- CHECK-NEXT: false	bad argument #2 to 'io.popen' (invalid mode)
-- CHECK-NEXT: false	cannot open file '/nonexistent/file' (No such file or directory)
-- CHECK-NEXT: true	true
-- CHECK-NEXT: unbuffered
