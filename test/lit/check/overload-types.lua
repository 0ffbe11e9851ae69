-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- Both forms of goroutine.parallel take one argument: the types decide, and none fits here.
goroutine.parallel("x")
-- CHECK: {{.*}}overload-types.lua:3:19: error: no form of goroutine.parallel fits these arguments: fun(functions: (fun(): any)[]): any[] (argument 1 ('functions') must be (fun(): any)[], got "x"); fun(options: goroutine.ParallelOptions): any[] (argument 1 ('options') must be goroutine.ParallelOptions, got "x") [arg-type-mismatch]
goroutine.parallel({ tasks = { function() end }, max_concurent = 2 })
-- CHECK: {{.*}}overload-types.lua:5:19: error: no form of goroutine.parallel fits these arguments: fun(functions: (fun(): any)[]): any[] (argument 1 ('functions') must be a list, got a table with named keys); fun(options: goroutine.ParallelOptions): any[] (unknown option 'max_concurent' for goroutine.parallel; did you mean 'max_concurrent'?) [arg-type-mismatch]
