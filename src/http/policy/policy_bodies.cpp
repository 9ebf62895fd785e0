#include "http/policy/policy_bodies.hpp"

#include <initializer_list>
#include <limits>

#include "http/json_input.hpp"

namespace shido::http {

namespace {

// One JSON object of a body (the body or an article); problems go to the body's errors.
class PolicyFields {
  public:
    PolicyFields(BodyReader& errors, const nlohmann::json& object, std::string prefix,
                 std::initializer_list<const char*> known)
        : errors_(errors), object_(object), prefix_(std::move(prefix)) {
        if (!object_.is_object()) {
            errors_.fail(prefix_.empty() ? "body" : prefix_,
                         "オブジェクト（{…}）で指定してください。");
            return;
        }
        for (const auto& [key, value] : object_.items()) {
            bool ok = false;
            for (const char* k : known) ok = ok || key == k;
            if (!ok) fail(key.c_str(), "この項目は受け付けていません。");
        }
    }

    std::optional<std::string> optional_text(const char* key) {
        const auto* v = value(key);
        if (!v || v->is_null()) return std::nullopt;
        if (!v->is_string()) {
            fail(key, "文字列で指定してください。");
            return std::nullopt;
        }
        auto s = v->get<std::string>();
        if (s.empty()) return std::nullopt;
        return s;
    }

    std::string text(const char* key) { return optional_text(key).value_or(""); }

    std::optional<int> integer(const char* key) {
        const auto* v = value(key);
        if (!v || v->is_null()) return std::nullopt;
        if (!v->is_number_integer() || v->get<long long>() < 0 ||
            v->get<long long>() > std::numeric_limits<int>::max()) {
            fail(key, "0以上の整数で指定してください。");
            return std::nullopt;
        }
        return v->get<int>();
    }

    const nlohmann::json* list(const char* key) {
        const auto* v = value(key);
        if (!v || v->is_null()) return nullptr;
        if (!v->is_array()) {
            fail(key, "配列で指定してください。");
            return nullptr;
        }
        return v;
    }

  private:
    const nlohmann::json* value(const char* key) const {
        if (!object_.is_object() || !object_.contains(key)) return nullptr;
        return &object_.at(key);
    }
    void fail(const char* key, const std::string& message) {
        errors_.fail(prefix_.empty() ? std::string(key) : prefix_ + "." + key, message);
    }

    BodyReader& errors_;
    const nlohmann::json& object_;
    std::string prefix_;
};

}  // namespace

services::PolicySaveInput policy_save_input_of(const nlohmann::json& body) {
    BodyReader errors(body);
    PolicyFields in(errors, body, "", {"document", "note", "version"});
    services::PolicySaveInput out;
    out.note = in.text("note");
    out.version = in.integer("version");
    auto& d = out.document;
    if (body.is_object() && body.contains("document")) {
        // The document's fields are named as the validation of the service names them
        // ("established_on", "articles.0.title"), so a form shows both kinds alike.
        PolicyFields doc(errors, body.at("document"), "",
                         {"title", "asset_scope", "preamble", "articles", "established_on",
                          "company_name", "representative_title", "representative_name"});
        d.title = doc.text("title");
        d.asset_scope = doc.text("asset_scope");
        d.preamble = doc.text("preamble");
        if (const auto* articles = doc.list("articles")) {
            for (std::size_t i = 0; i < articles->size(); ++i) {
                PolicyFields a(errors, (*articles)[i], "articles." + std::to_string(i),
                               {"title", "text"});
                d.articles.push_back({a.text("title"), a.text("text")});
            }
        }
        d.established_on = doc.optional_text("established_on");
        d.company_name = doc.text("company_name");
        d.representative_title = doc.text("representative_title");
        d.representative_name = doc.text("representative_name");
    } else {
        errors.fail("document", "基本方針の内容（document）を指定してください。");
    }
    errors.finish();
    return out;
}

std::pair<std::string, std::optional<int>> policy_note_input_of(const nlohmann::json& body) {
    BodyReader errors(body);
    PolicyFields in(errors, body, "", {"note", "version"});
    auto note = in.text("note");
    auto version = in.integer("version");
    errors.finish();
    return {note, version};
}

std::optional<int> policy_version_input_of(const nlohmann::json& body) {
    BodyReader errors(body);
    PolicyFields in(errors, body, "", {"version"});
    auto version = in.integer("version");
    errors.finish();
    return version;
}

std::string policy_pasted_text_of(const nlohmann::json& body) {
    BodyReader errors(body);
    PolicyFields in(errors, body, "", {"text"});
    auto text = in.text("text");
    errors.finish();
    return text;
}

}  // namespace shido::http
