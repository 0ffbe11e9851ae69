---@meta gitops
---GitOps: keep a directory in sync with a Git repository and apply the Kubernetes manifests in it.
---Git access as in the `git` module (libgit2); manifests are applied with `kubectl` found on PATH
---(`KUBECONFIG` and the current context are respected), else `gitops.apply: kubectl not found on PATH`.
gitops = {}

---@class (exact) gitops.SyncOptions
---@field repo string  Repository URL.
---@field branch? string  Branch to track; the remote's default when omitted.
---@field path? string  Subdirectory of the repository to sync, e.g. `"production/"`; all of it when omitted.
---@field destination string  Local directory that mirrors it.

---@class (exact) gitops.ApplyOptions
---@field source string  Directory of manifests (`.yaml`/`.yml`/`.json`, recursively).
---@field namespace? string  Namespace for resources that name none.

---@class (exact) gitops.SyncResult
---@field changed boolean  Whether the destination changed.
---@field commit string  The commit the destination now mirrors.
---@field path string  The destination directory.

---@class (exact) gitops.ApplyResult
---@field changed boolean  Whether any resource was created or configured.
---@field resources string[]  The resources that changed, as `kind/name`.

---Clones or fast-forwards the repository's branch into the destination directory.
---@param options gitops.SyncOptions
---@return gitops.SyncResult
---@effect write
---@plan "sync {options}"
function gitops.sync(options) end

---Applies every manifest under the source directory to the cluster (`kubectl apply`, server-side).
---@param options gitops.ApplyOptions
---@return gitops.ApplyResult
---@effect write
---@plan "apply manifests {options}"
function gitops.apply(options) end
