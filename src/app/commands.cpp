#include "app/commands.hpp"

#include <filesystem>
#include <iostream>
#include <thread>

#include "app/command_options.hpp"
#include "app/options.hpp"
#include "content/library.hpp"
#include "core/access/access_policy.hpp"
#include "core/error.hpp"
#include "core/notifications/mail_message.hpp"
#include "core/notifications/retry_policy.hpp"
#include "http/server.hpp"
#include "http/trusted_hosts.hpp"
#include "services/accounts/password_check.hpp"
#include "services/accounts/totp_secret_store.hpp"
#include "services/crypto.hpp"
#include "services/demo/demo_data.hpp"
#include "services/notifications/mail_folder_sender.hpp"
#include "services/notifications/outbox_worker.hpp"
#include "services/notifications/smtp_sender.hpp"
#include "services/services.hpp"
#include "storage/migrations.hpp"
#include "storage/transaction.hpp"

namespace shido::app {

namespace {

namespace fs = std::filesystem;

// The parts every command needs: content, database (migrated), services.
struct App {
    content::Library library;
    storage::Database db;
    services::Services services;

    App(const Options& o, std::size_t pool_size, services::AuthConfig auth = {},
        std::string totp_key = {})
        : library(content::load_library(o.get("content"))),
          db(storage::DatabaseConfig{database_url(o), pool_size}),
          services(services::ServiceEnv{db, library, services::system_now, std::move(totp_key)},
                   auth) {
        services::init_crypto();
        storage::migrate(db);
    }
};

std::string redacted(const std::string& url) {
    auto at = url.find('@');
    auto scheme = url.find("://");
    if (at == std::string::npos || scheme == std::string::npos)
        return url.rfind("sqlite:", 0) == 0 ? url : "(postgresql)";
    return url.substr(0, scheme + 3) + "***" + url.substr(at);
}

std::vector<std::string> comma_separated(const std::string& text) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        auto part = text.substr(start, end - start);
        part.erase(0, part.find_first_not_of(' '));
        part.erase(part.find_last_not_of(' ') + 1);
        if (!part.empty()) parts.push_back(part);
        start = end + 1;
    }
    return parts;
}

services::SmtpConfig smtp_config(const Options& o, const std::string& url) {
    if (url.rfind("smtp://", 0) != 0 && url.rfind("smtps://", 0) != 0)
        throw UsageError("--smtp-url must start with smtp:// or smtps://");
    services::SmtpConfig smtp;
    smtp.url = url;
    smtp.user = o.get("smtp-user");
    smtp.password = o.get("smtp-password");
    smtp.from = o.get("smtp-from");
    auto tls = o.get("smtp-starttls");
    if (tls == "required")
        smtp.starttls = services::StartTls::required;
    else if (tls == "try")
        smtp.starttls = services::StartTls::try_it;
    else if (tls == "off")
        smtp.starttls = services::StartTls::off;
    else
        throw UsageError("--smtp-starttls must be required, try or off");
    return smtp;
}

std::string totp_key_of(const Options& o) {
    auto file = o.get("secret-key-file");
    if (file.empty()) return "";
    services::init_crypto();
    try {
        return services::read_or_create_totp_key(file);
    } catch (const std::runtime_error& e) {
        throw UsageError(std::string("--secret-key-file: ") + e.what());
    }
}

// Refuses to start with sealed secrets that this server could not open (a wrong or new key
// file, or none: every second-factor login would fail); with a key, seals the plain ones.
void seal_totp_secrets(App& app, const Options& o, const http::Logger& logger) {
    const auto& key = app.services.env.totp_key;
    auto check = services::check_and_seal_totp_secrets(app.db, key);
    if (check.unopenable > 0) {
        auto count = std::to_string(check.unopenable);
        throw UsageError(key.empty() ? count +
                                           " two-factor secrets are sealed: start with "
                                           "--secret-key-file naming the key file they were "
                                           "sealed with"
                                     : "--secret-key-file: the key in " + o.get("secret-key-file") +
                                           " does not open " + count +
                                           " two-factor secrets sealed before: give the file "
                                           "they were sealed with");
    }
    if (key.empty())
        logger.log(http::LogLevel::warn, "two-factor secrets",
                   {{"stored", "plain"}, {"note", "set --secret-key-file to seal them"}});
    else
        logger.log(http::LogLevel::info, "two-factor secrets",
                   {{"stored", "sealed"}, {"sealed_now", check.sealed_now}});
}

// A mail server, a folder of .eml files, or nothing (the messages wait in the outbox).
std::unique_ptr<services::MailSender> mail_sender(const Options& o) {
    auto url = o.get("smtp-url");
    auto folder = o.get("mail-dir");
    if (!url.empty() && !folder.empty())
        throw UsageError("--smtp-url and --mail-dir exclude each other: choose one");
    if (!url.empty()) return std::make_unique<services::SmtpSender>(smtp_config(o, url));
    if (!folder.empty()) return std::make_unique<services::MailFolderSender>(folder);
    return nullptr;
}

std::string mail_destination(const Options& o) {
    if (auto url = o.get("smtp-url"); !url.empty()) return "smtp: " + redacted(url);
    if (auto folder = o.get("mail-dir"); !folder.empty()) return "files in " + folder;
    return "none: messages stay queued";
}

services::OutboxConfig outbox_config(const Options& o, const http::ServerConfig& server) {
    services::OutboxConfig outbox;
    outbox.worker_id = services::make_worker_id();
    outbox.from = o.get("smtp-from");
    if (!core::is_plain_address(outbox.from))
        throw UsageError("--smtp-from must be a bare address (name@example.jp)");
    auto delays = core::parse_delays(o.get("smtp-retry-delays"));
    if (!delays) throw UsageError("--smtp-retry-delays must be seconds separated by commas");
    outbox.retry.delays_seconds = *delays;
    outbox.retry.max_attempts = static_cast<int>(o.number("smtp-max-attempts", 1, 100));
    outbox.poll = std::chrono::milliseconds(o.number("outbox-poll-ms", 50, 3600000));
    outbox.public_url = server.public_url.empty()
                            ? "http://" + server.listen_address + ":" + std::to_string(server.port)
                            : server.public_url;
    return outbox;
}

}  // namespace

int serve_command(const Args& args) {
    Options o(
        with(database_options(),
             {{"listen", "SHIDO_LISTEN", "address to listen on", false, "127.0.0.1"},
              {"port", "SHIDO_PORT", "TCP port", false, "8080"},
              {"static", "SHIDO_STATIC_DIR", "built front end to serve", false,
               first_existing({"web/dist", fs::path(SHIDO_SOURCE_DIR) / "web" / "dist"})},
              {"log-level", "SHIDO_LOG_LEVEL", "debug, info, warn or error", false, "info"},
              {"secure-cookies", "SHIDO_SECURE_COOKIES", "mark cookies Secure (behind TLS)", true,
               ""},
              {"trust-proxy", "SHIDO_TRUST_PROXY", "client address from X-Forwarded-For", true, ""},
              {"public-url", "SHIDO_PUBLIC_URL",
               "public address for links handed out (https://host)", false, ""},
              {"allowed-hosts", "SHIDO_ALLOWED_HOSTS",
               "other host[:port] names the site is reached by, comma-separated", false, ""},
              {"max-body", "SHIDO_MAX_BODY", "largest request body in bytes", false, "1048576"},
              {"threads", "SHIDO_THREADS", "request threads", false,
               std::to_string(std::max(4u, std::thread::hardware_concurrency() * 2))},
              {"workers", "SHIDO_WORKERS",
               "threads for heavy work: password hashing, PDF and xlsx exports", false,
               std::to_string(std::max(1u, std::thread::hardware_concurrency()))},
              {"demo", "SHIDO_DEMO", "load the demo data first when it is missing", true, ""},
              {"smtp-url", "SHIDO_SMTP_URL",
               "mail server for notifications: smtp://host:port or smtps://host:port; without "
               "it nothing is sent and the secretariat reads the outbox",
               false, ""},
              {"mail-dir", "SHIDO_MAIL_DIR",
               "instead of a mail server: write each e-mail as an .eml file into this folder "
               "(the demo, trials)",
               false, ""},
              {"smtp-user", "SHIDO_SMTP_USER", "SMTP login (AUTH); empty: none", false, ""},
              {"smtp-password", "SHIDO_SMTP_PASSWORD",
               "SMTP password (prefer the environment variable)", false, ""},
              {"smtp-from", "SHIDO_SMTP_FROM", "sender address of notification e-mails", false,
               "shido@localhost"},
              {"smtp-starttls", "SHIDO_SMTP_STARTTLS", "STARTTLS for smtp://: required, try or off",
               false, "try"},
              {"smtp-retry-delays", "SHIDO_SMTP_RETRY_DELAYS",
               "seconds before each retry of a failed send; the last one repeats", false,
               "60,300,900,3600,10800,21600"},
              {"smtp-max-attempts", "SHIDO_SMTP_MAX_ATTEMPTS",
               "attempts before a message is marked failed", false, "8"},
              {"outbox-poll-ms", "SHIDO_OUTBOX_POLL_MS", "how often the outbox is looked at", false,
               "5000"},
              {"secret-key-file", "SHIDO_SECRET_KEY_FILE",
               "key that seals the two-factor secrets in the database (made when missing; every "
               "server of one database needs the same file); without it they are stored plain",
               false, ""}}),
        args);
    if (print_help_if_asked(o, "shido serve [options]", "Serves the web UI and the JSON API."))
        return 0;
    http::ServerConfig config;
    config.listen_address = o.get("listen");
    config.port = static_cast<unsigned short>(o.number("port", 1, 65535));
    config.static_dir = o.get("static");
    config.max_body_bytes =
        static_cast<std::size_t>(o.number("max-body", 1024, 64ll * 1024 * 1024));
    config.secure_cookies = o.on("secure-cookies");
    config.trust_proxy = o.on("trust-proxy");
    config.public_url = o.get("public-url");
    while (config.public_url.ends_with('/')) config.public_url.pop_back();
    config.allowed_hosts = comma_separated(o.get("allowed-hosts"));
    config.threads = static_cast<std::size_t>(o.number("threads", 1, 256));
    config.workers = static_cast<std::size_t>(o.number("workers", 1, 64));
    if (!http::parse_log_level(o.get("log-level"), config.log_level))
        throw UsageError("--log-level must be debug, info, warn or error");
    http::Logger logger(config.log_level);

    // Each request thread and each worker may hold one database connection at a time.
    auto totp_key = totp_key_of(o);
    App app(o, config.threads + config.workers + 1, {}, totp_key);  // + the outbox worker
    seal_totp_secrets(app, o, logger);
    if (o.on("demo")) services::load_demo(app.services.env, {});
    logger.log(http::LogLevel::info, "starting",
               {{"database", redacted(database_url(o))}, {"static", config.static_dir.string()}});
    // Links for respondents and the login Origin check use only these, never a Host header.
    auto trusted = http::trusted_hosts(config);
    logger.log(trusted.empty() ? http::LogLevel::warn : http::LogLevel::info, "trusted hosts",
               {{"hosts", trusted},
                {"note", trusted.empty() ? "listening on every address: set --public-url or "
                                           "--allowed-hosts, or logins from browsers are refused"
                                         : "set --public-url or --allowed-hosts for others"}});
    auto outbox = outbox_config(o, config);
    auto sender = mail_sender(o);
    logger.log(http::LogLevel::info, "outbox",
               {{"mail", mail_destination(o)}, {"worker", outbox.worker_id}});
    services::OutboxWorker worker(app.services.env, outbox, sender.get(),
                                  [&logger](const std::string& event, const std::string& detail) {
                                      logger.log(http::LogLevel::warn, event, {{"error", detail}});
                                  });
    worker.start();
    http::run_server(app.services, config, logger);
    worker.stop();
    return 0;
}

int migrate_command(const Args& args) {
    Options o(database_options(), args);
    if (print_help_if_asked(o, "shido migrate [options]", "Applies pending database migrations."))
        return 0;
    storage::Database db(storage::DatabaseConfig{database_url(o), 1});
    int applied = storage::migrate(db);
    std::cout << "migrations applied: " << applied << "\n";
    return 0;
}

int demo_command(const Args& args) {
    Options o(with(database_options(),
                   {{"engagements", "", "extra generated engagements (benchmarks)", false, "0"},
                    {"course-work", "",
                     "give the generated engagements held sessions, reports and tasks", true, ""}}),
              args);
    if (print_help_if_asked(o, "shido demo [options]",
                            "Loads the demo users, companies and engagements (once)."))
        return 0;
    App app(o, 1);
    services::DemoOptions options;
    options.extra_engagements = static_cast<int>(o.number("engagements", 0, 100000));
    options.course_work = o.on("course-work");
    auto summary = services::load_demo(app.services.env, options);
    std::cout << (summary.loaded
                      ? "demo loaded: " + std::to_string(summary.engagements) + " engagements\n"
                      : "demo already present: nothing changed\n");
    return 0;
}

int user_command(const Args& args) {
    if (args.empty() || args.front() != "add") {
        std::cout << "Usage: shido user add --email E --name N --role secretariat|expert|company "
                     "[--company-id ID] [--company-role owner|manager]\n"
                     "The password is read from SHIDO_PASSWORD or from standard input.\n";
        return args.empty() || args.front() == "--help" ? 0 : 2;
    }
    Options o(with(database_options(), {{"email", "", "e-mail address (login)", false, ""},
                                        {"name", "", "display name", false, ""},
                                        {"role", "", "secretariat, expert or company", false, ""},
                                        {"company-id", "", "company of a company user", false, ""},
                                        {"company-role", "", "owner or manager", false, ""}}),
              Args(args.begin() + 1, args.end()));
    if (print_help_if_asked(o, "shido user add [options]", "Creates a user account.")) return 0;
    std::string password;
    if (const char* env = std::getenv("SHIDO_PASSWORD")) {
        password = env;
    } else {
        std::cerr << "password: ";
        std::getline(std::cin, password);
    }
    App app(o, 1);
    services::NewUser input{o.get("email"), o.get("name"), o.get("role"), password, {}, {}};
    if (!o.get("company-id").empty()) input.company_id = o.number("company-id", 1, 1ll << 62);
    if (!o.get("company-role").empty()) input.company_role = o.get("company-role");
    services::require_acceptable_password(app.library.password_rule, "password", password,
                                          services::normalise_email(input.email));
    storage::Connection c(app.db);
    storage::Transaction tx(c);
    services::RequestContext cli{core::Actor{0, core::Role::secretariat, {}, "cli", {}}, "cli"};
    auto user = services::create_user(c, cli, services::system_now(), input);
    tx.commit();
    std::cout << "user created: id " << user.id << " " << user.email << "\n";
    return 0;
}

int routes_command(const Args& args) {
    Options o(database_options(), args);
    if (print_help_if_asked(o, "shido routes",
                            "Prints every API route with its access rule (JSON)."))
        return 0;
    content::Library library = content::load_library(o.get("content"));
    storage::Database db(storage::DatabaseConfig{"sqlite::memory:", 1});
    services::Services services(services::ServiceEnv{db, library}, {});
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : http::describe_routes(services)) {
        nlohmann::json route{
            {"method", r.method}, {"path", r.path}, {"access", r.access}, {"heavy", r.heavy}};
        if (!r.anchor.empty())
            route.update({{"anchor", r.anchor}, {"action", r.action}, {"param", r.param}});
        if (r.before_enrolment) route["before_enrolment"] = true;
        out.push_back(std::move(route));
    }
    std::cout << out.dump(2) << "\n";
    return 0;
}

int policy_command(const Args& args) {
    Options o({}, args);
    if (print_help_if_asked(o, "shido policy",
                            "Prints the access policy: which engagement actions each relation "
                            "to an engagement allows (JSON)."))
        return 0;
    nlohmann::json relations = nlohmann::json::array(), actions = nlohmann::json::array(),
                   allowed = nlohmann::json::object();
    for (auto action : core::all_engagement_actions) actions.push_back(core::to_string(action));
    for (auto relation : core::all_relations) {
        auto key = std::string(core::to_string(relation));
        relations.push_back(key);
        allowed[key] = nlohmann::json::array();
        for (auto action : core::all_engagement_actions)
            if (core::may(relation, action)) allowed[key].push_back(core::to_string(action));
    }
    std::cout << nlohmann::json{{"relations", relations},
                                {"actions", actions},
                                {"allowed", allowed}}
                     .dump(2)
              << "\n";
    return 0;
}

}  // namespace shido::app
