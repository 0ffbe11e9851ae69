-- JSON, YAML and TOML documents parsed and re-encoded as JSON through `sloth run`.
-- RUN: %sloth run %s | FileCheck %s
print(data.json_encode(data.json_parse('{"name": "app", "ports": [80, 443], "ratio": 1.0}')))
-- CHECK: {"name":"app","ports":[80,443],"ratio":1.0}
print(data.json_encode(data.yaml_parse("name: myapp\nversion: 1.0\ntags: [a, b]\n")))
-- CHECK-NEXT: {"name":"myapp","tags":["a","b"],"version":1.0}
print(data.json_encode(data.toml_parse('[server]\nhost = "0.0.0.0"\nport = 8080\n')))
-- CHECK-NEXT: {"server":{"host":"0.0.0.0","port":8080}}
print(select(2, pcall(data.json_parse, '{"a": }')))
-- CHECK-NEXT: data.json_parse: line 1, column 7: syntax error while parsing value - unexpected '}'; expected '[', '{', or a literal
