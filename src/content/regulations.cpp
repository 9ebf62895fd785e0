#include "content/regulations.hpp"

#include <set>

#include "content/json_file.hpp"
#include "core/rules/rules_check.hpp"

namespace shido::content {

namespace {

RegulationsForm regulations_form_of(const Reader& r, const std::string& where) {
    Reader fr(r.object("form"), where);
    RegulationsForm form;
    form.sheet_title = fr.text("sheet_title");
    form.sheet_name = fr.text("sheet_name");
    form.session_no = fr.integer("session_no");
    for (const auto& no : fr.array("review_session_nos")) {
        if (!no.is_number_integer()) fr.fail("review_session_nos must be integers");
        form.review_session_nos.push_back(no.get<int>());
    }
    form.choice_note = fr.text("choice_note");
    form.upkeep_note = fr.text("upkeep_note");
    Reader cr(fr.object("columns"), where + ".columns");
    auto& c = form.columns;
    c = {cr.text("no"),      cr.text("category"), cr.text("outline"),  cr.text("result"),
         cr.text("content"), cr.text("assignee"), cr.text("due_date"), cr.text("upkeep")};
    cr.finish();
    fr.finish();
    if (form.session_no < 1) fr.fail("session_no must be 1 or more");
    return form;
}

}  // namespace

Regulations parse_regulations(const nlohmann::json& doc, const std::string& source) {
    Reader r(doc, source);
    Regulations out{r.text("id"), r.integer("version"), r.text("title"), {}, {}, {}};
    out.form = regulations_form_of(r, source + ".form");
    const auto& results = r.array("review_results");
    std::set<std::string> keys;
    for (std::size_t i = 0; i < results.size(); ++i) {
        Reader rr(results[i], source + ".review_results[" + std::to_string(i) + "]");
        out.review_results.push_back({rr.text("key"), rr.text("label")});
        rr.finish();
        if (!keys.insert(out.review_results.back().key).second) rr.fail("duplicate key");
        if (i >= core::rules::review_results.size() ||
            out.review_results.back().key != core::rules::key_of(core::rules::review_results[i]))
            rr.fail("review_results must be new, revised, unchanged, not_needed in this order");
    }
    if (out.review_results.size() != core::rules::review_results.size())
        r.fail("review_results must be the four results new, revised, unchanged, not_needed");
    const auto& categories = r.array("categories");
    std::set<std::string> names;
    for (std::size_t i = 0; i < categories.size(); ++i) {
        Reader cr(categories[i], source + ".categories[" + std::to_string(i) + "]");
        out.categories.push_back({cr.integer("no"), cr.text("name"), cr.text("outline")});
        cr.finish();
        if (out.categories.back().no != static_cast<int>(i) + 1)
            cr.fail("categories must be numbered 1, 2, ... in order");
        if (!names.insert(out.categories.back().name).second) cr.fail("duplicate category name");
    }
    if (out.categories.empty()) r.fail("categories must not be empty");
    r.finish();
    return out;
}

}  // namespace shido::content
