#pragma once
#include <string>
#include <vector>

namespace shido::storage {

// Runs a program found on PATH with these arguments (no shell: nothing in them is interpreted)
// and waits for it. Its output goes where ours goes. Returns its exit status; throws when it
// cannot be started.
int run_program(const std::vector<std::string>& argv);

}  // namespace shido::storage
