"use client";
import { useEffect, useRef, useState } from "react";

// Announce at these many seconds left, not every second (polite for screen readers).
const ANNOUNCE_AT = [600, 300, 120, 60, 30, 0];

// A quiz that closes at its due date can have days left, not only minutes.
function format(seconds: number) {
  const days = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const clock = h || days ? `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}` : `${m}:${String(s).padStart(2, "0")}`;
  return days ? `${days} day${days === 1 ? "" : "s"} ${clock}` : clock;
}

function spoken(seconds: number) {
  if (seconds <= 0) return "Time is up. Your saved answers are being submitted.";
  if (seconds < 60) return `${seconds} seconds left.`;
  if (seconds >= 7200) {
    const hours = Math.round(seconds / 3600);
    return `${hours} hours left.`;
  }
  const minutes = Math.round(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"} left.`;
}

/** Visible countdown; the server enforces the deadline whatever this shows. */
export function Countdown({ deadline, submitUrl, returnUrl }: { deadline: string; submitUrl: string; returnUrl: string }) {
  const end = new Date(deadline).getTime();
  const [left, setLeft] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const announced = useRef(new Set<number>());

  useEffect(() => {
    const tick = () => {
      const seconds = Math.max(0, Math.round((end - Date.now()) / 1000));
      setLeft(seconds);
      const mark = ANNOUNCE_AT.find((m) => seconds <= m && !announced.current.has(m));
      if (mark !== undefined) {
        ANNOUNCE_AT.filter((m) => m >= mark).forEach((m) => announced.current.add(m));
        setAnnouncement(spoken(seconds));
      }
      if (seconds === 0) {
        clearInterval(timer);
        fetch(submitUrl, { method: "POST" }).finally(() => window.location.assign(returnUrl));
      }
    };
    const timer = setInterval(tick, 1000);
    tick();
    return () => clearInterval(timer);
  }, [end, submitUrl, returnUrl]);

  return (
    <div className="countdown" data-testid="countdown">
      <span aria-hidden="true">Time left: </span>
      <span className="countdown__value" aria-hidden="true">
        {left === null ? "…" : format(left)}
      </span>
      <span className="visually-hidden" aria-live="polite" role="status">
        {announcement}
      </span>
    </div>
  );
}
