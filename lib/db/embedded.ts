import { mkdir } from "node:fs/promises";
import net from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/**
 * The embedded default: PGlite (Postgres in WebAssembly) served over the Postgres wire protocol on a local
 * port, so the app, the seed and the tests use the same Prisma adapter as with a real server.
 * PGlite is one session: clients must use a pool of one connection (see ENVIRONMENT.md).
 */
export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop: () => Promise<void>;
}

/** Starts PGlite with its data in `dataDir` (or in memory when omitted) and serves it on 127.0.0.1. */
export async function startEmbeddedDatabase(options: { dataDir?: string; port?: number } = {}): Promise<EmbeddedDatabase> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const port = options.port ?? (await freePort());
  // More than one socket connection must be allowed or a second pooled connection is dropped.
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 16 });
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    port,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
