for _, host in ipairs(inventory.hosts) do
  print(host, vault.read("db/password"))
end
print(undefined_here)
