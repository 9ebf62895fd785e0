#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace shido::services {

// Writes JSON text straight into a string. Used for the lists people open most, where building
// an nlohmann::json tree first cost more than the database read (bench/views_bench.cpp).
// Commas are placed automatically; strings are escaped as RFC 8259 requires.
class JsonWriter {
  public:
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(long long number);
    JsonWriter& value(int number) { return value(static_cast<long long>(number)); }
    JsonWriter& value(bool flag);
    JsonWriter& null();
    template <typename T>
    JsonWriter& value(const std::optional<T>& maybe) {
        return maybe ? value(*maybe) : null();
    }

    void reserve(std::size_t bytes) { out_.reserve(bytes); }
    const std::string& text() const { return out_; }
    std::string take() { return std::move(out_); }

  private:
    void separate();
    std::string out_;
    bool needs_comma_ = false;
};

}  // namespace shido::services
