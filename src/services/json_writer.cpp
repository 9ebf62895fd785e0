#include "services/json_writer.hpp"

#include <charconv>

namespace shido::services {

void JsonWriter::separate() {
    if (needs_comma_) out_.push_back(',');
    needs_comma_ = true;
}

JsonWriter& JsonWriter::begin_object() {
    separate();
    out_.push_back('{');
    needs_comma_ = false;
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    out_.push_back('}');
    needs_comma_ = true;
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    separate();
    out_.push_back('[');
    needs_comma_ = false;
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    out_.push_back(']');
    needs_comma_ = true;
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    value(name);
    out_.push_back(':');
    needs_comma_ = false;
    return *this;
}

namespace {
bool needs_escape(unsigned char c) {
    return c < 0x20 || c == '"' || c == '\\';
}
}  // namespace

JsonWriter& JsonWriter::value(std::string_view text) {
    separate();
    out_.push_back('"');
    static constexpr char hex[] = "0123456789abcdef";
    std::size_t run = 0;  // start of the characters not yet copied: copied in one go
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (!needs_escape(c)) continue;
        out_.append(text.data() + run, i - run);
        run = i + 1;
        switch (c) {
            case '"':
                out_ += "\\\"";
                break;
            case '\\':
                out_ += "\\\\";
                break;
            case '\n':
                out_ += "\\n";
                break;
            case '\r':
                out_ += "\\r";
                break;
            case '\t':
                out_ += "\\t";
                break;
            default:
                out_ += "\\u00";
                out_.push_back(hex[c >> 4]);
                out_.push_back(hex[c & 15]);
        }
    }
    out_.append(text.data() + run, text.size() - run);
    out_.push_back('"');
    return *this;
}

JsonWriter& JsonWriter::value(long long number) {
    separate();
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, number);
    (void)ec;
    out_.append(buffer, end);
    return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
    separate();
    out_ += flag ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    separate();
    out_ += "null";
    return *this;
}

}  // namespace shido::services
