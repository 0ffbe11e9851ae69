---@meta user
---System users and groups, managed with `useradd`/`usermod`/`userdel` and `groupadd` (shadow-utils,
---found in PATH or /usr/sbin). Without them every change raises `user.<function>: useradd not found`.
---Changing users needs root; otherwise the call raises with the tool's own error text.
user = {}

---The `group` global (declared in this file because the module reference lists it under `user`).
group = {}

---@class (exact) user.CreateOptions
---@field uid? integer  Numeric user id; the next free one when omitted.
---@field gid? integer|string  Primary group, by id or name; a group named after the user when omitted.
---@field groups? string[]  Supplementary groups (the user is added to them; other memberships are kept).
---@field shell? string  Login shell, e.g. `"/bin/bash"`.
---@field home? string  Home directory; `/home/NAME` when omitted.
---@field create_home? boolean  Create the home directory if it is missing (default true, false for system users).
---@field system? boolean  Create a system account (id below UID_MIN, no aging).
---@field comment? string  The GECOS comment, e.g. the full name.

---@class (exact) user.RemoveOptions
---@field remove_home? boolean  Also delete the home directory and mail spool.

---@class (exact) user.Result
---@field changed boolean  Whether the user was created, changed or removed.
---@field name string  The user's name.

---@class (exact) group.CreateOptions
---@field gid? integer  Numeric group id; the next free one when omitted.

---@class (exact) group.Result
---@field changed boolean  Whether the group was created or its id changed.
---@field name string  The group's name.
---@field gid integer  The group's numeric id.

---Creates a user; an existing user is brought in line with the given options (`changed` says whether anything differed).
---@param name string  The login name.
---@param options? user.CreateOptions
---@return user.Result
---@effect write
---@plan "create user {name}"
function user.create(name, options) end

---Removes a user; a user that does not exist is left alone (`changed = false`).
---@param name string  The login name.
---@param options? user.RemoveOptions
---@return user.Result
---@effect write
---@plan "remove user {name}"
function user.remove(name, options) end

---Returns whether a user with this name exists (local passwd database and NSS).
---@param name string  The login name.
---@return boolean
---@effect read
function user.exists(name) end

---Creates a group; an existing group is left alone unless its `gid` differs.
---@param name string  The group's name.
---@param options? group.CreateOptions
---@return group.Result
---@effect write
---@plan "create group {name}"
function group.create(name, options) end
