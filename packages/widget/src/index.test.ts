import { expect, expectTypeOf, it } from "vitest";
import type { SondeConfig, SondeEvents } from "./index.js";
import * as widget from "./index.js";

it("exports exactly the documented API", () => {
  expect(Object.keys(widget).sort()).toEqual(
    [
      "destroy",
      "dismiss",
      "flush",
      "identify",
      "init",
      "off",
      "on",
      "optIn",
      "optOut",
      "page",
      "reset",
      "setAttributes",
      "setConsent",
      "show",
      "track",
    ].sort(),
  );
});

it("locks the public types", () => {
  expectTypeOf(widget.init).parameter(0).toEqualTypeOf<SondeConfig>();
  expectTypeOf<SondeConfig["endpoint"]>().toEqualTypeOf<string>();
  expectTypeOf(widget.flush).returns.toEqualTypeOf<Promise<void>>();
  expectTypeOf(widget.setConsent).parameter(0).toEqualTypeOf<"granted" | "denied">();
  expectTypeOf(widget.show).parameters.toEqualTypeOf<[string, ({ force?: boolean } | undefined)?]>();
  expectTypeOf<SondeEvents["completed"]>().toHaveProperty("responseId").toEqualTypeOf<string>();
  expectTypeOf<SondeEvents["error"]["code"]>().toEqualTypeOf<
    "config" | "surveys" | "display" | "storage" | "delivery" | "rejected" | "handler"
  >();
  // @ts-expect-error — unknown event names are a type error
  widget.on("shwon", () => {});
  // @ts-expect-error — payloads are typed per event
  widget.on("sent", (e: { surveyId: string }) => e);
});
