// Precompresses the built front end: writes name.br (brotli, quality 11) and name.gz (gzip,
// level 9) next to every .js, .css, .html, .svg and .json file in dist/, so that the server can
// send the compressed file as it is. Node's own zlib only: no extra dependency.
// Usage: node scripts/compress.mjs [dir]   (default: dist)
import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const root = process.argv[2] ?? 'dist'
const EXTENSIONS = /\.(js|mjs|css|html|svg|json)$/

/**
 * @param {string} dir
 * @returns {AsyncGenerator<string>}
 */
async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* files(path)
    else if (entry.isFile() && EXTENSIONS.test(entry.name)) yield path
  }
}

let count = 0
let raw = 0
let br = 0
let gz = 0
for await (const path of files(root)) {
  const data = await readFile(path)
  const brotli = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  })
  const gzip = gzipSync(data, { level: 9 })
  await writeFile(`${path}.br`, brotli)
  await writeFile(`${path}.gz`, gzip)
  // Keep the compressed files' times equal to the original's (caching by Last-Modified).
  const { mtime } = await stat(path)
  await utimes(`${path}.br`, mtime, mtime)
  await utimes(`${path}.gz`, mtime, mtime)
  count++
  raw += data.length
  br += brotli.length
  gz += gzip.length
}
if (count === 0) {
  console.error(`compress: no files to compress in ${relative(process.cwd(), root) || root}`)
  process.exit(1)
}
const kB = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} kB`
console.log(`compress: ${count} files, ${kB(raw)} → br ${kB(br)}, gz ${kB(gz)}`)
