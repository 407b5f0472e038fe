import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// Built per request so configuration is read at run time, never at build time.
type Handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;
const handler: Handler = (req, ctx) => (NextAuth(authOptions()) as Handler)(req, ctx);

export { handler as GET, handler as POST };
