import type { AdminErrorBody, AdminSurvey, AdminSurveyListBody } from "@sonde/collector/api";
import { dropFromHash } from "./api.js";

// The admin API as the Surveys view uses it: its own key, asked once and kept for this tab.

const KEY_ITEM = "sonde-admin-key";

/** The admin key: from `#admin=…` (taken out of the address at once), else this tab's session storage. */
export function readAdminKey(): string | null {
  const m = /(?:^#|&)admin=([^&]+)/.exec(location.hash);
  if (m) {
    sessionStorage.setItem(KEY_ITEM, decodeURIComponent(m[1]!));
    dropFromHash("admin");
  }
  return sessionStorage.getItem(KEY_ITEM);
}

export function saveAdminKey(key: string): void {
  sessionStorage.setItem(KEY_ITEM, key);
}

/** 401 or 403: the key is missing or wrong, or this collector has no admin key at all. */
export class AdminRefused extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** A refusal with its lines: a 400's paths, a 409's reason, a 412's survey as it is now. */
export class AdminProblem extends Error {
  constructor(
    readonly status: number,
    readonly body: AdminErrorBody,
  ) {
    super(body.error);
  }
}

async function call<T>(key: string | null, path: string, init: RequestInit = {}): Promise<{ body: T; etag: string }> {
  const res = await fetch(path, {
    ...init,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(init.headers as Record<string, string>) },
  });
  if (res.status === 401 || res.status === 403) throw new AdminRefused(res.status);
  const body = (await res.json().catch(() => ({ error: `HTTP ${res.status}` }))) as T & AdminErrorBody;
  if (!res.ok) throw new AdminProblem(res.status, body);
  return { body, etag: res.headers.get("etag") ?? "" };
}

const json = (body: unknown, etag?: string): RequestInit => ({
  body: JSON.stringify(body),
  headers: { "content-type": "application/json", ...(etag ? { "if-match": etag } : {}) },
});

export const listSurveys = (key: string | null) => call<AdminSurveyListBody>(key, "/v1/admin/surveys");
export const getSurvey = (key: string | null, id: string) =>
  call<AdminSurvey>(key, `/v1/admin/surveys/${encodeURIComponent(id)}`);
export const createSurvey = (key: string | null, definition: unknown) =>
  call<AdminSurvey>(key, "/v1/admin/surveys", { method: "POST", ...json(definition) });
export const saveSurvey = (key: string | null, id: string, definition: unknown, etag: string) =>
  call<AdminSurvey>(key, `/v1/admin/surveys/${encodeURIComponent(id)}`, { method: "PUT", ...json(definition, etag) });
export const changeStatus = (key: string | null, id: string, action: "launch" | "pause" | "archive", etag: string) =>
  call<AdminSurvey>(key, `/v1/admin/surveys/${encodeURIComponent(id)}/${action}`, {
    method: "POST",
    headers: { "if-match": etag },
  });
