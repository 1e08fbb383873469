// A typedoc plugin (typedoc.json `plugin`): a project document without a `title` in its
// frontmatter takes its first `# heading` as its title, instead of its file name. The generated
// reports (docs/benchmarks.md, docs/reliability.md) have no frontmatter, because the formatter
// that formats them would rewrite it; on the site they are "Benchmarks" and "Reliability", not
// "benchmarks" and "reliability".
import { basename } from 'node:path';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on('createDocument', (_context, document) => {
    const source = document.project.files.getReflectionPath(document);
    const fromFileName = source ? basename(source).replace(/\.[^.]+$/, '') : document.name;
    if (document.name !== fromFileName) return; // a frontmatter title
    const first = document.content.map((part) => part.text).join('');
    const heading = /^\s*#\s+(.+?)\s*$/m.exec(first.split('\n').find((line) => line.trim() !== '') ?? '');
    if (heading?.[1]) document.name = heading[1].replace(/`/g, '');
  });
}
