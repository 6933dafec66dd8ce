// A class taking the final together: every student starts within the window,
// autosaves each answer after some thinking time, then submits. Latency of each
// kind of request and every error are recorded; nothing is retried.
import { round, sleep, summarize, type Latency } from "./support/stats";

type PublicQuestion = { id: string; type: string; order: string[]; targets: string[] };

export type ClassOptions = { baseUrl: string; finalSlug: string; cookies: string[]; startWindowMs: number; thinkMs: [number, number] };
export type ClassResult = {
  students: number;
  startWindowSeconds: number;
  thinkSeconds: [number, number];
  wallSeconds: number;
  start: Latency;
  save: Latency;
  submit: Latency;
  errors: number;
  errorSamples: string[];
  submitted: number;
};

/** A well-formed answer for any question type, from what the student was shown. */
export function answerFor(question: PublicQuestion): unknown {
  switch (question.type) {
    case "single": return { choice: question.order[0] };
    case "multiple": return { choices: question.order.slice(0, 2) };
    case "true_false": return { value: true };
    case "matching": return { matches: Object.fromEntries(question.order.map((item, i) => [item, question.targets[i % question.targets.length]])) };
    case "ordering": return { order: question.order };
    default: return { text: "a paralegal works under an attorney's supervision" };
  }
}

export async function runFinalClass(options: ClassOptions): Promise<ClassResult> {
  const timings = { start: [] as number[], save: [] as number[], submit: [] as number[] };
  const errors: string[] = [];
  let submitted = 0;
  const began = performance.now();
  const think = () => options.thinkMs[0] + Math.random() * (options.thinkMs[1] - options.thinkMs[0]);

  async function call(kind: keyof typeof timings, url: string, cookie: string, body?: unknown) {
    const started = performance.now();
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      timings[kind].push(performance.now() - started);
      if (!response.ok) {
        errors.push(`${kind} ${response.status}: ${text.slice(0, 160)}`);
        return null;
      }
      return JSON.parse(text);
    } catch (error) {
      errors.push(`${kind}: ${(error as Error).message}`);
      return null;
    }
  }

  async function student(index: number, cookie: string) {
    await sleep((index / options.cookies.length) * options.startWindowMs);
    const started = await call("start", `${options.baseUrl}/api/quizzes/${options.finalSlug}/attempts`, cookie);
    if (!started) return;
    const attemptId: string = started.attempt.id;
    for (const question of started.questions as PublicQuestion[]) {
      await sleep(think());
      await call("save", `${options.baseUrl}/api/attempts/${attemptId}/answers`, cookie, { questionId: question.id, response: answerFor(question) });
    }
    await sleep(think());
    if (await call("submit", `${options.baseUrl}/api/attempts/${attemptId}/submit`, cookie)) submitted++;
  }

  await Promise.all(options.cookies.map((cookie, index) => student(index, cookie)));
  return {
    students: options.cookies.length,
    startWindowSeconds: options.startWindowMs / 1000,
    thinkSeconds: [options.thinkMs[0] / 1000, options.thinkMs[1] / 1000],
    wallSeconds: round((performance.now() - began) / 1000),
    start: summarize(timings.start),
    save: summarize(timings.save),
    submit: summarize(timings.submit),
    errors: errors.length,
    errorSamples: [...new Set(errors)].slice(0, 5),
    submitted,
  };
}
