-- RUN: %slothc check --format gcc %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning
-- Alone on its line, a suppression applies to the next line of code (blank and comment-only
-- lines in between are skipped).
-- sloth: ignore missing-build

-- a note about why
task("a"):command("true")
