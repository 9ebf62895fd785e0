#pragma once
#include <zip.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace shido::exports::office {

// What an uploaded Office file (.xlsx, .docx) may cost to open. A ZIP states sizes it need not
// keep, so every entry is read through a bounded buffer and the caps apply to the bytes actually
// produced: a zip bomb (megabytes of zeros in a few kilobytes) stops at the cap.
struct ArchiveLimits {
    std::size_t max_entries = 500;
    std::size_t max_entry_bytes = 4 * 1024 * 1024;   // one part, uncompressed
    std::size_t max_total_bytes = 16 * 1024 * 1024;  // all parts read, uncompressed
    std::size_t max_ratio = 200;                     // uncompressed ÷ compressed, large parts
};

// Refuses the upload: a DomainError(validation) with the Japanese message.
[[noreturn]] void refuse_upload(const std::string& message);

// An Office file's ZIP archive opened from memory, its entries read by name within the limits.
// Anything that is not a ZIP is refused with `not_this_kind` (e.g. 「Word ファイル (.docx)
// ではありません」), which names what the route expects.
class OfficeArchive {
  public:
    OfficeArchive(std::string_view bytes, const ArchiveLimits& limits, std::string not_this_kind);

    // The entry's bytes, or nullopt when the archive has no such entry.
    std::optional<std::string> read(const std::string& name);
    [[noreturn]] void refuse_as_other_kind() const { refuse_upload(not_this_kind_); }

  private:
    struct ZipClose {
        void operator()(zip_t* archive) const { zip_discard(archive); }
    };
    void check_declared(const zip_stat_t& st) const;
    [[noreturn]] void refuse_too_large() const;

    ArchiveLimits limits_;
    std::string not_this_kind_;
    std::unique_ptr<zip_t, ZipClose> archive_;
    std::size_t total_ = 0;
};

}  // namespace shido::exports::office
