/**
 * What joining a section does to the student's work, said the same way wherever joining is
 * offered (a code's page, an invitation). `startsAgain`: the section is in a later term
 * (lib/progress/runs.ts startsNewRun), so the course starts again and the old term is kept.
 */
export function JoinEffect({ startsAgain, current, target }: { startsAgain: boolean; current: string | null; target: string }) {
  if (startsAgain)
    return (
      <p data-testid="join-starts-again">
        {target} is in a later term than your last section{current ? ` (${current})` : ""}. Joining starts the course again from the first lesson. Your earlier
        work, readiness and any certificate stay readable under &ldquo;Earlier terms&rdquo; on your readiness page, and a certificate stays valid.
      </p>
    );
  if (!current) return null;
  return (
    <p>
      You are in <strong>{current}</strong> now. Joining moves you to {target}; your lessons, attempts and readiness come with you.
    </p>
  );
}
