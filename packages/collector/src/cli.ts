#!/usr/bin/env node
import { fail } from "./cli/args.js";
import { check, compile } from "./cli/check-command.js";
import { seed } from "./cli/seed-command.js";
import { serve } from "./cli/serve-command.js";

const usage = `Usage:
  sonde-collector [serve] [options]          run the collector
  sonde-collector check <file|folder>        validate survey definitions as the collector does at
                                             start: every problem printed, exit 1 on an error
  sonde-collector compile <in> <out.json>    write the definitions as the collector serves them
                                             (validated and normalized; - writes to stdout)
  sonde-collector seed [options]             fill a database with realistic demo responses

Options of serve:
  --port <n>             port to listen on (default 8787; 0 picks a free one)
  --host <address>       address to listen on (default 127.0.0.1); without --read-key, loopback
                         only unless --public-url or --allowed-host names the hosts it serves
  --db <file|url>        SQLite file, created when missing (default sonde.sqlite), or
                         postgres://user@host/db (default: env SONDE_DATABASE_URL)
  --surveys <path>       survey definitions: a JSON file or a folder of them, validated and
                         imported into the database at start (the file wins for the ids it names)
  --public-url <url>     the URL people reach the collector at (https://collect.example.com): its
                         host is served, its origin is the collector's own, and alerts link to it
  --allowed-host <host>  another host name to serve, name or name:port (repeatable); with this or
                         --public-url, requests for any other host get 421
  --cors-origin <origin> allow this web origin (repeatable, or comma-separated); without any,
                         every origin may send answers and results are same-origin only
  --read-key <key>       key needed to read results (or env SONDE_READ_KEY)
  --write-key <key>      key needed to send answers (or env SONDE_WRITE_KEY); give it to the
                         widget as ?key=<key> on its endpoint URL
  --admin-key <key>      key of the admin API that creates, edits, launches and pauses surveys
                         (or env SONDE_ADMIN_KEY); must differ from the read and write keys;
                         without it the admin API is off
  --rate-limit <n>       requests per second per client (default 20; 0 turns the limit off)
  --rate-burst <n>       requests a client may send at once (default 200)
  --trust-proxy          take the client address from X-Forwarded-For and the scheme from
                         X-Forwarded-Proto (behind one reverse proxy)
  --max-body <bytes>     largest request body (default 262144, at most 1048576)
  --sync <mode>          normal (default: survives a crash) or full (also a power cut; slower)
  --quiet                no request log
  --webhook-secret <s>   key that signs alerts' webhooks, whsec_ and base64 (or env
                         SONDE_WEBHOOK_SECRET); repeat it while rotating: each signs
  --webhook-allow-private  let webhooks reach loopback and private addresses (off by default)
  --webhook-timeout <s>  seconds one webhook attempt may take (default 10)
  --webhook-retry-hours <n>  how long failed webhooks are retried before they are given up (default 24)
  --alert-settle <s>     seconds an unfinished response is given before its alerts go out (default 120)

Options of serve, check, compile and seed:
  --allow-unknown        drop survey fields this version does not know, with a warning, instead
                         of refusing them (for definitions written for a newer Sonde)

Options of seed:
  --db <file|url>        SQLite file to fill (created when missing), or postgres://user@host/db
                         (default: env SONDE_DATABASE_URL)
  --surveys <path>       the surveys to answer (a JSON file or folder)
  --responses <n>        responses per survey (default 600)
  --days <n>             how many days back they spread (default 120)
  --seed <n>             random seed (default 1): the same seed gives the same data
  --now <date-time>      the end of the seeded period (default now)`;

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  try {
    if (command === "seed") await seed(rest, usage);
    else if (command === "check") check(rest, usage);
    else if (command === "compile") compile(rest, usage);
    else if (command === "serve") await serve(rest, usage);
    else await serve(process.argv.slice(2), usage);
  } catch (error) {
    // parseArgs: an unknown or malformed option.
    fail(`${(error as Error).message}\n${usage}`);
  }
}

void main();
