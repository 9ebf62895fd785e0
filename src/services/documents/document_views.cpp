#include "services/documents/document_views.hpp"

#include "core/clock.hpp"

namespace shido::services {

namespace {

nlohmann::json optional_time_json(const std::optional<core::Timestamp>& t) {
    return t ? nlohmann::json(core::format_iso8601(*t)) : nlohmann::json(nullptr);
}

nlohmann::json overview_item_json(const DocumentOverviewItem& item) {
    using namespace core::documents;
    auto sessions = nlohmann::json::array();
    for (const auto& s : item.sessions) sessions.push_back({{"no", s.no}, {"review", s.review}});
    return {{"kind", key_of(item.status.kind)},
            {"kind_label", label_of(item.status.kind)},
            {"state", key_of(item.status.state)},
            {"state_label", label_of(item.status.state)},
            {"updated_at", optional_time_json(item.status.updated_at)},
            {"submitted_at", optional_time_json(item.status.submitted_at)},
            {"sessions", std::move(sessions)}};
}

}  // namespace

nlohmann::json documents_json(const std::vector<DocumentOverviewItem>& items) {
    auto list = nlohmann::json::array();
    for (const auto& item : items) list.push_back(overview_item_json(item));
    return {{"items", std::move(list)}};
}

}  // namespace shido::services
