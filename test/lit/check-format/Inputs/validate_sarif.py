#!/usr/bin/env python3
"""Checks the parts of a SARIF 2.1.0 log that GitHub code scanning requires (its upload
documentation, "SARIF support for code scanning"): version, runs[].tool.driver.name, rules with
ids, and results with ruleId, message.text and physical locations with relative URIs and
1-based regions whose end is not before the start."""
import json
import sys

log = json.load(open(sys.argv[1]))
problems = []
if log.get("version") != "2.1.0":
    problems.append("version is not 2.1.0")
if "sarif-2.1.0" not in log.get("$schema", ""):
    problems.append("$schema does not name SARIF 2.1.0")
for run in log["runs"]:
    driver = run["tool"]["driver"]
    if not driver.get("name"):
        problems.append("tool.driver.name is missing")
    rules = [r["id"] for r in driver.get("rules", [])]
    if len(rules) != len(set(rules)):
        problems.append("duplicate rule ids")
    for result in run["results"]:
        if result["ruleId"] not in rules:
            problems.append(f"result ruleId {result['ruleId']} has no rule")
        elif rules[result["ruleIndex"]] != result["ruleId"]:
            problems.append(f"ruleIndex of {result['ruleId']} points at another rule")
        if result["level"] not in ("error", "warning", "note", "none"):
            problems.append(f"bad level {result['level']}")
        if not result["message"]["text"]:
            problems.append("empty message")
        for loc in result["locations"]:
            phys = loc["physicalLocation"]
            uri = phys["artifactLocation"]["uri"]
            if uri.startswith("/") or "\\" in uri:
                problems.append(f"uri {uri} is not a relative URI reference")
            region = phys["region"]
            if region["startLine"] < 1 or region["startColumn"] < 1:
                problems.append("region is not 1-based")
            if (region.get("endLine", region["startLine"]), region.get("endColumn", region["startColumn"])) < (region["startLine"], region["startColumn"]):
                problems.append("region ends before it starts")
for p in problems:
    print("invalid SARIF:", p)
sys.exit(1 if problems else 0)
