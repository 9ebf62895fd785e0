#pragma once
#include <optional>

#include <soci/soci.h>

namespace shido::storage {

// SOCI 4.0 binds std::optional only through indicators; these keep that noise out of queries.
template <typename T>
struct NullableIn {
    T value{};
    soci::indicator ind = soci::i_null;
    std::optional<T> get() const {
        return ind == soci::i_ok ? std::optional<T>(value) : std::nullopt;
    }
};

template <typename T>
struct NullableOut {
    explicit NullableOut(const std::optional<T>& source)
        : value(source.value_or(T{})), ind(source ? soci::i_ok : soci::i_null) {}
    T value;
    soci::indicator ind;
};

}  // namespace shido::storage
