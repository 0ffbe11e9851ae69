-- A JSON number beyond a double is an error of data.json_parse like any other (it came out as
-- nlohmann's "[json.exception.out_of_range.406] ...", without the function's name).
-- RUN: %sloth run %s | FileCheck %s
print(pcall(data.json_parse, '{"size": 1e400}'))
-- CHECK: false	data.json_parse: number overflow parsing '1e400'
print(data.json_parse('{"big": 12345678901234567890}').big)
-- CHECK-NEXT: 1.2345678901235e+19
