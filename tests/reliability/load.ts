// `npm run test:load`: 200 students use one instance on SQLite for 60 s: they open
// the outline and a lesson, take the final (autosaving each answer, then submitting)
// and keep browsing. Passes only with no 5xx, no failed request and no
// "database is locked" in the server's output; prints the numbers.
import { answerFor } from "../../bench/final-class";
import { startApp } from "../../bench/support/servers";
import { round, sleep, summarize } from "../../bench/support/stats";
import { prepareClass } from "./support";

const STUDENTS = 200;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const PORT = 3232;

async function main() {
  const fixture = await prepareClass("data/load.db", STUDENTS);
  let serverLog = "";
  const app = await startApp(PORT, { DATABASE_URL: fixture.url, NEXTAUTH_SECRET: fixture.secret, CASEBOOK_DEMO: "0" }, (text) => (serverLog += text));
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  const until = Date.now() + SECONDS * 1000;

  async function request(path: string, cookie: string, method = "GET", body?: unknown) {
    const started = performance.now();
    try {
      const response = await fetch(app.url + path, { method, headers: { cookie, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body), redirect: "manual" });
      const text = await response.text();
      latencies.push(performance.now() - started);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status >= 500) failures.push(`${method} ${path}: ${response.status} ${text.slice(0, 120)}`);
      return { status: response.status, text };
    } catch (error) {
      failures.push(`${method} ${path}: ${(error as Error).message}`);
      return { status: 0, text: "" };
    }
  }

  async function student(cookie: string, index: number) {
    await sleep((index / STUDENTS) * 5000);
    const think = () => sleep(500 + Math.random() * 1500);
    await request("/course", cookie);
    await think();
    await request("/lessons/legal-team", cookie);
    await think();
    const started = await request(`/api/quizzes/${fixture.finalSlug}/attempts`, cookie, "POST");
    if (started.status === 200 || started.status === 201) {
      const { attempt, questions } = JSON.parse(started.text);
      for (const question of questions) {
        if (Date.now() > until) break;
        await think();
        await request(`/api/attempts/${attempt.id}/answers`, cookie, "POST", { questionId: question.id, response: answerFor(question) });
      }
      await request(`/api/attempts/${attempt.id}/submit`, cookie, "POST");
    }
    const pages = ["/course", "/readiness", "/glossary", "/lessons/roles-compared", `/quizzes/${fixture.finalSlug}`];
    for (let i = 0; Date.now() < until; i++) {
      await think();
      await request(pages[i % pages.length], cookie);
    }
  }

  const began = performance.now();
  await Promise.all(fixture.cookies.map((cookie, i) => student(cookie, i)));
  const seconds = (performance.now() - began) / 1000;
  await app.stop();

  const locked = (serverLog.match(/database is locked|SQLITE_BUSY/gi) ?? []).length;
  const fiveHundreds = [...statuses].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);
  const latency = summarize(latencies);
  console.log(
    `${STUDENTS} students, ${round(seconds)} s: ${latencies.length} requests (${round(latencies.length / seconds)} req/s), ` +
      `p50 ${round(latency.p50)} ms, p95 ${round(latency.p95)} ms, p99 ${round(latency.p99)} ms; ` +
      `statuses ${JSON.stringify(Object.fromEntries(statuses))}; 5xx ${fiveHundreds}; failed ${failures.length}; "database is locked" ${locked}`,
  );
  if (fiveHundreds || failures.length || locked) {
    console.error(failures.slice(0, 10).join("\n"));
    process.exit(1);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
