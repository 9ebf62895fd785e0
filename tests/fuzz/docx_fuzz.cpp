// An uploaded Word file, as the policy check reads it: the ZIP opened from memory (libzip), the
// main document's XML read with expat. Whatever the bytes, the only failure is a Japanese
// validation error, and the text that comes out is valid UTF-8 no longer than what was inflated.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/text/utf8.hpp"
#include "exports/office/docx_reader.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    shido::exports::office::ArchiveLimits limits;
    limits.max_entry_bytes = 256 * 1024;  // the fuzzer's inputs are small; so are its bombs
    limits.max_total_bytes = 1024 * 1024;
    std::string text;
    try {
        text = shido::exports::office::read_docx_text(bytes, limits);
    } catch (const shido::core::DomainError& e) {
        FUZZ_CHECK(e.code() == shido::core::ErrorCode::validation);
        FUZZ_CHECK(shido::core::is_valid_utf8(e.what()));
        return 0;
    }
    FUZZ_CHECK(shido::core::is_valid_utf8(text));
    // Every character comes from the document part, plus one line end per paragraph or cell.
    FUZZ_CHECK(text.size() <= 2 * limits.max_entry_bytes);
    return 0;
}
