// Printing a Plan: Terraform-like text (symbols, per-task sections, a closing summary) and the
// versioned JSON document (docs/plan.md describes both).
#pragma once

#include "sloth/analyzer/plan/Plan.h"

#include <string>
#include <vector>

namespace sloth::plan {

// The JSON document's format_version "MAJOR.MINOR": a new minor version only adds fields
// (1.1: tasks' delegate_to).
inline constexpr int kPlanFormatVersion = 1;
inline constexpr int kPlanFormatMinor = 1;

std::string renderPlanText(const Plan& plan, bool color);
std::string renderPlanJson(const Plan& plan);

// `Plan: 3 to create, 2 to change, 1 to delete, 4 commands, 2 conditional.`
std::string planSummary(const Plan& plan);

} // namespace sloth::plan
