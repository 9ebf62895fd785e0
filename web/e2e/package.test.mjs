// 提出パッケージ and SECURITY ACTION in the browser, on the demo engagement of サンプル運輸 (the one
// no other browser test closes, so its documents are still missing whatever ran before):
// the secretariat sees which documents the package holds, a download before they all exist
// shows the Japanese 409 naming the missing ones, "不足分を除いてダウンロード" gives the ZIP
// (unzipped here: the company folder, the manifest, UTF-8 names); the expert downloads it too;
// the owner sees SECURITY ACTION's ★ and ★★ with the note that it is a self-declaration.
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { scenario, login, api, assert, DEMO, UNYU } from './helpers.mjs'

const run = promisify(execFile)
const FOLDER = `${UNYU}_提出パッケージ`

async function openEngagement(page, email) {
  await login(page, email)
  const list = await api(page, 'GET', '/engagements?limit=200')
  const engagement = list.body.items.find((e) => e.company_name === UNYU && e.expert_name === DEMO.expert2.name)
  assert.ok(engagement, 'the demo engagement of サンプル運輸')
  await page.goto(`/engagements/${engagement.id}`)
  await page.getByTestId('package-panel').waitFor()
  return engagement
}

// The downloaded ZIP read with Python's zipfile: its names and UTF-8 flags, and the manifest.
async function readZip(download) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'shido-e2e-package-'))
  try {
    const file = path.join(dir, 'p.zip')
    await download.saveAs(file)
    const { stdout } = await run('/usr/bin/python3', ['-c', `import sys, json, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = [i.filename for i in z.infolist()]
flags = all(i.flag_bits & 0x800 for i in z.infolist())
manifest = json.loads(z.read(sys.argv[2] + '/目録.json'))
print(json.dumps({"names": names, "utf8": flags, "manifest": manifest}, ensure_ascii=False))`, file, FOLDER])
    return JSON.parse(stdout)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

scenario(
  'the secretariat sees the parts, gets the 409 naming what is missing, then downloads without them',
  async (page) => {
    await openEngagement(page, DEMO.secretariat.email)
    const panel = page.getByTestId('package-panel')
    await panel.getByTestId('package-part-action_plan').getByText('不足').waitFor()
    assert.match(await panel.getByTestId('package-count').textContent(), /6 件中/)

    await panel.getByTestId('package-download').click()
    const error = panel.getByTestId('package-error')
    await error.waitFor()
    const message = await error.textContent()
    assert.match(message, /提出パッケージに必要な文書がそろっていません/)
    assert.match(message, /「【様式3】対策実行計画書」/)
    assert.match(message, /「最終報告書」/)

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByTestId('package-download-partial').click(),
    ])
    assert.equal(download.suggestedFilename(), `${FOLDER}.zip`)
    const zip = await readZip(download)
    assert.ok(zip.utf8, 'every name carries the UTF-8 flag')
    assert.ok(zip.names.includes(`${FOLDER}/目録.csv`), zip.names.join(', '))
    const plan = zip.manifest.entries.find((e) => e.key === 'action_plan')
    assert.equal(plan.present, false)
    assert.ok(plan.missing_reason)
  },
  { allowHttpErrors: [{ path: /^\/api\/v1\/engagements\/\d+\/package\.zip$/, status: 409 }] },
)

scenario('the expert downloads the package too; the owner sees SECURITY ACTION as a self-declaration', async (page) => {
  await openEngagement(page, DEMO.expert2.email)
  const panel = page.getByTestId('package-panel')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByTestId('package-download-partial').click(),
  ])
  assert.equal(download.suggestedFilename(), `${FOLDER}.zip`)
  assert.ok((await readZip(download)).names.length >= 2)

  await page.context().clearCookies()
  await openEngagement(page, DEMO.owner2.email)
  const sa = page.getByTestId('security-action')
  await sa.getByText('情報セキュリティ5か条').first().waitFor()
  assert.match(await sa.getByTestId('security-action-notice').textContent(), /自己宣言/)
  assert.match(await sa.getByTestId('security-action-notice').textContent(), /認証や認定ではなく/)
  assert.equal(await sa.getByTestId('security-action-condition').count(), 3)
  assert.match(await sa.getByTestId('security-action-next').textContent(), /次の一歩/)
})
