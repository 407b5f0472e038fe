import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import type { CapturedMail } from "./capture-server";

/**
 * What the local SMTP server (demo, tests) received, newest first, at most `limit` messages. Null when this
 * deployment has no local capture (MAIL_CAPTURE_DIR unset: mail goes to a real SMTP server).
 */
export async function listCapturedMail(limit = 50): Promise<CapturedMail[] | null> {
  const dir = env().MAIL_CAPTURE_DIR;
  if (!dir) return null;
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(".json"));
  } catch {
    return [];
  }
  // File names start with the receipt time in ms: sorting them newest first needs no file reads.
  names.sort((a, b) => Number.parseInt(b, 10) - Number.parseInt(a, 10) || b.localeCompare(a));
  const mails = await Promise.all(
    names.slice(0, limit).map(async (n) => {
      try {
        return JSON.parse(await readFile(path.join(dir, n), "utf8")) as CapturedMail;
      } catch {
        return null;
      }
    }),
  );
  return mails.filter((m): m is CapturedMail => m !== null);
}

export async function getCapturedMail(id: string): Promise<CapturedMail | null> {
  const dir = env().MAIL_CAPTURE_DIR;
  if (!dir || !/^[0-9]+-[0-9]+-[0-9]+$/.test(id)) return null;
  try {
    return JSON.parse(await readFile(path.join(dir, `${id}.json`), "utf8")) as CapturedMail;
  } catch {
    return null;
  }
}
