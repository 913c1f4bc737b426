import { sql } from "drizzle-orm";
import { publicProcedure, router } from "../trpc";

export const healthRouter = router({
  /**
   * Runs `select 1` on the database, so a reply shows the server and its
   * database connection work. The benchmark compares auth.me against it.
   */
  ping: publicProcedure.query(async ({ ctx }) => {
    await ctx.auth.db.execute(sql`select 1`);
    return { ok: true as const };
  }),
});
