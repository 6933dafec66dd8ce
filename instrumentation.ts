// Runs once when a server instance starts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./lib/startup-checks");
    (await import("./lib/mail")).startDeliveryTimer();
    (await import("./lib/lti/scores")).startScoreTimer();
  }
}
