#pragma once
// User and group names to ids, through the system's databases (getpwnam/getgrnam, so NSS
// sources such as LDAP work too). A numeric string is taken as an id.

#include <string>
#include <sys/types.h>

namespace sloth::stdlib::modules {

/// Throws FileError "unknown user 'name'".
uid_t userId(const std::string& name);
/// Throws FileError "unknown group 'name'".
gid_t groupId(const std::string& name);

} // namespace sloth::stdlib::modules
