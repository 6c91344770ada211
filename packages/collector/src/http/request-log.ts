import type { MiddlewareHandler } from "hono";
import { KEY_PARAMS } from "./access-key.js";

/** Where log lines go; `write` receives whole lines. */
export interface LogSink {
  write(line: string): void;
}

/**
 * A sink that collects lines and writes them together once the event loop is free, so a busy
 * collector does not pay for a write per request. `flush` writes what is pending now.
 */
export function bufferedSink(out: { write(chunk: string): unknown }): LogSink & { flush(): void } {
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (!pending.length) return;
    const chunk = pending.join("");
    pending = [];
    out.write(chunk);
  };
  return {
    write(line) {
      pending.push(line);
      if (pending.length >= 512) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}

/**
 * A request target with the value of every parameter that authenticates replaced by
 * `[redacted]`. Names are compared decoded, as the router reads them (`?%6Bey=` is `?key=`),
 * and in any case.
 */
export function redactTarget(target: string): string {
  const q = target.indexOf("?");
  if (q < 0) return target;
  const params = target
    .slice(q + 1)
    .split("&")
    .map((param) => {
      const eq = param.indexOf("=");
      const raw = eq < 0 ? param : param.slice(0, eq);
      const name = raw
        .replace(/\+/g, " ")
        .replace(/%([\da-f]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
      return KEY_PARAMS.includes(name.toLowerCase()) ? `${raw}=[redacted]` : param;
    });
  return `${target.slice(0, q)}?${params.join("&")}`;
}

/**
 * A value as a log field: controls, spaces, invisible format characters, unpaired surrogates and
 * backslashes escaped (`\x0a`, `\u{202e}`), so that no value can end a line or fake another field.
 */
export function logField(value: string): string {
  return value.replace(/[\p{Cc}\p{Cf}\p{Z}\\\ud800-\udfff]/gu, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u{${code.toString(16)}}`;
  });
}

/** One line per request: time, client, method, target (keys redacted), status, duration; fields escaped. */
export function requestLog(
  sink: LogSink,
  clientOf: (c: Parameters<MiddlewareHandler>[0]) => string,
): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const url = c.req.url;
    const target = url.slice(url.indexOf("/", url.indexOf("//") + 2));
    const ms = (performance.now() - started).toFixed(1);
    const fields = [clientOf(c), c.req.method, redactTarget(target)].map(logField).join(" ");
    sink.write(`${new Date().toISOString()} ${fields} ${c.res.status} ${ms}ms\n`);
  };
}
