#include "exports/office/zip_writer.hpp"

#include <zip.h>

#include <memory>
#include <stdexcept>

namespace shido::exports::office {

namespace {

[[noreturn]] void zip_failed(const std::string& what, zip_error_t* error) {
    std::string message = "zip: " + what + ": " + zip_error_strerror(error);
    zip_error_fini(error);
    throw std::runtime_error(message);
}

// The archive lives in a libzip buffer source; reading it back after zip_close gives the bytes.
std::string read_source(zip_source_t* source) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_source_stat(source, &st) != 0 || zip_source_open(source) != 0)
        zip_failed("reading the archive", zip_source_error(source));
    std::string out(static_cast<std::size_t>(st.size), '\0');
    auto read = zip_source_read(source, out.data(), st.size);
    zip_source_close(source);
    if (read < 0 || static_cast<zip_uint64_t>(read) != st.size)
        zip_failed("reading the archive", zip_source_error(source));
    return out;
}

}  // namespace

std::string write_zip(const std::vector<ZipEntry>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!source) zip_failed("creating the buffer", &error);
    std::unique_ptr<zip_source_t, decltype(&zip_source_free)> owned(source, zip_source_free);
    zip_t* archive = zip_open_from_source(source, ZIP_TRUNCATE, &error);
    if (!archive) zip_failed("opening the archive", &error);
    zip_source_keep(source);  // zip_close would free it otherwise; its bytes are the result
    for (const auto& entry : entries) {
        // The entries outlive zip_close (it reads them then), so no copy is needed.
        zip_source_t* data = zip_source_buffer(archive, entry.data.data(), entry.data.size(), 0);
        if (!data || zip_file_add(archive, entry.name.c_str(), data, ZIP_FL_ENC_UTF_8) < 0) {
            if (data) zip_source_free(data);
            std::string message =
                std::string("zip: adding ") + entry.name + ": " + zip_strerror(archive);
            zip_discard(archive);
            throw std::runtime_error(message);
        }
    }
    if (zip_close(archive) != 0) {
        std::string message = std::string("zip: closing: ") + zip_strerror(archive);
        zip_discard(archive);
        throw std::runtime_error(message);
    }
    zip_error_fini(&error);
    return read_source(source);
}

}  // namespace shido::exports::office
