#include "storage/policy/policy_repository.hpp"

#include "storage/nullable.hpp"
#include "storage/policy/policy_json.hpp"

namespace shido::storage {

namespace {

const char* const policy_version_columns =
    "number, document_json, note, created_by_name, created_at, approved_by_name, approved_at";

struct PolicyVersionRow {
    int number = 0;
    std::string document, note, created_by_name;
    long long created_at = 0;
    NullableIn<std::string> approved_by_name;
    NullableIn<long long> approved_at;

    core::policy::PolicyVersion get() const {
        core::policy::PolicyVersion v;
        v.number = number;
        v.document = policy_document_from_json(nlohmann::json::parse(document));
        v.note = note;
        v.created_by_name = created_by_name;
        v.created_at = created_at;
        v.approved_by_name = approved_by_name.get();
        if (auto at = approved_at.get()) v.approved_at = *at;
        return v;
    }
};

}  // namespace

std::optional<core::policy::PolicyHead> PolicyRepository::head(core::Id engagement_id) {
    core::policy::PolicyHead h;
    NullableIn<int> approved, submitted, shown;
    NullableIn<long long> submitted_at;
    c_.sql() << "SELECT latest_number, approved_number, submitted_number, submitted_at, "
                "public_number, version, updated_at FROM policy_documents WHERE engagement_id = "
                ":e",
        soci::use(engagement_id), soci::into(h.latest_number),
        soci::into(approved.value, approved.ind), soci::into(submitted.value, submitted.ind),
        soci::into(submitted_at.value, submitted_at.ind), soci::into(shown.value, shown.ind),
        soci::into(h.version), soci::into(h.updated_at);
    if (!c_.sql().got_data()) return std::nullopt;
    h.approved_number = approved.get();
    h.submitted_number = submitted.get();
    if (auto at = submitted_at.get()) h.submitted_at = *at;
    h.public_number = shown.get();
    return h;
}

std::vector<core::policy::PolicyVersion> PolicyRepository::versions(core::Id engagement_id) {
    PolicyVersionRow r;
    soci::statement st =
        (c_.sql().prepare << std::string("SELECT ") + policy_version_columns +
                                 " FROM policy_versions WHERE engagement_id = :e ORDER BY number",
         soci::use(engagement_id), soci::into(r.number), soci::into(r.document), soci::into(r.note),
         soci::into(r.created_by_name), soci::into(r.created_at),
         soci::into(r.approved_by_name.value, r.approved_by_name.ind),
         soci::into(r.approved_at.value, r.approved_at.ind));
    st.execute(false);
    std::vector<core::policy::PolicyVersion> out;
    while (st.fetch()) out.push_back(r.get());
    return out;
}

std::optional<core::policy::PolicyVersion> PolicyRepository::version(core::Id engagement_id,
                                                                     int number) {
    PolicyVersionRow r;
    c_.sql() << std::string("SELECT ") + policy_version_columns +
                    " FROM policy_versions WHERE engagement_id = :e AND number = :n",
        soci::use(engagement_id), soci::use(number), soci::into(r.number), soci::into(r.document),
        soci::into(r.note), soci::into(r.created_by_name), soci::into(r.created_at),
        soci::into(r.approved_by_name.value, r.approved_by_name.ind),
        soci::into(r.approved_at.value, r.approved_at.ind);
    if (!c_.sql().got_data()) return std::nullopt;
    return r.get();
}

std::optional<core::Id> PolicyRepository::version_id(core::Id engagement_id, int number) {
    long long id = 0;
    c_.sql() << "SELECT id FROM policy_versions WHERE engagement_id = :e AND number = :n",
        soci::use(engagement_id), soci::use(number), soci::into(id);
    if (!c_.sql().got_data()) return std::nullopt;
    return id;
}

bool PolicyRepository::bump_head(core::Id engagement_id, int expected_version,
                                 core::Timestamp now) {
    soci::statement st =
        (c_.sql().prepare << "UPDATE policy_documents SET latest_number = latest_number + 1, "
                             "version = version + 1, updated_at = :u WHERE engagement_id = :e "
                             "AND version = :v",
         soci::use(now), soci::use(engagement_id), soci::use(expected_version));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

std::optional<int> PolicyRepository::add_version(core::Id engagement_id, int expected_version,
                                                 const core::policy::PolicyDocument& document,
                                                 const std::string& note, const PolicyActor& by,
                                                 core::Timestamp now) {
    if (expected_version == 0) {
        soci::statement st =
            (c_.sql().prepare << "INSERT INTO policy_documents (engagement_id, latest_number, "
                                 "version, updated_at) VALUES (:e, 1, 1, :u) ON CONFLICT "
                                 "(engagement_id) DO NOTHING",
             soci::use(engagement_id), soci::use(now));
        st.execute(true);
        if (st.get_affected_rows() != 1) return std::nullopt;
    } else if (!bump_head(engagement_id, expected_version, now)) {
        return std::nullopt;
    }
    int number = 0;
    c_.sql() << "SELECT latest_number FROM policy_documents WHERE engagement_id = :e",
        soci::use(engagement_id), soci::into(number);
    std::string text = to_json(document).dump();
    NullableOut<long long> actor(by.id);
    c_.sql() << "INSERT INTO policy_versions (engagement_id, number, document_json, note, "
                "created_by, created_by_name, created_at) VALUES (:e, :n, :d, :note, :b, :bn, "
                ":at)",
        soci::use(engagement_id), soci::use(number), soci::use(text), soci::use(note),
        soci::use(actor.value, actor.ind), soci::use(by.name), soci::use(now);
    return number;
}

bool PolicyRepository::set_note(core::Id engagement_id, int number, const std::string& note,
                                int expected_version, core::Timestamp now) {
    soci::statement st =
        (c_.sql().prepare << "UPDATE policy_versions SET note = :note WHERE engagement_id = :e "
                             "AND number = :n AND approved_at IS NULL",
         soci::use(note), soci::use(engagement_id), soci::use(number));
    st.execute(true);
    if (st.get_affected_rows() != 1) return false;
    soci::statement head =
        (c_.sql().prepare << "UPDATE policy_documents SET version = version + 1, updated_at = "
                             ":u WHERE engagement_id = :e AND version = :v",
         soci::use(now), soci::use(engagement_id), soci::use(expected_version));
    head.execute(true);
    return head.get_affected_rows() == 1;
}

bool PolicyRepository::approve(core::Id engagement_id, int number, int expected_version,
                               const PolicyActor& by, core::Timestamp now) {
    soci::statement st =
        (c_.sql().prepare << "UPDATE policy_documents SET approved_number = :n, version = "
                             "version + 1, updated_at = :u WHERE engagement_id = :e AND version "
                             "= :v",
         soci::use(number), soci::use(now), soci::use(engagement_id), soci::use(expected_version));
    st.execute(true);
    if (st.get_affected_rows() != 1) return false;
    NullableOut<long long> actor(by.id);
    c_.sql() << "UPDATE policy_versions SET approved_by = :b, approved_by_name = :bn, "
                "approved_at = :at WHERE engagement_id = :e AND number = :n AND approved_at IS "
                "NULL",
        soci::use(actor.value, actor.ind), soci::use(by.name), soci::use(now),
        soci::use(engagement_id), soci::use(number);
    return true;
}

bool PolicyRepository::submit(core::Id engagement_id, int expected_version, core::Timestamp now) {
    soci::statement st =
        (c_.sql().prepare << "UPDATE policy_documents SET submitted_number = approved_number, "
                             "submitted_at = :at, version = version + 1, updated_at = :u WHERE "
                             "engagement_id = :e AND version = :v AND approved_number IS NOT "
                             "NULL",
         soci::use(now), soci::use(now), soci::use(engagement_id), soci::use(expected_version));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

bool PolicyRepository::set_public(core::Id engagement_id, const std::string& token_hash, int number,
                                  int expected_version, core::Timestamp now) {
    soci::statement st =
        (c_.sql().prepare << "UPDATE policy_documents SET public_token_hash = :h, public_number "
                             "= :n, version = version + 1, updated_at = :u WHERE engagement_id = "
                             ":e AND version = :v",
         soci::use(token_hash), soci::use(number), soci::use(now), soci::use(engagement_id),
         soci::use(expected_version));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

bool PolicyRepository::clear_public(core::Id engagement_id, int expected_version,
                                    core::Timestamp now) {
    soci::statement st =
        (c_.sql().prepare << "UPDATE policy_documents SET public_token_hash = NULL, "
                             "public_number = NULL, version = version + 1, updated_at = :u WHERE "
                             "engagement_id = :e AND version = :v",
         soci::use(now), soci::use(engagement_id), soci::use(expected_version));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

std::optional<std::pair<core::Id, int>> PolicyRepository::find_public(
    const std::string& token_hash) {
    long long engagement_id = 0;
    int number = 0;
    c_.sql() << "SELECT engagement_id, public_number FROM policy_documents WHERE "
                "public_token_hash = :h AND public_number IS NOT NULL",
        soci::use(token_hash), soci::into(engagement_id), soci::into(number);
    if (!c_.sql().got_data()) return std::nullopt;
    return std::pair<core::Id, int>{engagement_id, number};
}

std::map<core::Id, core::documents::DocumentStatus> PolicyRepository::statuses(
    const std::vector<core::Id>& engagement_ids) {
    std::map<core::Id, core::documents::DocumentStatus> out;
    constexpr std::size_t chunk = 500;
    for (std::size_t from = 0; from < engagement_ids.size(); from += chunk) {
        // Ids are integers: written into the IN list, nothing of a person's text is.
        std::string ids;
        for (auto i = from; i < std::min(engagement_ids.size(), from + chunk); ++i)
            ids += (ids.empty() ? "" : ",") + std::to_string(engagement_ids[i]);
        long long engagement_id = 0;
        core::policy::PolicyHead h;
        NullableIn<int> approved, submitted;
        NullableIn<long long> submitted_at;
        soci::statement st =
            (c_.sql().prepare << "SELECT engagement_id, latest_number, approved_number, "
                                 "submitted_number, submitted_at, version, updated_at FROM "
                                 "policy_documents WHERE engagement_id IN (" +
                                     ids + ")",
             soci::into(engagement_id), soci::into(h.latest_number),
             soci::into(approved.value, approved.ind), soci::into(submitted.value, submitted.ind),
             soci::into(submitted_at.value, submitted_at.ind), soci::into(h.version),
             soci::into(h.updated_at));
        st.execute();
        while (st.fetch()) {
            h.approved_number = approved.get();
            h.submitted_number = submitted.get();
            h.submitted_at.reset();
            if (auto at = submitted_at.get()) h.submitted_at = *at;
            out[engagement_id] = core::policy::policy_status(h);
        }
    }
    return out;
}

}  // namespace shido::storage
