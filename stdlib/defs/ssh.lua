---@meta ssh
---Remote hosts over SSH with the OpenSSH client (`ssh`, `scp`) found on PATH; `~/.ssh/config`,
---ssh-agent and `~/.ssh/known_hosts` apply (unknown host keys are refused, never accepted blindly).
---Without the client every call raises `ssh.<function>: ssh not found on PATH`; a failed connection or
---authentication raises with ssh's message.
ssh = {}

---@class (exact) ssh.Options
---@field key? string  Path of the private key file to authenticate with, e.g. `"~/.ssh/id_rsa"`.
---@field port? integer  SSH port (default 22, or the ssh config's).

---@class (exact) ssh.Result
---@field changed boolean  Whether the destination file's content changed.
---@field path string  The destination path.

---Runs a command on a remote host and returns its exit code and output (non-zero does not raise).
---@param target string  `user@host` or `host`.
---@param command string  Command line, run by the remote user's shell.
---@param options? ssh.Options
---@return exec.Result
---@effect exec
---@plan "run {command} on {target}"
function ssh.exec(target, command, options) end

---Copies a local file to a remote host; an identical remote file is left alone.
---@param target string  `user@host` or `host`.
---@param source string  The local file.
---@param destination string  The remote path.
---@param options? ssh.Options
---@return ssh.Result
---@effect write
---@plan "upload {source} to {target}:{destination}"
function ssh.upload(target, source, destination, options) end

---Copies a remote file to the local host; an identical local file is left alone.
---@param target string  `user@host` or `host`.
---@param source string  The remote path.
---@param destination string  The local file.
---@param options? ssh.Options
---@return ssh.Result
---@effect write
---@plan "download {target}:{source} to {destination}"
function ssh.download(target, source, destination, options) end
