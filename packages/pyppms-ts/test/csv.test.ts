import { describe, expect, it } from "vitest";
import { dictFromSingleResponse, parseCsv, parseMultilineResponse, ResponseFormatError } from "../src/index.js";
import { rng } from "./helpers/rng.js";

describe("parseCsv", () => {
  it("splits plain fields and CRLF lines", () => {
    expect(parseCsv("a,b,c\r\n1,2,3\r\n")).toEqual([
      ["a", "b", "c"],
      ["1", "2", "3"],
    ]);
  });

  it("keeps commas, quotes and line breaks inside quoted fields", () => {
    const text = 'name,descr\r\n"Confocal, upright","say ""hi""\r\nand more"\r\n';
    expect(parseCsv(text)).toEqual([
      ["name", "descr"],
      ["Confocal, upright", 'say "hi"\r\nand more'],
    ]);
  });

  it("accepts LF and lone CR line ends and no final newline", () => {
    expect(parseCsv("a,b\n1,2\r3,4")).toEqual([
      ["a", "b"],
      ["1", "2"],
      ["3", "4"],
    ]);
  });

  it("keeps empty fields, including a trailing one", () => {
    expect(parseCsv('a,,"",b,\r\n')).toEqual([["a", "", "", "b", ""]]);
    expect(parseCsv("x,")).toEqual([["x", ""]]);
  });

  it("drops spaces before an opening quote and after a closing quote, keeps them in unquoted values", () => {
    expect(parseCsv('"a", "b" , c ,d')).toEqual([["a", "b", " c ", "d"]]);
  });

  it("treats a quote inside an unquoted field as a literal", () => {
    expect(parseCsv('ab"c,d')).toEqual([['ab"c', "d"]]);
  });

  it("appends text after a closing quote to the field", () => {
    expect(parseCsv('"ab"cd,e')).toEqual([["abcd", "e"]]);
  });

  it("skips empty lines unless asked to keep them", () => {
    expect(parseCsv("a\r\n\r\nb\r\n")).toEqual([["a"], ["b"]]);
    expect(parseCsv("a\r\n\r\nb\r\n", { keepEmptyLines: true })).toEqual([["a"], [""], ["b"]]);
    expect(parseCsv("")).toEqual([]);
  });

  it("keeps the rest of a truncated body in graceful mode and throws in strict mode", () => {
    const text = 'login,lname\r\n"jdoe","Do';
    expect(parseCsv(text)).toEqual([
      ["login", "lname"],
      ["jdoe", "Do"],
    ]);
    expect(() => parseCsv(text, { strict: true })).toThrow(ResponseFormatError);
    try {
      parseCsv('a\r\nb\r\n"open\r\nstill', { strict: true });
    } catch (error) {
      expect((error as ResponseFormatError).line).toBe(3);
    }
  });

  it("skips a leading byte order mark, also before a quoted first field, and keeps one anywhere else", () => {
    expect(parseCsv('\uFEFF"login","lname"\r\n"jdoe","Doe"\r\n')).toEqual([
      ["login", "lname"],
      ["jdoe", "Doe"],
    ]);
    expect(parseCsv("\uFEFFa,b\n1,2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(parseCsv("\uFEFF")).toEqual([]);
    expect(parseCsv("a,\uFEFFb")).toEqual([["a", "\uFEFFb"]]);
    expect(parseMultilineResponse('\uFEFF"Core facility ref","System id"\r\n2,31\r\n')).toEqual([{ "Core facility ref": "2", "System id": "31" }]);
    expect(dictFromSingleResponse('\uFEFF"login","active"\r\n"jdoe",true\r\n')).toEqual({ login: "jdoe", active: true });
  });

  it("keeps non-ASCII text", () => {
    expect(parseCsv('"Kovač","Müller","µm"')).toEqual([["Kovač", "Müller", "µm"]]);
  });
});

const ALPHABET = ["a", "b", "Z", "1", ",", '"', "\r", "\n", "\r\n", " ", "\t", "é", "µ", ":", ";"];

function randomField(next: () => number): string {
  const length = Math.floor(next() * 8);
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return out;
}

function serialiseField(field: string, next: () => number): string {
  const mustQuote = /[",\r\n]/.test(field) || /^\s|\s$/.test(field);
  if (mustQuote || next() < 0.3) return `"${field.replace(/"/g, '""')}"`;
  return field;
}

describe("parseCsv fuzzing (seeded)", () => {
  it("round-trips 2,000 random tables written with RFC 4180 quoting", () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const next = rng(seed);
      const columns = 1 + Math.floor(next() * 5);
      const rowCount = 1 + Math.floor(next() * 5);
      const rows: string[][] = [];
      for (let r = 0; r < rowCount; r++) {
        const row: string[] = [];
        for (let c = 0; c < columns; c++) row.push(randomField(next));
        // A record of a single empty field is an empty line, which the parser skips by design.
        if (row.length === 1 && row[0] === "") row[0] = "x";
        rows.push(row);
      }
      const eol = next() < 0.5 ? "\r\n" : "\n";
      const text = rows.map((row) => row.map((f) => serialiseField(f, next)).join(",")).join(eol) + (next() < 0.5 ? eol : "");
      const parsed = parseCsv(text, { strict: true });
      if (JSON.stringify(parsed) !== JSON.stringify(rows)) {
        throw new Error(`seed ${seed}: ${JSON.stringify(text)} parsed as ${JSON.stringify(parsed)}, expected ${JSON.stringify(rows)}`);
      }
    }
  });

  it("never throws anything but ResponseFormatError on random garbage, and never in graceful mode", () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const next = rng(seed * 7919);
      let text = "";
      const length = Math.floor(next() * 40);
      for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
      const graceful = parseCsv(text);
      expect(Array.isArray(graceful)).toBe(true);
      for (const row of graceful) for (const field of row) expect(typeof field).toBe("string");
      try {
        parseCsv(text, { strict: true });
      } catch (error) {
        expect(error).toBeInstanceOf(ResponseFormatError);
      }
    }
  });
});

/**
 * The character-by-character tokenizer parseCsv used before it sliced whole runs and split
 * quote-free lines natively: the oracle the fast and general paths are compared against.
 */
function referenceParseCsv(text: string, options: { strict?: boolean; keepEmptyLines?: boolean } = {}): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let line = 1;
  const n = text.length;
  const endRecord = (): void => {
    row.push(field);
    field = "";
    if (!(row.length === 1 && row[0] === "") || options.keepEmptyLines === true) rows.push(row);
    row = [];
  };
  while (i < n) {
    let j = i;
    while (j < n && (text[j] === " " || text[j] === "\t")) j++;
    if (field === "" && text[j] === '"') {
      const startLine = line;
      i = j + 1;
      let closed = false;
      while (i < n) {
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
        field += c;
        i++;
      }
      if (closed) {
        let k = i;
        while (k < n && (text[k] === " " || text[k] === "\t")) k++;
        if (k >= n || text[k] === "," || text[k] === "\r" || text[k] === "\n") i = k;
      } else if (options.strict === true) {
        throw new ResponseFormatError(`CSV quoted field opened on line ${startLine} never closes (truncated body?)`, {
          line: startLine,
        });
      }
    }
    while (i < n) {
      const c = text[i];
      if (c === ",") {
        row.push(field);
        field = "";
        i++;
        if (i >= n) endRecord();
        break;
      }
      if (c === "\r" || c === "\n") {
        i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
        line++;
        endRecord();
        break;
      }
      field += c;
      i++;
    }
  }
  if (field !== "" || row.length > 0) endRecord();
  return rows;
}

/** The outcome of one parse, comparable with toEqual: the rows, or the error's message and line. */
function outcome(parse: () => string[][]): unknown {
  try {
    return { rows: parse() };
  } catch (error) {
    expect(error).toBeInstanceOf(ResponseFormatError);
    return { error: (error as ResponseFormatError).message, line: (error as ResponseFormatError).line };
  }
}

/** A random body: quote-free lines (the fast path) mixed with lines holding quotes, CR, LF, CRLF. */
function randomBody(next: () => number): string {
  const tokens = ["a", "bc", "Zé", ",", ",", '"', '""', "\r", "\n", "\r\n", " ", "\t", "true"];
  const lines = Math.floor(next() * 6);
  let text = "";
  for (let l = 0; l < lines; l++) {
    const plain = next() < 0.5;
    const length = Math.floor(next() * 10);
    for (let t = 0; t < length; t++) {
      const token = tokens[Math.floor(next() * tokens.length)] as string;
      if (!plain || !/["\r\n]/.test(token)) text += token;
    }
    if (l < lines - 1 || next() < 0.5) text += ["\r\n", "\n", "\r"][Math.floor(next() * 3)];
  }
  return text;
}

describe("parseCsv against the reference tokenizer (seeded)", () => {
  it("gives the same rows or the same error on 5,000 random bodies, in every mode", () => {
    for (let seed = 1; seed <= 5000; seed++) {
      const text = randomBody(rng(seed * 104729));
      for (const options of [{}, { strict: true }, { keepEmptyLines: true }, { strict: true, keepEmptyLines: true }]) {
        const got = outcome(() => parseCsv(text, options));
        const want = outcome(() => referenceParseCsv(text, options));
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          throw new Error(`seed ${seed} ${JSON.stringify(options)}: ${JSON.stringify(text)} gave ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
        }
      }
    }
  });

  it("agrees on long bodies where quote-free and quoted lines alternate", () => {
    for (let seed = 1; seed <= 50; seed++) {
      const next = rng(seed);
      let text = "";
      for (let b = 0; b < 40; b++) text += randomBody(next) + (next() < 0.5 ? "\r\n" : "");
      expect(parseCsv(text)).toEqual(referenceParseCsv(text));
      expect(outcome(() => parseCsv(text, { strict: true }))).toEqual(outcome(() => referenceParseCsv(text, { strict: true })));
    }
  });

  it("names the line of an unclosed quote after CR, LF and CRLF line ends and quoted line breaks", () => {
    const text = 'a\rb\nc\r\n"x\r\ny\rz\n",d\r\ne,"open';
    expect(outcome(() => parseCsv(text, { strict: true }))).toEqual({
      error: "CSV quoted field opened on line 8 never closes (truncated body?)",
      line: 8,
    });
    expect(outcome(() => referenceParseCsv(text, { strict: true }))).toEqual(outcome(() => parseCsv(text, { strict: true })));
  });
});
