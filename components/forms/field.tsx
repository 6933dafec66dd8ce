// A labelled input whose error is announced with it (aria-describedby) and marked invalid.
type FieldProps = {
  name: string;
  /** Needed when the same field appears in several forms on one page. */
  id?: string;
  label: string;
  type?: string;
  autoComplete?: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
};

export function Field({ name, id: givenId, label, type = "text", hint, error, ...rest }: FieldProps) {
  const id = givenId ?? `field-${name}`;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      <input id={id} name={name} type={type} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...rest} />
    </div>
  );
}

export function FormAlert({ message, id }: { message?: string | null; id?: string }) {
  return (
    <div id={id} role="alert" data-testid="form-alert" className={message ? "alert alert--error" : "alert alert--empty"} tabIndex={-1}>
      {message}
    </div>
  );
}
