#include "content/diagnosis.hpp"

#include <algorithm>
#include <set>

#include "content/json_file.hpp"

namespace shido::content {

namespace {

using core::diagnosis::Band;
using core::diagnosis::Choice;
using core::diagnosis::Instrument;
using core::diagnosis::Item;
using core::diagnosis::Part;

std::string at(const std::string& source, const char* list, std::size_t i) {
    return source + "." + list + "[" + std::to_string(i) + "]";
}

void parse_choices(const Reader& r, const nlohmann::json& list, const std::string& source,
                   Instrument& out) {
    std::set<std::string> keys;
    for (std::size_t i = 0; i < list.size(); ++i) {
        Reader c(list[i], at(source, "choices", i));
        Choice choice{c.text("key"), c.text("label"), c.integer("points"),
                      c.flag("follow_up", false)};
        c.finish();
        if (!keys.insert(choice.key).second) c.fail("duplicate choice key '" + choice.key + "'");
        out.choices.push_back(choice);
    }
    if (out.choices.size() < 2) r.fail("an instrument needs at least two choices");
}

void parse_bands(const Reader& r, const nlohmann::json& list, const std::string& source,
                 Instrument& out) {
    for (std::size_t i = 0; i < list.size(); ++i) {
        Reader b(list[i], at(source, "bands", i));
        Band band{b.text("key"), b.integer("min"), b.integer("max"), b.text("label"),
                  b.text("meaning")};
        b.finish();
        if (band.min > band.max) b.fail("min is above max");
        out.bands.push_back(band);
    }
    auto sorted = out.bands;
    std::sort(sorted.begin(), sorted.end(),
              [](const Band& a, const Band& b) { return a.min < b.min; });
    int expected = out.min_total();
    for (const auto& band : sorted) {
        if (band.min != expected)
            r.fail("bands must cover every total from " + std::to_string(out.min_total()) + " to " +
                   std::to_string(out.max_total()) + " exactly once (gap or overlap at " +
                   std::to_string(expected) + ")");
        expected = band.max + 1;
    }
    if (expected != out.max_total() + 1)
        r.fail("bands do not reach the maximum total " + std::to_string(out.max_total()));
}

Item parse_item(const nlohmann::json& node, const std::string& where, int part_no) {
    Reader r(node, where);
    Item item{r.integer("no"),         part_no,
              r.text("topic"),         r.text("question"),
              r.texts("check_points"), r.texts("example_measures")};
    r.finish();
    for (const auto& [name, list] : {std::pair{"check_points", &item.check_points},
                                     std::pair{"example_measures", &item.example_measures}}) {
        if (list->size() < 2 || list->size() > 3)
            r.fail(std::string(name) + " must hold 2 or 3 entries");
    }
    return item;
}

void parse_parts(const Reader& r, const nlohmann::json& list, const std::string& source,
                 Instrument& out) {
    for (std::size_t p = 0; p < list.size(); ++p) {
        std::string where = at(source, "parts", p);
        Reader pr(list[p], where);
        Part part{pr.integer("no"), pr.text("title"), {}};
        if (part.no != static_cast<int>(p) + 1)
            pr.fail("parts must be numbered 1, 2, ... in order");
        const auto& items = pr.array("items");
        for (std::size_t i = 0; i < items.size(); ++i) {
            Item item = parse_item(items[i], where + ".items[" + std::to_string(i) + "]", part.no);
            if (item.no != static_cast<int>(out.items.size()) + 1)
                pr.fail("items must be numbered 1, 2, ... across parts (found " +
                        std::to_string(item.no) + ")");
            part.item_nos.push_back(item.no);
            out.items.push_back(std::move(item));
        }
        pr.finish();
        if (part.item_nos.empty()) pr.fail("a part needs at least one item");
        out.parts.push_back(std::move(part));
    }
    if (out.parts.empty()) r.fail("an instrument needs at least one part");
}

}  // namespace

Instrument parse_instrument(const nlohmann::json& doc, const std::string& source) {
    Reader r(doc, source);
    Instrument out;
    out.id = r.text("id");
    out.version = r.integer("version");
    out.title = r.text("title");
    out.edition = r.text("edition");
    parse_choices(r, r.array("choices"), source, out);
    parse_parts(r, r.array("parts"), source, out);
    parse_bands(r, r.array("bands"), source, out);
    r.finish();
    return out;
}

}  // namespace shido::content
