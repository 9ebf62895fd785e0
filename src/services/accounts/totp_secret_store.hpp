#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "core/ids.hpp"
#include "storage/accounts/two_factor_repository.hpp"

namespace shido::services {

// The TOTP secrets at rest. With a key (`--secret-key-file`) each secret is sealed with
// XChaCha20-Poly1305 and bound to its user id, so a copy of the database alone (a backup, a
// leaked dump) cannot compute anyone's codes, and a sealed value moved to another user does not
// open. Without a key they are stored as they are (older databases, tests); the server says so
// at start. Sealed values start with "s1:".
class TotpSecretStore {
  public:
    TotpSecretStore(storage::Connection& c, std::string key) : c_(c), key_(std::move(key)) {}

    // The row with its secret opened; throws `internal` for a sealed secret without the right
    // key (nobody's code can be checked then: a configuration fault, not a wrong code). With a
    // key, a secret found plain (written by a server without it) is sealed on the way.
    std::optional<storage::StoredTwoFactorSecret> find(core::Id user_id);
    bool put_pending(core::Id user_id, const std::string& secret, core::Timestamp now);

    // At start, in the caller's transaction: how many sealed secrets this server's key (or
    // lack of one) cannot open, and, when that is none, how many plain ones it sealed. A
    // server must not start with unopenable secrets: a wrong or new key file, or none.
    struct StartCheck {
        int unopenable = 0;
        int sealed_now = 0;
    };
    StartCheck check_and_seal();

  private:
    storage::Connection& c_;
    std::string key_;
};

// check_and_seal in a transaction of its own, committed only when every secret opens.
TotpSecretStore::StartCheck check_and_seal_totp_secrets(storage::Database& db,
                                                        const std::string& key);

constexpr std::size_t totp_key_bytes = 32;

std::string seal_totp_secret(const std::string& key, core::Id user_id, const std::string& secret);
// nullopt when the value was sealed with another key, for another user, or changed.
std::optional<std::string> open_totp_secret(const std::string& key, core::Id user_id,
                                            const std::string& stored);
bool is_sealed_totp_secret(const std::string& stored);

// The key of a key file (64 hex characters). A missing file is created with a new random key,
// readable by its owner only; every server of one database must be given the same file.
// Throws std::runtime_error naming the file when it cannot be read or holds no key.
std::string read_or_create_totp_key(const std::filesystem::path& file);

}  // namespace shido::services
