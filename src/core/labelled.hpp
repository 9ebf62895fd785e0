#pragma once
#include <optional>
#include <span>
#include <string_view>

namespace shido::core {

// An enum value with its stable key (API, database) and its Japanese label (what people read).
// Each enum keeps one table of these; the functions below are the only lookups, so a value
// can never have a key without a label. /api/v1/meta serves the tables to the front end.
template <typename Enum>
struct Labelled {
    Enum value;
    std::string_view key;
    std::string_view label;
};

template <typename Enum>
std::string_view key_in(std::span<const Labelled<Enum>> table, Enum value) {
    for (const auto& entry : table)
        if (entry.value == value) return entry.key;
    return {};
}

template <typename Enum>
std::string_view label_in(std::span<const Labelled<Enum>> table, Enum value) {
    for (const auto& entry : table)
        if (entry.value == value) return entry.label;
    return {};
}

template <typename Enum>
std::optional<Enum> parse_in(std::span<const Labelled<Enum>> table, std::string_view key) {
    for (const auto& entry : table)
        if (entry.key == key) return entry.value;
    return std::nullopt;
}

}  // namespace shido::core
