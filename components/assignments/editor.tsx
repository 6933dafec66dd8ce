"use client";
import { useActionState, useEffect, useRef, useState } from "react";
import { errorMessageOf } from "@/lib/boundary/contracts";
import { countWords, wordLimitProblem } from "@/lib/assignments/words";
import { MAX_TEXT_CHARS } from "@/lib/assignments/schemas";
import type { FormState } from "@/lib/forms";
import { FocusedFormAlert } from "@/components/forms/focused-alert";

type Props = {
  slug: string;
  initialText: string;
  initialVersion: number;
  limits: { minWords: number; maxWords: number };
  action: (previous: unknown, form: FormData) => Promise<FormState>;
};

/**
 * A plain textarea with a live word count. Without JavaScript it is a form that saves on
 * "Save draft"; with it, the draft also saves itself a moment after typing stops, one save
 * at a time, each with a higher version so an older save arriving late cannot overwrite a
 * newer one. "Saved" is shown only after the server answered, i.e. after it committed.
 */
export function AssignmentEditor({ slug, initialText, initialVersion, limits, action }: Props) {
  const [state, formAction, pending] = useActionState(action, { ok: true } as FormState);
  const [text, setText] = useState(state.values?.text ?? initialText);
  // What the save status says (shown, not announced: it changes at every pause in typing),
  // and a problem, which is announced.
  const [status, setStatus] = useState("");
  const [problemMessage, setProblemMessage] = useState("");
  const version = useRef(Math.max(initialVersion, Number(state.values?.version ?? 0)));
  // The newest words typed: saves read this, never the page, which may be gone by then.
  const typed = useRef(text);
  const saved = useRef(text);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const [dirty, setDirty] = useState(false);
  // The version the next save (this form's own post included) will carry.
  const [nextVersion, setNextVersion] = useState(initialVersion + 1);

  useEffect(() => {
    if (state.ok && state.values?.version) {
      version.current = Math.max(version.current, Number(state.values.version));
      setNextVersion(version.current + 1);
    }
  }, [state]);

  // Leaving with words not yet saved: a tab closing asks first; moving to another page of
  // the site (no beforeunload) or hiding the page sends them once, without waiting.
  useEffect(() => {
    const flush = () => {
      if (!timer.current) return;
      clearTimeout(timer.current);
      timer.current = null;
      version.current += 1;
      void fetch(`/api/assignments/${slug}/draft`, { method: "POST", keepalive: true, headers: { "content-type": "application/json" }, body: JSON.stringify({ text: typed.current, version: version.current }) }).catch(() => undefined);
    };
    const warn = (event: BeforeUnloadEvent) => {
      if (typed.current !== saved.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("beforeunload", warn);
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [slug]);

  const save = async () => {
    const current = typed.current;
    if (current === saved.current) {
      setDirty(false);
      return;
    }
    version.current += 1;
    const sent = version.current;
    setNextVersion(sent + 1);
    setStatus("Saving…");
    try {
      const res = await fetch(`/api/assignments/${slug}/draft`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: current, version: sent }) });
      const body: unknown = await res.json().catch(() => null);
      if (res.ok) {
        saved.current = current;
        setDirty(typed.current !== current);
        setProblemMessage("");
        setStatus(`Draft saved at ${new Date().toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" })}.`);
      } else {
        // Never reload here: the text on the page may be the only copy of the newest words.
        setStatus("");
        setProblemMessage(errorMessageOf(body) ?? "Not saved. Your text is still here; try again in a moment.");
      }
    } catch {
      setStatus("");
      setProblemMessage("Not saved: you seem to be offline. Your text is still here and saves when you are back.");
    }
  };

  const onInput = (value: string) => {
    setText(value);
    typed.current = value;
    setDirty(true);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      chain.current = chain.current.then(save).catch(() => undefined);
    }, 800);
  };

  // The form's own post saves the text: no autosave may follow with the same version.
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    version.current = Math.max(version.current + 1, nextVersion);
    const field = event.currentTarget.elements.namedItem("version");
    if (field instanceof HTMLInputElement) field.value = String(version.current);
    setNextVersion(version.current + 1);
  };

  const words = countWords(text);
  const problem = wordLimitProblem(words, limits);
  return (
    <form action={formAction} onSubmit={onSubmit} id="editor" className="assignment-editor" data-dirty={dirty ? "true" : "false"}>
      <FocusedFormAlert state={state} message={state.ok ? null : state.message} />
      {state.ok && state.message && (
        <p className="alert alert--success" role="status">
          {state.message}
        </p>
      )}
      <input type="hidden" name="slug" value={slug} />
      {/* The next version: the no-JavaScript post and the autosave share the counter. */}
      <input type="hidden" name="version" value={nextVersion} />
      <div className="field">
        <label htmlFor="assignment-text">Your response</label>
        <p id="assignment-text-hint" className="field__hint">
          Between {limits.minWords} and {limits.maxWords} words. Plain text: blank lines separate paragraphs.
        </p>
        <textarea
          id="assignment-text"
          name="text"
          rows={18}
          maxLength={MAX_TEXT_CHARS}
          value={text}
          onChange={(e) => onInput(e.target.value)}
          aria-describedby="assignment-text-hint word-count"
          spellCheck
        />
      </div>
      <p id="word-count" className={problem ? "word-count word-count--off" : "word-count"} data-testid="word-count">
        {words} {words === 1 ? "word" : "words"}
        {problem ? ` (${limits.minWords}–${limits.maxWords} needed)` : " (within the limits)"}
      </p>
      <p className="save-status" data-testid="save-status">
        {status}
      </p>
      <p role="status" className="save-problem">
        {problemMessage}
      </p>
      <div className="actions">
        <button type="submit" name="intent" value="save" className="button button--quiet" disabled={pending}>
          Save draft
        </button>
        <button type="submit" name="intent" value="review" className="button" disabled={pending}>
          Review and submit…
        </button>
      </div>
    </form>
  );
}
