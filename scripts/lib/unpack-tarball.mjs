// Installs a packed tarball into `dir/node_modules/jumio-kyx` without the network: unpacks it and
// links each of its dependencies from this repository's node_modules (the smokes' fallback when
// npm has no cached copies).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Unpacks `tarball` (a path relative to `dir` or absolute) and links its dependencies from `repo`. */
export function unpackWithRepoDependencies(tarball, dir, repo) {
  const target = join(dir, 'node_modules', 'jumio-kyx');
  mkdirSync(target, { recursive: true });
  const untar = spawnSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (untar.status !== 0) throw new Error(`cannot unpack ${tarball}:\n${untar.stdout}${untar.stderr}`);
  const { dependencies = {} } = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'));
  for (const name of Object.keys(dependencies)) {
    mkdirSync(resolve(dir, 'node_modules', name, '..'), { recursive: true });
    symlinkSync(join(repo, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
  }
}
