#include <iostream>
#include <map>

#include "app/commands.hpp"
#include "app/options.hpp"
#include "content/json_file.hpp"
#include "core/error.hpp"

namespace {

const char* usage =
    "shido — 業界セキュリティガイドライン適用のマネジメント指導業務\n\n"
    "Usage: shido <command> [options]\n\n"
    "Commands:\n"
    "  serve      serve the web UI and the JSON API\n"
    "  migrate    apply database migrations\n"
    "  user add   create a user account\n"
    "  demo       load the demo data\n"
    "  routes     print the API routes and their access rules\n"
    "  policy     print the access policy (relation × engagement action)\n"
    "  backup     copy the database consistently while it runs\n"
    "  restore    put a backup into a new database\n\n"
    "Run 'shido <command> --help' for the options of a command.\n";

}  // namespace

int main(int argc, char** argv) {
    using namespace shido::app;
    Args args(argv + 1, argv + argc);
    if (args.empty() || args.front() == "--help" || args.front() == "-h" ||
        args.front() == "help") {
        std::cout << usage;
        return args.empty() ? 2 : 0;
    }
    if (args.front() == "--version") {
        std::cout << "shido " << SHIDO_VERSION << "\n";
        return 0;
    }
    static const std::map<std::string, int (*)(const Args&)> commands{
        {"serve", serve_command},   {"migrate", migrate_command}, {"user", user_command},
        {"demo", demo_command},     {"routes", routes_command},   {"policy", policy_command},
        {"backup", backup_command}, {"restore", restore_command}};
    auto command = commands.find(args.front());
    if (command == commands.end()) {
        std::cerr << "unknown command: " << args.front() << "\n\n" << usage;
        return 2;
    }
    try {
        return command->second(Args(args.begin() + 1, args.end()));
    } catch (const UsageError& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 2;
    } catch (const shido::core::DomainError& e) {
        std::cerr << "error: " << e.what();
        for (const auto& [field, message] : e.fields())
            std::cerr << "\n  " << field << ": " << message;
        std::cerr << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
