"use client";
// Inside an LMS's frame: opens this page in a window of its own, signed in as the same
// user (app/api/lti/window). Without JavaScript it opens the course outline.
export function NewWindowForm({ pass }: { pass: string }) {
  return (
    <form
      method="post"
      action="/api/lti/window"
      target="_blank"
      data-testid="new-window"
      onSubmit={(event) => {
        const to = event.currentTarget.elements.namedItem("to") as HTMLInputElement;
        to.value = window.location.pathname + window.location.search;
      }}
    >
      <input type="hidden" name="pass" value={pass} />
      <input type="hidden" name="to" value="/course" />
      <button type="submit" className="button button--quiet button--small">
        Open in a new window<span className="visually-hidden"> (opens a new tab)</span>
      </button>
    </form>
  );
}
