import type { Rubric } from "@/lib/assignments/rubric";

type Graded = { levels: Record<string, string>; comments: Record<string, string> };

/**
 * The rubric as students read it before they write, and, once a grade is released, with the
 * level their work reached and the instructor's comment on each criterion. Comments are
 * rendered as text (React escapes them), never as HTML.
 */
export function RubricView({ rubric, graded, headingLevel = 3 }: { rubric: Rubric; graded?: Graded | null; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="rubric">
      {rubric.map((criterion) => {
        const picked = graded?.levels[criterion.id];
        const comment = graded?.comments[criterion.id];
        return (
          <section key={criterion.id} className="rubric__criterion" aria-labelledby={`criterion-${criterion.id}`}>
            <Heading id={`criterion-${criterion.id}`}>
              {criterion.title} <span className="rubric__points">({criterion.levels[0].points} points)</span>
            </Heading>
            <p>{criterion.description}</p>
            <ul className="rubric__levels">
              {criterion.levels.map((level) => (
                <li key={level.id} className={picked === level.id ? "rubric__level rubric__level--picked" : "rubric__level"} data-testid={picked === level.id ? `picked-${criterion.id}` : undefined}>
                  <strong>
                    {picked === level.id && <span className="visually-hidden">Your level: </span>}
                    {level.title}, {level.points} {level.points === 1 ? "point" : "points"}
                  </strong>
                  {picked === level.id && <span aria-hidden="true"> ✓</span>}
                  <br />
                  {level.description}
                </li>
              ))}
            </ul>
            {comment && (
              <p className="rubric__comment" data-testid={`comment-${criterion.id}`}>
                <strong>Instructor’s comment:</strong> {comment}
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
