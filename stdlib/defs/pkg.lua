---@meta pkg
---Package management through the system's package manager (apt, dnf, yum, pacman, apk, brew).
---The first of `apt-get`, `dnf`, `yum`, `pacman`, `apk`, `brew` found on PATH is used; with none of
---them every call raises `pkg.<function>: no supported package manager found on PATH`.
pkg = {}

---@class (exact) pkg.InstallOptions
---@field update_cache? boolean  Refresh the package index first.
---@field state? "present"|"latest"  `present` (default) leaves an installed package alone; `latest` upgrades it.

---@class (exact) pkg.RemoveOptions
---@field purge? boolean  Also remove configuration files (apt).

---@class (exact) pkg.Result
---@field changed boolean  Whether anything was installed, upgraded or removed.
---@field packages string[]  The packages that changed.

---Installs one or more packages. Already-installed packages are left alone (`changed = false`).
---@param name string|string[]  A package, `name=version`, or a list of them.
---@param options? pkg.InstallOptions
---@return pkg.Result
---@effect write
---@plan "install {name}"
function pkg.install(name, options) end

---Removes one or more packages. Packages that are not installed are left alone.
---@param name string|string[]  A package or a list of them.
---@param options? pkg.RemoveOptions
---@return pkg.Result
---@effect write
---@plan "remove {name}"
function pkg.remove(name, options) end

---Refreshes the package index (`apt-get update`, `dnf makecache`, ...).
---@return pkg.Result
---@effect exec
---@plan "update the package index"
function pkg.update() end

---Upgrades one package, or every installed package when no name is given.
---@param name? string  The package to upgrade; all packages when omitted.
---@return pkg.Result
---@effect write
---@plan "upgrade {name}"
function pkg.upgrade(name) end
