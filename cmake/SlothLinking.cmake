# How the executables are linked (docs/startup.md). `sloth run` of a small script or bundle
# should start about as fast as `lua5.4`; most of its start-up went to the dynamic loader, which
# loaded and relocated libstdc++ and six C++ libraries (4.1 of the 8.3 million instructions of a
# trivial run). So every C++ library is linked statically (cmake/SlothDependencies.cmake) and so
# are libstdc++ and libgcc: the executables need only libc and libm at run time (libcurl and Lua
# C modules are opened with dlopen when a script uses them).
#
# Measured and left out: -Wl,-z,now (no difference); -no-pie (0.87x the CPU time, but a
# position-dependent executable gives up address-space randomization of its code, and sloth
# often runs as root); -static (dlopen needs the dynamic loader).
if(NOT SLOTH_SANITIZE AND NOT SLOTH_FUZZ)
  add_link_options(-static-libstdc++ -static-libgcc)
endif()
# Only what is used: a library on the command line that supplies nothing is not loaded at run
# time (LLVMSupport names libz3, libtinfo and libz), and sections nothing refers to are dropped
# (1.10x the CPU time and 11 more page faults without --gc-sections and -O1).
add_link_options(-Wl,--as-needed -Wl,--gc-sections -Wl,-O1)
# Relative relocations packed (DT_RELR, 261 KB -> 1.8 KB in a position-independent executable)
# by GNU ld; a target linked with ld.lld 14 (property SLOTH_LINKER, tools/CMakeLists.txt), which
# does not know the option, is the position-dependent runner, which has none to pack.
add_link_options($<$<NOT:$<STREQUAL:$<TARGET_PROPERTY:SLOTH_LINKER>,lld>>:-Wl,-z,pack-relative-relocs>)
# Each function and variable in a section of its own: --gc-sections drops the unused ones, and the
# linker can place the runner's start-up code and data together (tools/CMakeLists.txt, "start-up
# layout").
add_compile_options(-ffunction-sections -fdata-sections)
