#include "services/accounts/session_service.hpp"

#include "core/accounts/device_label.hpp"
#include "core/error.hpp"
#include "services/audit/audit_service.hpp"
#include "storage/accounts/session_repository.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

namespace {

// The audit log keeps where the ended session came from (stored fields only).
nlohmann::json session_snapshot(const storage::StoredSession& s) {
    return {{"public_id", s.public_id},
            {"user_agent", s.user_agent},
            {"client_address", s.client_address},
            {"created_at", s.created_at}};
}

}  // namespace

std::vector<SignedInSession> SessionService::list(const RequestContext& ctx,
                                                  const std::string& current_token_hash) {
    storage::Connection c(env_.db);
    auto now = env_.now();
    std::vector<SignedInSession> out;
    for (const auto& s : storage::SessionRepository(c).list_for_user(ctx.actor.user_id)) {
        bool expired = now >= s.expires_at || now >= s.last_seen_at + config_.idle_timeout_seconds;
        if (expired) continue;
        out.push_back(SignedInSession{s.public_id, s.token_hash == current_token_hash,
                                      core::device_label(s.user_agent), s.user_agent,
                                      s.client_address, s.created_at, s.last_seen_at});
    }
    return out;
}

bool SessionService::sign_out(const RequestContext& ctx, const std::string& current_token_hash,
                              const std::string& public_id) {
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::SessionRepository sessions(c);
    std::optional<storage::StoredSession> ended;
    for (auto& s : sessions.list_for_user(ctx.actor.user_id))
        if (s.public_id == public_id) ended = std::move(s);
    if (public_id.empty() || !ended || !sessions.remove_by_public_id(ctx.actor.user_id, public_id))
        core::throw_not_found("ログイン中の端末");
    record(c, ctx, env_.now(),
           Change{core::AuditAction::sign_out_session, core::AuditEntity::user, ctx.actor.user_id,
                  std::nullopt, session_snapshot(*ended), nullptr});
    tx.commit();
    return ended->token_hash == current_token_hash;
}

int SessionService::sign_out_others(const RequestContext& ctx,
                                    const std::string& current_token_hash) {
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::SessionRepository sessions(c);
    int others = 0;
    for (const auto& s : sessions.list_for_user(ctx.actor.user_id))
        if (s.token_hash != current_token_hash) ++others;
    sessions.remove_all_for_user_except(ctx.actor.user_id, current_token_hash);
    record(c, ctx, env_.now(),
           Change{core::AuditAction::sign_out_other_sessions,
                  core::AuditEntity::user,
                  ctx.actor.user_id,
                  std::nullopt,
                  {{"sessions", others}},
                  {{"sessions", 0}}});
    tx.commit();
    return others;
}

}  // namespace shido::services
