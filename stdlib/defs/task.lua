---@meta task
---The task DSL: `task(name)` starts a builder, its methods set the task up (each returns the builder),
---and `:build()` turns it into a Task for `workflow.define`. Dependency cycles and unknown dependency
---names are reported by `slothc check`.

---A duration: seconds as a number, or a string of number+unit parts: `"90s"`, `"5m"`, `"1h30m"`, `"500ms"`.
---@alias Duration string|number

---A task's command: a function, or a string run as a shell command (`/bin/sh -c`; non-zero exit fails the task).
---It returns `true|false[, message[, outputs]]`; returning nothing is success; `nil, message` and `error()` are failure; any other first result fails the task.
---@alias TaskCommand (fun(this: TaskContext, params: table, input: table): boolean?, string?, table?)|string

---A condition: a function returning a boolean, or a shell command whose exit status 0 means true.
---@alias TaskCondition (fun(this: TaskContext, params: table, input: table): boolean)|string

---@class (exact) TaskContext
---@field name string  The task's name.
---@field workflow string  The workflow's name.
---@field workdir string  The task's working directory.
---@field attempt integer  1 on the first run, 2 on the first retry, ...
---@field dry_run boolean  Whether this is `sloth run --dry-run` (modules report changes instead of making them).

---@class (exact) TaskBackoff
---@field delay? Duration  Wait before the first retry (default 1s).
---@field factor? number  Each wait is the previous one times this (default 2).
---@field max_delay? Duration  Upper bound of the wait.

---@class (exact) TaskFailure
---@field error string  The failure message (the command's message or the error raised).
---@field task_name string  The task's name.

---@class (exact) Task
---@field name string  The task's name.
---@field depends_on string[]  Names of the tasks it depends on.

---The same settings as the builder methods, as a table (the `workflow.define` table form accepts these).
---@class (exact) TaskSpec
---@field name string  Unique within the workflow.
---@field description? string  One line shown by `sloth list` and in plans.
---@field command? TaskCommand  What the task does.
---@field depends_on? string|string[]  Tasks that must succeed first.
---@field timeout? Duration  Limit for one attempt.
---@field retries? integer  Extra attempts after a failure.
---@field backoff? TaskBackoff  Waits between attempts.
---@field workdir? string  Working directory of the command.
---@field user? string  Run the command as this user.
---@field delegate_to? string  Run the task on this host (`host`, `user@host` or an agent name).
---@field run_if? TaskCondition  Run only when this holds; skipped otherwise.
---@field abort_if? TaskCondition  Fail without running when this holds.
---@field on_success? fun(this: TaskContext, params: table, outputs: table)  Called after the task succeeded.
---@field on_failure? fun(this: TaskContext, params: table, failure: TaskFailure)  Called after the task failed (all attempts).
---@field params? table  Defaults for the task's `params`; the run's values (`--values`, `--set`) override them key by key.

---@class TaskBuilder
local TaskBuilder = {}

---Starts the definition of a task; chain builder methods and finish with `:build()`.
---@param name string  Unique within the workflow; dependencies refer to it.
---@return TaskBuilder
---@effect none
function task(name) end

---Sets the one-line description shown by `sloth list` and in plans.
---@param text string
---@return TaskBuilder
---@effect none
function TaskBuilder:description(text) end

---Sets what the task does: a function `(this, params, input)`, or a string run as a shell command.
---@param command TaskCommand
---@return TaskBuilder
---@effect none
function TaskBuilder:command(command) end

---Names the tasks that must succeed first; their outputs reach this task's `input`.
---@param names string|string[]  A task name or a list of them.
---@return TaskBuilder
---@effect none
function TaskBuilder:depends_on(names) end

---Limits one attempt of the task; an attempt still running then is cancelled and fails.
---@param limit Duration  E.g. `"90s"`, `"5m"`, `"1h30m"`, or seconds as a number.
---@return TaskBuilder
---@effect none
function TaskBuilder:timeout(limit) end

---Retries a failed task up to count more times, waiting between attempts per backoff.
---@param count integer  Extra attempts after the first (0: no retry).
---@param backoff? TaskBackoff  Waits between attempts (default 1s, doubling).
---@return TaskBuilder
---@effect none
function TaskBuilder:retries(count, backoff) end

---Sets the working directory of the command.
---@param path string
---@return TaskBuilder
---@effect none
function TaskBuilder:workdir(path) end

---Runs the command as this user (through sudo, or as the remote login user when delegated).
---@param name string  User name.
---@return TaskBuilder
---@effect none
function TaskBuilder:user(name) end

---Runs the task on another host instead of this one.
---@param host string  `host`, `user@host` or an agent name.
---@return TaskBuilder
---@effect none
function TaskBuilder:delegate_to(host) end

---Sets defaults for the `params` its command, conditions and hooks receive: the run's values
---(`--values`, `--set`) override them key by key at the top level. Each task gets its own copy.
---@param values table
---@return TaskBuilder
---@effect none
function TaskBuilder:params(values) end

---Runs the task only when the condition holds; otherwise it is skipped (and so are its dependents).
---@param condition TaskCondition
---@return TaskBuilder
---@effect none
function TaskBuilder:run_if(condition) end

---Fails the task without running it when the condition holds.
---@param condition TaskCondition
---@return TaskBuilder
---@effect none
function TaskBuilder:abort_if(condition) end

---Sets a function called after the task succeeded, with its outputs.
---@param handler fun(this: TaskContext, params: table, outputs: table)
---@return TaskBuilder
---@effect none
function TaskBuilder:on_success(handler) end

---Sets a function called after the task failed (after the last attempt).
---@param handler fun(this: TaskContext, params: table, failure: TaskFailure)
---@return TaskBuilder
---@effect none
function TaskBuilder:on_failure(handler) end

---Finishes the definition and returns the task, for `workflow.define`'s task list.
---@return Task
---@effect none
function TaskBuilder:build() end
