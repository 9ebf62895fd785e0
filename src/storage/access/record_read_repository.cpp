#include "storage/access/record_read_repository.hpp"

#include "storage/list_query.hpp"

namespace shido::storage {

void RecordReadRepository::add(core::Id engagement_id, core::Id reader_id, const RecordRead& r) {
    c_.sql() << "INSERT INTO record_reads (engagement_id, reader_id, reader_name, reader_role, "
                "record, path, at) VALUES (:e, :u, :n, :ro, :re, :p, :a)",
        soci::use(engagement_id), soci::use(reader_id), soci::use(r.reader_name),
        soci::use(r.reader_role), soci::use(r.record), soci::use(r.path), soci::use(r.at);
}

core::Page<RecordRead> RecordReadRepository::page(core::Id engagement_id,
                                                  const core::PageRequest& request) {
    Conditions where;
    where.add("engagement_id = ?", {static_cast<long long>(engagement_id)});
    core::Page<RecordRead> page;
    page.total = count_rows(c_, "record_reads", where);
    if (request.after)
        where.add("id < ?", {core::cursor_id(core::cursor_parts(*request.after, 1)[0])});
    long long fetch = rows_to_read(request);
    RecordRead row;
    soci::statement st(c_.sql());
    st.exchange(soci::into(row.id));
    st.exchange(soci::into(row.at));
    st.exchange(soci::into(row.reader_name));
    st.exchange(soci::into(row.reader_role));
    st.exchange(soci::into(row.record));
    st.exchange(soci::into(row.path));
    where.bind(st);
    st.exchange(soci::use(fetch));
    prepare(st, "SELECT id, at, reader_name, reader_role, record, path FROM record_reads" +
                    where.where() + " ORDER BY id DESC LIMIT :limit");
    st.execute(false);
    while (st.fetch()) page.items.push_back(row);
    close_page(page, request,
               [](const RecordRead& r) { return core::encode_cursor({std::to_string(r.id)}); });
    return page;
}

}  // namespace shido::storage
