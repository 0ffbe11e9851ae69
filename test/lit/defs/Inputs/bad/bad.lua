---@meta bad
---A module that breaks each rule once, for checker-rejects-violations.test.
bad = {}

---@class bad.Options
---@field user string  Not exact.
---@field password string
---@secret

---@class (exact) bad.Auth
---@field username string  The secret below is ambiguous: it follows a field.
---@secret
---@field password strng  A misspelt type.

---Missing @plan for a write.
---@param name string
---@param options? bad.Options
---@effect write
function bad.install(name, options) end

---Plan names an unknown parameter and a secret one.
---@param host string
---@param token string
---@secret
---@effect net
---@plan "send {token} to {hots}"
function bad.send(host, token) end

---@param x string
---@effect read
function bad.undocumented(x) end

---An effect that does not exist, a tag that does not exist, a parameter without @param.
---@param a string
---@effect reads
---@danger
function bad.probe(a, b) end
