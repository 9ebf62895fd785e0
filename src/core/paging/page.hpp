#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shido::core {

inline constexpr int default_page_size = 50;
inline constexpr int max_page_size = 200;

// One page of a list read by keyset: `after` is the cursor of the last row already shown
// (opaque to clients), so a page costs the same however deep into the list it is.
struct PageRequest {
    std::optional<std::string> after;
    int limit = default_page_size;
};

// The number of rows a repository reads for a page: the request's limit, kept within 1–200
// whoever built the request (the HTTP layer refuses other values with a 422).
int page_size(const PageRequest& page);

template <typename T>
struct Page {
    std::vector<T> items;
    long long total = 0;                    // rows matching the filters, on every page
    std::optional<std::string> next_after;  // absent on the last page
};

// A cursor is the sort key of a row: its parts (numbers or text), length-prefixed and encoded
// base64url, so any bytes of a name survive a query string untouched.
std::string encode_cursor(const std::vector<std::string>& parts);
// Empty when the text is not a cursor with exactly `parts` parts (a tampered or stale link).
std::optional<std::vector<std::string>> decode_cursor(std::string_view text, std::size_t parts);

// The parts of the request's cursor, or a validation error on the field "after".
std::vector<std::string> cursor_parts(const std::string& after, std::size_t parts);
// A cursor part that must be a positive id.
long long cursor_id(const std::string& part);

}  // namespace shido::core
