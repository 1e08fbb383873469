// A typedoc plugin (typedoc.json `plugin`): headings keep their inline code in the page's
// "On this page" list and in their anchors. typedoc takes a heading's text from its markdown-it
// `text` tokens only, so "`KyxError` and `isKyxError`" became "and" (with the id `and`). This
// plugin adds a markdown-it core rule that rewrites each `code_inline` token inside a heading into
// `<code>`, its text, `</code>`: the same HTML, and the text now counts.
/** @param {import('typedoc').Application} app */
export function load(app) {
  // Options are read again after plugins load, so the loader is set once bootstrapping is done.
  app.on('bootstrapEnd', () => setLoader(app));
}

/** @param {import('typedoc').Application} app */
function setLoader(app) {
  const previous = app.options.getValue('markdownItLoader');
  app.options.setValue('markdownItLoader', (parser) => {
    previous?.(parser);
    parser.core.ruler.push('heading_code_text', (state) => {
      const { Token } = state;
      state.tokens.forEach((token, i) => {
        if (token.type !== 'inline' || state.tokens[i - 1]?.type !== 'heading_open' || !token.children) return;
        token.children = token.children.flatMap((child) => {
          if (child.type !== 'code_inline') return [child];
          const open = Object.assign(new Token('html_inline', '', 0), { content: '<code>' });
          const text = Object.assign(new Token('text', '', 0), { content: child.content });
          const close = Object.assign(new Token('html_inline', '', 0), { content: '</code>' });
          return [open, text, close];
        });
      });
    });
  });
}
