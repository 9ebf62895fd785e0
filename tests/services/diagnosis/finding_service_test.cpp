#include "services/diagnosis/finding_service.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/domain_error.hpp"
#include "support/grant_checks.hpp"
#include "support/round_fixture.hpp"

namespace shido::testing {
namespace {

using core::Anchor;
using core::EngagementAction;
namespace dx = core::diagnosis;
using FindingServiceTest = RoundTest;

dx::Finding item_finding(int item_no) {
    dx::Finding f;
    f.item_no = item_no;
    f.finding = "課題";
    return f;
}

TEST_F(FindingServiceTest, FindingsArePrioritisedAndAudited) {
    auto& findings = diagnosis().findings;
    auto record = on_round(EngagementAction::record_findings);
    dx::Finding low{
        2,     "", "パスワードの使い回し", dx::Level::low, dx::Level::low, dx::Difficulty::easy,
        false, 0};
    dx::Finding key{
        7,    "例外あり", "誤送信対策", dx::Level::medium, dx::Level::high, dx::Difficulty::medium,
        true, 0};
    findings.save(as(expert), record, low);
    findings.save(as(expert), record, key);
    key.notes = "社長のみ例外";
    now_ += 20;
    auto saved = findings.save(as(expert), record, key);
    EXPECT_EQ(saved.updated_at, now_);
    auto list = findings.list(on_round(EngagementAction::view_records));
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[1].item_no, 7);
    EXPECT_EQ(list[1].notes, "社長のみ例外");
    EXPECT_EQ(dx::prioritise(list).front().item_no, 7);

    auto entries = audit("diagnosis_finding");
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[0].action, "update");
    EXPECT_EQ(entries[1].action, "create");
    EXPECT_EQ(entries[2].action, "create");
    EXPECT_EQ(entries[0].entity_id, round);  // a finding is keyed by its round and item
    EXPECT_EQ(nlohmann::json::parse(*entries[0].before_json)["notes"], "例外あり");
    auto after = nlohmann::json::parse(*entries[0].after_json);
    EXPECT_EQ(after["item_no"], 7);
    EXPECT_EQ(after["notes"], "社長のみ例外");
    EXPECT_EQ(after["urgency"], "medium");
}

TEST_F(FindingServiceTest, UnknownItemsAndLongTextAreRefused) {
    auto record = on_round(EngagementAction::record_findings);
    EXPECT_EQ(code_of([&] { diagnosis().findings.save(as(expert), record, item_finding(26)); }),
              core::ErrorCode::not_found);
    auto long_notes = item_finding(1);
    long_notes.notes = std::string(2001, 'a');
    EXPECT_TRUE(
        fails_on("notes", [&] { diagnosis().findings.save(as(expert), record, long_notes); }));
    EXPECT_TRUE(diagnosis().findings.list(on_round(EngagementAction::view_records)).empty());
}

TEST_F(FindingServiceTest, NotesKeepTheirLineBreaksButNoOtherControlCharacters) {
    auto record = on_round(EngagementAction::record_findings);
    auto paragraphs = item_finding(1);
    paragraphs.notes = "社長のみ例外。\n理由:\r\n\t出張が多い";
    paragraphs.finding = "1行目\n2行目";
    diagnosis().findings.save(as(expert), record, paragraphs);
    auto stored = diagnosis().findings.list(on_round(EngagementAction::view_records));
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].notes, paragraphs.notes);
    EXPECT_EQ(stored[0].finding, paragraphs.finding);

    auto escape = item_finding(2);
    escape.notes = "赤字\x1b[31m";
    EXPECT_TRUE(fails_on("notes", [&] { diagnosis().findings.save(as(expert), record, escape); }));
}

TEST_F(FindingServiceTest, TheOwnerReadsFindingsButOnlyTheExpertRecordsThem) {
    auto owner1 = demo_user("owner1");
    diagnosis().findings.save(as(expert), on_round(EngagementAction::record_findings),
                              item_finding(1));
    auto read = grant(as(owner1), Anchor::diagnosis_round, round, EngagementAction::view_records);
    EXPECT_EQ(diagnosis().findings.list(read).size(), 1u);
    EXPECT_EQ(code_of([&] {
                  grant(as(owner1), Anchor::diagnosis_round, round,
                        EngagementAction::record_findings);
              }),
              core::ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] {
                  grant(as(demo_user("expert2")), Anchor::diagnosis_round, round,
                        EngagementAction::record_findings);
              }),
              core::ErrorCode::forbidden);
    // The drill-down notes are a working record: the secretariat neither writes nor reads them.
    for (auto action : {EngagementAction::record_findings, EngagementAction::view_records})
        EXPECT_EQ(
            code_of([&] { grant(as(demo_user("jimu")), Anchor::diagnosis_round, round, action); }),
            core::ErrorCode::forbidden);
}

TEST_F(FindingServiceTest, UseCasesRefuseGrantsForAnotherActionOrRecord) {
    auto& findings = diagnosis().findings;
    UseCase list = [&](const auto& g) { findings.list(g); };
    UseCase save = [&](const auto& g) { findings.save(as(expert), g, item_finding(1)); };
    expect_requires_action(services_->access, Anchor::diagnosis_round, round,
                           EngagementAction::view_records, list);
    expect_requires_action(services_->access, Anchor::diagnosis_round, round,
                           EngagementAction::record_findings, save);
    expect_requires_anchor(services_->access, Anchor::engagement, engagement,
                           EngagementAction::view_records, Anchor::diagnosis_round, list);
    expect_requires_anchor(services_->access, Anchor::engagement, engagement,
                           EngagementAction::record_findings, Anchor::diagnosis_round, save);
    EXPECT_TRUE(findings.list(on_round(EngagementAction::view_records)).empty());
}

}  // namespace
}  // namespace shido::testing
