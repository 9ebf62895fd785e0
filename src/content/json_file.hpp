#pragma once
#include <filesystem>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace shido::content {

// A content file that does not match its schema. Startup stops on it: serving a
// half-valid instrument would give people wrong scores.
class ContentError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

nlohmann::json read_json_file(const std::filesystem::path& path);

// Small typed accessors that name the file and the JSON path in their errors. Strict: call
// finish() once every field is read, and any other field (a misspelt one, one this version does
// not know) is an error too, so no content is silently ignored.
class Reader {
  public:
    Reader(const nlohmann::json& node, std::string where) : node_(node), where_(std::move(where)) {}

    std::string text(const char* key) const;
    int integer(const char* key) const;
    std::vector<std::string> texts(const char* key) const;
    const nlohmann::json& array(const char* key) const;
    const nlohmann::json& object(const char* key) const;
    bool flag(const char* key, bool fallback) const;
    bool has(const char* key) const;  // for the few fields a file may leave out
    std::string path(const char* key) const { return where_ + "." + key; }
    [[noreturn]] void fail(const std::string& message) const;
    // Fails on the first field of the object that no accessor asked for.
    void finish() const;

  private:
    const nlohmann::json& field(const char* key) const;
    const nlohmann::json& node_;
    std::string where_;
    mutable std::set<std::string> read_;
};

}  // namespace shido::content
