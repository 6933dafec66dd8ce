import { expect, it } from "vitest";
import { db } from "@/lib/db";
import { seed } from "@/lib/seed";

it("seeds the course but no demo users when demo data is off", async () => {
  await seed({ demo: false });
  expect(await db.course.count()).toBe(1);
  expect(await db.user.count()).toBe(0);
});
