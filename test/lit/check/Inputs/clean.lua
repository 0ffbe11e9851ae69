local ok = true
return ok
