---@meta infra_test
---Assertions about the infrastructure: each call checks one thing and raises an error saying what was
---expected and what was found when the check fails (which fails the task); it returns nothing otherwise.
infra_test = {}

---@class (exact) infra_test.PortOptions
---@field timeout? number  Seconds to wait for the connection (default 5).
---@field should_be_open? boolean  Expect the port open (default true) or closed (false).

---@class (exact) infra_test.HttpOptions
---@field status_code? integer  Expected status (default: any 2xx).
---@field contains? string  Text the body must contain.
---@field timeout? number  Seconds to wait for the response (default 10).

---@class (exact) infra_test.CommandOptions
---@field exit_code? integer  Expected exit code (default 0).
---@field stdout_contains? string  Text standard output must contain.
---@field stderr_contains? string  Text standard error must contain.
---@field timeout? number  Seconds the command may run before it is killed and the check fails (default: no limit).

---@class (exact) infra_test.FileOptions
---@field exists? boolean  Expect the path to exist (default true) or not (false).
---@field mode? string  Expected permissions as an octal string, e.g. `"0644"`.
---@field owner? string  Expected owner (user name).
---@field group? string  Expected group (group name).
---@field contains? string  Text the file's content must contain.

---Checks that a TCP port is open (or closed, with `should_be_open = false`).
---@param host string  Host name or IP address.
---@param port integer  TCP port.
---@param options? infra_test.PortOptions
---@effect read
function infra_test.port(host, port, options) end

---Checks that an HTTP GET of the URL answers with the expected status and content.
---@param url string
---@param options? infra_test.HttpOptions
---@effect read
function infra_test.http(url, options) end

---Checks that a shell command exits with the expected code and output.
---@param command string  Command line, run with `/bin/sh -c`.
---@param options? infra_test.CommandOptions
---@effect exec
---@plan "test command {command}"
function infra_test.command(command, options) end

---Checks that a path exists (or not) with the expected permissions, owner, group and content.
---@param path string
---@param options? infra_test.FileOptions
---@effect read
function infra_test.file(path, options) end
