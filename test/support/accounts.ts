/** The demo accounts and secrets the end-to-end tests sign in with. */
export const DEMO_PASSWORD = "gpa-demo-test-password";
export const TEST_AUTH_SECRET = "test-secret-for-end-to-end-runs-only-0123456789";

export const ACCOUNTS = {
  admin: "admin@demo.local",
  facilitator: "facilitator@demo.local",
  facilitator2: "facilitator2@demo.local",
  delegate: "delegate.ecuador@demo.local",
  bahrain: "delegate.bahrain@demo.local",
  observer: "observer@demo.local",
} as const;
