#pragma once
// Where the DSL keeps workflows: registry["sloth.workflows"] is the list of workflow tables in
// definition order, each {name, description, version, tasks = {built tasks}, config =
// {max_parallel_tasks, timeout, fail_fast}, on_start, on_complete, defined_at = "file:line"}.

#include <string_view>

namespace sloth::stdlib::workflows {

inline constexpr std::string_view kRegistryKey = "sloth.workflows";

} // namespace sloth::stdlib::workflows
