#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/paging/page.hpp"

namespace shido::services {

template <typename T>
nlohmann::json nullable(const std::optional<T>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// {"items": [...], "total": N, "next_after": "…" | null}: the shape of every paginated list.
template <typename T, typename ToJson>
nlohmann::json page_json(const core::Page<T>& page, ToJson&& to_item) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : page.items) items.push_back(to_item(item));
    return {{"items", std::move(items)},
            {"total", page.total},
            {"next_after", nullable(page.next_after)}};
}

}  // namespace shido::services
