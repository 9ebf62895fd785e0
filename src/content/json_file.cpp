#include "content/json_file.hpp"

#include <fstream>

namespace shido::content {

nlohmann::json read_json_file(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw ContentError("cannot open content file " + path.string());
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::parse_error& e) {
        throw ContentError(path.string() + ": " + e.what());
    }
}

const nlohmann::json& Reader::field(const char* key) const {
    read_.insert(key);
    if (!node_.is_object() || !node_.contains(key))
        fail(std::string("missing field '") + key + "'");
    return node_.at(key);
}

void Reader::finish() const {
    if (!node_.is_object()) fail("must be an object");
    for (const auto& [key, value] : node_.items())
        if (!read_.count(key))
            throw ContentError(where_ + "." + key + ": unknown field '" + key + "'");
}

void Reader::fail(const std::string& message) const {
    throw ContentError(where_ + ": " + message);
}

std::string Reader::text(const char* key) const {
    const auto& value = field(key);
    if (!value.is_string() || value.get<std::string>().empty())
        fail(std::string("'") + key + "' must be a non-empty string");
    return value.get<std::string>();
}

int Reader::integer(const char* key) const {
    const auto& value = field(key);
    if (!value.is_number_integer()) fail(std::string("'") + key + "' must be an integer");
    return value.get<int>();
}

std::vector<std::string> Reader::texts(const char* key) const {
    const auto& value = array(key);
    std::vector<std::string> result;
    for (const auto& item : value) {
        if (!item.is_string() || item.get<std::string>().empty())
            fail(std::string("'") + key + "' must hold non-empty strings");
        result.push_back(item.get<std::string>());
    }
    return result;
}

const nlohmann::json& Reader::array(const char* key) const {
    const auto& value = field(key);
    if (!value.is_array()) fail(std::string("'") + key + "' must be an array");
    return value;
}

const nlohmann::json& Reader::object(const char* key) const {
    const auto& value = field(key);
    if (!value.is_object()) fail(std::string("'") + key + "' must be an object");
    return value;
}

bool Reader::flag(const char* key, bool fallback) const {
    read_.insert(key);
    if (!node_.contains(key)) return fallback;
    const auto& value = node_.at(key);
    if (!value.is_boolean()) fail(std::string("'") + key + "' must be true or false");
    return value.get<bool>();
}

bool Reader::has(const char* key) const {
    read_.insert(key);
    return node_.is_object() && node_.contains(key);
}

}  // namespace shido::content
