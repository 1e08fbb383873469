import { readFileSync } from 'node:fs';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';

// The README as a Markdown renderer shows it: the "Why" list's code spans are whole.
const html = marked.parse(readFileSync(new URL('../../README.md', import.meta.url), 'utf8'), { async: false });

describe('README rendering', () => {
  it('the forbidden reference characters are one code span, backtick included', () => {
    expect(html).toContain('<code>&lt;&gt;&quot;/;`%{}|</code> (or a control or');
  });

  it('`javascript:` is its own code span after a space', () => {
    expect(html).toContain('a <code>javascript:</code> success URL');
  });

  it('no code span is glued to a word (a sign of an unbalanced backtick; plurals such as `KyxError`s aside)', () => {
    const glued = [...html.matchAll(/[A-Za-z]<code>|<\/code>(?!s\b)[A-Za-z]/g)].map((m) =>
      html.slice(Math.max(0, (m.index ?? 0) - 30), (m.index ?? 0) + 30),
    );
    expect(glued).toEqual([]);
  });
});
