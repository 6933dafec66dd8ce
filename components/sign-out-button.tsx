// A form, not a script: signing out works without JavaScript and inside an LMS's frame.
export function SignOutButton() {
  return (
    <form method="post" action="/api/sign-out" className="sign-out-form">
      <button type="submit" className="button button--quiet button--small">
        Sign out
      </button>
    </form>
  );
}
