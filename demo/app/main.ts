// A single-page app that installs Sonde from npm. Routes change through history.pushState;
// Sonde notices and re-evaluates its URL rules on every route change.
import { init } from "@sonde/widget";

const views: Record<string, { title: string; body: string }> = {
  "/app/": { title: "Library", body: "142 notes across 9 projects. Recently tagged: onboarding, pricing, exports." },
  "/app/projects": { title: "Projects", body: "Checkout redesign · Onboarding study · Danish market interviews" },
  "/app/settings": { title: "Settings", body: "Workspace name, members, languages and data export." },
};

function render() {
  const view = views[location.pathname] ?? views["/app/"]!;
  const main = document.getElementById("view")!;
  main.replaceChildren();
  const h1 = document.createElement("h1");
  h1.textContent = view.title;
  const p = document.createElement("p");
  p.className = "lede";
  p.textContent = view.body;
  main.append(h1, p);
  for (const a of document.querySelectorAll<HTMLAnchorElement>("#app-nav a")) {
    if (a.pathname === location.pathname) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
}

document.getElementById("app-nav")!.addEventListener("click", (event) => {
  const link = (event.target as Element).closest("a");
  if (!link) return;
  event.preventDefault();
  history.pushState(null, "", link.pathname);
  render();
});
addEventListener("popstate", render);
render();

// Surveys come from the collector, as on the host pages: "NPS in the app" waits until the person
// moves past the library (its URL rules), so opening Projects or Settings shows it — a route change
// the app makes itself. A demo shows each survey on its own page: no cooldown between prompts.
init({ endpoint: "/v1/responses", surveysUrl: "/v1/surveys", cooldownDays: 0 });
