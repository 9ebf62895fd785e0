#!/usr/bin/env bash
# The newcomer's command: installs what is missing, builds, creates the embedded SQLite
# database under ./var with the demo data, and serves it on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
# Only what it serves: the server and the front end (tests and benchmarks are test.sh's).
scripts/build.sh build -DSHIDO_BUILD_TESTS=OFF -DSHIDO_BUILD_BENCH=OFF

data_dir=${SHIDO_DATA_DIR:-./var}
./build/shido demo --data-dir "$data_dir"

port=${SHIDO_PORT:-8080}
# Without a mail server the e-mails (invitations, password resets, notices) are written as .eml
# files, so the demo's invitations can be followed; SHIDO_SMTP_URL sends them instead.
mail=()
mail_note="E-mails: sent through the mail server of SHIDO_SMTP_URL"
if [ -z "${SHIDO_SMTP_URL:-}" ]; then
  mail=(--mail-dir "$data_dir/mail")
  mail_note="E-mails (招待・パスワード再設定): written as .eml files to ${data_dir}/mail/"
fi
cat <<INFO

  shido is starting: http://127.0.0.1:${port}/

  Demo logins (password for all: demo-password-2026)
    事務局          jimu@demo.shido.jp
    専門家          expert1@demo.shido.jp  (株式会社サンプル製作所 を担当)
    専門家          expert2@demo.shido.jp  (サンプル運輸株式会社 を担当)
    企業（経営者）  owner1@demo.shido.jp   (株式会社サンプル製作所)
    企業（経営者）  owner2@demo.shido.jp   (サンプル運輸株式会社)

  ${mail_note}
  Stop with Ctrl+C. Database: ${data_dir}/shido.db

INFO
# The key that seals the two-factor secrets in the database: made on first start, kept beside it.
exec ./build/shido serve --data-dir "$data_dir" --port "$port" --secret-key-file "$data_dir/secret.key" \
  "${mail[@]}"
