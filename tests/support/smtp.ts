// A real SMTP server on a local port for tests (the `smtp-server` package): it accepts
// every message and keeps it parsed, so a test can read the mail and follow its links.
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type Received = { to: string; subject: string; text: string };

export async function startSmtp(options: { port?: number; onMessage?: (mail: Received) => void } = {}) {
  const inbox: Received[] = [];
  let refusing = false;
  let held: Promise<void> | null = null;
  let arrivals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      arrivals++;
      if (refusing) {
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("451 try again later"), { responseCode: 451 })));
        return;
      }
      simpleParser(stream).then(
        async (mail) => {
          await held;
          const received = { to: session.envelope.rcptTo.map((r) => r.address).join(","), subject: mail.subject ?? "", text: mail.text ?? "" };
          inbox.push(received);
          options.onMessage?.(received);
          callback();
        },
        (error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    /** How many messages have started to arrive (accepted or not). */
    arrivals: () => arrivals,
    /** Holds every message in DATA until the returned function is called (a slow mail server). */
    hold(): () => void {
      let release!: () => void;
      held = new Promise<void>((resolve) => (release = resolve));
      return () => {
        held = null;
        release();
      };
    },
    /** While on, every message is refused with a temporary failure (a mail server in trouble). */
    refuse(on: boolean) {
      refusing = on;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a message to this path prefix. */
export function linkIn(text: string, path: string): string {
  const match = text.match(new RegExp(`https?://[^\\s]+${path}[^\\s]*`));
  if (!match) throw new Error(`no ${path} link in:\n${text}`);
  return match[0];
}
