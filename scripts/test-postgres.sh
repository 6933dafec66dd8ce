#!/usr/bin/env bash
# Runs the integration and browser suites again on PostgreSQL: installs Debian's
# postgresql if missing, starts the cluster if it is down, creates throwaway
# databases, and stops (only) what it started.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "Installing Debian's postgresql…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi

read -r VERSION CLUSTER PORT STATUS _ < <(pg_lsclusters --no-header | head -n 1)
STARTED=0
if [ "$STATUS" != "online" ]; then
  pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$CLUSTER" start
  STARTED=1
fi

ROLE=casebook_test
PASSWORD=casebook_test_password
DB="casebook_ci_$$"
BASE_URL="postgresql://$ROLE:$PASSWORD@127.0.0.1:$PORT"

cleanup() {
  su postgres -c "psql -q -p $PORT -c 'DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)' -c 'DROP DATABASE IF EXISTS \"${DB}_e2e\" WITH (FORCE)'" >/dev/null 2>&1 || true
  if [ "$STARTED" = 1 ]; then pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$CLUSTER" stop || true; fi
}
trap cleanup EXIT

su postgres -c "psql -q -p $PORT" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$ROLE') THEN
    CREATE ROLE $ROLE LOGIN SUPERUSER PASSWORD '$PASSWORD';
  END IF;
END \$\$;
SQL
su postgres -c "createdb -p $PORT -O $ROLE $DB"

echo "PostgreSQL $VERSION: integration suite"
TEST_DATABASE_URL="$BASE_URL/$DB" npm run test:integration
echo "PostgreSQL $VERSION: browser suite"
E2E_DATABASE_URL="$BASE_URL/${DB}_e2e" npm run test:e2e
