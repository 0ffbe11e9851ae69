---@meta stow
---Dotfiles managed with GNU Stow: symlinks from a target directory into a package directory.
---Runs `stow` found on PATH; without it every call raises `stow.<function>: stow not found on PATH`.
---A conflict (a real file where a link should go) raises with stow's message.
stow = {}

---@class (exact) stow.Result
---@field changed boolean  Whether any link was created or removed.
---@field package string  The package directory.
---@field target string  The target directory.

---Links a package directory's files into the target directory (`stow`); existing correct links are left alone.
---@param package string  The package directory, e.g. `"~/.dotfiles/vim"`.
---@param target string  The directory the links go into, e.g. `"~"`.
---@return stow.Result
---@effect write
---@plan "link {package} into {target}"
function stow.link(package, target) end

---Removes a package's links from the target directory (`stow -D`); missing links are left alone.
---@param package string  The package directory.
---@param target string  The directory the links are in.
---@return stow.Result
---@effect write
---@plan "unlink {package} from {target}"
function stow.unlink(package, target) end

---Unlinks then links a package again (`stow -R`), pruning links to files that are gone.
---@param package string  The package directory.
---@param target string  The directory the links go into.
---@return stow.Result
---@effect write
---@plan "relink {package} into {target}"
function stow.restow(package, target) end
