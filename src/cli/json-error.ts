// Where JSON text stops being JSON, without quoting any of it: `JSON.parse`'s own message shows
// the text around the error, which may be a secret (`kyx validate /etc/shadow`).

/** Where and why JSON text is not JSON: line and column (1-based) and what was expected. */
export interface JsonErrorPlace {
  readonly line: number;
  readonly column: number;
  readonly expected: string;
}

class Stop {
  constructor(
    readonly at: number,
    readonly expected: string,
  ) {}
}

/**
 * The first place where `text` is not JSON (RFC 8259), or `undefined` when it is. Iterative over
 * the text (no recursion), so deep nesting cannot overflow the stack.
 */
export function jsonErrorPlace(text: string): JsonErrorPlace | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const fail = (expected: string): never => {
    throw new Stop(i, expected);
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail('a JSON value');
  };
  const string = () => {
    i++; // the opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail('a closing quote (control characters must be escaped)');
      if (c === 0x5c) {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('four hex digits after \\u');
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else fail('an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
      } else i++;
    }
    fail('a closing quote');
  };
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (match === null || match[0] === '' || match[0] === '-') fail('a JSON value');
    i += (match as RegExpExecArray)[0].length;
  };
  /** Reads one value; a container is opened (pushed on `stack`) and its first member read. */
  const stack: ('{' | '[')[] = [];
  const value = () => {
    for (;;) {
      ws();
      const c = text[i];
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        ws();
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          return;
        }
        if (c === '{') key();
        continue; // the container's first value
      }
      if (c === '"') string();
      else if (c === 't') literal('true');
      else if (c === 'f') literal('false');
      else if (c === 'n') literal('null');
      else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
      else fail(i >= text.length ? 'a JSON value (the text ends)' : 'a JSON value');
      return;
    }
  };
  /** Reads a property name and its colon. */
  const key = () => {
    ws();
    if (text[i] !== '"') fail('a property name in double quotes');
    string();
    ws();
    if (text[i] !== ':') fail("':' after the property name");
    i++;
  };
  try {
    value();
    for (;;) {
      ws();
      const open = stack.at(-1);
      if (open === undefined) break;
      const close = open === '{' ? '}' : ']';
      if (text[i] === close) {
        stack.pop();
        i++;
      } else if (text[i] === ',') {
        i++;
        if (open === '{') key();
        value();
      } else fail(`',' or '${close}'${i >= text.length ? ' (the text ends)' : ''}`);
    }
    if (i < text.length) fail('the end of the text (one JSON value per file)');
    return undefined;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.at);
    const lastBreak = before.lastIndexOf('\n');
    const line = before.length - before.replaceAll('\n', '').length + 1;
    return { line, column: error.at - lastBreak, expected: error.expected };
  }
}
