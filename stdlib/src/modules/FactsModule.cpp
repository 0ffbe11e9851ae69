// Lua bindings of the facts module: each record of FactsSources.h becomes the table its class in
// stdlib/defs/facts.lua declares (same field names; absent optional fields are nil).
#include "sloth/stdlib/modules/FactsModule.h"

#include "ModuleErrors.h"
#include "lib/LibSupport.h"
#include "sloth/stdlib/modules/FactsSources.h"

namespace sloth::stdlib {

using namespace facts;
using vm::Thread;

namespace {

void setString(Thread& L, const char* key, std::string_view value) {
  L.pushString(value);
  L.setField(-2, key);
}

void setInteger(Thread& L, const char* key, std::int64_t value) {
  L.pushInteger(value);
  L.setField(-2, key);
}

void setOptional(Thread& L, const char* key, const std::optional<std::string>& value) {
  if (value)
    setString(L, key, *value);
}

void setStrings(Thread& L, const char* key, const std::vector<std::string>& values) {
  L.newTable(static_cast<int>(values.size()), 0);
  for (std::size_t i = 0; i < values.size(); ++i) {
    L.pushString(values[i]);
    L.rawSetI(-2, static_cast<std::int64_t>(i + 1));
  }
  L.setField(-2, key);
}

void pushOs(Thread& L, const OsFacts& os) {
  L.newTable(0, 6);
  setString(L, "name", os.name);
  setString(L, "id", os.id);
  setString(L, "version", os.version);
  setString(L, "family", os.family);
  setOptional(L, "codename", os.codename);
  setString(L, "arch", os.arch);
}

void pushKernel(Thread& L, const KernelFacts& kernel) {
  L.newTable(0, 2);
  setString(L, "name", kernel.name);
  setString(L, "version", kernel.version);
}

void pushCpu(Thread& L, const CpuFacts& cpu) {
  L.newTable(0, 3);
  setInteger(L, "cores", cpu.cores);
  setString(L, "model", cpu.model);
  setString(L, "arch", cpu.arch);
}

void pushMemory(Thread& L, const MemoryFacts& memory) {
  L.newTable(0, 4);
  setInteger(L, "total", memory.total);
  setInteger(L, "available", memory.available);
  setInteger(L, "swap_total", memory.swapTotal);
  setInteger(L, "swap_free", memory.swapFree);
}

void pushDisks(Thread& L, const std::vector<DiskFacts>& disks) {
  L.newTable(static_cast<int>(disks.size()), 0);
  for (std::size_t i = 0; i < disks.size(); ++i) {
    const DiskFacts& disk = disks[i];
    L.newTable(0, 6);
    setString(L, "device", disk.device);
    setString(L, "mount", disk.mount);
    setString(L, "fstype", disk.fstype);
    setInteger(L, "total", disk.total);
    setInteger(L, "used", disk.used);
    setInteger(L, "available", disk.available);
    L.rawSetI(-2, static_cast<std::int64_t>(i + 1));
  }
}

void pushNetwork(Thread& L, const NetworkFacts& network) {
  L.newTable(0, 4);
  setString(L, "hostname", network.hostname);
  setString(L, "fqdn", network.fqdn);
  L.newTable(static_cast<int>(network.interfaces.size()), 0);
  for (std::size_t i = 0; i < network.interfaces.size(); ++i) {
    const InterfaceFacts& interface = network.interfaces[i];
    L.newTable(0, 5);
    setString(L, "name", interface.name);
    setOptional(L, "mac", interface.mac);
    setStrings(L, "ipv4", interface.ipv4);
    setStrings(L, "ipv6", interface.ipv6);
    L.pushBoolean(interface.up);
    L.setField(-2, "up");
    L.rawSetI(-2, static_cast<std::int64_t>(i + 1));
  }
  L.setField(-2, "interfaces");
  setOptional(L, "default_ipv4", network.defaultIpv4);
}

// A facts function: reads with `read` (its FactsError becomes "facts.NAME: cause") and pushes.
template <typename Read, typename Push>
int reading(Thread& L, const char* function, Read&& read, Push&& push) {
  auto value = modules::reportingErrors<FactsError>(L, function, read);
  push(L, value);
  return 1;
}

int factsOs(Thread& L) {
  return reading(L, "facts.os", readOs, pushOs);
}
int factsKernel(Thread& L) {
  return reading(L, "facts.kernel", readKernel, pushKernel);
}
int factsCpu(Thread& L) {
  return reading(L, "facts.cpu", readCpu, pushCpu);
}
int factsMemory(Thread& L) {
  return reading(L, "facts.memory", readMemory, pushMemory);
}
int factsDisk(Thread& L) {
  return reading(L, "facts.disk", readDisks, pushDisks);
}
int factsNetwork(Thread& L) {
  return reading(L, "facts.network", readNetwork, pushNetwork);
}
int factsHostname(Thread& L) {
  return reading(L, "facts.hostname", readHostname,
                 [](Thread& T, const std::string& name) { T.pushString(name); });
}

struct AllFacts {
  OsFacts os;
  KernelFacts kernel;
  CpuFacts cpu;
  MemoryFacts memory;
  std::vector<DiskFacts> disks;
  NetworkFacts network;
  std::int64_t uptime = 0;
};

int factsGather(Thread& L) {
  AllFacts all = modules::reportingErrors<FactsError>(L, "facts.gather", [] {
    return AllFacts{readOs(),    readKernel(),  readCpu(),   readMemory(),
                    readDisks(), readNetwork(), readUptime()};
  });
  L.newTable(0, 8);
  setString(L, "hostname", all.network.hostname);
  pushOs(L, all.os);
  L.setField(-2, "os");
  pushKernel(L, all.kernel);
  L.setField(-2, "kernel");
  pushCpu(L, all.cpu);
  L.setField(-2, "cpu");
  pushMemory(L, all.memory);
  L.setField(-2, "memory");
  pushDisks(L, all.disks);
  L.setField(-2, "disk");
  pushNetwork(L, all.network);
  L.setField(-2, "network");
  setInteger(L, "uptime", all.uptime);
  return 1;
}

} // namespace

void openFacts(Thread& L) {
  lib::newModule(L, "facts",
                 {{"gather", factsGather},
                  {"os", factsOs},
                  {"kernel", factsKernel},
                  {"cpu", factsCpu},
                  {"memory", factsMemory},
                  {"disk", factsDisk},
                  {"network", factsNetwork},
                  {"hostname", factsHostname}});
  L.pop();
}

} // namespace sloth::stdlib
