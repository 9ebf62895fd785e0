// How long the JSON of an engagement list takes to build: the CPU part of GET /engagements
// that does not depend on the database.
#include <benchmark/benchmark.h>

#include "services/engagements/engagement_views.hpp"

namespace {

std::vector<shido::core::Engagement> engagements(int count) {
    std::vector<shido::core::Engagement> list(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        auto& e = list[static_cast<std::size_t>(i)];
        e.id = i + 1;
        e.company_id = i + 1;
        e.company_name = "生成企業" + std::to_string(i) + "株式会社";
        e.expert_id = 7;
        e.expert_name = "専門家 一郎";
        for (auto& s : e.sessions) s.planned_date = "2027-01-05";
    }
    return list;
}

void EngagementListJson(benchmark::State& state) {
    shido::core::Page<shido::core::Engagement> page;
    page.items = engagements(static_cast<int>(state.range(0)));
    page.total = 10000;
    for (auto _ : state) {
        auto text = shido::services::engagement_page_json(page);
        benchmark::DoNotOptimize(text);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(EngagementListJson)->Arg(20)->Arg(1000);

}  // namespace
