#include "http/course/course_bodies.hpp"

#include <initializer_list>
#include <limits>

#include "core/error.hpp"
#include "http/json_input.hpp"

namespace shido::http {

namespace {

// Reads one JSON object of a body (the body itself or an item of one of its lists); every
// problem goes to the body's errors under `prefix.field`.
class Fields {
  public:
    Fields(BodyReader& errors, const nlohmann::json& object, std::string prefix,
           std::initializer_list<const char*> known)
        : errors_(errors), object_(object), prefix_(std::move(prefix)) {
        if (!object_.is_object()) {
            fail_here("オブジェクト（{…}）で指定してください。");
            return;
        }
        for (const auto& [key, value] : object_.items()) {
            bool ok = false;
            for (const char* k : known) ok = ok || key == k;
            if (!ok) fail(key.c_str(), "この項目は受け付けていません。");
        }
    }

    bool valid() const { return object_.is_object(); }

    std::string text(const char* key) { return optional_text(key).value_or(""); }

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

    std::optional<int> integer(const char* key) {
        const auto* v = value(key);
        if (!v || v->is_null()) return std::nullopt;
        if (!v->is_number_integer() || v->get<long long>() < std::numeric_limits<int>::min() ||
            v->get<long long>() > std::numeric_limits<int>::max()) {
            fail(key, "整数で指定してください。");
            return std::nullopt;
        }
        return v->get<int>();
    }

    bool flag(const char* key) {
        const auto* v = value(key);
        if (!v || v->is_null()) return false;
        if (!v->is_boolean()) {
            fail(key, "true か false で指定してください。");
            return false;
        }
        return v->get<bool>();
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

    std::string field(const char* key) const {
        return prefix_.empty() ? std::string(key) : prefix_ + "." + key;
    }

  private:
    const nlohmann::json* value(const char* key) const {
        if (!object_.is_object() || !object_.contains(key)) return nullptr;
        return &object_.at(key);
    }
    void fail(const char* key, const std::string& message) { errors_.fail(field(key), message); }
    void fail_here(const std::string& message) {
        errors_.fail(prefix_.empty() ? "body" : prefix_, message);
    }

    BodyReader& errors_;
    const nlohmann::json& object_;
    std::string prefix_;
};

std::string item_prefix(const char* list, std::size_t i) {
    return std::string(list) + "." + std::to_string(i);
}

}  // namespace

int session_no_of(const ApiCall& call) {
    auto no = call.path_id("no");
    if (no > std::numeric_limits<int>::max()) core::throw_not_found("指導の回");
    return static_cast<int>(no);
}

services::TaskInput task_input_of(const nlohmann::json& body) {
    BodyReader errors(body);
    Fields in(errors, body, "", {"session_no", "side", "title", "due_date", "requested_in"});
    services::TaskInput t;
    t.session_no = in.integer("session_no");
    t.side = in.text("side");
    t.title = in.text("title");
    t.due_date = in.optional_text("due_date");
    t.requested_in = in.integer("requested_in");
    errors.finish();
    return t;
}

bool task_done_of(const nlohmann::json& body) {
    BodyReader errors(body);
    Fields in(errors, body, "", {"done"});
    if (in.valid() && !body.contains("done")) errors.fail("done", "done を指定してください。");
    bool done = in.flag("done");
    errors.finish();
    return done;
}

services::ArrangementsInput arrangements_of(const nlohmann::json& body) {
    BodyReader errors(body);
    Fields in(errors, body, "",
              {"participants", "meeting_room", "projector", "web_experience", "web_tool",
               "special_request", "version"});
    services::ArrangementsInput a;
    if (const auto* people = in.list("participants")) {
        for (std::size_t i = 0; i < people->size(); ++i) {
            Fields p(errors, (*people)[i], item_prefix("participants", i),
                     {"name", "title", "kind"});
            a.participants.push_back({p.text("name"), p.text("title"), p.text("kind")});
        }
    }
    a.meeting_room = in.text("meeting_room");
    a.projector = in.text("projector");
    a.web_experience = in.text("web_experience");
    a.web_tool = in.text("web_tool");
    a.special_request = in.text("special_request");
    a.version = in.integer("version");
    errors.finish();
    return a;
}

services::RecordInput record_input_of(const nlohmann::json& body) {
    BodyReader errors(body);
    Fields in(errors, body, "", {"attendees", "agenda", "decisions", "version"});
    services::RecordInput r;
    if (const auto* people = in.list("attendees")) {
        for (std::size_t i = 0; i < people->size(); ++i) {
            Fields p(errors, (*people)[i], item_prefix("attendees", i), {"name", "title", "side"});
            r.attendees.push_back({p.text("name"), p.text("title"), p.text("side")});
        }
    }
    if (const auto* agenda = in.list("agenda")) {
        for (std::size_t i = 0; i < agenda->size(); ++i) {
            Fields a(errors, (*agenda)[i], item_prefix("agenda", i),
                     {"title", "planned_minutes", "actual_start", "actual_end", "notes"});
            services::AgendaInput item;
            item.title = a.text("title");
            item.planned_minutes = a.integer("planned_minutes");
            item.actual_start = a.optional_text("actual_start");
            item.actual_end = a.optional_text("actual_end");
            item.notes = a.text("notes");
            r.agenda.push_back(std::move(item));
        }
    }
    r.decisions = in.text("decisions");
    r.version = in.integer("version");
    errors.finish();
    return r;
}

std::pair<core::ReportBody, std::optional<int>> report_input_of(const nlohmann::json& body) {
    BodyReader errors(body);
    Fields in(errors, body, "",
              {"held_on", "start_time", "end_time", "mode", "place", "attendees", "activities",
               "deliverables", "next_steps", "requests", "remarks", "include_record", "version"});
    core::ReportBody b;
    b.held_on = in.optional_text("held_on");
    b.start_time = in.optional_text("start_time");
    b.end_time = in.optional_text("end_time");
    b.mode = in.optional_text("mode");
    b.place = in.text("place");
    b.attendees = in.text("attendees");
    b.activities = in.text("activities");
    if (const auto* lines = in.list("deliverables")) {
        for (std::size_t i = 0; i < lines->size(); ++i) {
            Fields d(errors, (*lines)[i], item_prefix("deliverables", i),
                     {"name", "state", "note"});
            core::DeliverableLine line;
            line.name = d.text("name");
            auto state = core::parse_in(core::deliverable_states(), d.text("state"));
            if (!state)
                errors.fail(d.field("state"),
                            "状態は「未着手」「作成中」「完成」から選んでください。");
            line.state = state.value_or(core::DeliverableState::not_started);
            line.note = d.text("note");
            b.deliverables.push_back(std::move(line));
        }
    }
    b.next_steps = in.text("next_steps");
    b.requests = in.text("requests");
    b.remarks = in.text("remarks");
    b.include_record = in.flag("include_record");
    auto version = in.integer("version");
    errors.finish();
    return {std::move(b), version};
}

std::pair<std::optional<int>, std::string> review_input_of(const nlohmann::json& body) {
    BodyReader errors(body);
    Fields in(errors, body, "", {"version", "comment"});
    auto version = in.integer("version");
    auto comment = in.text("comment");
    errors.finish();
    return {version, comment};
}

}  // namespace shido::http
