import type { Metadata, Viewport } from "next";
import { COURSE_TITLE } from "@/lib/course/constants";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: `${COURSE_TITLE} · Casebook`, template: `%s · Casebook` },
  description: "Casebook: an open course module on paralegal and legal assistant careers.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
};

// Only the document shell: app pages add the session-aware header in (site)/layout,
// public pages a static one, so those can be prerendered.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
