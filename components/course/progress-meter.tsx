export function ProgressMeter({ percent, completed, total, minutesLeft }: { percent: number; completed: number; total: number; minutesLeft: number }) {
  return (
    <div className="progress-meter">
      <label htmlFor="course-progress" className="progress-meter__label">
        Course progress: <strong data-testid="progress-percent">{percent}%</strong>
      </label>
      <progress id="course-progress" max={100} value={percent}>
        {percent}%
      </progress>
      <p className="progress-meter__meta">
        {completed} of {total} steps complete
        {minutesLeft > 0 ? ` · about ${minutesLeft} min left` : " · all done"}
      </p>
    </div>
  );
}
