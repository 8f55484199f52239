import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const SHARED = path.resolve(ROOT, '..', 'shared', 'refi-qda');
const COPIES = path.join(ROOT, 'test', 'fixtures', 'refi-qda');

describe('REFI-QDA schemas used by the export tests', () => {
  (fs.existsSync(SHARED) ? it : it.skip)('are identical to ../shared/refi-qda (when present)', () => {
    for (const name of ['Project.xsd', 'Codebook.xsd']) {
      expect([name, fs.readFileSync(path.join(COPIES, name), 'utf8')]).toEqual([name, fs.readFileSync(path.join(SHARED, name), 'utf8')]);
    }
  });
});
