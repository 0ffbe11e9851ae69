// The facts module's parsers on fixed inputs: quoting in os-release, distribution families, kB
// sizes in meminfo, CPU models of other architectures, escaped mount points, nodev file systems,
// default routes and uptime. The readers are tested against the host's tools in test/lit/modules.
#include "sloth/stdlib/modules/FactsSources.h"

#include <gtest/gtest.h>

namespace {

using namespace sloth::stdlib::facts;

TEST(FactsParsers, OsReleaseQuotingAndDefaults) {
  OsFacts os = parseOsRelease("# comment\n"
                              "NAME=\"Ubuntu\"\n"
                              "ID=ubuntu\n"
                              "ID_LIKE=debian\n"
                              "VERSION_ID=\"22.04\"\n"
                              "UBUNTU_CODENAME=jammy\n"
                              "PRETTY_NAME='It''s \"fine\"'\n",
                              "x86_64");
  EXPECT_EQ(os.name, "Ubuntu");
  EXPECT_EQ(os.id, "ubuntu");
  EXPECT_EQ(os.version, "22.04");
  EXPECT_EQ(os.family, "debian");
  EXPECT_EQ(os.codename.value_or("-"), "jammy");
  EXPECT_EQ(os.arch, "x86_64");

  OsFacts escaped = parseOsRelease("NAME=\"A \\\"quoted\\\" \\$name\"\n", "aarch64");
  EXPECT_EQ(escaped.name, "A \"quoted\" $name");

  // os-release(5): NAME defaults to "Linux", ID to "linux"; no VERSION_ID on Debian sid.
  OsFacts empty = parseOsRelease("", "x86_64");
  EXPECT_EQ(empty.name, "Linux");
  EXPECT_EQ(empty.id, "linux");
  EXPECT_EQ(empty.version, "");
  EXPECT_EQ(empty.family, "linux");
  EXPECT_FALSE(empty.codename.has_value());
}

TEST(FactsParsers, FamilyFromIdThenIdLike) {
  EXPECT_EQ(osFamily("debian", ""), "debian");
  EXPECT_EQ(osFamily("rocky", "rhel centos fedora"), "redhat");
  EXPECT_EQ(osFamily("pop", "ubuntu debian"), "debian");
  EXPECT_EQ(osFamily("endeavouros", "arch"), "arch");
  EXPECT_EQ(osFamily("opensuse-tumbleweed", "opensuse suse"), "suse");
  EXPECT_EQ(osFamily("alpine", ""), "alpine");
  EXPECT_EQ(osFamily("plan9", ""), "plan9");
}

TEST(FactsParsers, MeminfoInBytes) {
  MemoryFacts m = parseMeminfo("MemTotal:       24683620 kB\n"
                               "MemFree:        21852188 kB\n"
                               "MemAvailable:   22709392 kB\n"
                               "SwapCached:            0 kB\n"
                               "SwapTotal:       2097148 kB\n"
                               "SwapFree:        2097000 kB\n");
  EXPECT_EQ(m.total, 24683620LL * 1024);
  EXPECT_EQ(m.available, 22709392LL * 1024);
  EXPECT_EQ(m.swapTotal, 2097148LL * 1024);
  EXPECT_EQ(m.swapFree, 2097000LL * 1024);
}

TEST(FactsParsers, CpuModelOnSeveralArchitectures) {
  EXPECT_EQ(parseCpuModel("processor\t: 0\nmodel name\t: AMD EPYC\nprocessor\t: 1\n"
                          "model name\t: other\n"),
            "AMD EPYC");
  EXPECT_EQ(parseCpuModel("processor\t: 0\nBogoMIPS\t: 108.00\nModel\t\t: Raspberry Pi 4\n"),
            "Raspberry Pi 4");
  EXPECT_EQ(parseCpuModel("processor\t: 0\ncpu\t\t: POWER9 (architected)\n"),
            "POWER9 (architected)");
  EXPECT_EQ(parseCpuModel("processor\t: 0\n"), "");
}

TEST(FactsParsers, MountsDecodeOctalEscapes) {
  std::vector<MountEntry> mounts = parseMounts("/dev/vda / ext4 rw,relatime 0 0\n"
                                               "/dev/sdb1 /mnt/my\\040disk xfs rw 0 0\n"
                                               "proc /proc proc rw 0 0\n");
  ASSERT_EQ(mounts.size(), 3u);
  EXPECT_EQ(mounts[1].device, "/dev/sdb1");
  EXPECT_EQ(mounts[1].mount, "/mnt/my disk");
  EXPECT_EQ(mounts[1].fstype, "xfs");
}

TEST(FactsParsers, LocalFilesystemsAreBlockBackedOrOverlay) {
  std::set<std::string> nodev =
      parseNodevFilesystems("nodev\tsysfs\nnodev\ttmpfs\n\text4\nnodev\toverlay\n\txfs\n");
  EXPECT_EQ(nodev, (std::set<std::string>{"sysfs", "tmpfs", "overlay"}));
  EXPECT_TRUE(isLocalFilesystem("ext4", nodev));
  EXPECT_TRUE(isLocalFilesystem("overlay", nodev));
  EXPECT_FALSE(isLocalFilesystem("tmpfs", nodev));
  EXPECT_FALSE(isLocalFilesystem("sysfs", nodev));
}

TEST(FactsParsers, DefaultRouteNeedsZeroDestinationMaskAndUpFlag) {
  const char* header = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\n";
  EXPECT_TRUE(hasDefaultRoute(std::string(header) +
                              "eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\n"));
  EXPECT_FALSE(hasDefaultRoute(std::string(header) +
                               "eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\n"));
  EXPECT_FALSE(hasDefaultRoute(std::string(header) +
                               "eth0\t00000000\t010200C0\t0002\t0\t0\t0\t00000000\t0\n"));
  EXPECT_FALSE(hasDefaultRoute(""));
}

TEST(FactsParsers, UptimeInWholeSeconds) {
  EXPECT_EQ(parseUptime("10797.62 21298.84\n"), 10797);
}

} // namespace
