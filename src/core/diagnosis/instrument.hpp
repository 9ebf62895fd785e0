#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace shido::core::diagnosis {

// One edition of the self-assessment 「5分でできる！情報セキュリティ自社診断」, as loaded from
// content/diagnosis/<id>.json. Scores and bands come from here, never from code.
struct Choice {
    std::string key;    // done, partial, not_done, unknown
    std::string label;  // 実施している, ...
    int points = 0;
    bool follow_up = false;  // わからない: flagged for the expert to ask about
};

struct Band {
    std::string key;
    int min = 0;  // inclusive
    int max = 0;  // inclusive
    std::string label;
    std::string meaning;
};

struct Item {
    int no = 0;
    int part_no = 0;
    std::string topic;
    std::string question;
    std::vector<std::string> check_points;
    std::vector<std::string> example_measures;
};

struct Part {
    int no = 0;
    std::string title;
    std::vector<int> item_nos;
};

struct Instrument {
    std::string id;  // e.g. ipa-5min-3.1
    int version = 0;
    std::string title;
    std::string edition;
    std::vector<Choice> choices;
    std::vector<Band> bands;
    std::vector<Part> parts;
    std::vector<Item> items;  // ordered by no, 1..N

    const Choice* choice(std::string_view key) const;
    const Choice* choice_by_label(std::string_view label) const;
    const Choice* choice_by_points(int points) const;
    const Item* item(int no) const;
    const Part* part(int no) const;
    int best_points() const;   // highest points of one answer
    int worst_points() const;  // lowest points of one answer
    int max_total() const { return best_points() * static_cast<int>(items.size()); }
    int min_total() const { return worst_points() * static_cast<int>(items.size()); }
};

}  // namespace shido::core::diagnosis
