/**
 * Measures the dashboard's server time: signs in as a demo leader through next-auth's credentials endpoint, then
 * requests the dashboard N times in a row (each a full server render: every metric, chart series and alert query)
 * and prints the median, 90th percentile and range of the time to the last byte.
 *
 *   npx tsx scripts/bench-dashboard.ts --url http://127.0.0.1:3000 [--runs 20] [--path "/dashboard?period=4w"]
 *
 * Run it against `npm run demo` (or any production server with the demo seed); a dev server measures compilation.
 */
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:3000" },
    runs: { type: "string", default: "20" },
    path: { type: "string", default: "/dashboard?period=4w&scope=portfolio" },
    email: { type: "string", default: "leader@northwind.example" },
    password: { type: "string", default: "Northwind-Demo-2026" },
  },
});
const base = values.url.replace(/\/$/, "");
const runs = Number(values.runs);

/** Cookies as a browser would keep them (name → value), from Set-Cookie headers. */
const jar = new Map<string, string>();
function keep(response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
  }
}
const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

async function signIn() {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email: values.email, password: values.password, callbackUrl: `${base}/dashboard`, json: "true" }),
  });
  keep(response);
  if (![...jar.keys()].some((k) => k.endsWith("session-token"))) throw new Error(`sign-in failed (${response.status})`);
}

async function timeOnce(): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${base}${values.path}`, { headers: { cookie: cookie() }, redirect: "manual" });
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200 || !body.includes("Portfolio dashboard")) throw new Error(`unexpected response ${response.status}`);
  return ms;
}

await signIn();
await timeOnce(); // warm-up: first render after start compiles nothing in production, but fills pools and caches
const times: number[] = [];
for (let i = 0; i < runs; i++) times.push(await timeOnce());
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * (times.length - 1) + 0.5))]!;
console.log(
  `${values.path}: ${runs} signed-in requests — median ${at(0.5).toFixed(0)} ms, p90 ${at(0.9).toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms`,
);
