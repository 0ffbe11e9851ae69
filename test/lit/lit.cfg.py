# lit configuration: each .lua/.sloth/.test file under test/lit is a case with RUN and CHECK lines.
import os
import lit.formats
import lit.util

config.name = "sloth"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".lua", ".sloth", ".test", ".yaml"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py.in"]
config.test_source_root = os.path.dirname(__file__)

# The site config (written by CMake) says where the built tools are.
site = lit_config.params.get("site_config")
if site is None:
    lit_config.fatal("run lit through ctest, or pass --param site_config=BUILD/test/lit/lit.site.cfg.py")
lit_config.load_config(config, site)
config.test_exec_root = config.sloth_obj_root

config.substitutions.append(("%slothc", config.slothc))
config.substitutions.append(("%sloth", config.sloth))
config.substitutions.append(("%srcroot", config.sloth_source_dir))
config.substitutions.append(("FileCheck", config.filecheck))
# Plain, deterministic output: no colors, no terminal detection surprises.
config.environment["NO_COLOR"] = "1"
config.environment["HOME"] = config.sloth_obj_root

# The module reference lives in ../shared/ beside the repository (present for developers and CI,
# absent in a plain clone); tests that compare against it say `REQUIRES: shared-spec`.
if os.path.exists(os.path.join(config.sloth_source_dir, "..", "shared", "spec", "modules-reference.md")):
    config.available_features.add("shared-spec")
# A sanitizer build (SLOTH_SANITIZE) reserves terabytes of address space for its shadow memory:
# tests that limit the address space (ulimit -v) say `UNSUPPORTED: sanitizer`.
if getattr(config, "sloth_sanitize", ""):
    config.available_features.add("sanitizer")
