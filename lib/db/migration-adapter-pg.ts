// Driver adapter for the Prisma CLI on PostgreSQL, with two adapter-pg 6.19 defects
// worked around (see docs/decisions/0001-database-and-migrations.md); the one that
// patches adapter-pg's private code lives in ./prisma-internals.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { readCatalogTypesAsText } from "./prisma-internals";

/**
 * adapter-pg builds the shadow database's pool as {...config, database}; with a
 * connectionString in config the database override is ignored and the "shadow"
 * would be the real database. Passing discrete fields makes the override work.
 */
function poolConfig(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
    max: 4,
  };
}

export async function postgresMigrationAdapter(url: string) {
  const factory = new PrismaPg(poolConfig(url));
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    readCatalogTypesAsText(adapter);
    return adapter;
  };
  // Our own shadow database: created beside the real one, dropped (forcibly, since
  // adapter-pg drops it before closing its pool) when the engine is done with it.
  factory.connectToShadowDb = async () => {
    const name = `casebook_shadow_${randomUUID().replace(/-/g, "")}`;
    const admin = new pg.Pool({ ...poolConfig(url), max: 1 });
    await admin.query(`CREATE DATABASE "${name}"`);
    const shadow = await new PrismaPg({ ...poolConfig(url), database: name }).connect();
    readCatalogTypesAsText(shadow);
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
    return shadow;
  };
  return factory;
}
