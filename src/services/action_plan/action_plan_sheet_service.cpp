#include "services/action_plan/action_plan_sheet_service.hpp"

#include <algorithm>
#include <map>

#include "core/error.hpp"
#include "core/office/cell_values.hpp"
#include "storage/action_plan/action_plan_repository.hpp"
#include "storage/action_plan/measure_json.hpp"
#include "storage/database.hpp"
#include "storage/engagements/engagement_repository.hpp"

namespace shido::services {

namespace {

using core::action_plan::Measure;
using core::action_plan::PlanDocument;

std::string plan_sheet_company(const ServiceEnv& env, core::Id engagement_id) {
    storage::Connection c(env.db);
    auto engagement = storage::EngagementRepository(c).find(engagement_id);
    if (!engagement) core::throw_not_found("指導案件");
    return engagement->company_name;
}

// 「自社診断 No.3 パスワード / 規程 No.4 アクセス制御及び認証」: the thread, for reading only.
std::string plan_sources_text(const PlanMeasureView& m) {
    std::string out;
    auto add = [&out](const std::string& part) { out += (out.empty() ? "" : "\n") + part; };
    for (const auto& item : m.items)
        add("自社診断 No." + std::to_string(item.no) + " " + item.topic);
    for (const auto& rule : m.rules)
        if (rule.direct) add("関連規程 No." + std::to_string(rule.no) + " " + rule.name);
    return out;
}

std::string plan_japan_day(core::Timestamp t) {
    constexpr long long japan_offset = 9 * 3600;
    long long local = t + japan_offset;
    long long days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    return core::to_string(core::from_days_since_epoch(days));
}

std::string plan_version_line(int version, const std::optional<std::string>& approved_by,
                              std::optional<core::Timestamp> approved_at) {
    if (version == 0) return "未保存";
    std::string line = "第" + std::to_string(version) + "版";
    if (approved_by && approved_at)
        return line + "（承認: " + *approved_by + " " + plan_japan_day(*approved_at) + "）";
    return line + "（未承認）";
}

PlanDocument plan_document_frame(const ServiceEnv& env, const content::ActionPlanContent& content,
                                 std::string company_name) {
    PlanDocument d;
    d.title = content.title;
    d.sheet_name = content.sheet_name;
    d.company_name = std::move(company_name);
    d.generated_on = today(env);
    d.id_note = content.sheet_notes.id_note;
    d.instructions_title = content.instructions_title;
    for (std::size_t i = 0; i < content.instructions.size(); ++i)
        d.instructions.push_back(std::to_string(i + 1) + ". " + content.instructions[i]);
    d.far_deadline_note = content.sheet_notes.far_deadline_note;
    d.form = content::sheet_form_of(content);
    return d;
}

// The workbook lists the rows by area, so the order of its rows says nothing about the order
// across areas: a known row keeps its place among its own area's rows (their stored positions,
// handed out in the file's order, so moving rows within an area in Excel is kept), and a new
// row, or one moved to another area, goes after every stored one.
void keep_plan_positions(std::vector<Measure>& incoming, const ActionPlanView& view) {
    std::map<core::Id, const Measure*> stored;
    int next = 0;
    for (const auto& m : view.measures) {
        stored[m.measure.id] = &m.measure;
        next = std::max(next, m.measure.position);
    }
    std::map<std::string, std::vector<Measure*>> kept_by_area;
    for (auto& m : incoming) {
        auto it = m.id ? stored.find(m.id) : stored.end();
        if (it != stored.end() && it->second->area_key == m.area_key)
            kept_by_area[m.area_key].push_back(&m);
        else
            m.position = ++next;
    }
    for (auto& [area, rows] : kept_by_area) {
        std::vector<int> positions;
        for (const auto* m : rows) positions.push_back(stored.at(m->id)->position);
        std::sort(positions.begin(), positions.end());
        for (std::size_t i = 0; i < rows.size(); ++i) rows[i]->position = positions[i];
    }
    // The plan's save numbers the rows as they come: hand them over in that order.
    std::stable_sort(incoming.begin(), incoming.end(),
                     [](const Measure& a, const Measure& b) { return a.position < b.position; });
}

core::DomainError plan_file_errors(std::vector<core::DomainError::Detail> errors) {
    return core::DomainError(
        core::ErrorCode::validation,
        "ファイルに誤りがあります。何も取り込んでいません。行と列を確認して直してください。", {},
        std::move(errors));
}

}  // namespace

PlanDocument ActionPlanSheetService::document(const EngagementGrant& grant) {
    auto view = plans_.get(grant);
    auto d =
        plan_document_frame(env_, *view.content, plan_sheet_company(env_, grant.engagement_id()));
    if (view.stored)
        d.version_line = plan_version_line(view.version(),
                                           view.stored->versions.approved_version == view.version()
                                               ? view.stored->approved_by_name
                                               : std::nullopt,
                                           view.stored->approved_at);
    else
        d.version_line = plan_version_line(0, std::nullopt, std::nullopt);
    std::map<core::Id, const PlanMeasureView*> by_id;
    std::vector<Measure> measures;
    for (const auto& m : view.measures) {
        by_id[m.measure.id] = &m;
        measures.push_back(m.measure);
    }
    for (const auto& m : core::action_plan::in_sheet_order(std::move(measures), d.form)) {
        const auto& shown = *by_id.at(m.id);
        d.rows.push_back({core::action_plan::sheet_row_of(m, d.form, plan_sources_text(shown)),
                          shown.beyond_horizon});
    }
    return d;
}

ActionPlanSheetService::Approved ActionPlanSheetService::approved_document(
    const EngagementGrant& grant) {
    auto snapshot = plans_.approved_snapshot(grant);
    auto d = plan_document_frame(env_, *snapshot.content, snapshot.company_name);
    d.version_line =
        plan_version_line(snapshot.version, snapshot.approved_by_name, snapshot.approved_at);
    auto view = plans_.get(grant);
    for (const auto& m : core::action_plan::in_sheet_order(snapshot.measures, d.form)) {
        bool far = m.deadline && core::action_plan::beyond_horizon(
                                     m, view.dates, snapshot.content->rules.horizon_months);
        d.rows.push_back({core::action_plan::sheet_row_of(m, d.form, ""), far});
    }
    return {std::move(d), snapshot.version, snapshot.approved_by_name, snapshot.approved_at};
}

std::optional<ActionPlanSheetService::Approved> ActionPlanSheetService::submitted_document(
    const EngagementGrant& grant) {
    grant.require(core::EngagementAction::view_submitted_documents);
    storage::Connection c(env_.db);
    auto snapshot = storage::ActionPlanRepository(c).submitted(grant.engagement_id());
    if (!snapshot) return std::nullopt;
    // The snapshot is the plan's view as the expert handed it in: keys, not labels, so the
    // form is laid out again with the content edition the plan was made on.
    const auto& j = *snapshot;
    const auto* content = env_.content.action_plan(j.at("content").at("id").get<std::string>());
    if (!content) content = &env_.content.current_action_plan();
    Approved out;
    out.version = j.at("version").get<int>();
    out.approved_by_name = j.value("approved_by_name", nlohmann::json()).is_string()
                               ? j.at("approved_by_name").get<std::string>()
                               : std::string();
    out.approved_at = j.value("approved_at", nlohmann::json()).is_number()
                          ? j.at("approved_at").get<core::Timestamp>()
                          : 0;
    core::action_plan::PlanDates dates{j.at("dates").at("start").get<std::string>(),
                                       j.at("dates").at("reference").get<std::string>()};
    out.document =
        plan_document_frame(env_, *content, plan_sheet_company(env_, grant.engagement_id()));
    out.document.version_line =
        plan_version_line(out.version, out.approved_by_name, out.approved_at);
    auto measures = storage::measures_from_json(j.at("measures"));
    for (const auto& m :
         core::action_plan::in_sheet_order(std::move(measures), out.document.form)) {
        bool far = core::action_plan::beyond_horizon(m, dates, content->rules.horizon_months);
        out.document.rows.push_back(
            {core::action_plan::sheet_row_of(m, out.document.form, ""), far});
    }
    return out;
}

std::vector<Measure> ActionPlanSheetService::read_sheet(const ActionPlanView& view,
                                                        const core::office::SheetCells& sheet) {
    core::action_plan::PlanImportLimits limits;
    for (const auto& m : view.measures) limits.known_ids.insert(m.measure.id);
    limits.earliest_deadline = view.dates.start;
    auto outcome =
        core::action_plan::read_plan_rows(sheet, content::sheet_form_of(*view.content), limits);
    if (!outcome.errors.empty()) throw plan_file_errors(std::move(outcome.errors));
    keep_plan_positions(outcome.measures, view);
    return std::move(outcome.measures);
}

ActionPlanImportPreview ActionPlanSheetService::preview_import(
    const EngagementGrant& grant, const core::office::SheetCells& sheet) {
    grant.require(core::EngagementAction::edit_documents);
    auto view = plans_.editing(grant);
    auto incoming = read_sheet(view, sheet);
    auto changes = plans_.preview(grant, incoming);
    return {view.version(), static_cast<int>(incoming.size()), std::move(changes)};
}

ActionPlanView ActionPlanSheetService::import(const RequestContext& ctx,
                                              const EngagementGrant& grant,
                                              const core::office::SheetCells& sheet,
                                              std::optional<int> version) {
    grant.require(core::EngagementAction::edit_documents);
    auto view = plans_.editing(grant);
    return plans_.save(ctx, grant, version, read_sheet(view, sheet));
}

}  // namespace shido::services
