/**
 * The e-mails the app sends, as plain text and simple HTML (no remote images or fonts). Pure functions of what
 * they say; links are absolute (APP_URL).
 */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function layout(bodyHtml: string, unsubscribe: { url: string; what: string }): string {
  return `<!doctype html><html><body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#1f2937;max-width:560px;margin:0 auto;padding:16px">
${bodyHtml}
<hr style="border:none;border-top:1px solid #e5e7eb;margin:24px 0 12px">
<p style="font-size:12px;color:#6b7280">Marketing Portfolio. <a href="${escapeHtml(unsubscribe.url)}">Stop e-mails about ${escapeHtml(unsubscribe.what)}</a> (one click, no sign-in) or choose what you get under Account.</p>
</body></html>`;
}

export function noticeEmail(input: { name: string; title: string; link: string; unsubscribeUrl: string; what: string }): RenderedEmail {
  const subject = input.title.length > 150 ? `${input.title.slice(0, 147)}…` : input.title;
  const text = `Hello ${input.name},

${input.title}

Open it: ${input.link}

--
Stop e-mails about ${input.what}: ${input.unsubscribeUrl}
`;
  const html = layout(
    `<p>Hello ${escapeHtml(input.name)},</p><p style="font-size:16px">${escapeHtml(input.title)}</p>
<p><a href="${escapeHtml(input.link)}" style="display:inline-block;background:#1d4ed8;color:#fff;padding:8px 14px;border-radius:6px;text-decoration:none">Open it</a></p>`,
    { url: input.unsubscribeUrl, what: input.what },
  );
  return { subject, text, html };
}

export interface DigestLine {
  title: string;
  link: string;
}

export function digestEmail(input: { name: string; cadence: "daily" | "weekly"; periodLabel: string; lines: DigestLine[]; more: number; inboxUrl: string; unsubscribeUrl: string }): RenderedEmail {
  const count = input.lines.length + input.more;
  const subject = `Your ${input.cadence} digest: ${count} notice${count === 1 ? "" : "s"} (${input.periodLabel})`;
  const text = `Hello ${input.name},

${count} notice${count === 1 ? "" : "s"} since your last ${input.cadence} digest:

${input.lines.map((l) => `- ${l.title}\n  ${l.link}`).join("\n")}
${input.more > 0 ? `\n…and ${input.more} more in your inbox: ${input.inboxUrl}\n` : ""}
--
Stop digest e-mails: ${input.unsubscribeUrl}
`;
  const html = layout(
    `<p>Hello ${escapeHtml(input.name)},</p><p>${count} notice${count === 1 ? "" : "s"} since your last ${input.cadence} digest:</p>
<ul>${input.lines.map((l) => `<li><a href="${escapeHtml(l.link)}">${escapeHtml(l.title)}</a></li>`).join("")}</ul>
${input.more > 0 ? `<p><a href="${escapeHtml(input.inboxUrl)}">…and ${input.more} more in your inbox</a></p>` : ""}`,
    { url: input.unsubscribeUrl, what: "digests" },
  );
  return { subject, text, html };
}
