-- slothc check knows data.json_encode's options and the encoders; data.null is a known field.
-- RUN: not %slothc check %s 2>&1 | FileCheck %s
print(data.json_encode({}, { indent = 2 }))
-- CHECK: data-check-options.lua:[[@LINE-1]]:30: error: unknown option 'indent' for data.json_encode
print(data.json_encode({}, { pretty = "yes" }))
-- CHECK: data-check-options.lua:[[@LINE-1]]:{{[0-9]+}}: error:
print(data.json_encode({ a = data.null }, { pretty = true }), data.yaml_encode({ 1, 2 }))
print(data.toml_encode({ a = 1 }), data.json_parse("null") == data.null)
-- CHECK: 2 errors, 0 warnings in 1 file
