// The facts module's readers: the host's files under /etc and /proc, and the system calls uname,
// sched_getaffinity, statvfs, getifaddrs and getaddrinfo. Nothing is cached: each call reads anew.
#include "FileContent.h"
#include "FileError.h"
#include "sloth/stdlib/modules/FactsSources.h"

#include <algorithm>
#include <arpa/inet.h>
#include <bit>
#include <cerrno>
#include <cstring>
#include <fmt/core.h>
#include <ifaddrs.h>
#include <linux/if_packet.h>
#include <map>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sched.h>
#include <sys/socket.h>
#include <sys/statvfs.h>
#include <sys/utsname.h>
#include <unistd.h>

namespace sloth::stdlib::facts {

namespace {

std::string readProcFile(const std::string& path) {
  try {
    return modules::readWholeFile(path);
  } catch (const modules::FileError& e) {
    throw FactsError(e.what());
  }
}

struct utsname unameOrThrow() {
  struct utsname names {};
  if (::uname(&names) != 0)
    throw FactsError(std::string("uname failed: ") + std::strerror(errno));
  return names;
}

int prefixLength(const unsigned char* mask, std::size_t bytes) {
  int bits = 0;
  for (std::size_t i = 0; i < bytes; ++i)
    bits += std::popcount(static_cast<unsigned>(mask[i]));
  return bits;
}

std::string cidr(const ifaddrs& entry) {
  char text[INET6_ADDRSTRLEN] = {};
  if (entry.ifa_addr->sa_family == AF_INET) {
    const auto* address = reinterpret_cast<const sockaddr_in*>(entry.ifa_addr);
    const auto* mask = reinterpret_cast<const sockaddr_in*>(entry.ifa_netmask);
    ::inet_ntop(AF_INET, &address->sin_addr, text, sizeof text);
    int bits = mask ? prefixLength(reinterpret_cast<const unsigned char*>(&mask->sin_addr), 4) : 32;
    return fmt::format("{}/{}", text, bits);
  }
  const auto* address = reinterpret_cast<const sockaddr_in6*>(entry.ifa_addr);
  const auto* mask = reinterpret_cast<const sockaddr_in6*>(entry.ifa_netmask);
  ::inet_ntop(AF_INET6, &address->sin6_addr, text, sizeof text);
  int bits = mask ? prefixLength(mask->sin6_addr.s6_addr, 16) : 128;
  return fmt::format("{}/{}", text, bits);
}

std::optional<std::string> hardwareAddress(const ifaddrs& entry) {
  const auto* link = reinterpret_cast<const sockaddr_ll*>(entry.ifa_addr);
  if (link->sll_halen == 0)
    return std::nullopt;
  std::string mac;
  for (int i = 0; i < link->sll_halen; ++i)
    mac += fmt::format("{}{:02x}", i ? ":" : "", link->sll_addr[i]);
  return mac;
}

// The fully qualified name the resolver gives the host name (as `hostname -f`), else the name.
std::string fullyQualified(const std::string& hostname) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_flags = AI_CANONNAME;
  addrinfo* result = nullptr;
  if (::getaddrinfo(hostname.c_str(), nullptr, &hints, &result) != 0 || !result)
    return hostname;
  std::string name = result->ai_canonname ? result->ai_canonname : hostname;
  ::freeaddrinfo(result);
  return name;
}

// The source address the kernel picks for the default route: a UDP socket "connected" to a public
// address (no packet is sent) reports it through getsockname.
std::optional<std::string> defaultRouteSource() {
  if (!hasDefaultRoute(readProcFile("/proc/net/route")))
    return std::nullopt;
  int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return std::nullopt;
  sockaddr_in remote{};
  remote.sin_family = AF_INET;
  remote.sin_port = htons(53);
  ::inet_pton(AF_INET, "8.8.8.8", &remote.sin_addr);
  std::optional<std::string> source;
  sockaddr_in local{};
  socklen_t length = sizeof local;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&remote), sizeof remote) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &length) == 0) {
    char text[INET_ADDRSTRLEN] = {};
    ::inet_ntop(AF_INET, &local.sin_addr, text, sizeof text);
    source = text;
  }
  ::close(fd);
  return source;
}

} // namespace

OsFacts readOs() {
  std::string arch = unameOrThrow().machine;
  // os-release(5): /etc/os-release takes precedence over /usr/lib/os-release.
  for (const char* path : {"/etc/os-release", "/usr/lib/os-release"})
    if (::access(path, R_OK) == 0)
      return parseOsRelease(readProcFile(path), arch);
  return parseOsRelease("", arch);
}

KernelFacts readKernel() {
  struct utsname names = unameOrThrow();
  return {names.sysname, names.release};
}

CpuFacts readCpu() {
  CpuFacts cpu;
  cpu.arch = unameOrThrow().machine;
  cpu.model = parseCpuModel(readProcFile("/proc/cpuinfo"));
  // As nproc: the CPUs this process may run on, which a container or taskset may limit.
  long configured = std::max(::sysconf(_SC_NPROCESSORS_CONF), 1L);
  std::size_t setSize = CPU_ALLOC_SIZE(std::max(configured, 1024L));
  cpu_set_t* set = CPU_ALLOC(std::max(configured, 1024L));
  if (set && ::sched_getaffinity(0, setSize, set) == 0)
    cpu.cores = CPU_COUNT_S(setSize, set);
  else
    cpu.cores = std::max(::sysconf(_SC_NPROCESSORS_ONLN), 1L);
  if (set)
    CPU_FREE(set);
  return cpu;
}

MemoryFacts readMemory() {
  return parseMeminfo(readProcFile("/proc/meminfo"));
}

std::vector<DiskFacts> readDisks() {
  std::set<std::string> nodev = parseNodevFilesystems(readProcFile("/proc/filesystems"));
  std::vector<DiskFacts> disks;
  for (const MountEntry& entry : parseMounts(readProcFile("/proc/self/mounts"))) {
    if (!isLocalFilesystem(entry.fstype, nodev))
      continue;
    struct statvfs usage {};
    if (::statvfs(entry.mount.c_str(), &usage) != 0 || usage.f_blocks == 0)
      continue; // unreachable (permissions, a stale mount) or empty: nothing to report
    // As df: size = blocks, used = blocks - free, available = blocks for unprivileged users.
    auto bytes = [&](fsblkcnt_t blocks) {
      return static_cast<std::int64_t>(blocks) * static_cast<std::int64_t>(usage.f_frsize);
    };
    DiskFacts disk{entry.device,
                   entry.mount,
                   entry.fstype,
                   bytes(usage.f_blocks),
                   bytes(usage.f_blocks - usage.f_bfree),
                   bytes(usage.f_bavail)};
    // A later mount on the same point hides the earlier one: report what is visible there.
    auto same = std::find_if(disks.begin(), disks.end(),
                             [&](const DiskFacts& d) { return d.mount == entry.mount; });
    if (same != disks.end())
      *same = std::move(disk);
    else
      disks.push_back(std::move(disk));
  }
  return disks;
}

std::string readHostname() {
  return unameOrThrow().nodename;
}

NetworkFacts readNetwork() {
  NetworkFacts network;
  network.hostname = readHostname();
  network.fqdn = fullyQualified(network.hostname);
  ifaddrs* list = nullptr;
  if (::getifaddrs(&list) != 0)
    throw FactsError(std::string("getifaddrs failed: ") + std::strerror(errno));
  std::map<unsigned, InterfaceFacts> byIndex; // in interface index order, as `ip addr` lists
  for (const ifaddrs* entry = list; entry; entry = entry->ifa_next) {
    unsigned index = ::if_nametoindex(entry->ifa_name);
    InterfaceFacts& interface = byIndex[index];
    interface.name = entry->ifa_name;
    interface.up = interface.up || (entry->ifa_flags & IFF_UP) != 0;
    if (!entry->ifa_addr)
      continue;
    switch (entry->ifa_addr->sa_family) {
    case AF_PACKET:
      interface.mac = hardwareAddress(*entry);
      break;
    case AF_INET:
      interface.ipv4.push_back(cidr(*entry));
      break;
    case AF_INET6:
      interface.ipv6.push_back(cidr(*entry));
      break;
    default:
      break;
    }
  }
  ::freeifaddrs(list);
  for (auto& [index, interface] : byIndex)
    network.interfaces.push_back(std::move(interface));
  network.defaultIpv4 = defaultRouteSource();
  return network;
}

std::int64_t readUptime() {
  return parseUptime(readProcFile("/proc/uptime"));
}

} // namespace sloth::stdlib::facts
