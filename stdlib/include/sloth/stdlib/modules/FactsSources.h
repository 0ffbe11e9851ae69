#pragma once
// Where the facts module's values come from (stdlib/defs/facts.lua declares their shapes): each
// reader takes the host's file or system call, each parser the text of a file, so the parsing is
// tested on fixed inputs and the readers against the host's own tools (nproc, free, df, ip).
// Readers throw FactsError naming the file or call that failed.

#include <cstdint>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sloth::stdlib::facts {

class FactsError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

struct OsFacts {
  std::string name;    // NAME, "Linux" when absent (os-release(5)'s default)
  std::string id;      // ID, "linux" when absent
  std::string version; // VERSION_ID, empty when absent (Debian testing/sid have none)
  std::string family;  // "debian", "redhat", "arch", "alpine", "suse", else the id
  std::optional<std::string> codename; // VERSION_CODENAME (or UBUNTU_CODENAME)
  std::string arch;                    // uname machine
};

struct KernelFacts {
  std::string name;    // uname sysname
  std::string version; // uname release
};

struct CpuFacts {
  std::int64_t cores = 0; // CPUs this process may run on (sched_getaffinity), as nproc counts
  std::string model;
  std::string arch;
};

struct MemoryFacts {
  std::int64_t total = 0;
  std::int64_t available = 0;
  std::int64_t swapTotal = 0;
  std::int64_t swapFree = 0;
};

struct DiskFacts {
  std::string device;
  std::string mount;
  std::string fstype;
  std::int64_t total = 0;
  std::int64_t used = 0;
  std::int64_t available = 0;
};

struct InterfaceFacts {
  std::string name;
  std::optional<std::string> mac;
  std::vector<std::string> ipv4; // CIDR: "192.0.2.2/24"
  std::vector<std::string> ipv6; // CIDR: "fd00::2/64"
  bool up = false;
};

struct NetworkFacts {
  std::string hostname;
  std::string fqdn;
  std::vector<InterfaceFacts> interfaces;
  std::optional<std::string> defaultIpv4;
};

// --- parsers (pure) ---

/// os-release(5): KEY=value lines, values optionally quoted with shell escapes; `arch` is copied.
OsFacts parseOsRelease(std::string_view text, std::string arch);
/// The family of a distribution from its ID and ID_LIKE words.
std::string osFamily(std::string_view id, std::string_view idLike);
/// /proc/meminfo: MemTotal, MemAvailable, SwapTotal, SwapFree (kB) in bytes.
MemoryFacts parseMeminfo(std::string_view text);
/// /proc/cpuinfo: the first "model name" (x86, ...), else "Model"/"Hardware"/"cpu" (ARM, POWER).
std::string parseCpuModel(std::string_view text);

struct MountEntry {
  std::string device, mount, fstype;
};
/// /proc/self/mounts, with the octal escapes (\040 for a space) decoded.
std::vector<MountEntry> parseMounts(std::string_view text);
/// /proc/filesystems: the types marked "nodev" (no block device: proc, tmpfs, cgroup, ...).
std::set<std::string> parseNodevFilesystems(std::string_view text);
/// Whether a mount of `fstype` is a local file system worth reporting: backed by a block device,
/// or overlay/zfs (a container's root, ZFS datasets).
bool isLocalFilesystem(const std::string& fstype, const std::set<std::string>& nodev);
/// /proc/net/route: whether an IPv4 default route (destination and mask 0, up) exists.
bool hasDefaultRoute(std::string_view text);
/// /proc/uptime: whole seconds since boot.
std::int64_t parseUptime(std::string_view text);

// --- readers (the host) ---

OsFacts readOs();
KernelFacts readKernel();
CpuFacts readCpu();
MemoryFacts readMemory();
std::vector<DiskFacts> readDisks();
NetworkFacts readNetwork();
std::string readHostname();
std::int64_t readUptime();

} // namespace sloth::stdlib::facts
