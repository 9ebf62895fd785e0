#include "services/survey/survey_views.hpp"

#include "core/clock.hpp"
#include "services/json_helpers.hpp"

namespace shido::services {

namespace {

nlohmann::json survey_form_json(const core::survey::SurveyForm& form) {
    nlohmann::json scale = nlohmann::json::array(), items = nlohmann::json::array(),
                   comments = nlohmann::json::array();
    for (const auto& c : form.scale)
        scale.push_back({{"key", c.key}, {"label", c.label}, {"value", c.value}});
    for (const auto& i : form.items) items.push_back({{"key", i.key}, {"label", i.label}});
    for (const auto& q : form.comments)
        comments.push_back({{"key", q.key}, {"label", q.label}, {"max_chars", q.max_chars}});
    return {{"id", form.id},       {"version", form.version}, {"title", form.title},
            {"intro", form.intro}, {"scale", scale},          {"items", items},
            {"comments", comments}};
}

nlohmann::json survey_answers_json(const core::survey::SurveyAnswers& answers) {
    return {{"ratings", nlohmann::json(answers.ratings)},
            {"comments", nlohmann::json(answers.comments)}};
}

nlohmann::json survey_time_json(const std::optional<core::Timestamp>& t) {
    return t ? nlohmann::json(core::format_iso8601(*t)) : nlohmann::json(nullptr);
}

nlohmann::json survey_aggregate_json(const core::survey::SurveyForm& form,
                                     const core::survey::SurveyAggregate& aggregate) {
    nlohmann::json items = nlohmann::json::array();
    for (std::size_t i = 0; i < aggregate.items.size(); ++i) {
        const auto& item = aggregate.items[i];
        items.push_back({{"key", item.key},
                         {"label", form.items.at(i).label},
                         {"count", item.count},
                         {"mean", nullable(item.mean)},
                         {"distribution", item.distribution}});
    }
    return {{"responses", aggregate.responses},
            {"overall_mean", nullable(aggregate.overall_mean)},
            {"items", items}};
}

nlohmann::json survey_groups_json(const core::survey::SurveyForm& form,
                                  const std::vector<core::survey::GroupAggregate>& groups,
                                  bool experts) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& g : groups) {
        nlohmann::json entry = {{"label", g.label},
                                {"results", survey_aggregate_json(form, g.aggregate)}};
        if (experts)
            entry["expert_id"] = nullable(g.expert_id);
        else
            entry["industry"] = g.key;
        out.push_back(std::move(entry));
    }
    return out;
}

}  // namespace

nlohmann::json to_json(const SurveyView& view) {
    const auto& r = view.response;
    nlohmann::json unanswered = nlohmann::json::array();
    for (const auto* item : core::survey::unanswered_items(*view.form, r.answers))
        unanswered.push_back(item->key);
    return {{"engagement_id", r.engagement_id},
            {"company_name", view.company_name},
            {"survey", survey_form_json(*view.form)},
            {"version", r.version},
            {"state", std::string(core::documents::key_of(view.state))},
            {"state_label", std::string(core::documents::label_of(view.state))},
            {"answers", survey_answers_json(r.answers)},
            {"unanswered", unanswered},
            {"updated_at", survey_time_json(r.updated_at)},
            {"submitted_at", survey_time_json(r.submitted_at)}};
}

nlohmann::json to_json(const SurveyResults& results) {
    const auto& form = *results.form;
    return {{"survey", survey_form_json(form)},
            {"filter",
             {{"expert_id", nullable(results.expert_id)},
              {"from", nullable(results.from)},
              {"to", nullable(results.to)}}},
            {"overall", survey_aggregate_json(form, results.overall)},
            {"experts", survey_groups_json(form, results.by_expert, true)},
            {"industries", survey_groups_json(form, results.by_industry, false)}};
}

nlohmann::json survey_snapshot(const core::survey::SurveyResponse& response) {
    return {{"survey_id", response.survey_id},
            {"survey_version", response.survey_version},
            {"state", std::string(core::survey::key_of(response.state))},
            {"version", response.version},
            {"answers", survey_answers_json(response.answers)}};
}

}  // namespace shido::services
