-- RUN: not %slothc check %s 2>&1 | FileCheck %s
local home = os.getenv("HOME")
print(home:upper())
file.write(home, "x")
local nothing
print(nothing.field)
-- An optional field of a result may be absent.
local inst = aws.ec2_instance_create({ image_id = "ami-1", instance_type = "t3.micro" })
file.write("/tmp/ip", inst.public_ip)
-- CHECK: {{.*}}possibly-nil.lua:3:7: warning: this value may be nil (its type is string?); check it before calling :upper() [possibly-nil]
-- CHECK: {{.*}}possibly-nil.lua:4:12: warning: file.write: argument 1 ('path') may be nil (its type is string?), but string is required; check it first [possibly-nil]
-- CHECK: {{.*}}possibly-nil.lua:6:7: error: attempt to index a nil value (field 'field'): this is always nil here [possibly-nil]
-- CHECK: {{.*}}possibly-nil.lua:9:23: warning: file.write: argument 2 ('content') may be nil (its type is string?), but string is required; check it first [possibly-nil]
