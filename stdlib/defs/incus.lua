---@meta incus
---Incus (LXC) containers and virtual machines, driven through the `incus` CLI found on PATH (its remotes
---and projects come from the incus client config). Without it every call raises
---`incus.<function>: incus not found on PATH`.
incus = {}

---@class (exact) incus.LaunchOptions
---@field type? "container"|"virtual-machine"  What to create (default `"container"`).
---@field config? table<string, string>  Instance config keys, e.g. `["limits.cpu"] = "2"`.
---@field devices? table<string, table<string, string>>  Devices by name, each a table of device keys (`type`, `network`, ...).

---@class (exact) incus.StopOptions
---@field force? boolean  Kill the instance instead of a clean shutdown.

---@class (exact) incus.DeleteOptions
---@field force? boolean  Delete a running instance (stops it first).

---@class (exact) incus.Result
---@field changed boolean  Whether the instance or file changed.
---@field name string  The instance's name.

---Creates and starts an instance from an image; an existing instance of that name is left alone.
---@param image string  Image, e.g. `"ubuntu:22.04"`.
---@param name string  Instance name.
---@param options? incus.LaunchOptions
---@return incus.Result
---@effect write
---@plan "launch {name} from {image}"
function incus.launch(image, name, options) end

---Runs a shell command inside an instance and returns its exit code and output (non-zero does not raise).
---@param name string  Instance name.
---@param command string  Command line, run with `sh -c` inside the instance.
---@return exec.Result
---@effect exec
---@plan "run {command} in {name}"
function incus.exec(name, command) end

---Copies a local file into an instance; an identical file is left alone.
---@param source string  The local file.
---@param name string  Instance name.
---@param destination string  Path inside the instance.
---@return incus.Result
---@effect write
---@plan "push {source} to {name}:{destination}"
function incus.file_push(source, name, destination) end

---Copies a file out of an instance to the local host; an identical local file is left alone.
---@param name string  Instance name.
---@param source string  Path inside the instance.
---@param destination string  The local file.
---@return incus.Result
---@effect write
---@plan "pull {name}:{source} to {destination}"
function incus.file_pull(name, source, destination) end

---Stops an instance; a stopped one is left alone.
---@param name string  Instance name.
---@param options? incus.StopOptions
---@return incus.Result
---@effect write
---@plan "stop {name}"
function incus.stop(name, options) end

---Deletes an instance; a missing one is left alone.
---@param name string  Instance name.
---@param options? incus.DeleteOptions
---@return incus.Result
---@effect write
---@plan "delete {name}"
function incus.delete(name, options) end
