---@meta file
---Files and directories on the local host. Paths may start with `~` (the running user's home).
---Failures (missing source, permission denied, unknown owner) raise an error naming the path.
file = {}

---@class (exact) file.CopyOptions
---@field owner? string  Owner of the destination (user name).
---@field group? string  Group of the destination (group name).
---@field mode? string  Permissions of the destination as an octal string, e.g. `"0644"`.
---@field backup? boolean  Keep the replaced destination as `DEST.TIMESTAMP~` when it changes.
---@field recursive? boolean  Copy a directory and everything under it.

---@class (exact) file.CreateOptions
---@field content? string  The file's content; an empty file when omitted.
---@field owner? string  Owner (user name).
---@field group? string  Group (group name).
---@field mode? string  Permissions as an octal string, e.g. `"0640"`.

---@class (exact) file.RemoveOptions
---@field recursive? boolean  Remove a directory and everything under it.
---@field force? boolean  Also remove write-protected files (like `rm -f`).

---@class (exact) file.WriteOptions
---@field append? boolean  Add the content at the end instead of replacing the file (always a change).

---@class (exact) file.Result
---@field changed boolean  Whether content, owner, group or permissions changed.
---@field path string  The path that was created or changed.
---@field backup? string  Where the previous content was kept (`backup = true` and the file changed).
---@field diff? string  Only in a dry run (`sloth run --dry-run`), when it would change: a unified diff of the content, then `owner:`/`group:`/`mode:` lines for attribute differences.

---@class (exact) file.RemoveResult
---@field changed boolean  Whether anything was removed.
---@field removed string[]  The paths that were removed.
---@field diff? string  Only in a dry run, when it would change: one `remove PATH` line per path.

---Copies a file (or a directory with `recursive`); an identical destination is left alone.
---@param source string  The file or directory to copy.
---@param destination string  The target path; a trailing `/` copies into that directory.
---@param options? file.CopyOptions
---@return file.Result
---@effect write
---@plan "copy {source} to {destination}"
function file.copy(source, destination, options) end

---Creates a file with the given content and permissions; an identical file is left alone.
---@param path string  The file to create.
---@param options? file.CreateOptions
---@return file.Result
---@effect write
---@plan "create {path}"
function file.create(path, options) end

---Removes a file, a directory (with `recursive`), or every path matching a glob; missing paths are left alone.
---@param path string  A path or a glob pattern such as `/var/log/*.log`.
---@param options? file.RemoveOptions
---@return file.RemoveResult
---@effect write
---@plan "remove {path}"
function file.remove(path, options) end

---Returns whether a file, directory or other entry exists at the path (symlinks are followed).
---@param path string
---@return boolean
---@effect read
function file.exists(path) end

---Changes a path's permissions; a path that already has them is left alone.
---@param path string
---@param mode string  Octal permissions as a string, e.g. `"0755"` (a Lua number like 0755 would be decimal).
---@return file.Result
---@effect write
---@plan "chmod {mode} {path}"
function file.chmod(path, mode) end

---Changes a path's owner and group; a path that already has them is left alone.
---@param path string
---@param owner string  The new owner (user name).
---@param group? string  The new group (group name); unchanged when omitted.
---@return file.Result
---@effect write
---@plan "chown {owner}:{group} {path}"
function file.chown(path, owner, group) end

---Returns a file's whole content; raises if it does not exist or cannot be read.
---@param path string
---@return string
---@effect read
function file.read(path) end

---Writes content to a file, creating it if needed; a file that already has this content is left alone.
---@param path string
---@param content string
---@param options? file.WriteOptions
---@return file.Result
---@effect write
---@plan "write {path}"
function file.write(path, content, options) end
