---@meta facts
---Facts about the local host, read from /etc/os-release, uname(2), /proc, statvfs(3) and
---getifaddrs(3) (no external tools). Every call reads afresh. Sizes are in bytes, times in seconds.
facts = {}

---@class (exact) facts.Os
---@field name string  Distribution name, e.g. `"Ubuntu"`.
---@field id string  Distribution id, e.g. `"ubuntu"`, `"debian"`, `"fedora"`.
---@field version string  Version, e.g. `"22.04"`.
---@field family string  Family, e.g. `"debian"`, `"redhat"`, `"arch"`, `"alpine"`.
---@field codename? string  Release codename, e.g. `"jammy"`.
---@field arch string  Machine architecture, e.g. `"x86_64"`, `"aarch64"`.

---@class (exact) facts.Kernel
---@field name string  Kernel name, e.g. `"Linux"`.
---@field version string  Kernel release, e.g. `"6.1.0-13-amd64"`.

---@class (exact) facts.Cpu
---@field cores integer  Logical CPUs this process may run on (as `nproc`: affinity and cpusets count).
---@field model string  CPU model name.
---@field arch string  Machine architecture, e.g. `"x86_64"`.

---@class (exact) facts.Memory
---@field total integer  Physical memory.
---@field available integer  Memory available for new programs (MemAvailable).
---@field swap_total integer  Swap space.
---@field swap_free integer  Unused swap space.

---@class (exact) facts.Disk
---@field device string  Device, e.g. `"/dev/sda1"`.
---@field mount string  Mount point, e.g. `"/"`.
---@field fstype string  File system type, e.g. `"ext4"`.
---@field total integer  Size of the file system.
---@field used integer  Space in use.
---@field available integer  Space available to unprivileged users.

---@class (exact) facts.Interface
---@field name string  Interface name, e.g. `"eth0"`.
---@field mac? string  Hardware address.
---@field ipv4 string[]  IPv4 addresses, in CIDR form.
---@field ipv6 string[]  IPv6 addresses, in CIDR form.
---@field up boolean  Whether the interface is up.

---@class (exact) facts.Network
---@field hostname string  Host name.
---@field fqdn string  Fully qualified domain name, as `hostname -f` (the host name when none is known).
---@field interfaces facts.Interface[]  Network interfaces, loopback included.
---@field default_ipv4? string  Source address of the default IPv4 route; nil without one.

---@class (exact) facts.Facts
---@field hostname string  Host name.
---@field os facts.Os  Operating system.
---@field kernel facts.Kernel  Kernel.
---@field cpu facts.Cpu  Processors.
---@field memory facts.Memory  Memory and swap.
---@field disk facts.Disk[]  Mounted local file systems (block-device backed, overlay, zfs).
---@field network facts.Network  Host names and interfaces.
---@field uptime integer  Seconds since boot.

---Gathers every fact about the host into one record.
---@return facts.Facts
---@effect read
function facts.gather() end

---Returns the operating system facts (from /etc/os-release, or /usr/lib/os-release).
---@return facts.Os
---@effect read
function facts.os() end

---Returns the kernel facts (from uname).
---@return facts.Kernel
---@effect read
function facts.kernel() end

---Returns the host name (the kernel's node name, as `hostname` prints it).
---@return string
---@effect read
function facts.hostname() end

---Returns the processor facts.
---@return facts.Cpu
---@effect read
function facts.cpu() end

---Returns the memory and swap facts.
---@return facts.Memory
---@effect read
function facts.memory() end

---Returns the mounted local file systems and their usage.
---@return facts.Disk[]
---@effect read
function facts.disk() end

---Returns the host names and network interfaces.
---@return facts.Network
---@effect read
function facts.network() end
