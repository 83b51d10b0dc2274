import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { sql } from "kysely";
import { registerCalendarFeedRoute } from "../modules/calendar-feeds/http.js";
import { registerTelephonyRoutes } from "../modules/telephony/http.js";
import { appRouter, type AppRouter } from "../trpc/app-router.js";
import type { Context, ServerDependencies } from "../trpc/context.js";
import { createKioskLimiter } from "./attempt-limiter.js";
import { registerAuthRoutes, toFetchHeaders } from "./auth-route.js";

export interface HttpOptions {
  publicUrl: string;
  /** The built web client; served with a fallback to index.html for client-side routes. */
  webDist: string | undefined;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the HTTP server: health checks, auth, the tRPC API and the web client. */
export async function buildHttpServer(deps: ServerDependencies, options: HttpOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    disableRequestLogging: false,
    routerOptions: { maxParamLength: 5000 },
    bodyLimit: 1024 * 1024,
    // Honour a caller's request id when it is well formed, so logs line up across services.
    genReqId: (request) => {
      const given = request.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });

  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "same-origin");
  });

  app.get("/health", async () => ({ status: "ok" }));
  app.get("/ready", async (_request, reply) => {
    try {
      await sql`select 1`.execute(deps.db);
      return { status: "ready" };
    } catch {
      return reply.status(503).send({ status: "unavailable" });
    }
  });

  registerAuthRoutes(app, deps.auth, options.publicUrl);
  registerCalendarFeedRoute(app, deps);
  await registerTelephonyRoutes(app, deps, { publicUrl: options.publicUrl });

  const kioskAttempts = createKioskLimiter();
  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      createContext: ({ req }): Context => ({
        ...deps,
        logger: deps.logger.child({ reqId: req.id }),
        requestId: req.id,
        headers: toFetchHeaders(req),
        kioskAttempts,
      }),
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });

  const webDist = options.webDist;
  if (webDist && existsSync(join(webDist, "index.html"))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ["index.html"] });
    app.setNotFoundHandler((request, reply) => {
      const isApi = request.url.startsWith("/trpc") || request.url.startsWith("/api/");
      if (request.method === "GET" && !isApi && request.headers.accept?.includes("text/html")) {
        return reply.type("text/html").sendFile("index.html");
      }
      return reply.status(404).send({ error: "not found" });
    });
  } else {
    deps.logger.warn({ webDist }, "web client not built: serving the API only (run pnpm build)");
  }
  return app;
}
