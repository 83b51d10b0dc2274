import type { FastifyInstance } from "fastify";
import type { ServerDependencies } from "../../trpc/context.js";
import { renderFeed } from "./service.js";

/**
 * `GET /calendar/<token>.ics`: the feed calendar apps subscribe to. No session: the token is
 * the credential. Fastify's request logging is off for this route so the URL, and with it the
 * token, never reaches the logs; failures are logged here without it.
 */
export function registerCalendarFeedRoute(app: FastifyInstance, deps: Pick<ServerDependencies, "db" | "clock" | "logger">): void {
  app.get<{ Params: { file: string } }>("/calendar/:file", { logLevel: "silent" }, async (request, reply) => {
    const match = /^(.+)\.ics$/.exec(request.params.file);
    let body: string | undefined;
    try {
      body = match?.[1] ? await renderFeed(deps.db, deps.clock, match[1]) : undefined;
    } catch (error) {
      deps.logger.error({ reqId: request.id, err: { message: error instanceof Error ? error.message.slice(0, 300) : "unknown" } }, "calendar feed failed");
      return reply.status(500).type("text/plain; charset=utf-8").send("Internal error");
    }
    if (body === undefined) return reply.status(404).type("text/plain; charset=utf-8").send("Not found");
    return reply
      .type("text/calendar; charset=utf-8")
      .header("cache-control", "private, max-age=300")
      .header("content-disposition", 'inline; filename="calendar.ics"')
      .send(body);
  });
}
