#include "services/accounts/totp_secret_store.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include <sodium.h>

#include "core/error.hpp"
#include "services/crypto.hpp"
#include "services/file_writes.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

namespace {

constexpr const char* sealed_prefix = "s1:";

// Binds a sealed secret to its row: the same bytes under another user id do not open.
std::string associated_data(core::Id user_id) {
    return "shido totp secret of user " + std::to_string(user_id);
}

std::string to_hex(const unsigned char* bytes, std::size_t size) {
    std::string hex(size * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes, size);
    hex.pop_back();
    return hex;
}

std::optional<std::vector<unsigned char>> from_hex(const std::string& hex) {
    std::vector<unsigned char> bytes(hex.size() / 2 + 1);
    std::size_t size = 0;
    const char* end = nullptr;
    if (sodium_hex2bin(bytes.data(), bytes.size(), hex.data(), hex.size(), nullptr, &size, &end) !=
            0 ||
        end != hex.data() + hex.size())
        return std::nullopt;
    bytes.resize(size);
    return bytes;
}

[[noreturn]] void throw_unopenable() {
    throw core::DomainError(core::ErrorCode::internal,
                            "二要素認証の設定を読み取れません。システム管理者にお問い合わせ"
                            "ください。");
}

[[noreturn]] void throw_key_file_error(const std::string& what, const std::filesystem::path& file,
                                       int error) {
    throw std::runtime_error(what + " the key file " + file.string() + ": " + std::strerror(error));
}

// A new key for a missing file; "" when another server made the file first (read theirs).
std::string new_key_file(const std::filesystem::path& file) {
    auto text = random_hex(totp_key_bytes) + "\n";
    int error = put_file_whole(file, text);
    if (error == 0) return text;
    if (error == EEXIST) return "";
    throw_key_file_error("cannot write", file, error);
}

}  // namespace

bool is_sealed_totp_secret(const std::string& stored) {
    return stored.rfind(sealed_prefix, 0) == 0;
}

std::string seal_totp_secret(const std::string& key, core::Id user_id, const std::string& secret) {
    if (key.size() != totp_key_bytes) throw std::logic_error("a TOTP key has 32 bytes");
    unsigned char nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES];
    randombytes_buf(nonce, sizeof nonce);
    auto ad = associated_data(user_id);
    std::vector<unsigned char> out(sizeof nonce + secret.size() +
                                   crypto_aead_xchacha20poly1305_ietf_ABYTES);
    std::copy(nonce, nonce + sizeof nonce, out.begin());
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        out.data() + sizeof nonce, &written, reinterpret_cast<const unsigned char*>(secret.data()),
        secret.size(), reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nullptr, nonce,
        reinterpret_cast<const unsigned char*>(key.data()));
    return sealed_prefix + to_hex(out.data(), sizeof nonce + written);
}

std::optional<std::string> open_totp_secret(const std::string& key, core::Id user_id,
                                            const std::string& stored) {
    if (key.size() != totp_key_bytes || !is_sealed_totp_secret(stored)) return std::nullopt;
    auto bytes = from_hex(stored.substr(std::strlen(sealed_prefix)));
    constexpr auto nonce_size = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    if (!bytes || bytes->size() < nonce_size + crypto_aead_xchacha20poly1305_ietf_ABYTES)
        return std::nullopt;
    auto ad = associated_data(user_id);
    std::string plain(bytes->size() - nonce_size - crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
    unsigned long long size = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(plain.data()), &size, nullptr,
            bytes->data() + nonce_size, bytes->size() - nonce_size,
            reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), bytes->data(),
            reinterpret_cast<const unsigned char*>(key.data())) != 0)
        return std::nullopt;
    plain.resize(size);
    return plain;
}

std::optional<storage::StoredTwoFactorSecret> TotpSecretStore::find(core::Id user_id) {
    storage::TwoFactorSecretRepository secrets(c_);
    auto row = secrets.find(user_id);
    if (!row) return row;
    if (!is_sealed_totp_secret(row->secret)) {
        if (!key_.empty())
            secrets.replace_value(user_id, row->secret,
                                  seal_totp_secret(key_, user_id, row->secret));
        return row;
    }
    auto plain = open_totp_secret(key_, user_id, row->secret);
    if (!plain) throw_unopenable();
    row->secret = *plain;
    return row;
}

bool TotpSecretStore::put_pending(core::Id user_id, const std::string& secret,
                                  core::Timestamp now) {
    auto stored = key_.empty() ? secret : seal_totp_secret(key_, user_id, secret);
    return storage::TwoFactorSecretRepository(c_).put_pending(user_id, stored, now);
}

TotpSecretStore::StartCheck TotpSecretStore::check_and_seal() {
    storage::TwoFactorSecretRepository secrets(c_);
    auto rows = secrets.all_values();
    StartCheck check;
    for (const auto& [user_id, value] : rows)
        if (is_sealed_totp_secret(value) && !open_totp_secret(key_, user_id, value))
            ++check.unopenable;
    if (check.unopenable > 0 || key_.empty()) return check;
    for (const auto& [user_id, value] : rows)
        if (!is_sealed_totp_secret(value) &&
            secrets.replace_value(user_id, value, seal_totp_secret(key_, user_id, value)))
            ++check.sealed_now;
    return check;
}

TotpSecretStore::StartCheck check_and_seal_totp_secrets(storage::Database& db,
                                                        const std::string& key) {
    storage::Connection c(db);
    storage::Transaction tx(c);
    auto check = TotpSecretStore(c, key).check_and_seal();
    if (check.unopenable == 0) tx.commit();
    return check;
}

std::string read_or_create_totp_key(const std::filesystem::path& file) {
    std::string text;
    if (!std::filesystem::exists(file)) text = new_key_file(file);
    if (text.empty()) {
        std::ifstream in(file);
        if (!in) throw std::runtime_error("cannot read the key file " + file.string());
        std::stringstream content;
        content << in.rdbuf();
        text = content.str();
    }
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    auto bytes = from_hex(text);
    if (!bytes || bytes->size() != totp_key_bytes)
        throw std::runtime_error("the key file " + file.string() +
                                 " must hold 64 hexadecimal characters (32 bytes)");
    return std::string(bytes->begin(), bytes->end());
}

}  // namespace shido::services
