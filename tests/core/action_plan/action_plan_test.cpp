// 様式3's own rules: choice keys refused at their row and field, the whole sheet's checks
// (area, deadline before the programme, text), the priority rule, the far-deadline flag,
// building from findings and 様式2 (twice adds nothing), coverage, the preview's diff, the state.
#include "core/action_plan/action_plan.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace shido::core::action_plan {
namespace {

using diagnosis::Difficulty;
using diagnosis::Level;

PlanRules plan_rules() {
    PlanRules r;
    r.area_keys = {"organisational", "human", "technical", "physical"};
    r.area_labels = {"組織的対策", "人的対策", "技術的対策", "物理的対策"};
    r.feasibility_labels = {"可", "否"};
    r.progress_labels = {"未着手", "実施中", "完了", "見送り"};
    r.item_area = {{4, "technical"}, {20, "human"}, {5, "organisational"}};
    r.category_area = {{1, "organisational"}, {4, "technical"}};
    r.instrument_id = "ipa-5min-3.1";
    r.regulations_id = "ipa-3.1";
    r.horizon_months = 12;
    r.field_labels = {{"action", "具体的改善対策"}};
    return r;
}

const PlanDates dates{"2026-12-03", "2027-01-21"};

std::map<std::string, std::string> errors_of(const std::function<void(Validator&)>& check) {
    Validator v;
    check(v);
    try {
        v.throw_if_failed();
    } catch (const DomainError& e) {
        return e.fields();
    }
    return {};
}

Measure measure(Id id, int position, std::string area = "technical") {
    Measure m;
    m.id = id;
    m.position = position;
    m.area_key = std::move(area);
    return m;
}

TEST(ActionPlanInput, AKeyOutsideTheChoicesFailsAtItsRowAndField) {
    MeasureInput in;
    in.area_key = "technical";
    in.urgency = "特高";
    in.difficulty = "easy";
    in.feasibility = "maybe";
    auto errors = errors_of([&](Validator& v) { (void)parsed_measure(in, 2, plan_rules(), v); });
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors.at("measures[2].urgency"),
              "3行目の緊急度は「高」「中」「低」から選んでください。");
    EXPECT_EQ(errors.at("measures[2].feasibility"),
              "3行目の実施可否は「可」「否」から選んでください。");
}

TEST(ActionPlanInput, KnownKeysBecomeTheTypedRow) {
    MeasureInput in;
    in.id = 7;
    in.area_key = "human";
    in.urgency = "high";
    in.importance = "low";
    in.difficulty = "hard";
    in.feasibility = "feasible";
    in.progress = "in_progress";
    in.owner = "　総務 花子 ";
    Validator v;
    auto m = parsed_measure(in, 0, plan_rules(), v);
    EXPECT_TRUE(v.ok());
    EXPECT_EQ(m.id, 7);
    EXPECT_EQ(m.position, 1);
    EXPECT_EQ(m.urgency, Level::high);
    EXPECT_EQ(m.importance, Level::low);
    EXPECT_EQ(m.difficulty, Difficulty::hard);
    EXPECT_EQ(m.feasibility, Feasibility::feasible);
    EXPECT_EQ(m.progress, Progress::in_progress);
    EXPECT_EQ(m.owner, "総務 花子");
}

TEST(ActionPlanSheet, UnknownAreaDeadlineBeforeTheStartAndLongTextNameTheirRows) {
    std::vector<Measure> sheet{measure(0, 1, "technical"), measure(0, 2, "financial"),
                               measure(0, 3)};
    sheet[0].deadline = "2026-12-03";  // the first day itself is fine
    sheet[2].deadline = "2026-11-30";
    sheet[2].action = std::string(1001, 'a');
    auto errors = errors_of([&](Validator& v) { validate_sheet(sheet, plan_rules(), dates, v); });
    ASSERT_EQ(errors.size(), 3u);
    EXPECT_EQ(errors.at("measures[1].area_key"),
              "2行目の改善分野は「組織的対策」「人的対策」「技術的対策」「物理的対策」から選んでく"
              "ださい。");
    EXPECT_EQ(errors.at("measures[2].deadline"),
              "3行目の実施期限（2026-11-30）が指導の開始日（2026-12-03）より前です。");
    EXPECT_EQ(errors.at("measures[2].action"),
              "3行目の具体的改善対策は1000文字以内で入力してください。");
}

TEST(ActionPlanSheet, NotARealDateAndTooManyRowsAndTheSameIdTwiceAreRefused) {
    std::vector<Measure> sheet{measure(5, 1), measure(5, 2)};
    sheet[0].deadline = "2027-02-30";
    auto errors = errors_of([&](Validator& v) { validate_sheet(sheet, plan_rules(), dates, v); });
    EXPECT_TRUE(errors.count("measures[0].deadline"));
    EXPECT_TRUE(errors.count("measures[1].id"));
    std::vector<Measure> many(max_measures + 1, measure(0, 1));
    auto too_many = errors_of([&](Validator& v) { validate_sheet(many, plan_rules(), dates, v); });
    EXPECT_TRUE(too_many.count("measures"));
}

TEST(ActionPlanDates, TheProgrammeStartsAtTheFirstSessionAndIsJudgedFromTheLast) {
    std::vector<SessionPlan> sessions(4);
    sessions[0].planned_date = "2026-12-03";
    sessions[0].held_on = "2026-12-04";
    sessions[1].planned_date = "2026-12-17";
    sessions[3].planned_date = "2027-01-21";
    auto d = plan_dates(sessions, "2026-11-01");
    EXPECT_EQ(d.start, "2026-12-04");
    EXPECT_EQ(d.reference, "2027-01-21");
    auto undated = plan_dates(std::vector<SessionPlan>(4), "2026-11-01");
    EXPECT_EQ(undated.start, "2026-11-01");
    EXPECT_EQ(undated.reference, "2026-11-01");
}

TEST(ActionPlanPriority, FeasibleThenUrgencyImportanceEaseDeadlineAndPosition) {
    auto a = measure(1, 1);  // not feasible, though urgent
    a.feasibility = Feasibility::not_feasible;
    a.urgency = Level::high;
    auto b = measure(2, 2);  // feasible, medium urgency
    b.feasibility = Feasibility::feasible;
    b.urgency = Level::medium;
    auto c = measure(3, 3);  // feasible, high urgency, hard
    c.feasibility = Feasibility::feasible;
    c.urgency = Level::high;
    c.difficulty = Difficulty::hard;
    auto d = c;  // the same but easy: before c
    d.id = 4;
    d.position = 4;
    d.difficulty = Difficulty::easy;
    auto e = measure(5, 5);  // undecided
    auto f = d;              // as d, with an earlier deadline: first
    f.id = 6;
    f.position = 6;
    f.deadline = "2027-03-01";
    std::vector<Id> order;
    for (const auto& m : prioritised({a, b, c, d, e, f})) order.push_back(m.id);
    EXPECT_EQ(order, (std::vector<Id>{6, 4, 3, 2, 5, 1}));
}

TEST(ActionPlanHorizon, ADeadlineMoreThanTwelveMonthsAfterTheLastSessionIsFlagged) {
    auto m = measure(1, 1);
    EXPECT_FALSE(beyond_horizon(m, dates, 12));
    m.deadline = "2028-01-21";
    EXPECT_FALSE(beyond_horizon(m, dates, 12));
    m.deadline = "2028-01-22";
    EXPECT_TRUE(beyond_horizon(m, dates, 12));
    // The month's end is clamped: 2027-01-31 + 1 month is 2027-02-28.
    EXPECT_FALSE(beyond_horizon(m, {"2027-01-01", "2027-01-31"}, 13));
    m.deadline = "2027-03-01";
    EXPECT_TRUE(beyond_horizon(m, {"2027-01-01", "2027-01-31"}, 1));
}

std::vector<diagnosis::Finding> findings() {
    diagnosis::Finding key;
    key.item_no = 4;
    key.finding = "アクセス権が部署ごとに設定されていない";
    key.urgency = Level::high;
    key.importance = Level::medium;
    key.difficulty = Difficulty::medium;
    key.key_area = true;
    diagnosis::Finding other = key;
    other.item_no = 5;
    other.key_area = false;
    return {key, other};
}

std::vector<RuleSource> rule_rows() {
    RuleSource revised;
    revised.row.category_no = 4;
    revised.row.category_key = "ipa-3.1/4";
    revised.row.result = rules::ReviewResult::revised;
    revised.row.content = "パスワード規程を改定";
    revised.row.assignee = "情報システム 担当";
    revised.row.due_date = "2027-03-31";
    revised.category_name = "アクセス制御及び認証";
    revised.result_label = "既存のものを見直し改定した（改定予定）";
    RuleSource unchanged = revised;
    unchanged.row.category_no = 1;
    unchanged.row.result = rules::ReviewResult::unchanged;
    return {revised, unchanged};
}

TEST(ActionPlanBuild, KeyFindingsAndNewOrRevisedCategoriesBecomeRowsOnlyOnce) {
    auto added = build_from(findings(), rule_rows(), plan_rules(), {});
    ASSERT_EQ(added.size(), 2u);
    const auto& from_finding = added[0];
    EXPECT_EQ(from_finding.id, 0);
    EXPECT_EQ(from_finding.area_key, "technical");
    EXPECT_EQ(from_finding.situation, "アクセス権が部署ごとに設定されていない");
    EXPECT_EQ(from_finding.urgency, Level::high);
    EXPECT_EQ(from_finding.importance, Level::medium);
    EXPECT_EQ(from_finding.difficulty, Difficulty::medium);
    ASSERT_EQ(from_finding.sources.size(), 1u);
    EXPECT_EQ(from_finding.sources[0], (MeasureSource{SourceKind::finding, "ipa-5min-3.1/4"}));
    const auto& from_rule = added[1];
    EXPECT_EQ(from_rule.action, "パスワード規程を改定");
    EXPECT_EQ(from_rule.owner, "情報システム 担当");
    EXPECT_EQ(from_rule.deadline, "2027-03-31");
    EXPECT_EQ(from_rule.situation, "アクセス制御及び認証：既存のものを見直し改定した（改定予定）");
    EXPECT_EQ(from_rule.sources[0], (MeasureSource{SourceKind::rule, "ipa-3.1/4"}));

    // What is in the plan (ids given by storage, positions kept) is not added again.
    auto existing = added;
    existing[0].id = 10;
    existing[1].id = 11;
    EXPECT_TRUE(build_from(findings(), rule_rows(), plan_rules(), existing).empty());
    // A row added by hand comes after: new rows get the next positions.
    auto by_hand = measure(12, 7);
    auto later = build_from(findings(), rule_rows(), plan_rules(), {by_hand});
    ASSERT_EQ(later.size(), 2u);
    EXPECT_EQ(later[0].position, 8);
    EXPECT_EQ(later[1].position, 9);
}

TEST(ActionPlanCoverage, EachKeyFindingAndFlaggedCategorySaysWhichMeasuresCoverIt) {
    auto built = build_from(findings(), rule_rows(), plan_rules(), {});
    built[1].id = 21;
    auto coverage = coverage_of(findings(), rule_rows(), plan_rules(), {built[1]});
    ASSERT_EQ(coverage.size(), 2u);
    EXPECT_EQ(coverage[0].kind, SourceKind::finding);
    EXPECT_EQ(coverage[0].no, 4);
    EXPECT_TRUE(coverage[0].measure_ids.empty());
    EXPECT_EQ(coverage[1].kind, SourceKind::rule);
    EXPECT_EQ(coverage[1].measure_ids, (std::vector<Id>{21}));
}

TEST(ActionPlanChanges, AddedRemovedAndChangedFieldsOldToNew) {
    auto kept = measure(1, 1);
    kept.urgency = Level::low;
    auto gone = measure(2, 2);
    auto same = measure(3, 3);
    auto edited = kept;
    edited.urgency = Level::high;
    edited.deadline = "2027-04-01";
    auto same_moved = same;
    same_moved.position = 2;
    auto fresh = measure(0, 3, "physical");
    auto changes = changes_between({kept, gone, same}, {edited, same_moved, fresh});
    ASSERT_EQ(changes.added.size(), 1u);
    EXPECT_EQ(changes.added[0].area_key, "physical");
    ASSERT_EQ(changes.removed.size(), 1u);
    EXPECT_EQ(changes.removed[0].id, 2);
    ASSERT_EQ(changes.changed.size(), 2u);
    EXPECT_EQ(changes.changed[0].id, 1);
    ASSERT_EQ(changes.changed[0].fields.size(), 2u);
    EXPECT_EQ(changes.changed[0].fields[0].field, "urgency");
    EXPECT_EQ(changes.changed[0].fields[0].before, "low");
    EXPECT_EQ(changes.changed[0].fields[0].after, "high");
    EXPECT_EQ(changes.changed[0].fields[1].field, "deadline");
    EXPECT_EQ(changes.changed[1].fields[0].field, "position");
    EXPECT_TRUE(changes_between({kept}, {kept}).empty());
}

TEST(ActionPlanState, DraftUntilTheCurrentVersionIsApprovedThenSubmitted) {
    using documents::DocumentState;
    EXPECT_EQ(state_of({0, std::nullopt, std::nullopt}), DocumentState::not_started);
    EXPECT_EQ(state_of({1, std::nullopt, std::nullopt}), DocumentState::draft);
    EXPECT_EQ(state_of({2, 2, std::nullopt}), DocumentState::approved);
    EXPECT_EQ(state_of({2, 2, 2}), DocumentState::submitted);
    EXPECT_EQ(state_of({3, 2, 2}), DocumentState::draft);  // changed after approval
}

}  // namespace
}  // namespace shido::core::action_plan
