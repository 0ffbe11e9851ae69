---@meta terraform
---Terraform through the `terraform` CLI found on PATH (`TF_*` environment variables are passed on), run
---non-interactively in the given directory. Without it every call raises
---`terraform.<function>: terraform not found on PATH`; a failing command raises with terraform's error output.
terraform = {}

---@alias terraform.Vars table<string, string|number|boolean|table>

---@class (exact) terraform.InitOptions
---@field backend_config? table<string, string>  Backend settings (`-backend-config=KEY=VALUE`).
---@field upgrade? boolean  Upgrade modules and providers within their constraints.

---@class (exact) terraform.PlanOptions
---@field var_file? string  A `.tfvars` file.
---@field vars? terraform.Vars  Input variables (`-var`).
---@field out? string  Save the plan to this file for `apply`.
---@field destroy? boolean  Plan a destroy.

---@class (exact) terraform.ApplyOptions
---@field plan_file? string  Apply this saved plan (then `var_file`/`vars` are not allowed).
---@field auto_approve? boolean  Apply without asking; when false terraform asks on the terminal and fails without one.
---@field var_file? string  A `.tfvars` file.
---@field vars? terraform.Vars  Input variables (`-var`).

---@class (exact) terraform.DestroyOptions
---@field auto_approve? boolean  Destroy without asking; when false terraform asks on the terminal and fails without one.
---@field var_file? string  A `.tfvars` file.
---@field vars? terraform.Vars  Input variables (`-var`).

---@class (exact) terraform.InitResult
---@field changed boolean  Whether providers, modules or the backend were (re)installed or configured.
---@field output string  terraform's output.

---@class (exact) terraform.Plan
---@field changes integer  Number of resources to add, change or destroy (0: infrastructure matches).
---@field to_add integer  Resources to create.
---@field to_change integer  Resources to update in place.
---@field to_destroy integer  Resources to destroy (replacements count here and in `to_add`).
---@field plan_file? string  Where the plan was saved (`out`).
---@field output string  terraform's human-readable plan.

---@class (exact) terraform.ApplyResult
---@field changed boolean  Whether any resource was created, updated or destroyed.
---@field added integer  Resources created.
---@field updated integer  Resources updated in place.
---@field destroyed integer  Resources destroyed.
---@field outputs table<string, any>  The root module's outputs after the run.
---@field output string  terraform's output.

---Initializes a working directory: backend, providers and modules (`terraform init`).
---@param dir string  The directory with the configuration.
---@param options? terraform.InitOptions
---@return terraform.InitResult
---@effect exec
---@plan "terraform init in {dir}"
function terraform.init(dir, options) end

---Computes what apply would change (`terraform plan -detailed-exitcode`); `changes` counts the resources.
---@param dir string  The directory with the configuration.
---@param options? terraform.PlanOptions
---@return terraform.Plan
---@effect exec
---@plan "terraform plan in {dir}"
function terraform.plan(dir, options) end

---Applies the configuration or a saved plan (`terraform apply`); a run with nothing to do has `changed = false`.
---@param dir string  The directory with the configuration.
---@param options? terraform.ApplyOptions
---@return terraform.ApplyResult
---@effect write
---@plan "terraform apply in {dir}"
function terraform.apply(dir, options) end

---Destroys every resource the configuration manages (`terraform destroy`).
---@param dir string  The directory with the configuration.
---@param options? terraform.DestroyOptions
---@return terraform.ApplyResult
---@effect write
---@plan "terraform destroy in {dir}"
function terraform.destroy(dir, options) end
