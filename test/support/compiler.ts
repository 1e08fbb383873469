// The compiler settings the type-message tests check snippets under (a strict consumer), and the
// diagnostics of one file by line, as an editor would show them.
import ts from 'typescript';

/** A strict NodeNext consumer with no ambient types. */
export const STRICT_CONSUMER: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  types: [],
};

/** Every diagnostic of `file` (type-checked as a program of its own), text by zero-based line. */
export function diagnosticsByLine(file: string, options: ts.CompilerOptions = STRICT_CONSUMER): Map<number, string> {
  const program = ts.createProgram([file], options);
  const byLine = new Map<number, string>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    if (d.file?.fileName !== file || d.start === undefined) continue;
    const line = d.file.getLineAndCharacterOfPosition(d.start).line;
    byLine.set(line, `${byLine.get(line) ?? ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}\n`);
  }
  return byLine;
}
