#pragma once
// アンケート: the company's evaluation of the guidance. The form (its scale, rating items and
// comment questions) is programme content (content/survey/<id>.json); this is its typed shape.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace shido::core::survey {

// One answer choice of the rating scale, e.g. {"5", "とても満足", 5}.
struct ScaleChoice {
    std::string key;
    std::string label;
    int value = 0;  // what means are computed from
};

struct RatingItem {
    std::string key;  // stable across versions: results of several versions are compared by it
    std::string label;
};

struct CommentQuestion {
    std::string key;
    std::string label;
    std::size_t max_chars = 0;
};

struct SurveyForm {
    std::string id;
    int version = 0;
    std::string title;
    std::string intro;
    std::vector<ScaleChoice> scale;  // highest value first, as shown
    std::vector<RatingItem> items;
    std::vector<CommentQuestion> comments;

    const ScaleChoice* choice(std::string_view key) const;
    const RatingItem* item(std::string_view key) const;
    const CommentQuestion* comment(std::string_view key) const;
};

}  // namespace shido::core::survey
