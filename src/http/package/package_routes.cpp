// 提出パッケージ: the readiness of an engagement's submission package and the ZIP itself.
#include "core/clock.hpp"
#include "core/error.hpp"
#include "exports/package/package_zip.hpp"
#include "http/api_routes.hpp"
#include "http/package/package_parts.hpp"

namespace shido::http {

namespace {

nlohmann::json package_readiness_json(const core::package::Manifest& manifest,
                                      const core::package::PackageSpec& spec) {
    nlohmann::json parts = nlohmann::json::array();
    for (const auto& e : manifest.entries)
        parts.push_back(
            {{"key", e.key},
             {"label", e.label},
             {"file_name", e.file_name},
             {"present", e.present},
             {"version", e.present ? nlohmann::json(e.version) : nullptr},
             {"approved_by", e.approved_by ? nlohmann::json(*e.approved_by) : nullptr},
             {"approved_at",
              e.approved_at ? nlohmann::json(core::format_iso8601(*e.approved_at)) : nullptr},
             {"missing_reason",
              e.present ? nlohmann::json(nullptr) : nlohmann::json(e.missing_reason)}});
    return {{"title", spec.title},
            {"file_name", manifest.folder_name + ".zip"},
            {"complete", core::package::missing_entries(manifest).empty()},
            {"parts", std::move(parts)}};
}

[[noreturn]] void package_throw_incomplete(const core::package::Manifest& manifest) {
    auto missing = core::package::missing_entries(manifest);
    std::vector<core::DomainError::Detail> details;
    for (const auto* e : missing) {
        auto position = e - manifest.entries.data();
        details.push_back(
            {static_cast<int>(position) + 1, e->key, e->label + "：" + e->missing_reason});
    }
    throw core::DomainError(core::ErrorCode::package_incomplete,
                            core::package::incomplete_message(missing), {}, std::move(details));
}

bool package_partial_of(const ApiCall& call) {
    auto partial = call.query_param("partial").value_or("false");
    if (partial != "true" && partial != "false")
        throw core::DomainError(core::ErrorCode::validation, "入力内容に誤りがあります。",
                                {{"partial", "partial は true か false です。"}});
    return partial == "true";
}

}  // namespace

std::vector<Route> package_routes(services::Services& s) {
    using core::Anchor;
    using core::EngagementAction;
    const std::string base = "/api/v1/engagements/{id}/package";
    return {
        {Method::get, base, on(Anchor::engagement, EngagementAction::view_submitted_documents),
         [&s](ApiCall& call) {
             auto collected =
                 collect_package(s, call.engagement(), PartDepth::facts, s.package.now());
             return ApiResponse{200, package_readiness_json(collected.manifest, s.package.spec())};
         }},
        heavy({Method::get, base + ".zip",
               on(Anchor::engagement, EngagementAction::view_submitted_documents),
               [&s](ApiCall& call) {
                   bool partial = package_partial_of(call);
                   // The cheap pass first: a package that cannot be complete renders nothing.
                   if (!partial) {
                       auto facts =
                           collect_package(s, call.engagement(), PartDepth::facts, s.package.now());
                       if (!core::package::missing_entries(facts.manifest).empty())
                           package_throw_incomplete(facts.manifest);
                   }
                   auto collected =
                       collect_package(s, call.engagement(), PartDepth::bytes, s.package.now());
                   if (!partial && !core::package::missing_entries(collected.manifest).empty())
                       package_throw_incomplete(collected.manifest);
                   return file_response(exports::write_package_zip(
                                            collected.manifest, s.package.spec(), collected.files),
                                        "application/zip", collected.manifest.folder_name + ".zip");
               }}),
    };
}

}  // namespace shido::http
