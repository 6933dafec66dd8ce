import "server-only";
export { db, type Db, type Tx } from "./client";
