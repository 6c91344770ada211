// Writes packages/core/survey.schema.json from the zod schemas (run `npm run schema` in packages/core,
// which builds first). survey-schema.test.ts fails when the file is out of date.
import { writeFileSync } from "node:fs";
import { surveysJsonSchema } from "../dist/schema/json-schema.js";

const file = new URL("../survey.schema.json", import.meta.url);
writeFileSync(file, `${JSON.stringify(surveysJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file.pathname}`);
