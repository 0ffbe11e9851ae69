---@meta exec
---Runs commands on the local host. A command that exits non-zero does not raise: check the result's
---`exit_code` or `success`. A command that cannot be started at all (not found, bad `cwd`, unknown
---`user`) raises an error naming it.
exec = {}

---@class (exact) exec.Options
---@field user? string  Run as this user (through `sudo -u`; needs root or sudo rights).
---@field cwd? string  Working directory; the current directory when omitted.
---@field env? table<string, string>  Extra environment variables, added to (or overriding) the inherited ones.
---@field timeout? number  Seconds before the command is killed; it then counts as failed (`success = false`).

---@class (exact) exec.ScriptOptions
---@field interpreter? string  The program that runs the script, e.g. `"/bin/bash"`; the script's `#!` line when omitted.
---@field args? string[]  Arguments passed to the script.
---@field user? string  Run as this user (through `sudo -u`; needs root or sudo rights).
---@field cwd? string  Working directory; the current directory when omitted.
---@field env? table<string, string>  Extra environment variables, added to (or overriding) the inherited ones.
---@field timeout? number  Seconds before the script is killed; it then counts as failed (`success = false`).

---@class (exact) exec.Result
---@field exit_code integer  The exit status (128 + N when killed by signal N).
---@field stdout string  Everything the command wrote to standard output.
---@field stderr string  Everything the command wrote to standard error.
---@field success boolean  `exit_code == 0` and not timed out.
---@field duration number  Wall-clock seconds the command ran.
---@field timed_out boolean  Whether the `timeout` option stopped the command (it was killed).
---@field dry_run? boolean  `true` when `sloth run --dry-run` did not run the command (then `exit_code` is 0, `success` true, the outputs empty).

---Runs a command and returns its exit code and output; a string runs through `/bin/sh -c`, a list without a shell.
---@param command string|string[]  A command line, or the program and its arguments as a list (no quoting needed).
---@param options? exec.Options
---@return exec.Result
---@effect exec
---@plan "run {command}"
function exec.command(command, options) end

---Runs a multi-line shell script with `/bin/sh` (or the interpreter of its `#!` line) and returns its exit code and output.
---@param script string  The script text.
---@param options? exec.Options
---@return exec.Result
---@effect exec
---@plan "run shell script {script}"
function exec.shell(script, options) end

---Runs a script file with its interpreter and arguments and returns its exit code and output.
---@param path string  The script file.
---@param options? exec.ScriptOptions
---@return exec.Result
---@effect exec
---@plan "run script {path}"
function exec.script(path, options) end
