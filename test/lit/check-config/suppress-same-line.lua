-- RUN: %slothc check --format gcc %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=missing-build
-- `-- sloth: ignore CODE` after code silences CODE on that line only.
task("a"):command("true") -- sloth: ignore missing-build
task("b"):command("true") -- sloth: ignore unused-local, missing-build (kept for the docs)
-- CHECK: suppress-same-line.lua:4:44: warning: unused suppression: no 'unused-local' diagnostic on line 4 [unused-suppression]
