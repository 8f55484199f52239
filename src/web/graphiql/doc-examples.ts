import * as fs from 'node:fs';
import * as path from 'node:path';

/** One ```graphql block of a Markdown file: the heading it sits under and the line it starts on. */
export interface DocExample {
  heading: string;
  line: number;
  text: string;
}

/** Every ```graphql block of a Markdown text. */
export function graphqlBlocks(markdown: string): DocExample[] {
  const blocks: DocExample[] = [];
  const lines = markdown.split('\n');
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const h = /^#{1,4}\s+(.*)$/.exec(lines[i]);
    if (h) heading = h[1].trim();
    if (lines[i].trim() !== '```graphql') continue;
    const start = i + 1;
    while (++i < lines.length && lines[i].trim() !== '```');
    blocks.push({ heading, line: start + 1, text: lines.slice(start, i).join('\n') });
  }
  return blocks;
}

/** The project's root (where package.json is), from the source or the built tree. */
export function projectRoot(from = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** The examples of docs/api.md (none when the docs are not beside the app). */
export function apiExamples(): DocExample[] {
  try {
    return graphqlBlocks(fs.readFileSync(path.join(projectRoot(), 'docs', 'api.md'), 'utf8'));
  } catch {
    return [];
  }
}
