#include "exports/office/office_archive.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace shido::exports::office {

namespace {

struct ZipFileClose {
    void operator()(zip_file_t* file) const { zip_fclose(file); }
};

}  // namespace

void refuse_upload(const std::string& message) {
    throw core::DomainError(core::ErrorCode::validation, message);
}

OfficeArchive::OfficeArchive(std::string_view bytes, const ArchiveLimits& limits,
                             std::string not_this_kind)
    : limits_(limits), not_this_kind_(std::move(not_this_kind)) {
    if (bytes.size() < 4 || bytes.substr(0, 4) != std::string_view("PK\x03\x04", 4))
        refuse_as_other_kind();
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) refuse_as_other_kind();
    archive_.reset(zip_open_from_source(source, ZIP_RDONLY, &error));
    zip_error_fini(&error);
    if (!archive_) {
        zip_source_free(source);
        refuse_as_other_kind();
    }
    auto entries = zip_get_num_entries(archive_.get(), 0);
    if (entries < 0 || static_cast<std::size_t>(entries) > limits_.max_entries)
        refuse_upload("ファイルに含まれる部品の数が多すぎます。取り込めません。");
    // What the archive declares is checked first (a bomb is refused before any inflating);
    // read() then counts what inflating really produces.
    zip_uint64_t declared = 0;
    for (zip_int64_t i = 0; i < entries; ++i) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(archive_.get(), static_cast<zip_uint64_t>(i), 0, &st) != 0)
            refuse_as_other_kind();
        check_declared(st);
        if (st.valid & ZIP_STAT_SIZE) declared += st.size;
        if (declared > limits_.max_total_bytes) refuse_too_large();
    }
}

std::optional<std::string> OfficeArchive::read(const std::string& name) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(archive_.get(), name.c_str(), 0, &st) != 0) return std::nullopt;
    check_declared(st);
    std::unique_ptr<zip_file_t, ZipFileClose> file(zip_fopen_index(archive_.get(), st.index, 0));
    if (!file) refuse_as_other_kind();
    std::string out;
    char buffer[16384];
    for (;;) {
        auto n = zip_fread(file.get(), buffer, sizeof buffer);
        if (n < 0) refuse_as_other_kind();
        if (n == 0) break;
        out.append(buffer, static_cast<std::size_t>(n));
        total_ += static_cast<std::size_t>(n);
        // Declared sizes are not trusted: the bytes produced count.
        if (out.size() > limits_.max_entry_bytes || total_ > limits_.max_total_bytes)
            refuse_too_large();
    }
    if ((st.valid & ZIP_STAT_COMP_SIZE) && out.size() > 1024 * 1024 &&
        out.size() / std::max<zip_uint64_t>(st.comp_size, 1) > limits_.max_ratio)
        refuse_too_large();
    return out;
}

void OfficeArchive::check_declared(const zip_stat_t& st) const {
    if ((st.valid & ZIP_STAT_SIZE) && st.size > limits_.max_entry_bytes) refuse_too_large();
    if ((st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE) && st.size > 1024 * 1024 &&
        st.size / std::max<zip_uint64_t>(st.comp_size, 1) > limits_.max_ratio)
        refuse_too_large();
}

void OfficeArchive::refuse_too_large() const {
    refuse_upload("ファイルの展開後の大きさが上限（" +
                  std::to_string(limits_.max_entry_bytes / (1024 * 1024)) +
                  " MiB）を超えているか、圧縮率が異常です。取り込めません。");
}

}  // namespace shido::exports::office
