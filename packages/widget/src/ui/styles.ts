// Written as TS so the UI chunk carries its own CSS and adopts it into the shadow root:
// nothing reaches the host's global styles. Logical properties keep RTL correct.
export const css = `
:host{all:initial;position:fixed;inset-block-end:16px;inset-inline-end:16px;z-index:var(--sonde-z,2147483000);
--b:var(--sonde-brand,#3b4bdb);--fg:var(--sonde-text,#1c1d21);--bg:var(--sonde-background,#fff);--r:var(--sonde-radius,12px);
--mute:#555a66;--line:#d5d8e0;font-family:var(--sonde-font,system-ui,sans-serif);color:var(--fg)}
@media (prefers-color-scheme:dark){:host([data-mode=auto]){--fg:var(--sonde-text,#f1f2f5);--bg:var(--sonde-background,#1e2028);--mute:#b4b8c4;--line:#444857}}
:host([data-mode=dark]){--fg:var(--sonde-text,#f1f2f5);--bg:var(--sonde-background,#1e2028);--mute:#b4b8c4;--line:#444857}
*{box-sizing:border-box;font:inherit;color:inherit;margin:0}
.card{position:relative;width:min(420px,calc(100vw - 32px));background:var(--bg);border:1px solid var(--line);border-radius:var(--r);
box-shadow:0 10px 30px rgba(0,0,0,.18);padding:20px 20px 16px;font-size:15px;line-height:1.4}
h2{font-weight:600;font-size:16px;padding-inline-end:32px;margin-block-end:14px}
.close{position:absolute;inset-block-start:8px;inset-inline-end:8px;width:32px;height:32px;border:0;border-radius:8px;background:none;
cursor:pointer;font-size:20px;line-height:1;color:var(--mute)}
.close:hover{background:color-mix(in srgb,var(--fg) 8%,transparent)}
.scale{display:grid;grid-template-columns:repeat(11,1fr);gap:4px}
.opt{min-width:24px;min-height:32px;border:1px solid var(--line);border-radius:6px;background:var(--bg);cursor:pointer;font-size:14px;font-variant-numeric:tabular-nums}
.opt:hover{border-color:var(--b)}
.opt[aria-checked=true]{background:var(--b);border-color:var(--b);color:#fff}
.ends{display:flex;justify-content:space-between;gap:8px;font-size:12px;color:var(--mute);margin-block-start:6px}
.actions{display:flex;justify-content:flex-end;margin-block-start:14px}
.submit{border:0;border-radius:8px;background:var(--b);color:#fff;padding:8px 16px;min-height:36px;cursor:pointer;font-weight:600}
.submit:disabled{opacity:.45;cursor:not-allowed}
button:focus-visible{outline:2px solid var(--b);outline-offset:2px}
.thanks{font-size:16px;font-weight:600;padding-block:8px}
@media (pointer:coarse){.opt,.close{min-height:44px}}
@media (prefers-reduced-motion:no-preference){.card{animation:in .18s ease-out}@keyframes in{from{opacity:0;transform:translateY(8px)}}}
`;
