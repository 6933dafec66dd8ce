"use client";
import { useEffect, useState } from "react";
import { errorMessageOf } from "@/lib/boundary/contracts";
import { readAnswer, type FormQuestion } from "@/lib/quiz/form";

const EMPTY: Record<string, unknown> = { multiple: { choices: [] }, matching: { matches: {} }, short_text: { text: "" } };

/**
 * Saves each answer as soon as it changes, so a reload or a lost connection loses
 * nothing; keeps the "answered" count current. The form still works without it.
 */
export function Autosave({ formId, saveUrl, questions, initiallyAnswered }: { formId: string; saveUrl: string; questions: FormQuestion[]; initiallyAnswered: string[] }) {
  const [answered, setAnswered] = useState(() => new Set(initiallyAnswered));

  useEffect(() => {
    const form = document.getElementById(formId) as HTMLFormElement | null;
    if (!form) return;
    const timers = new Map<string, ReturnType<typeof setTimeout>>();
    const byId = new Map(questions.map((q) => [q.id, q]));
    // One save at a time per question, each reading the form when it starts: two saves in
    // flight could reach the server in either order, and an older answer arriving last
    // would overwrite the newer one the student was told was saved.
    const chains = new Map<string, Promise<void>>();
    let pending = 0;
    const showPending = (change: number) => {
      pending += change;
      form.dataset.pendingSaves = String(pending);
    };

    const save = async (fieldset: HTMLElement, question: FormQuestion) => {
      const data = new FormData(form);
      const answer = readAnswer(question, (name) => data.getAll(name).map(String));
      const status = fieldset.querySelector<HTMLElement>("[data-save-status]");
      setAnswered((prev) => {
        const next = new Set(prev);
        if (answer && "response" in answer) next.add(question.id);
        else next.delete(question.id);
        return next;
      });
      if (answer && "problem" in answer) {
        if (status) status.textContent = answer.problem;
        return;
      }
      const response = answer ? answer.response : EMPTY[question.type];
      if (response === undefined) return;
      if (status) status.textContent = "Saving…";
      try {
        const res = await fetch(saveUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ questionId: question.id, response }) });
        const body: unknown = await res.json().catch(() => null);
        if (status) status.textContent = res.ok ? "Saved." : (errorMessageOf(body) ?? "Not saved. Check your connection and try again.");
        if (res.status === 409) window.location.reload();
      } catch {
        if (status) status.textContent = "Not saved: you seem to be offline. Your answer is still on this page.";
      }
    };

    // Choices save on change; typed answers save after a short pause in typing, so
    // a reload never loses text that was never blurred.
    const onEdit = (event: Event) => {
      const fieldset = (event.target as HTMLElement).closest<HTMLElement>("[data-question-id]");
      const question = fieldset && byId.get(fieldset.dataset.questionId ?? "");
      if (!fieldset || !question) return;
      if (timers.has(question.id)) clearTimeout(timers.get(question.id));
      else showPending(1);
      timers.set(
        question.id,
        setTimeout(() => {
          timers.delete(question.id);
          const next = (chains.get(question.id) ?? Promise.resolve()).then(() => save(fieldset, question)).catch(() => undefined).finally(() => showPending(-1));
          chains.set(question.id, next);
        }, event.type === "input" ? 600 : 300),
      );
    };
    showPending(0);
    form.addEventListener("change", onEdit);
    form.addEventListener("input", onEdit);
    return () => {
      form.removeEventListener("change", onEdit);
      form.removeEventListener("input", onEdit);
      timers.forEach(clearTimeout);
    };
  }, [formId, saveUrl, questions]);

  return (
    <p className="answered-count" role="status" data-testid="answered-count">
      {answered.size} of {questions.length} answered
    </p>
  );
}
