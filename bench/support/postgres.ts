// A throwaway PostgreSQL database for the benchmark: Debian's cluster, started if it
// is down (and stopped again afterwards), installed if missing and apt can reach it.
import { execSync } from "node:child_process";
import fs from "node:fs";

const ROLE = "casebook_bench";
const PASSWORD = "casebook_bench_password";
const DATABASE = "casebook_bench";

const sh = (command: string) => execSync(command, { stdio: ["ignore", "pipe", "pipe"] }).toString();
const psql = (port: string, sql: string) => sh(`su postgres -c "psql -q -p ${port} -v ON_ERROR_STOP=1" <<'SQL'\n${sql}\nSQL`);

function installed() {
  return fs.existsSync("/usr/lib/postgresql") && fs.readdirSync("/usr/lib/postgresql").some((v) => fs.existsSync(`/usr/lib/postgresql/${v}/bin/postgres`));
}

export type Postgres = { url: string; release: () => void } | { skipped: string };

export function throwawayPostgres(): Postgres {
  try {
    if (!installed()) {
      console.log("Installing Debian's postgresql for the PostgreSQL half…");
      sh("DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql");
    }
    const [version, cluster, port, status] = sh("pg_lsclusters --no-header").trim().split("\n")[0].split(/\s+/);
    const started = status !== "online";
    if (started) sh(`pg_ctlcluster --skip-systemctl-redirect ${version} ${cluster} start`);
    psql(port, `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${ROLE}') THEN CREATE ROLE ${ROLE} LOGIN PASSWORD '${PASSWORD}'; END IF; END $$;
DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE);
CREATE DATABASE ${DATABASE} OWNER ${ROLE};`);
    return {
      url: `postgresql://${ROLE}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
      release: () => {
        psql(port, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE);`);
        if (started) sh(`pg_ctlcluster --skip-systemctl-redirect ${version} ${cluster} stop`);
      },
    };
  } catch (error) {
    return { skipped: `PostgreSQL unavailable: ${(error as Error).message.split("\n")[0]}` };
  }
}
