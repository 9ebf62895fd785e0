#pragma once

namespace shido::core {

using Id = long long;         // SOCI binds long long natively on every engine
using Timestamp = long long;  // seconds since the Unix epoch, UTC

}  // namespace shido::core
