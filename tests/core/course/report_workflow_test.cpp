#include "core/course/report_workflow.hpp"

#include <set>
#include <utility>

#include <gtest/gtest.h>

#include "core/course/report.hpp"
#include "support/japanese_text.hpp"

namespace shido::core {
namespace {

using S = ReportState;
using E = ReportEvent;

// The workflow as the issue states it, written out here rather than read from the table.
struct Expected {
    S from;
    E event;
    std::optional<S> to;
    ReportParty by = ReportParty::expert;
};

const Expected every_move[] = {
    {S::draft, E::submit, S::submitted, ReportParty::expert},
    {S::draft, E::return_to_expert, std::nullopt},
    {S::draft, E::accept, std::nullopt},
    {S::submitted, E::submit, std::nullopt},
    {S::submitted, E::return_to_expert, S::returned, ReportParty::secretariat},
    {S::submitted, E::accept, S::accepted, ReportParty::secretariat},
    {S::returned, E::submit, S::submitted, ReportParty::expert},
    {S::returned, E::return_to_expert, std::nullopt},
    {S::returned, E::accept, std::nullopt},
    {S::accepted, E::submit, std::nullopt},
    {S::accepted, E::return_to_expert, std::nullopt},
    {S::accepted, E::accept, std::nullopt},
};

TEST(ReportWorkflow, EveryStateAndEventFollowsTheProgrammeRule) {
    for (const auto& m : every_move) {
        auto t = transition_for(m.from, m.event);
        ASSERT_EQ(t.has_value(), m.to.has_value())
            << key_in(report_states(), m.from) << " / " << key_in(report_events(), m.event);
        if (!t) continue;
        EXPECT_EQ(t->to, *m.to);
        EXPECT_EQ(t->by, m.by);
    }
    EXPECT_EQ(report_transitions().size(), 4u);
}

TEST(ReportWorkflow, AnAcceptedReportIsFrozenAndOnlyTheExpertEditsWhileItIsWithThem) {
    for (auto e : {E::submit, E::return_to_expert, E::accept})
        EXPECT_FALSE(transition_for(S::accepted, e));
    EXPECT_TRUE(expert_may_edit(S::draft));
    EXPECT_TRUE(expert_may_edit(S::returned));
    EXPECT_FALSE(expert_may_edit(S::submitted));
    EXPECT_FALSE(expert_may_edit(S::accepted));
}

TEST(ReportWorkflow, StatesEventsAndDeliverableStatesHaveDistinctKeysAndJapaneseLabels) {
    auto check = [](auto table) {
        std::set<std::string_view> keys, labels;
        for (const auto& entry : table) {
            keys.insert(entry.key);
            labels.insert(entry.label);
            EXPECT_TRUE(testing::has_japanese(entry.label)) << entry.key;
        }
        EXPECT_EQ(keys.size(), table.size());
        EXPECT_EQ(labels.size(), table.size());
    };
    check(report_states());
    check(report_events());
    check(deliverable_states());
    EXPECT_EQ(parse_in(report_states(), "accepted"), S::accepted);
    EXPECT_FALSE(parse_in(report_states(), "approved"));
}

}  // namespace
}  // namespace shido::core
