// The hearing sheet on a real database (SQLite, and PostgreSQL in the test command): who reads
// and writes it, item versions (stale: 409, nothing changed), the audit entry in the same
// transaction, added items, the review of unclear answers, and the submitted copy the
// secretariat reads instead of the working one.
#include <gtest/gtest.h>

#include "services/hearing/hearing_views.hpp"
#include "storage/audit/audit_repository.hpp"
#include "storage/hearing/hearing_repository.hpp"
#include "support/domain_error.hpp"
#include "support/grant_checks.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using core::Anchor;
using core::EngagementAction;

class HearingServiceTest : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        jimu = demo_user("jimu");
        expert1 = demo_user("expert1");
        owner1 = demo_user("owner1");
        maker = services_->engagements.list(as(expert1), {}).items.at(0);
    }
    services::EngagementGrant on_maker(const core::User& user, EngagementAction action) {
        return grant(as(user), Anchor::engagement, maker.id, action);
    }
    long long audit_entries() {
        storage::Connection c(*db_);
        storage::AuditQuery q;
        q.engagement_id = maker.id;
        return storage::AuditRepository(c).page(q).total;
    }
    core::hearing::SheetItem save(const std::string& key, services::HearingItemInput in) {
        return services_->hearing.save_item(
            as(expert1), on_maker(expert1, EngagementAction::write_records), key, in);
    }
    services::HearingView sheet_as(const core::User& user) {
        return services_->hearing.get(as(user), on_maker(user, EngagementAction::view_records));
    }
    static const core::hearing::SheetItem& item(const services::HearingView& v,
                                                const std::string& key) {
        for (const auto& s : v.sections)
            for (const auto& i : s.items)
                if (i.key == key) return i;
        throw std::runtime_error("no item " + key);
    }

    core::User jimu, expert1, owner1;
    core::Engagement maker;
};

TEST_F(HearingServiceTest, AFreshSheetIsTheTemplateWithNothingWritten) {
    auto view = sheet_as(expert1);
    EXPECT_EQ(view.sheet->id, "standard");
    EXPECT_EQ(view.sections.size(), 7u);
    EXPECT_EQ(view.status.state, core::documents::DocumentState::not_started);
    EXPECT_EQ(item(view, "1").label, view.sections[0].title) << "a section without items is one";
    EXPECT_EQ(item(view, "5.3").entry.version, 0);
    EXPECT_TRUE(view.expert_hints);
    EXPECT_FALSE(sheet_as(owner1).expert_hints) << "専門家限り is the expert's only";
}

TEST_F(HearingServiceTest, EachFieldSavesOnItsOwnAndAStaleVersionChangesNothing) {
    services::HearingItemInput prep;
    prep.preparation = "Web サイトによると従業員は約30名";
    prep.version = 0;
    auto first = save("1", prep);
    EXPECT_EQ(first.entry.version, 1);
    services::HearingItemInput result;
    result.result = "製造業。拠点は本社と工場の2か所";
    result.version = 1;
    auto second = save("1", result);
    EXPECT_EQ(second.entry.version, 2);
    EXPECT_EQ(second.entry.preparation, *prep.preparation) << "a field not sent is kept";
    EXPECT_EQ(second.entry.result, *result.result);

    auto entries = audit_entries();
    result.result = "古い画面からの上書き";
    EXPECT_EQ(code_of([&] { save("1", result); }), core::ErrorCode::conflict);
    EXPECT_EQ(audit_entries(), entries) << "a refused change leaves no audit entry";
    EXPECT_EQ(item(sheet_as(owner1), "1").entry.result, "製造業。拠点は本社と工場の2か所");
    EXPECT_EQ(sheet_as(owner1).status.state, core::documents::DocumentState::draft);
}

TEST_F(HearingServiceTest, EveryChangeIsAuditedWithTheItem) {
    auto entries = audit_entries();
    services::HearingItemInput in;
    in.result = "クラウド会計を利用";
    in.version = 0;
    auto saved = save("5.3", in);
    EXPECT_EQ(audit_entries(), entries + 1);
    storage::Connection c(*db_);
    storage::AuditQuery q;
    q.engagement_id = maker.id;
    auto page = storage::AuditRepository(c).page(q);
    ASSERT_FALSE(page.items.empty());
    const storage::AuditEntry* last = &page.items.front();
    for (const auto& entry : page.items)
        if (entry.id > last->id) last = &entry;
    EXPECT_EQ(last->entity, "hearing_item");
    EXPECT_EQ(last->action, "create");
    EXPECT_EQ(last->entity_id, saved.entry.id);
    ASSERT_TRUE(last->after_json);
    EXPECT_EQ(nlohmann::json::parse(*last->after_json).at("result"), "クラウド会計を利用");
}

TEST_F(HearingServiceTest, BadInputIsRefusedWithTheFieldAndNothingIsStored) {
    services::HearingItemInput in;
    in.result = std::string("制御\x01文字");
    in.version = 0;
    EXPECT_TRUE(fails_on("result", [&] { save("5.1", in); }));
    in.result = "ok";
    in.version.reset();
    EXPECT_TRUE(fails_on("version", [&] { save("5.1", in); }));
    in.version = 0;
    EXPECT_EQ(code_of([&] { save("9.9", in); }), core::ErrorCode::not_found);
    EXPECT_EQ(sheet_as(expert1).status.state, core::documents::DocumentState::not_started);
}

TEST_F(HearingServiceTest, AddedItemsGoUnderTheirSectionAndOnlyTheyCanBeDeleted) {
    auto write = on_maker(expert1, EngagementAction::write_records);
    EXPECT_TRUE(fails_on("section_no", [&] {
        services_->hearing.add_item(as(expert1), write, 8, "存在しない大項目");
    }));
    auto added = services_->hearing.add_item(as(expert1), write, 5, "工場の制御系ネットワーク");
    EXPECT_TRUE(added.added);
    EXPECT_EQ(added.key.front(), 'x');
    auto view = sheet_as(expert1);
    EXPECT_EQ(view.sections[4].items.back().key, added.key);
    EXPECT_EQ(view.status.state, core::documents::DocumentState::draft);

    EXPECT_EQ(code_of([&] { services_->hearing.delete_item(as(expert1), write, "5.1", 1); }),
              core::ErrorCode::conflict);
    EXPECT_EQ(code_of([&] { services_->hearing.delete_item(as(expert1), write, added.key, 2); }),
              core::ErrorCode::conflict);
    services_->hearing.delete_item(as(expert1), write, added.key, 1);
    EXPECT_EQ(sheet_as(expert1).sections[4].items.size(), 9u);
}

TEST_F(HearingServiceTest, UnclearItemsComeBackAtTheReviewAndAreResolvedWithANote) {
    services::HearingItemInput in;
    in.result = "バックアップは取っているらしい";
    in.unclear = true;
    in.version = 0;
    auto flagged = save("5.9", in);
    EXPECT_TRUE(flagged.entry.unclear);
    EXPECT_TRUE(flagged.entry.unclear_by_name);
    in.unclear = true;
    in.result.reset();
    in.preparation = "";
    in.version = 0;
    save("7.2", in);

    auto unclear = services_->hearing.unclear(on_maker(owner1, EngagementAction::view_records));
    EXPECT_EQ(unclear.sheet->review_at_session, 2);
    ASSERT_EQ(unclear.items.size(), 2u);
    EXPECT_EQ(unclear.items[0].key, "5.9");

    auto resolved = services_->hearing.resolve(
        as(expert1), on_maker(expert1, EngagementAction::write_records), "5.9",
        "外付けディスクに週1回。保管は社内のみ", flagged.entry.version);
    EXPECT_FALSE(resolved.entry.unclear);
    EXPECT_FALSE(resolved.entry.unclear_by_name);
    EXPECT_NE(resolved.entry.result.find("バックアップは取っているらしい\n【第2回で確認"),
              std::string::npos);
    EXPECT_NE(resolved.entry.result.find("外付けディスクに週1回"), std::string::npos);
    EXPECT_EQ(
        services_->hearing.unclear(on_maker(expert1, EngagementAction::view_records)).items.size(),
        1u);
    EXPECT_EQ(code_of([&] {
                  services_->hearing.resolve(as(expert1),
                                             on_maker(expert1, EngagementAction::write_records),
                                             "5.9", "もう一度", resolved.entry.version);
              }),
              core::ErrorCode::conflict)
        << "an item without the flag has nothing to resolve";
}

TEST_F(HearingServiceTest, TheSecretariatReadsOnlyTheSubmittedCopy) {
    EXPECT_EQ(code_of([&] { on_maker(jimu, EngagementAction::view_records); }),
              core::ErrorCode::forbidden);
    auto submitted_grant = on_maker(jimu, EngagementAction::view_submitted_documents);
    EXPECT_EQ(code_of([&] { services_->hearing.submitted(submitted_grant); }),
              core::ErrorCode::conflict)
        << "not submitted yet";
    auto submit = on_maker(expert1, EngagementAction::submit_documents);
    EXPECT_EQ(code_of([&] { services_->hearing.submit(as(expert1), submit); }),
              core::ErrorCode::conflict)
        << "nothing written, nothing to submit";

    services::HearingItemInput in;
    in.result = "提出時点の結果";
    in.version = 0;
    save("2", in);
    auto entries = audit_entries();
    services_->hearing.submit(as(expert1), submit);
    EXPECT_EQ(audit_entries(), entries + 1);
    in.result = "提出後に書き直した結果";
    in.version = 1;
    now_ += 60;
    save("2", in);

    auto copy = services_->hearing.submitted(submitted_grant);
    EXPECT_TRUE(copy.changed_since_submission);
    EXPECT_EQ(copy.snapshot.at("sections").at(1).at("items").at(0).at("result"), "提出時点の結果");
    auto document = services_->hearing.submitted_document(submitted_grant);
    EXPECT_TRUE(document.submitted_copy);
    EXPECT_EQ(document.rows.at(1).result, "提出時点の結果");
    auto status = services_->hearing.status(on_maker(jimu, EngagementAction::view));
    EXPECT_EQ(status.state, core::documents::DocumentState::submitted);
    EXPECT_GT(*status.updated_at, *status.submitted_at);
}

TEST_F(HearingServiceTest, OnlyTheExpertWrites) {
    EXPECT_EQ(code_of([&] { on_maker(owner1, EngagementAction::write_records); }),
              core::ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] { on_maker(owner1, EngagementAction::submit_documents); }),
              core::ErrorCode::forbidden);
}

TEST_F(HearingServiceTest, UseCasesRunOnlyWithTheGrantTheyNeed) {
    auto& s = services_->hearing;
    auto ctx = as(expert1);
    expect_requires_action(services_->access, Anchor::engagement, maker.id,
                           EngagementAction::view_records,
                           [&](const services::EngagementGrant& g) { s.get(ctx, g); });
    expect_requires_action(
        services_->access, Anchor::engagement, maker.id, EngagementAction::write_records,
        [&](const services::EngagementGrant& g) { s.save_item(ctx, g, "1", {}); });
    expect_requires_action(services_->access, Anchor::engagement, maker.id,
                           EngagementAction::submit_documents,
                           [&](const services::EngagementGrant& g) { s.submit(ctx, g); });
    expect_requires_action(services_->access, Anchor::engagement, maker.id,
                           EngagementAction::view_submitted_documents,
                           [&](const services::EngagementGrant& g) { s.submitted(g); });
}

TEST_F(HearingServiceTest, TheDashboardReadsManyStatusesAtOnce) {
    auto all = services_->engagements.list(as(jimu), {}).items;
    ASSERT_GE(all.size(), 2u);
    services::HearingItemInput in;
    in.result = "記入あり";
    in.version = 0;
    save("3", in);
    storage::Connection c(*db_);
    std::vector<core::Id> ids;
    for (const auto& e : all) ids.push_back(e.id);
    auto statuses = storage::hearing_statuses(c, ids);
    ASSERT_EQ(statuses.size(), ids.size());
    for (const auto& e : all)
        EXPECT_EQ(statuses.at(e.id).state, e.id == maker.id
                                               ? core::documents::DocumentState::draft
                                               : core::documents::DocumentState::not_started);
}

}  // namespace
}  // namespace shido::testing
