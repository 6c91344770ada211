// The script-tag entry, `<script src=".../sonde.js" data-endpoint="..." data-surveys-url="...">`.
// It runs as a classic script in the host's global scope, so it declares nothing there and
// holds no static import: it reads its own tag, then loads the rest through import().
((data: Record<string, string | undefined>) =>
  import("./api/boot.js").then(
    (m) => m.boot(data),
    (error: unknown) => console.error("sonde: could not load", error),
  ))({ ...(document.currentScript as HTMLScriptElement | null)?.dataset });
