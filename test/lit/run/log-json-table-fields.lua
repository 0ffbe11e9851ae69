-- --log-format json writes a table field as JSON (an array for a list, an object for a map;
-- it was the text format's "{[1] = \"a\"}" string), with secret-looking keys redacted at any
-- depth; the text format is unchanged.
-- RUN: %sloth run %s --log-format json 2>&1 | FileCheck %s
-- RUN: %sloth run %s 2>&1 | FileCheck %s --check-prefix=TEXT
log.info("deployed", { hosts = { "web1", "web2" }, db = { user = "app", password = "hunter2", port = 5432 }, n = 3 })
-- CHECK-NOT: hunter2
-- CHECK: "message":"deployed","db":{"password":"[redacted]","port":5432,"user":"app"},"hosts":["web1","web2"],"n":3}
-- TEXT: INFO  deployed db="{password = [redacted], port = 5432, user = \"app\"}" hosts="{[1] = \"web1\", [2] = \"web2\"}" n=3
