// Driver adapter for the Prisma CLI on PostgreSQL, with two adapter-pg 6.19 defects
// worked around (see docs/decisions/0001-database-and-migrations.md).
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// PostgreSQL's `name` (OID 19) and `"char"` (OID 18) come back from the catalog queries
// the schema engine runs; adapter-pg 6.19 cannot map them and fails the whole command.
// Their values arrive as strings, so reporting them as text (OID 25) is exact.
const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;
let patched = false;

function readCatalogTypesAsText(adapter: object) {
  if (patched) return;
  // performIO lives on the shared base class of the adapter and its transactions.
  let proto = Object.getPrototypeOf(adapter);
  while (proto && !Object.prototype.hasOwnProperty.call(proto, "performIO")) proto = Object.getPrototypeOf(proto);
  if (!proto) throw new Error("adapter-pg changed shape: performIO not found; revisit this workaround");
  const performIO = proto.performIO;
  proto.performIO = async function (this: unknown, ...args: unknown[]) {
    const result = await performIO.apply(this, args);
    for (const field of result.fields ?? []) if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    return result;
  };
  patched = true;
}

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
