// Reading survey definition files safely: regular files only (a FIFO would hang the start, a
// device never end), a size limit checked before reading, and errors that name the file and the
// place but never echo its content (a path may lead, through a symlink, to a file that is not ours).
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import jsonc from "jsonc-parser";

/** The largest definitions file read: far beyond any real set of surveys, and bounded memory at start. */
export const MAX_SURVEYS_FILE_BYTES = 10 * 1024 * 1024;

/** A file that cannot be used as definitions; the message names it and the problem, never its content. */
export class SurveyFileError extends Error {}

const kindOf = (stat: ReturnType<typeof fstatSync>) =>
  stat.isDirectory()
    ? "a folder"
    : stat.isFIFO()
      ? "a FIFO"
      : stat.isCharacterDevice() || stat.isBlockDevice()
        ? "a device"
        : stat.isSocket()
          ? "a socket"
          : "not a regular file";

/** The definition files a path names: itself, or the `*.json` files of a folder in name order. */
export function surveyFiles(path: string): string[] {
  let names: string[];
  try {
    if (!statSync(path).isDirectory()) return [path];
    names = readdirSync(path);
  } catch (error) {
    throw new SurveyFileError(`cannot read surveys from ${path} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  return names
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => join(path, name));
}

/**
 * Reads a regular file (symlinks followed) of at most `max` bytes as UTF-8 text, without a
 * byte-order mark. Opened without blocking, so a FIFO is refused instead of waited on.
 */
export function readSurveyFile(path: string, max = MAX_SURVEYS_FILE_BYTES): string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new SurveyFileError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile())
      throw new SurveyFileError(`${path}: is ${kindOf(stat)}; survey definitions must be a regular file`);
    const tooLarge = () =>
      new SurveyFileError(
        `${path}: is larger than ${max / 1024 / 1024} MB, the limit for survey definitions; split it into a folder of files`,
      );
    if (stat.size > max) throw tooLarge();
    // The size may be wrong (it grew since, or a /proc file says 0): read until the end, or past the limit.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      length += n;
      if (length > max) throw tooLarge();
    }
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks, length));
    } catch {
      throw new SurveyFileError(`${path}: is not UTF-8 text`);
    }
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } finally {
    closeSync(fd);
  }
}

const PROBLEMS: Record<string, string> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "invalid number",
  PropertyNameExpected: "expected a property name in double quotes",
  ValueExpected: "expected a value",
  ColonExpected: "expected ':' after the property name",
  CommaExpected: "expected ','",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: "unexpected text after the end of the JSON value",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "comments are not allowed in JSON",
  UnexpectedEndOfString: "a string is not closed on its line",
  UnexpectedEndOfNumber: "invalid number",
  InvalidUnicode: "invalid \\u escape in a string",
  InvalidEscapeCharacter: "invalid escape in a string",
  InvalidCharacter: "a control character in a string (write it as an escape such as \\n or \\t)",
};

/** `line 3, column 14` of a UTF-16 offset in `text`. */
function place(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return `line ${line}, column ${offset - before.lastIndexOf("\n")}`;
}

/** Parses JSON; a syntax error is thrown as `line L, column C: what was expected`, without the text. */
export function parseSurveyJson(path: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // JSON.parse says where only sometimes, and quotes the text when it does not: find the place again.
    const errors: jsonc.ParseError[] = [];
    try {
      jsonc.parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    } catch {
      // jsonc-parser recurses per level: thousands of unclosed brackets exhaust the stack.
      throw new SurveyFileError(`${path}: is not valid JSON: nested too deeply to say where`);
    }
    const first = errors[0];
    const what = first ? (PROBLEMS[jsonc.printParseErrorCode(first.error)] ?? "invalid JSON") : undefined;
    throw new SurveyFileError(
      first ? `${path}: is not valid JSON: ${place(text, first.offset)}: ${what}` : `${path}: is not valid JSON`,
    );
  }
}
