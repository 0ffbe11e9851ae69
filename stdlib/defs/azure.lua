---@meta azure
---Microsoft Azure resources through the `az` CLI found on PATH, logged in beforehand (`az login`, or a
---service principal in `AZURE_CLIENT_ID`/`AZURE_CLIENT_SECRET`/`AZURE_TENANT_ID`). Without the CLI every
---call raises `azure.<function>: az not found on PATH`; an API error raises with Azure's message.
azure = {}

---@class (exact) azure.VmOptions
---@field name string  VM name.
---@field resource_group string  Resource group (must exist).
---@field location? string  Region, e.g. `"eastus"`; the resource group's when omitted.
---@field size? string  VM size, e.g. `"Standard_D2s_v3"`.
---@field image string  Image alias or URN, e.g. `"Ubuntu2204"`.
---@field admin_username? string  Admin user created on the VM.
---@field ssh_key? string  Public SSH key text for the admin user.

---@class (exact) azure.StorageAccountOptions
---@field name string  Storage account name (globally unique, lowercase letters and digits).
---@field resource_group string  Resource group (must exist).
---@field location? string  Region; the resource group's when omitted.
---@field sku? string  SKU, e.g. `"Standard_LRS"` (default).

---@class (exact) azure.Result
---@field changed boolean  Whether the resource was created.
---@field name string  The resource name.
---@field id string  The Azure resource id.

---Creates a virtual machine; an existing VM of that name in the resource group is left alone.
---@param options azure.VmOptions
---@return azure.Result
---@effect write
---@plan "create Azure VM {options}"
function azure.vm_create(options) end

---Creates a storage account; an existing account of that name in the resource group is left alone.
---@param options azure.StorageAccountOptions
---@return azure.Result
---@effect write
---@plan "create Azure storage account {options}"
function azure.storage_account_create(options) end
