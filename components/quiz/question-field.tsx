// One question as a fieldset of real form controls, in the attempt's own order.
// Server-rendered; it receives only the public payload, never the key.
import { fieldName } from "@/lib/quiz/form";
import type { PublicQuestion } from "@/lib/quiz/attempts";

type Choice = { id: string; text: string };
type Props = { question: PublicQuestion; number: number; total: number; response: unknown; problem?: string };

const TYPE_HINTS: Record<string, string> = {
  single: "Choose one answer.",
  multiple: "Select all that apply. Wrong picks cost points.",
  true_false: "Choose true or false.",
  matching: "Choose a match for each item.",
  ordering: "Give each item a position, 1 first. Use each number once.",
  short_text: "Type a short answer.",
};

function inOrder(list: Choice[] | undefined, order: string[]): Choice[] {
  const byId = new Map((list ?? []).map((c) => [c.id, c]));
  return order.map((id) => byId.get(id)).filter((c): c is Choice => Boolean(c));
}

export function QuestionField({ question, number, total, response, problem }: Props) {
  const r = (response ?? {}) as { choice?: string; choices?: string[]; value?: boolean; text?: string; matches?: Record<string, string>; order?: string[] };
  const id = `q-${number}`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const payload = question.payload as { options?: Choice[]; items?: Choice[]; targets?: Choice[] };
  return (
    <fieldset id={id} className={problem ? "question question--error" : "question"} data-question-id={question.id} data-question-type={question.type} aria-describedby={problem ? `${hintId} ${errorId}` : hintId}>
      <legend>
        <span className="question__number">
          Question {number} of {total}
        </span>
        <span className="question__prompt">{question.prompt}</span>
      </legend>
      <p id={hintId} className="question__hint">
        {TYPE_HINTS[question.type]}
      </p>
      {problem && (
        <p id={errorId} className="field__error">
          {problem}
        </p>
      )}
      {(question.type === "single" || question.type === "multiple") && (
        <ul className="choices">
          {inOrder(payload.options, question.order).map((option) => {
            const inputId = `${id}-${option.id}`;
            const checked = question.type === "single" ? r.choice === option.id : Boolean(r.choices?.includes(option.id));
            return (
              <li key={option.id}>
                <input type={question.type === "single" ? "radio" : "checkbox"} id={inputId} name={fieldName(question.id)} value={option.id} defaultChecked={checked} />
                <label htmlFor={inputId}>{option.text}</label>
              </li>
            );
          })}
        </ul>
      )}
      {question.type === "true_false" && (
        <ul className="choices choices--inline">
          {(["true", "false"] as const).map((value) => (
            <li key={value}>
              <input type="radio" id={`${id}-${value}`} name={fieldName(question.id)} value={value} defaultChecked={r.value !== undefined && String(r.value) === value} />
              <label htmlFor={`${id}-${value}`}>{value === "true" ? "True" : "False"}</label>
            </li>
          ))}
        </ul>
      )}
      {question.type === "short_text" && (
        <div className="field">
          <label htmlFor={`${id}-text`}>Your answer</label>
          <input id={`${id}-text`} name={fieldName(question.id)} type="text" maxLength={200} autoComplete="off" defaultValue={r.text ?? ""} />
        </div>
      )}
      {question.type === "matching" && (
        <ul className="pairs">
          {inOrder(payload.items, question.order).map((item) => (
            <li key={item.id} className="field">
              <label htmlFor={`${id}-${item.id}`}>{item.text}</label>
              <select id={`${id}-${item.id}`} name={fieldName(question.id, item.id)} defaultValue={r.matches?.[item.id] ?? ""}>
                <option value="">Choose a match…</option>
                {inOrder(payload.targets, question.targets).map((target) => (
                  <option key={target.id} value={target.id}>
                    {target.text}
                  </option>
                ))}
              </select>
            </li>
          ))}
        </ul>
      )}
      {question.type === "ordering" && (
        <ul className="pairs">
          {inOrder(payload.items, question.order).map((item) => {
            const saved = r.order ? r.order.indexOf(item.id) + 1 : 0;
            return (
              <li key={item.id} className="field">
                <label htmlFor={`${id}-${item.id}`}>{item.text}</label>
                <select id={`${id}-${item.id}`} name={fieldName(question.id, item.id)} defaultValue={saved > 0 ? String(saved) : ""}>
                  <option value="">Position…</option>
                  {question.order.map((_, i) => (
                    <option key={i} value={String(i + 1)}>
                      {i + 1}
                    </option>
                  ))}
                </select>
              </li>
            );
          })}
        </ul>
      )}
      <p className="question__saved" data-save-status aria-live="polite" />
    </fieldset>
  );
}
