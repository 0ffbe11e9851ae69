---@meta pulumi
---Pulumi through the `pulumi` CLI found on PATH, run non-interactively in the current directory's
---project. The backend comes from `pulumi login` or `PULUMI_BACKEND_URL`, secrets from
---`PULUMI_CONFIG_PASSPHRASE`. Without the CLI every call raises `pulumi.<function>: pulumi not found on PATH`.
pulumi = {}

---@class (exact) pulumi.UpOptions
---@field stack? string  Stack to update; the selected stack when omitted.
---@field yes? boolean  Update without asking; when false pulumi asks on the terminal and fails without one.

---@class (exact) pulumi.DestroyOptions
---@field stack? string  Stack to destroy; the selected stack when omitted.
---@field yes? boolean  Destroy without asking; when false pulumi asks on the terminal and fails without one.

---@class (exact) pulumi.Result
---@field changed boolean  Whether the stack or its configuration changed.
---@field stack string  The stack acted on.

---@class (exact) pulumi.UpResult
---@field changed boolean  Whether any resource was created, updated or deleted.
---@field stack string  The stack acted on.
---@field outputs table<string, any>  The stack's outputs after the update.

---Creates a stack and selects it; an existing stack is just selected (`changed = false`).
---@param name string  Stack name, e.g. `"production"` or `"org/project/production"`.
---@return pulumi.Result
---@effect write
---@plan "init stack {name}"
function pulumi.stack_init(name) end

---Sets a configuration value on the selected stack; an identical value is left alone.
---@param key string  Config key, e.g. `"aws:region"`.
---@param value string  The value.
---@return pulumi.Result
---@effect write
---@plan "set config {key} = {value}"
function pulumi.config_set(key, value) end

---Creates or updates the stack's resources (`pulumi up`).
---@param options? pulumi.UpOptions
---@return pulumi.UpResult
---@effect write
---@plan "pulumi up {options}"
function pulumi.up(options) end

---Deletes every resource of the stack (`pulumi destroy`).
---@param options? pulumi.DestroyOptions
---@return pulumi.Result
---@effect write
---@plan "pulumi destroy {options}"
function pulumi.destroy(options) end
