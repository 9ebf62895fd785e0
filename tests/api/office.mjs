// Opens exported office files the way a person would: with LibreOffice (headless), and reads
// them back with Debian's python3-docx and python3-openpyxl. Each call uses its own LibreOffice
// profile, so tests may convert side by side.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
// Debian's interpreter: the one that sees python3-docx and python3-openpyxl.
const PYTHON = '/usr/bin/python3';

async function withTempDir(work) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'shido-office-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Converts `bytes` (a file of type `ext`, e.g. 'xlsx' or 'docx') with LibreOffice to `target`
// ('pdf', or the same format for a round trip) and returns the converted bytes. Throws when
// LibreOffice cannot open the file.
export async function convertWithLibreOffice(bytes, ext, target = 'pdf') {
  return withTempDir(async (dir) => {
    const input = path.join(dir, `input.${ext}`);
    const outDir = path.join(dir, 'out');
    await writeFile(input, bytes);
    await run('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`,
      '--convert-to', target, '--outdir', outDir, input], { timeout: 120_000 });
    return readFile(path.join(outDir, `input.${target.split(':')[0]}`));
  });
}

// The text of a PDF (poppler's pdftotext, layout kept).
export async function pdfText(pdfBytes) {
  return withTempDir(async (dir) => {
    const file = path.join(dir, 'doc.pdf');
    await writeFile(file, pdfBytes);
    const { stdout } = await run('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 << 20 });
    return stdout;
  });
}

// The fonts of a PDF as pdffonts lists them: [{ name, embedded }].
export async function pdfFonts(pdfBytes) {
  return withTempDir(async (dir) => {
    const file = path.join(dir, 'doc.pdf');
    await writeFile(file, pdfBytes);
    const { stdout } = await run('pdffonts', [file]);
    return stdout.split('\n').slice(2).filter((l) => l.trim()).map((line) => {
      const cols = line.trim().split(/\s+/);
      // name type [encoding…] emb sub uni object ID: emb is the 5th column from the end.
      return { name: cols[0], embedded: cols[cols.length - 5] === 'yes' };
    });
  });
}

async function python(script, bytes, ext) {
  return withTempDir(async (dir) => {
    const file = path.join(dir, `doc.${ext}`);
    await writeFile(file, bytes);
    const { stdout } = await run(PYTHON, ['-c', script, file], { maxBuffer: 64 << 20 });
    return JSON.parse(stdout);
  });
}

// A .docx read back with python3-docx: its paragraphs' text in order, and each table's rows.
export async function readDocx(bytes) {
  return python(`
import sys, json, docx
d = docx.Document(sys.argv[1])
print(json.dumps({
  "paragraphs": [p.text for p in d.paragraphs],
  "styles": [p.style.name for p in d.paragraphs],
  "tables": [[[c.text for c in r.cells] for r in t.rows] for t in d.tables],
}, ensure_ascii=False))
`, bytes, 'docx');
}

// A .xlsx read back with python3-openpyxl: per sheet its cell values (rows of strings or
// numbers, null for empty) and its list validations ({ range, formula }).
export async function readXlsx(bytes) {
  return python(`
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    out[ws.title] = {
      "rows": [[c for c in row] for row in ws.iter_rows(values_only=True)],
      "validations": [{"range": str(v.sqref), "type": v.type, "formula": v.formula1}
                      for v in ws.data_validations.dataValidation],
    }
print(json.dumps(out, ensure_ascii=False, default=str))
`, bytes, 'xlsx');
}

// The workbook changed with openpyxl as a person would in Excel: `edits` is Python code run
// with `ws` (the first sheet) and `datetime` in scope. Returns the saved bytes.
export async function editWithOpenpyxl(bytes, edits) {
  return withTempDir(async (dir) => {
    const file = path.join(dir, 'sheet.xlsx');
    await writeFile(file, bytes);
    await run(PYTHON, ['-c', `import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
${edits}
wb.save(sys.argv[1])`, file]);
    return readFile(file);
  });
}

// What a Python script writes to stdout, as bytes (e.g. a hand-made ZIP).
export async function pythonBytes(script) {
  const { stdout } = await run(PYTHON, ['-c', script], { encoding: 'buffer', maxBuffer: 64 << 20 });
  return stdout;
}

// A workbook-shaped zip bomb: 100 MB of zeros deflated to well under 200 KB.
export function xlsxZipBomb() {
  return pythonBytes(`import io, sys, zipfile
b = io.BytesIO()
with zipfile.ZipFile(b, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<Types/>')
    z.writestr('xl/worksheets/sheet1.xml', b'\\0' * 100_000_000)
sys.stdout.buffer.write(b.getvalue())`);
}
