// Stands in for the "server-only" marker package outside Next.js (tests run on the server anyway).
export {};
