// The rules check (様式2) on a real database (SQLite, and PostgreSQL in the test command): who may
// read, write and submit it, versions, the audit, the import all-or-nothing, and the status the
// engagement page and the dashboard read.
#include <gtest/gtest.h>

#include "core/rules/rules_import.hpp"
#include "storage/audit/audit_repository.hpp"
#include "storage/rules/rules_check_repository.hpp"
#include "support/domain_error.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using core::Anchor;
using core::EngagementAction;
using core::documents::DocumentState;
using core::office::CellKind;

class RulesCheckServiceTest : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        jimu = demo_user("jimu");
        expert1 = demo_user("expert1");
        owner1 = demo_user("owner1");
        maker = services_->engagements.list(as(expert1), {}).items.at(0);
        manager = add_user("manager-rules@example.jp", "製作所 管理者", core::Role::company,
                           maker.company_id, "manager");
    }
    services::EngagementGrant on_maker(const core::User& user, EngagementAction action) {
        return grant(as(user), Anchor::engagement, maker.id, action);
    }
    services::RulesCheckView save(int no, std::optional<std::string> result, int version,
                                  const core::User& who) {
        core::rules::RowInput in;
        in.result = std::move(result);
        in.content = "第" + std::to_string(no) + "条を作る";
        return services_->rules_check.save_row(
            as(who), on_maker(who, EngagementAction::edit_documents), no, in, version);
    }
    std::vector<storage::AuditEntry> audit(const std::string& action) {
        storage::Connection c(*db_);
        storage::AuditQuery q;
        q.engagement_id = maker.id;
        q.entity = "rules_check";
        q.action = action;
        return storage::AuditRepository(c).page(q).items;
    }
    // The sheet as the export lays it out, with `results` (labels) in the result column.
    core::office::SheetCells sheet_with(const std::vector<std::string>& results) {
        const auto& r = library_.regulations;
        const auto& c = r.form.columns;
        std::vector<std::string> headers{c.no,      c.category, c.outline,  c.result,
                                         c.content, c.assignee, c.due_date, c.upkeep};
        core::office::SheetCells sheet;
        for (int col = 1; col <= 8; ++col)
            sheet.cells.push_back({core::rules::rules_header_row, col, CellKind::text,
                                   headers[static_cast<std::size_t>(col - 1)]});
        for (std::size_t i = 0; i < r.categories.size(); ++i) {
            int row = core::rules::rules_header_row + 1 + static_cast<int>(i);
            sheet.cells.push_back({row, 1, CellKind::text, std::to_string(i + 1)});
            sheet.cells.push_back({row, 2, CellKind::text, r.categories[i].name});
            if (i < results.size()) sheet.cells.push_back({row, 4, CellKind::text, results[i]});
        }
        return sheet;
    }

    core::User jimu, expert1, owner1, manager;
    core::Engagement maker;
};

TEST_F(RulesCheckServiceTest, BeforeAnySaveEveryCategoryIsBlankAndNotStarted) {
    auto view = services_->rules_check.get(on_maker(owner1, EngagementAction::view_documents));
    EXPECT_EQ(view.check.version, 0);
    EXPECT_EQ(view.state, DocumentState::not_started);
    ASSERT_EQ(view.check.rows.size(), library_.regulations.categories.size());
    EXPECT_EQ(view.check.rows[10].category_key, "ipa-3.1/11");
    EXPECT_EQ(view.summary.unset, 11);
    EXPECT_EQ(services_->rules_check.status(on_maker(jimu, EngagementAction::view)).state,
              DocumentState::not_started);
}

TEST_F(RulesCheckServiceTest, ExpertAndCompanyEditTheSecretariatDoesNot) {
    auto v1 = save(1, "new", 0, expert1);
    EXPECT_EQ(v1.check.version, 1);
    EXPECT_EQ(v1.state, DocumentState::draft);
    auto v2 = save(2, "revised", 1, owner1);
    auto v3 = save(3, "unchanged", 2, manager);
    EXPECT_EQ(v3.check.version, 3);
    EXPECT_EQ(v3.summary.action_plan_categories, (std::vector<int>{1, 2}));
    EXPECT_EQ(code_of([&] { (void)on_maker(jimu, EngagementAction::edit_documents); }),
              core::ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] { (void)on_maker(jimu, EngagementAction::view_documents); }),
              core::ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] { (void)on_maker(owner1, EngagementAction::submit_documents); }),
              core::ErrorCode::forbidden);
    // A grant checked for reading does not write: a programming error, never a silent write.
    EXPECT_THROW(services_->rules_check.save_row(
                     as(expert1), on_maker(expert1, EngagementAction::view_documents), 4, {}, 3),
                 std::logic_error);
}

TEST_F(RulesCheckServiceTest, StaleVersionIsAConflictAndChangesNothing) {
    save(1, "new", 0, expert1);
    EXPECT_EQ(code_of([&] { save(2, "revised", 0, owner1); }), core::ErrorCode::conflict);
    auto view = services_->rules_check.get(on_maker(expert1, EngagementAction::view_documents));
    EXPECT_EQ(view.check.version, 1);
    EXPECT_FALSE(view.check.rows[1].result);
    EXPECT_EQ(audit("update").size(), 0u);
    EXPECT_EQ(audit("create").size(), 1u);
}

TEST_F(RulesCheckServiceTest, BadInputIsRefusedWithItsFieldsAndNothingIsStored) {
    core::rules::RowInput in;
    in.result = "maybe";
    in.due_date = "2027-02-30";
    EXPECT_TRUE(fails_on("result", [&] {
        services_->rules_check.save_row(
            as(expert1), on_maker(expert1, EngagementAction::edit_documents), 1, in, 0);
    }));
    EXPECT_EQ(code_of([&] { save(12, "new", 0, expert1); }), core::ErrorCode::not_found);
    storage::Connection c(*db_);
    EXPECT_FALSE(storage::RulesCheckRepository(c).find(maker.id));
}

TEST_F(RulesCheckServiceTest, EveryChangeIsAuditedWithTheRowsBeforeAndAfter) {
    save(1, "new", 0, expert1);
    save(1, "not_needed", 1, expert1);
    auto updates = audit("update");
    ASSERT_EQ(updates.size(), 1u);
    auto before = nlohmann::json::parse(updates[0].before_json.value());
    auto after = nlohmann::json::parse(updates[0].after_json.value());
    EXPECT_EQ(before["rows"][0]["result"], "new");
    EXPECT_EQ(after["rows"][0]["result"], "not_needed");
    EXPECT_EQ(after["rows"][0]["category_key"], "ipa-3.1/1");
}

TEST_F(RulesCheckServiceTest, ImportIsAllOrNothing) {
    const auto& labels = library_.regulations.review_results;
    save(5, "new", 0, expert1);
    auto bad = sheet_with({"既存のものを見直し改定した(改定予定)", "検討中"});
    bad.cells.push_back({core::rules::rules_header_row + 3, 5, CellKind::formula, "1+1"});
    auto error = error_of([&] {
        services_->rules_check.import(as(expert1),
                                      on_maker(expert1, EngagementAction::edit_documents), bad, 1);
    });
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code(), core::ErrorCode::validation);
    ASSERT_EQ(error->details().size(), 2u);
    EXPECT_EQ(error->details()[0].row, core::rules::rules_header_row + 3);
    EXPECT_EQ(error->details()[0].column, "E");
    EXPECT_EQ(error->details()[1].row, core::rules::rules_header_row + 2);
    EXPECT_EQ(error->details()[1].column, "D");
    auto unchanged =
        services_->rules_check.get(on_maker(expert1, EngagementAction::view_documents));
    EXPECT_EQ(unchanged.check.version, 1);
    EXPECT_EQ(unchanged.check.rows[4].result, core::rules::ReviewResult::new_rule);
    EXPECT_EQ(audit("import_rules_check").size(), 0u);

    std::vector<std::string> all;
    for (std::size_t i = 0; i < 11; ++i) all.push_back(labels[i % 4].label);
    auto good = sheet_with(all);
    EXPECT_EQ(code_of([&] {
                  services_->rules_check.import(
                      as(expert1), on_maker(expert1, EngagementAction::edit_documents), good, 0);
              }),
              core::ErrorCode::conflict);
    auto imported = services_->rules_check.import(
        as(expert1), on_maker(expert1, EngagementAction::edit_documents), good, 1);
    EXPECT_EQ(imported.check.version, 2);
    EXPECT_EQ(imported.summary.unset, 0);
    EXPECT_EQ(imported.summary.by_result[0], 3);    // rows 1, 5, 9
    EXPECT_EQ(imported.check.rows[4].content, "");  // replaced by the file's empty cell
    EXPECT_EQ(audit("import_rules_check").size(), 1u);
}

TEST_F(RulesCheckServiceTest, SubmissionIsASnapshotTheSecretariatReads) {
    EXPECT_EQ(code_of([&] {
                  services_->rules_check.submit(
                      as(expert1), on_maker(expert1, EngagementAction::submit_documents), 0);
              }),
              core::ErrorCode::conflict);
    save(1, "new", 0, expert1);
    EXPECT_EQ(code_of([&] {
                  (void)services_->rules_check.submitted(
                      on_maker(jimu, EngagementAction::view_submitted_documents));
              }),
              core::ErrorCode::conflict);
    auto submitted = services_->rules_check.submit(
        as(expert1), on_maker(expert1, EngagementAction::submit_documents), 1);
    EXPECT_EQ(submitted.state, DocumentState::submitted);
    EXPECT_EQ(audit("submit_rules_check").size(), 1u);
    EXPECT_EQ(code_of([&] {
                  services_->rules_check.submit(
                      as(expert1), on_maker(expert1, EngagementAction::submit_documents), 1);
              }),
              core::ErrorCode::conflict);

    save(1, "revised", 1, owner1);  // a change after the submission
    auto snapshot = services_->rules_check.submitted(
        on_maker(jimu, EngagementAction::view_submitted_documents));
    EXPECT_EQ(snapshot["rows"][0]["result"], "new");
    EXPECT_EQ(snapshot["state"], "submitted");
    auto status = services_->rules_check.status(on_maker(jimu, EngagementAction::view));
    EXPECT_EQ(status.state, DocumentState::draft);
    EXPECT_EQ(status.submitted_at, now_);
}

TEST_F(RulesCheckServiceTest, StatusesOfManyEngagementsInOneQuery) {
    auto all = services_->engagements.list(as(jimu), {}).items;
    ASSERT_GE(all.size(), 2u);
    save(1, "new", 0, expert1);
    std::vector<core::Id> ids;
    for (const auto& e : all) ids.push_back(e.id);
    storage::Connection c(*db_);
    auto statuses = storage::RulesCheckRepository(c).statuses(ids);
    ASSERT_EQ(statuses.size(), ids.size());
    for (const auto& e : all)
        EXPECT_EQ(statuses.at(e.id).state,
                  e.id == maker.id ? DocumentState::draft : DocumentState::not_started);
    EXPECT_EQ(statuses.at(maker.id).updated_at, now_);
    EXPECT_TRUE(storage::RulesCheckRepository(c).statuses({}).empty());
}

TEST_F(RulesCheckServiceTest, TheDocumentCarriesLabelsAndTheCompany) {
    save(2, "unchanged", 0, expert1);
    auto d = services_->rules_check.document(on_maker(owner1, EngagementAction::view_documents));
    EXPECT_EQ(d.title, "【様式2】関連規程類の点検結果シート");
    EXPECT_EQ(d.company_name, maker.company_name);
    ASSERT_EQ(d.rows.size(), 11u);
    EXPECT_EQ(d.rows[1].result, "特に対応無しと判断した（既存のまま）");
    EXPECT_EQ(d.result_labels.size(), 4u);
}

}  // namespace
}  // namespace shido::testing
