import { DomainError, ERROR_CODES, isErrorCode, localeSchema, telephonyEventSchema, toFieldIssues, type ErrorCode, type FieldIssue, type TelephonyEvent } from "@frontoffice/domain";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ServerDependencies } from "../../trpc/context.js";
import { ingestTelephonyEvent } from "../calls/service.js";
import { findDepartmentTimeout, findLiveEndpoint, findOfficeVoice, findStoredDecision, touchEndpoint } from "./queries.js";
import { webhookPath } from "./service.js";
import { GENERIC_SIGNATURE_HEADER, TWILIO_SIGNATURE_HEADER, publicRequestUrl, verifyGeneric, verifyTwilio, type SignatureCheck } from "./signatures.js";
import { extensionPrompt, formParams, statusEvent, twiml, voiceAnswer, voiceEvent } from "./twilio.js";

/** The most a phone system may send in one webhook. */
export const TELEPHONY_BODY_LIMIT = 64 * 1024;
/** How long a call rings staff directly dialled (no department, so no department time-out). */
const DIRECT_RING_SECONDS = 30;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Checked against when the endpoint is unknown, so an unknown id costs what a wrong signature does. */
const NO_SECRET = "no-such-endpoint-no-such-endpoint";

type Deps = Pick<ServerDependencies, "db" | "clock" | "logger">;
type Endpoint = NonNullable<Awaited<ReturnType<typeof findLiveEndpoint>>>;
type Params = { endpointId: string };

/** A refusal with the JSON body every telephony webhook answers errors with. */
class WebhookError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
  }
}

function statusOf(code: ErrorCode): number {
  return getHTTPStatusCodeFromError(new TRPCError({ code: ERROR_CODES[code] }));
}

function sendError(reply: FastifyReply, error: WebhookError): FastifyReply {
  return reply.status(statusOf(error.code)).send({ error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } });
}

/**
 * The webhooks phone systems call (`/telephony/<endpoint id>/…`), in a plugin of their own whose
 * content parsers keep the raw body: the signature is over the exact bytes sent. Nothing is read
 * or written for a request until its signature is checked against its endpoint's secret; a
 * refused one is logged without its body.
 */
export async function registerTelephonyRoutes(app: FastifyInstance, deps: Deps, options: { publicUrl: string }): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(["application/json", "application/x-www-form-urlencoded"], { parseAs: "string", bodyLimit: TELEPHONY_BODY_LIMIT }, (_request, body, done) => {
      done(null, body);
    });
    scope.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) deps.logger.error({ reqId: request.id, err: { message: error.message.slice(0, 300), code: error.code } }, "telephony webhook failed");
      const code: ErrorCode = status === 500 ? "INTERNAL" : "TELEPHONY_EVENT_INVALID";
      return reply.status(status).send({ error: { code, message: status === 500 ? "Internal error" : error.message } });
    });

    /** The live endpoint named in the URL whose secret signed this request; a WebhookError otherwise. */
    const authenticate = async (request: FastifyRequest<{ Params: Params }>, provider: Endpoint["provider"], check: (secret: string) => SignatureCheck): Promise<Endpoint> => {
      const endpointId = request.params.endpointId;
      const endpoint = UUID.test(endpointId) ? await findLiveEndpoint(deps.db, endpointId) : undefined;
      const known = endpoint !== undefined && endpoint.provider === provider;
      const result = check(known ? endpoint.secret : NO_SECRET);
      if (known && result.ok) return endpoint;
      deps.logger.warn({ reqId: request.id, endpointId: endpointId.slice(0, 64), provider, reason: known && !result.ok ? result.reason : "unknown_endpoint" }, "telephony webhook refused");
      throw new WebhookError("TELEPHONY_SIGNATURE_INVALID", "The signature is missing or wrong, or the endpoint is unknown or revoked.");
    };

    /** Checks the event, hands it to the calls module, and marks the endpoint as used. */
    const ingest = async (endpoint: Endpoint, raw: unknown) => {
      const parsed = telephonyEventSchema.safeParse(raw);
      if (!parsed.success) throw new WebhookError("TELEPHONY_EVENT_INVALID", "The body is not a telephony event.", toFieldIssues(parsed.error.issues));
      const event: TelephonyEvent = parsed.data;
      try {
        const result = await ingestTelephonyEvent(
          deps,
          { kind: endpoint.provider, organizationId: endpoint.organizationId, officeId: endpoint.officeId, endpointId: endpoint.id },
          event,
        );
        await touchEndpoint(deps.db, endpoint.id, deps.clock.now());
        return { ...result, event };
      } catch (error) {
        if (error instanceof DomainError) throw new WebhookError(error.code, error.message, error.details?.issues as FieldIssue[] | undefined);
        const code = (error as { code?: unknown } | null)?.code;
        if (error instanceof Error && isErrorCode(code)) throw new WebhookError(code, error.message);
        throw error;
      }
    };

    const handle = <T>(work: (request: FastifyRequest<{ Params: Params; Body: string }>, reply: FastifyReply) => Promise<T>) =>
      async (request: FastifyRequest<{ Params: Params; Body: string }>, reply: FastifyReply) => {
        try {
          return await work(request, reply);
        } catch (error) {
          if (error instanceof WebhookError) return sendError(reply, error);
          throw error;
        }
      };

    const rawBody = (request: FastifyRequest<{ Body: string }>) => (typeof request.body === "string" ? request.body : "");

    // The generic JSON format, signed with HMAC-SHA256.
    scope.post<{ Params: Params; Body: string }>(
      "/telephony/:endpointId/events",
      handle(async (request) => {
        const body = rawBody(request);
        const header = request.headers[GENERIC_SIGNATURE_HEADER];
        const endpoint = await authenticate(request, "generic", (secret) => verifyGeneric(secret, typeof header === "string" ? header : undefined, body, deps.clock.now()));
        let json: unknown;
        try {
          json = JSON.parse(body);
        } catch {
          throw new WebhookError("TELEPHONY_EVENT_INVALID", "The body is not JSON.");
        }
        const { call, decision, duplicate } = await ingest(endpoint, json);
        return {
          callId: call.id,
          line: call.line,
          status: call.status,
          duplicate,
          decision: decision ? { action: decision.action, explanation: decision.explanation } : call.decision,
        };
      }),
    );

    const twilioEndpoint = (request: FastifyRequest<{ Params: Params; Body: string }>) => {
      const params = formParams(rawBody(request));
      const header = request.headers[TWILIO_SIGNATURE_HEADER];
      const url = publicRequestUrl(options.publicUrl, request.url);
      return authenticate(request, "twilio", (secret) => verifyTwilio(secret, typeof header === "string" ? header : undefined, url, params)).then((endpoint) => ({ endpoint, params }));
    };

    // Twilio's incoming call: route it and answer with the TwiML that carries the decision out.
    scope.post<{ Params: Params; Body: string }>(
      "/telephony/:endpointId/twilio/voice",
      handle(async (request, reply) => {
        const { endpoint, params } = await twilioEndpoint(request);
        const voiceUrl = publicRequestUrl(options.publicUrl, request.url);
        let result: Awaited<ReturnType<typeof ingest>>;
        try {
          result = await ingest(endpoint, voiceEvent(params, new URL(voiceUrl).searchParams));
        } catch (error) {
          // No extension and no rule for the call, or one that does not exist: nothing was
          // recorded; the caller is asked to dial one, which comes back as a new delivery.
          if (!(error instanceof WebhookError) || (error.code !== "ROUTING_NO_DESTINATION" && error.code !== "ROUTING_UNKNOWN_EXTENSION")) throw error;
          const office = await findOfficeVoice(deps.db, endpoint.organizationId, endpoint.officeId);
          const chosen = localeSchema.safeParse(new URL(voiceUrl).searchParams.get("language"));
          const locale = chosen.success ? chosen.data : (office?.locale ?? "en");
          return reply.type("text/xml; charset=utf-8").send(extensionPrompt(locale, voiceUrl, error.code === "ROUTING_UNKNOWN_EXTENSION"));
        }
        // Every line is taken: the caller hears busy, as with any full switchboard.
        if (result.call.outcome === "rejected") return reply.type("text/xml; charset=utf-8").send(twiml(`<Reject reason="busy"/>`));
        // A repeated delivery is answered as the first one was.
        const decision = result.decision ?? (result.duplicate ? await findStoredDecision(deps.db, endpoint.organizationId, result.call.id) : null);
        const office = await findOfficeVoice(deps.db, endpoint.organizationId, endpoint.officeId);
        const departmentId = decision?.action === "ring" ? decision.departmentId : null;
        const department = departmentId ? await findDepartmentTimeout(deps.db, endpoint.organizationId, departmentId) : undefined;
        const xml = voiceAnswer(decision, {
          locale: result.event.language ?? office?.locale ?? "en",
          timeZone: office?.timeZone ?? "UTC",
          statusUrl: publicRequestUrl(options.publicUrl, webhookPath(endpoint.id, "status")),
          ringSeconds: department?.timeoutSeconds ?? DIRECT_RING_SECONDS,
          fallbackQueue: result.call.department?.id ?? endpoint.officeId,
        });
        return reply.type("text/xml; charset=utf-8").send(xml);
      }),
    );

    // Twilio's status callbacks and `<Dial>`/`<Record>` actions: answered, or ended with a reason.
    scope.post<{ Params: Params; Body: string }>(
      "/telephony/:endpointId/twilio/status",
      handle(async (request, reply) => {
        const { endpoint, params } = await twilioEndpoint(request);
        const event = statusEvent(params);
        if (event === null) return reply.type("text/xml; charset=utf-8").send(twiml());
        const { call } = await ingest(endpoint, event);
        return reply.type("text/xml; charset=utf-8").send(twiml(call.status === "ended" ? "<Hangup/>" : ""));
      }),
    );
  });
}
