// Written as TS so the UI chunk carries its own CSS and adopts it into the shadow root: nothing
// reaches the host's global styles, and no host rule reaches in. The only way in is the host
// element itself, so `:host` resets everything with !important (inside a shadow tree, !important
// beats the page's !important). Theme tokens are short custom properties set on `.root`, inside
// the shadow, from the public `--sonde-*` ones: --b brand, --f text, --g background, --r radius,
// --m muted text, --l control borders (3:1), --u card border, --e errors. Logical properties keep
// right-to-left correct. Text on the brand colour is black or white, whichever reads better.
// Up to 480 px wide the corner prompts and the centre modal become bottom sheets, the full width
// of the screen. On touch screens every target is at least 44×44 px. A long number scale (`.n11`, `.n7`: the
// wrapper's point count) wraps into two rows where one row of 44 px points does not fit its
// `.body`: points of one width on a grid of half points, the shorter second row centred under
// the first (6 over 5, 4 over 3), and the end labels bracket the rows (the low one above the
// first point, the high one below the last, ending where it ends). Joined (gapless) points are
// for narrow screens with a fine pointer only.

/** Text on the brand colour. */
export const onBrand = "color:#fff;color:lch(from var(--b) calc((49.4 - l)*infinity) 0 0)";
const dark =
  "--f:var(--sonde-text,#eef0f4);--g:var(--sonde-background,#1d1f27);--m:#b3b8c5;--l:#80869a;--u:#3b3f4d;--e:#ffb4ab";
const half = "calc(var(--r)/2)";

/** The base styles: host, positions, theme, card, number scales. */
export const css = `:host{all:initial!important;display:block!important;position:fixed!important;z-index:var(--sonde-z,2147483000)!important;\
inset-block-end:max(16px,env(safe-area-inset-bottom))!important;inset-inline-end:16px!important;font-family:inherit!important}\
:host([data-pos=bottom-left]){inset-inline:16px auto!important}\
:host([data-pos=center]){inset:0!important}\
:host([data-pos$=banner]){inset-inline:0!important}\
:host([data-pos=top-banner]){inset-block:0 auto!important}\
:host([data-pos=bottom-banner]){inset-block:auto 0!important}\
:host([data-pos=inline]){position:relative!important;inset:auto!important;z-index:auto!important}\
.root{--b:var(--sonde-brand,#3b4bdb);--f:var(--sonde-text,#1c1d21);--g:var(--sonde-background,#fff);--r:var(--sonde-radius,12px);\
--m:#555a66;--l:#878c99;--u:#dcdfe5;--e:#b3261e;font-family:var(--sonde-font);font-size:15px;line-height:1.45;color:var(--f)}\
:host([data-mode=dark]) .root{${dark}}\
@media (prefers-color-scheme:dark){:host([data-mode=auto]) .root{${dark}}}\
*{box-sizing:border-box;margin:0}\
button,input,textarea{font:inherit;color:inherit;letter-spacing:inherit}\
.card{position:relative;width:min(400px,calc(100vw - 32px));max-height:calc(100vh - 32px);overflow:auto;padding:20px;\
background:var(--g);border:1px solid var(--u);border-radius:var(--r);box-shadow:0 12px 32px rgb(16 18 27/.22)}\
:host([data-pos=center]) .root{display:grid;place-items:center;height:100%;padding:16px;background:rgb(12 14 20/.55)}\
:host([data-pos$=banner]) .card{width:100%;max-height:60vh;border-radius:0;border-inline:0;padding-inline:max(16px,calc(50% - 340px))}\
:host([data-pos=top-banner]) .card{border-block-start:0;padding-block-start:max(20px,env(safe-area-inset-top))}\
:host([data-pos=bottom-banner]) .card{border-block-end:0;padding-block-end:max(20px,env(safe-area-inset-bottom))}\
:host([data-pos$=banner]) .x{inset-inline-end:max(10px,calc(50% - 360px))}\
:host([data-pos=inline]) .card{width:auto;max-height:none;box-shadow:none}\
h2{font-size:16px;font-weight:600;line-height:1.35;padding-inline-end:28px;outline:0}\
.desc,.hint{margin-block-start:4px;font-size:14px;color:var(--m)}\
.body{margin-block-start:14px}\
.x{position:absolute;inset-block-start:10px;inset-inline-end:10px;display:grid;place-items:center;width:32px;height:32px;padding:0;\
border:0;border-radius:8px;background:none;color:var(--m);cursor:pointer}\
.x:hover{color:var(--f);background:color-mix(in srgb,var(--f) 8%,transparent)}\
.i{width:20px;height:20px;fill:none;stroke:currentColor;stroke-width:1.8;stroke-linecap:round;stroke-linejoin:round}\
.scale{display:grid;grid-auto-flow:column;grid-auto-columns:1fr;gap:4px}\
.opt{position:relative;display:grid;place-items:center;min-width:0;min-height:36px;padding:0;border:1px solid var(--l);\
border-radius:${half};background:var(--g);cursor:pointer;font-size:14px;font-variant-numeric:tabular-nums}\
.opt:hover{border-color:var(--b);z-index:1}\
.opt[aria-checked=true]{background:var(--b);border-color:var(--b);z-index:1;${onBrand}}\
.ends{display:flex;justify-content:space-between;gap:16px;margin-block-start:6px;font-size:12px;color:var(--m)}\
.ends>span+span{text-align:end}\
.err{margin-block-start:10px;font-size:14px;color:var(--e)}\
.foot{display:flex;align-items:center;gap:12px;margin-block-start:16px}\
.step{font-size:13px;color:var(--m);font-variant-numeric:tabular-nums}\
.go{margin-inline-start:auto;min-height:40px;padding:8px 18px;border:0;border-radius:calc(var(--r)*.67);background:var(--b);\
font-weight:600;cursor:pointer;${onBrand}}\
.go:hover{filter:brightness(1.1)}\
.link{display:inline-flex;align-items:center;margin-block-start:12px;color:inherit;font-weight:600;text-underline-offset:3px}\
:focus-visible{outline:2px solid var(--f);outline-offset:2px}\
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}\
@media (max-width:480px){\
:host([data-pos=bottom-right]),:host([data-pos=bottom-left]){inset:auto 0 0!important}\
:host([data-pos^=bottom-]) .card,:host([data-pos=center]) .card{width:100%;border-inline:0;border-block-end:0;border-end-start-radius:0;border-end-end-radius:0;\
padding-block-end:max(16px,env(safe-area-inset-bottom))}\
:host([data-pos=center]) .root{align-items:end;padding:0}\
.card{padding:16px}}\
@media (max-width:480px) and (pointer:fine){.num{gap:0}\
.num .opt{border-radius:0;margin-inline-start:-1px}\
.num .opt:first-child{margin:0;border-start-start-radius:${half};border-end-start-radius:${half}}\
.num .opt:last-child{border-start-end-radius:${half};border-end-end-radius:${half}}}\
@media (pointer:coarse){.opt,.go,.x,.link{min-height:44px}.x{width:44px;inset-block-start:4px;inset-inline-end:4px}\
.body{container-type:inline-size}@container (width<524px){.n11{display:grid;gap:6px}.n11 .ends{display:contents}.n11 .ends>:first-child{order:-1}\
.n11 .scale{grid:auto-flow/repeat(12,1fr)}.n11 .opt{grid-column:span 2}.n11 .opt:nth-child(7){grid-column:2/span 2}\
.n11 .ends>:last-child{padding-inline-end:calc((100% - 44px)/12 + 4px)}}\
@container (width<332px){.n7{display:grid;gap:6px}.n7 .ends{display:contents}.n7 .ends>:first-child{order:-1}\
.n7 .scale{grid:auto-flow/repeat(8,1fr)}.n7 .opt{grid-column:span 2}.n7 .opt:nth-child(5){grid-column:2/span 2}\
.n7 .ends>:last-child{padding-inline-end:calc((100% - 28px)/8 + 4px)}}}\
@media (forced-colors:active){.opt[aria-checked=true]{forced-color-adjust:none;background:Highlight;color:HighlightText}}\
@media (prefers-reduced-motion:no-preference){.card{animation:sonde-in .2s ease-out}}\
@keyframes sonde-in{from{opacity:0;transform:translateY(8px)}}`;
