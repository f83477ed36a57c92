// The typed client: paths and bodies come from schema.ts, generated from the server's OpenAPI schema.
import createClient from "openapi-fetch";
import type { components, paths } from "./schema";

export type Meeting = components["schemas"]["MeetingRead"];
export type Ticket = components["schemas"]["TicketRead"];
export type TicketStatus = components["schemas"]["TicketStatus"];
export type TicketEvent = components["schemas"]["TicketEventRead"];
export type Board = components["schemas"]["BoardRead"];
export type Minutes = components["schemas"]["MinutesRead"];
export type Segment = components["schemas"]["SegmentRead"];
export type Suggestion = components["schemas"]["SuggestionRead"];

export const STATUSES: TicketStatus[] = ["TODO", "IN_PROGRESS", "DONE"];
export const LOCAL_GROUP_ID = "00000000-0000-0000-0000-000000000001";

export const api = createClient<paths>({ baseUrl: "" });

/** An API answer that is not a success: `status` 0 means the server could not be reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
  get unreachable(): boolean {
    return this.status === 0;
  }
}

type Answer<T> = { data?: T; error?: unknown; response: Response };

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError (network failures included). */
export async function unwrap<T>(call: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await call;
  } catch (err) {
    throw new ApiError(0, "unreachable", err instanceof Error ? err.message : String(err));
  }
  if (answer.response.ok) return answer.data as T;
  const body = answer.error as { error?: { code?: string; message?: string } } | undefined;
  const status = answer.response.status;
  // A proxy in front of a stopped server answers 502/503/504 without VORI's error body.
  if (!body?.error && status >= 502 && status <= 504) throw new ApiError(0, "unreachable", answer.response.statusText);
  throw new ApiError(status, body?.error?.code ?? "http_error", body?.error?.message ?? `HTTP ${status}`);
}

export function wsUrl(path: string): string {
  const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${window.location.host}${path}`;
}
