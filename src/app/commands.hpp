#pragma once
#include <string>
#include <vector>

namespace shido::app {

using Args = std::vector<std::string>;

int serve_command(const Args& args);
int migrate_command(const Args& args);
int user_command(const Args& args);
int demo_command(const Args& args);
int routes_command(const Args& args);
int policy_command(const Args& args);
int backup_command(const Args& args);
int restore_command(const Args& args);

}  // namespace shido::app
