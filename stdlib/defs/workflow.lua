---@meta workflow
---Workflows: named sets of tasks run in dependency order, independent tasks in parallel.
---`workflow.define(name)` registers at once and returns a fluent builder; `workflow.define(name, spec)`
---is the table form. `sloth run FILE WORKFLOW` runs one.
workflow = {}

---@class (exact) workflow.Config
---@field max_parallel_tasks? integer  At most this many tasks run at once (default: the number of CPUs).
---@field timeout? Duration  Limit for the whole workflow, e.g. `"30m"`.
---@field fail_fast? boolean  Stop starting tasks after the first failure (default false: independent tasks go on).

---@class (exact) workflow.TaskResult
---@field status "success"|"failed"|"skipped"  How the task ended.
---@field changed boolean  Whether the task reported a change.
---@field message? string  The task's message, or the error of a failure.
---@field outputs table  The outputs the task returned (empty when none).
---@field duration number  Seconds the task ran, retries included.

---@class (exact) workflow.Spec
---@field description? string  One line shown by `sloth list`.
---@field version? string  Version of the workflow, e.g. `"1.0.0"`.
---@field tasks (Task|TaskSpec)[]  The tasks, built ones or task tables.
---@field config? workflow.Config  Parallelism, timeout and failure policy.
---@field on_start? fun()  Called before the first task starts.
---@field on_complete? fun(success: boolean, results: table<string, workflow.TaskResult>)  Called after the last task ended.

---@class (exact) workflow.Workflow
---@field name string  The workflow's name.

---@class workflow.Builder
local Builder = {}

---Defines and registers a workflow: with a name only, returns a builder; with a spec table, the workflow.
---@param name string  Unique in the file; `sloth run FILE NAME` runs it.
---@return workflow.Builder
---@overload fun(name: string, spec: workflow.Spec): workflow.Workflow
---@effect none
function workflow.define(name) end

---Sets the one-line description shown by `sloth list`.
---@param text string
---@return workflow.Builder
---@effect none
function Builder:description(text) end

---Sets the workflow's version.
---@param version string  E.g. `"1.0.0"`.
---@return workflow.Builder
---@effect none
function Builder:version(version) end

---Sets the workflow's tasks.
---@param tasks (Task|TaskSpec)[]  Built tasks (`task(...):build()`) or task tables.
---@return workflow.Builder
---@effect none
function Builder:tasks(tasks) end

---Sets parallelism, the overall timeout and the failure policy.
---@param config workflow.Config
---@return workflow.Builder
---@effect none
function Builder:config(config) end

---Sets a function called before the first task starts.
---@param handler fun()
---@return workflow.Builder
---@effect none
function Builder:on_start(handler) end

---Sets a function called after the last task ended, with overall success and each task's result by name.
---@param handler fun(success: boolean, results: table<string, workflow.TaskResult>)
---@return workflow.Builder
---@effect none
function Builder:on_complete(handler) end
