---@meta git
---Git repositories, through libgit2 built into sloth (no `git` executable needed). SSH remotes
---authenticate with ssh-agent (`SSH_AUTH_SOCK`) and check `~/.ssh/known_hosts`; HTTPS remotes use
---`auth` when given. Failures raise with the function, the repository and git's message.
git = {}

---@class (exact) git.Auth
---@secret
---@field password string  Password or access token.
---@field username string  User name.

---@class (exact) git.CloneOptions
---@secret
---@field auth? git.Auth  HTTPS credentials (never written to `.git/config`).
---@field branch? string  Branch or tag to check out; the remote's default when omitted.
---@field depth? integer  Shallow clone with this many commits.

---@class (exact) git.PullOptions
---@field branch? string  Branch to pull; the current branch's upstream when omitted.

---@class (exact) git.CommitOptions
---@field author? string  Author as `"Name <email>"`; git's configured identity when omitted.
---@field add_all? boolean  Stage every change, including new files, first (`git add -A`).

---@class (exact) git.PushOptions
---@field remote? string  Remote name (default `"origin"`).
---@field branch? string  Branch to push; the current branch when omitted.
---@field force? boolean  Overwrite the remote branch even when the push is not a fast-forward.

---@class (exact) git.Result
---@field changed boolean  Whether the working tree, HEAD or the remote changed.
---@field path string  The repository directory.
---@field commit string  The commit HEAD points at afterwards.

---Clones a repository; a directory that already holds a clone of the same URL is left alone.
---@param url string  Repository URL (https, ssh or a local path).
---@param destination string  Directory to clone into (must not exist or be empty, or already be that clone).
---@param options? git.CloneOptions
---@return git.Result
---@effect write
---@plan "clone {url} into {destination}"
function git.clone(url, destination, options) end

---Fetches and fast-forwards a working copy (`git pull --ff-only`); raises if it cannot fast-forward.
---@param dir string  The repository directory.
---@param options? git.PullOptions
---@return git.Result
---@effect write
---@plan "pull {dir}"
function git.pull(dir, options) end

---Checks out a branch, tag or commit; raises if uncommitted changes would be overwritten.
---@param dir string  The repository directory.
---@param ref string  Branch, tag or commit.
---@return git.Result
---@effect write
---@plan "checkout {ref} in {dir}"
function git.checkout(dir, ref) end

---Commits the staged changes (all changes with `add_all`); nothing to commit gives `changed = false`.
---@param dir string  The repository directory.
---@param message string  The commit message.
---@param options? git.CommitOptions
---@return git.Result
---@effect write
---@plan "commit in {dir}: {message}"
function git.commit(dir, message, options) end

---Pushes a branch to a remote; a remote already at that commit gives `changed = false`.
---@param dir string  The repository directory.
---@param options? git.PushOptions
---@return git.Result
---@effect net
---@plan "push {dir} {options}"
function git.push(dir, options) end
