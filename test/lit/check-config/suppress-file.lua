-- RUN: %slothc check --format gcc %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=missing-build
-- `ignore-file` silences a code everywhere in the file, wherever the comment is.
task("a"):command("true")
task("b"):command("true")
-- sloth: ignore-file missing-build
