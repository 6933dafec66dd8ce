import type { Metadata, Viewport } from "next";
import { SiteHeader } from "@/components/site-header";
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

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1} className="page">
          {children}
        </main>
        <footer className="site-footer">
          <p>Casebook, an open-source course module. Course content is for education, not legal advice.</p>
        </footer>
      </body>
    </html>
  );
}
