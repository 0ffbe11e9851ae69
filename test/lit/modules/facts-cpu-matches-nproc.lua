-- facts.cpu().cores counts the CPUs this process may run on, as nproc does (also under taskset).
-- RUN: env -u OMP_NUM_THREADS -u OMP_THREAD_LIMIT %sloth run %s | FileCheck %s
-- RUN: env -u OMP_NUM_THREADS -u OMP_THREAD_LIMIT taskset -c 0 %sloth run %s | FileCheck %s --check-prefix=ONE
local cpu = facts.cpu()
local nproc = math.tointeger(tonumber(exec.command("nproc").stdout))
print("cores match nproc:", cpu.cores == nproc, cpu.cores, nproc)
-- CHECK: cores match nproc: true
-- ONE: cores match nproc: true 1 1
print("arch is uname -m:", cpu.arch == exec.command("uname -m").stdout:gsub("\n$", ""))
-- CHECK: arch is uname -m: true
-- The model is /proc/cpuinfo's first "model name" (x86) or its ARM/POWER equivalent.
local model = exec.command("sed -n 's/^\\(model name\\|Model\\|Hardware\\|cpu\\)[[:space:]]*: //p' /proc/cpuinfo | head -n1").stdout
print("model matches cpuinfo:", cpu.model == model:gsub("%s+$", ""), math.type(cpu.cores))
-- CHECK: model matches cpuinfo: true integer
