import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectRecordings } from '../../main/workflows/replay/select';
import { shardOf } from '../../main/workflows/select';
import { tempDir } from '../helpers/temp-dir';

describe('replay shards', () => {
  it('n shards of a list hold every item exactly once, in order, in parts of nearly equal length', () => {
    for (let length = 0; length <= 12; length++) {
      const items = Array.from({ length }, (_item, index) => `r${String(index).padStart(2, '0')}.har`);
      for (let total = 1; total <= 7; total++) {
        const parts = Array.from({ length: total }, (_part, index) =>
          shardOf(items, { index: index + 1, total }),
        );
        expect(parts.flat()).toEqual(items);
        const sizes = parts.map((part) => part.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('recording globs', () => {
  it('** spans folders, * and ? stay within a name, {a,b} is either; only .har files count', async () => {
    const dir = await tempDir('smsim-globs-');
    try {
      for (const file of ['a.har', 'x/y/b.har', 'a.rules.json', 's1.har', 'k8s-bind.har', 'sm-bind.har']) {
        await mkdir(dirname(join(dir.path, 'r', file)), { recursive: true });
        await writeFile(join(dir.path, 'r', file), '{}');
      }
      await mkdir(join(dir.path, 'other'));
      await writeFile(join(dir.path, 'other', 'a.har'), '{}');
      const names = async (pattern: string) =>
        (await selectRecordings([`${dir.path}/${pattern}`])).map((file) => relative(dir.path, file));
      expect(await names('r/**/*.har')).toEqual([
        'r/a.har',
        'r/k8s-bind.har',
        'r/s1.har',
        'r/sm-bind.har',
        'r/x/y/b.har',
      ]);
      expect(await names('r/*.har')).not.toContain('r/x/y/b.har');
      expect(await names('r/s?.har')).toEqual(['r/s1.har']);
      expect(await names('r/{cf,k8s}-*.har')).toEqual(['r/k8s-bind.har']);
      await expect(selectRecordings([`${dir.path}/r/*.json`])).rejects.toThrow(/no recording/);
    } finally {
      await dir.remove();
    }
  });
});
