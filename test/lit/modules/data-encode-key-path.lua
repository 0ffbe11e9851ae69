-- RUN: %sloth run %s | FileCheck %s
-- An object key JSON cannot hold is named in the error: a boolean key by its value, another type
-- by its type (was "at [?]").
print(pcall(data.json_encode, { [true] = 1 }))
print(pcall(data.json_encode, { a = { [false] = 1 } }))
print(pcall(data.json_encode, { [{}] = 1 }))
-- CHECK: false	data.json_encode: at [true]: object keys must be strings or integers, got boolean
-- CHECK: false	data.json_encode: at a[false]: object keys must be strings or integers, got boolean
-- CHECK: false	data.json_encode: at [table key]: object keys must be strings or integers, got table
