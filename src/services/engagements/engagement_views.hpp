#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "core/engagements/engagement.hpp"
#include "core/paging/page.hpp"
#include "services/json_writer.hpp"

namespace shido::services {

// The engagement's API JSON, written directly as text: lists are the hottest read, and
// building an nlohmann tree first cost more than the database (bench/views_bench.cpp). The
// nlohmann form is parsed from the same text, so the shape is defined once.
void write(JsonWriter& out, const core::Engagement& engagement);
nlohmann::json to_json(const core::Engagement& engagement);
std::string engagement_page_json(const core::Page<core::Engagement>& page);

// What the audit log keeps of an engagement: its stored fields only (no company or expert
// names joined in for display).
nlohmann::json snapshot(const core::Engagement& engagement);

}  // namespace shido::services
