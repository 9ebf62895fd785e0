// The submission package's parts: one maker per document kind, registered in
// package_part_providers() below. A part in content/package/<id>.json with no maker here is
// listed in the manifest as missing (the content's not_provided_reason).
#include "http/package/package_parts.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "exports/action_plan/action_plan_exports.hpp"
#include "exports/diagnosis/report_pdf.hpp"
#include "exports/diagnosis/summary_xlsx.hpp"
#include "exports/final_report/final_report_pdf.hpp"
#include "exports/policy/policy_exports.hpp"
#include "exports/rules/rules_xlsx.hpp"
#include "services/crypto.hpp"

namespace shido::http {

namespace {

constexpr const char* package_pdf = "application/pdf";
constexpr const char* package_xlsx =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

PackagePart package_missing(std::string reason) {
    return {std::nullopt, std::move(reason)};
}

// The basic policy as submitted: the version the owner approved and the expert handed in.
PackagePart policy_part(services::Services& s, const services::EngagementGrant& grant,
                        PartDepth depth) {
    services::SubmittedPolicy submitted;
    try {
        submitted = s.policy.submitted(grant);
    } catch (const core::DomainError& e) {
        if (e.code() != core::ErrorCode::conflict) throw;
        return package_missing("まだ事務局に提出されていません");
    }
    core::documents::DocumentFile file;
    file.media_type = package_pdf;
    file.version = submitted.version.number;
    file.approved_by = submitted.version.approved_by_name;
    file.approved_at = submitted.version.approved_at;
    if (depth == PartDepth::bytes)
        file.bytes = exports::render_policy_pdf(s.policy.print(submitted.version));
    return {std::move(file), {}};
}

// 様式2 as submitted (the snapshot kept at submission).
PackagePart rules_part(services::Services& s, const services::EngagementGrant& grant,
                       PartDepth depth) {
    auto submitted = s.rules_check.submitted_document(grant);
    if (!submitted) return package_missing("まだ事務局に提出されていません");
    core::documents::DocumentFile file;
    file.media_type = package_xlsx;
    file.version = submitted->version;
    if (depth == PartDepth::bytes) file.bytes = exports::write_rules_xlsx(submitted->document);
    return {std::move(file), {}};
}

// The self-assessment of the latest closed round: its summary workbook and its report.
template <bool workbook>
PackagePart diagnosis_part(services::Services& s, const services::EngagementGrant& grant,
                           PartDepth depth) {
    auto report = s.diagnosis.analysis.latest_closed_report(grant);
    if (!report) return package_missing("締め切った自社診断の回がありません");
    core::documents::DocumentFile file;
    file.media_type = workbook ? package_xlsx : package_pdf;
    file.version = 1;  // a closed round takes no more answers: its results have one version
    if (depth == PartDepth::bytes)
        file.bytes =
            workbook ? exports::write_summary_xlsx(*report) : exports::render_report_pdf(*report);
    return {std::move(file), {}};
}

// 様式3 as submitted: the approved version the expert handed in, laid out as the form.
PackagePart action_plan_part(services::Services& s, const services::EngagementGrant& grant,
                             PartDepth depth) {
    auto submitted = s.action_plan_sheets.submitted_document(grant);
    if (!submitted) return package_missing("まだ事務局に提出されていません");
    core::documents::DocumentFile file;
    file.media_type = package_xlsx;
    file.version = submitted->version;
    file.approved_by = submitted->approved_by_name;
    file.approved_at = submitted->approved_at;
    if (depth == PartDepth::bytes)
        file.bytes = exports::write_action_plan_xlsx(submitted->document);
    return {std::move(file), {}};
}

// The final report: the copy the secretariat accepted, else the latest one handed in.
PackagePart final_report_part(services::Services& s, const services::EngagementGrant& grant,
                              PartDepth depth) {
    core::documents::DocumentFile file;
    try {
        file = s.final_report.package_file(
            grant, depth == PartDepth::bytes ? exports::render_final_report_pdf : nullptr);
    } catch (const core::DomainError& e) {
        if (e.code() != core::ErrorCode::conflict) throw;
        return package_missing("まだ事務局に提出されていません");
    }
    return {std::move(file), {}};
}

}  // namespace

const std::vector<PackagePartProvider>& package_part_providers() {
    static const std::vector<PackagePartProvider> providers{
        {"basic_policy", policy_part},
        {"rules_check", rules_part},
        {"action_plan", action_plan_part},
        {"diagnosis_summary", diagnosis_part<true>},
        {"diagnosis_report", diagnosis_part<false>},
        {"final_report", final_report_part},
    };
    return providers;
}

CollectedPackage collect_package(services::Services& s, const services::EngagementGrant& grant,
                                 PartDepth depth, core::Timestamp now) {
    const auto& spec = s.package.spec();
    CollectedPackage out;
    out.manifest.company_name = s.package.company_name(grant);
    out.manifest.folder_name = core::package::folder_name(spec, out.manifest.company_name);
    out.manifest.generated_at = now;
    const auto& providers = package_part_providers();
    for (const auto& part : spec.parts) {
        core::package::ManifestEntry entry;
        entry.key = part.key;
        entry.label = part.label;
        entry.file_name = part.file_name;
        auto provider = std::find_if(providers.begin(), providers.end(),
                                     [&](const auto& p) { return p.key == part.key; });
        auto made = provider == providers.end() ? package_missing(spec.not_provided_reason)
                                                : provider->make(s, grant, depth);
        std::string bytes;
        if (made.file) {
            entry.present = true;
            entry.version = made.file->version;
            entry.approved_by = made.file->approved_by;
            entry.approved_at = made.file->approved_at;
            if (depth == PartDepth::bytes) {
                entry.size = made.file->bytes.size();
                entry.sha256 = services::sha256_hex(made.file->bytes);
                bytes = std::move(made.file->bytes);
            }
        } else {
            entry.missing_reason = made.missing_reason;
        }
        out.manifest.entries.push_back(std::move(entry));
        out.files.push_back(std::move(bytes));
    }
    return out;
}

}  // namespace shido::http
