import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  ApiError,
  NETWORK_ERROR_MESSAGE,
  buildUrl,
  filenameFromDisposition,
  http,
  onEnrolmentRequired,
  onUnauthorized,
  setCsrfToken,
} from './client'

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

const fetchMock = vi.fn<typeof fetch>()

beforeEach(() => {
  fetchMock.mockReset()
  vi.stubGlobal('fetch', fetchMock)
  setCsrfToken(null)
  onUnauthorized(null)
})

afterEach(() => {
  vi.unstubAllGlobals()
})

function lastInit(): RequestInit {
  const call = fetchMock.mock.calls.at(-1)
  return (call?.[1] ?? {}) as RequestInit
}

describe('buildUrl', () => {
  it('drops empty query values and encodes the rest', () => {
    expect(buildUrl('/engagements', { status: '', expert_id: 3, q: '運輸 株式会社', x: undefined })).toBe(
      '/api/v1/engagements?expert_id=3&q=%E9%81%8B%E8%BC%B8+%E6%A0%AA%E5%BC%8F%E4%BC%9A%E7%A4%BE',
    )
  })
})

describe('request', () => {
  it('sends JSON and the CSRF token on writes, not on reads', async () => {
    setCsrfToken('tok-1')
    fetchMock.mockResolvedValueOnce(json(200, { items: [] }))
    await http.get('/companies')
    const getHeaders = lastInit().headers as Record<string, string>
    expect(getHeaders['X-CSRF-Token']).toBeUndefined()

    fetchMock.mockResolvedValueOnce(json(201, { id: 1 }))
    const created = await http.post<{ id: number }>('/companies', { name: 'A' })
    expect(created).toEqual({ id: 1 })
    const init = lastInit()
    const headers = init.headers as Record<string, string>
    expect(init.method).toBe('POST')
    expect(headers['X-CSRF-Token']).toBe('tok-1')
    expect(headers['Content-Type']).toBe('application/json')
    expect(init.body).toBe('{"name":"A"}')
  })

  it('returns undefined for 204', async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }))
    await expect(http.post('/auth/logout')).resolves.toBeUndefined()
  })

  it('turns the error body into an ApiError with field messages', async () => {
    fetchMock.mockResolvedValueOnce(
      json(422, { error: { code: 'validation', message: '入力内容を確認してください。', fields: { name: '必須です。' } } }),
    )
    const err = await http.post('/companies', {}).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ status: 422, code: 'validation', message: '入力内容を確認してください。', fields: { name: '必須です。' } })
  })

  it('never shows a raw non-JSON body', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>Internal Server Error</html>', { status: 500 }))
    const err = (await http.get('/companies').catch((e: unknown) => e)) as ApiError
    expect(err.code).toBe('internal')
    expect(err.message).toBe('サーバーでエラーが発生しました。時間をおいて再度お試しください。')
  })

  it('asks to check before resending when a proxy lost the answer (the write may have happened)', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>Bad Gateway</html>', { status: 502 }))
    const err = (await http.post('/companies', { name: 'x' }).catch((e: unknown) => e)) as ApiError
    expect(err.code).toBe('unavailable')
    expect(err.message).toContain('保存されたかどうか')
    expect(err.message).not.toContain('<html>')
  })

  it('gives a Japanese conflict message when the server sends none', async () => {
    fetchMock.mockResolvedValueOnce(new Response('', { status: 409 }))
    const err = (await http.patch('/engagements/1', { version: 1 }).catch((e: unknown) => e)) as ApiError
    expect(err.code).toBe('conflict')
    expect(err.message).toContain('他の人が先に更新しました')
  })

  it('reports network failures', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'))
    const err = (await http.get('/meta').catch((e: unknown) => e)) as ApiError
    expect(err.status).toBe(0)
    expect(err.message).toBe(NETWORK_ERROR_MESSAGE)
  })

  it('calls the unauthorized handler on 401, except where the caller handles it', async () => {
    const handler = vi.fn()
    onUnauthorized(handler)
    fetchMock.mockResolvedValueOnce(json(401, { error: { code: 'unauthenticated', message: 'ログインしてください。' } }))
    await expect(http.get('/engagements')).rejects.toBeInstanceOf(ApiError)
    expect(handler).toHaveBeenCalledTimes(1)

    fetchMock.mockResolvedValueOnce(json(401, { error: { code: 'unauthenticated', message: '違います。' } }))
    await expect(http.post('/auth/login', {}, { allowUnauthenticated: true })).rejects.toMatchObject({ message: '違います。' })
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('calls the enrolment handler on 403 two_factor_enrolment_required only', async () => {
    const handler = vi.fn()
    onEnrolmentRequired(handler)
    fetchMock.mockResolvedValueOnce(
      json(403, { error: { code: 'two_factor_enrolment_required', message: '二要素認証の登録が必要です。' } }),
    )
    await expect(http.get('/engagements')).rejects.toMatchObject({ code: 'two_factor_enrolment_required' })
    expect(handler).toHaveBeenCalledTimes(1)
    fetchMock.mockResolvedValueOnce(json(403, { error: { code: 'forbidden', message: '権限がありません。' } }))
    await expect(http.get('/engagements')).rejects.toMatchObject({ code: 'forbidden' })
    expect(handler).toHaveBeenCalledTimes(1)
    onEnrolmentRequired(null)
  })

  it('refreshes a stale CSRF token once and retries', async () => {
    setCsrfToken('old')
    fetchMock
      .mockResolvedValueOnce(json(403, { error: { code: 'csrf', message: 'CSRF' } }))
      .mockResolvedValueOnce(json(200, { user: { id: 1 }, csrf_token: 'new' }))
      .mockResolvedValueOnce(json(200, { id: 7 }))
    await expect(http.patch('/companies/7', { name: 'B' })).resolves.toEqual({ id: 7 })
    expect(fetchMock).toHaveBeenCalledTimes(3)
    expect(fetchMock.mock.calls[1]?.[0]).toBe('/api/v1/auth/me')
    const retryHeaders = (fetchMock.mock.calls[2]?.[1] as RequestInit).headers as Record<string, string>
    expect(retryHeaders['X-CSRF-Token']).toBe('new')
  })

  it('does not retry a plain 403', async () => {
    fetchMock.mockResolvedValueOnce(json(403, { error: { code: 'forbidden', message: '権限がありません。' } }))
    await expect(http.patch('/engagements/1', { version: 1 })).rejects.toMatchObject({ code: 'forbidden' })
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })
})

describe('files and public calls', () => {
  it('keeps row-level details of a failed import', async () => {
    fetchMock.mockResolvedValueOnce(
      json(422, {
        error: {
          code: 'validation',
          message: 'CSVに誤りがあります。',
          details: [{ row: 3, column: '7', message: '回答が不正です。' }, { bogus: true }],
        },
      }),
    )
    const err = (await http.postRaw('/diagnosis/rounds/1/import', 'a,b', 'text/csv').catch((e: unknown) => e)) as ApiError
    expect(err.details).toEqual([{ row: 3, column: '7', message: '回答が不正です。' }])
  })

  it('sends raw bytes with their own Content-Type and the CSRF token', async () => {
    setCsrfToken('tok')
    fetchMock.mockResolvedValueOnce(json(201, { imported: 2 }))
    const bytes = new Uint8Array([0x82, 0xa0]).buffer
    await expect(http.postRaw('/diagnosis/rounds/1/import', bytes, 'text/csv')).resolves.toEqual({ imported: 2 })
    const init = lastInit()
    const headers = init.headers as Record<string, string>
    expect(headers['Content-Type']).toBe('text/csv')
    expect(headers['X-CSRF-Token']).toBe('tok')
    expect(init.body).toBe(bytes)
  })

  it('returns a file as a Blob with its name', async () => {
    setCsrfToken('tok')
    fetchMock.mockResolvedValueOnce(
      new Response(new Blob(['%PDF-1.7']), {
        status: 200,
        headers: {
          'Content-Type': 'application/pdf',
          'Content-Disposition': "attachment; filename=\"x.pdf\"; filename*=UTF-8''%E6%8B%9B%E5%BE%85%E7%8A%B6.pdf",
        },
      }),
    )
    const { blob, filename } = await http.postForBlob('/diagnosis/rounds/1/invitation-sheet.pdf', { links: [] }, 'f.pdf')
    expect(filename).toBe('招待状.pdf')
    expect(await blob.text()).toBe('%PDF-1.7')
    expect((lastInit().headers as Record<string, string>)['X-CSRF-Token']).toBe('tok')
  })

  it('reads plain and missing Content-Disposition names', () => {
    expect(filenameFromDisposition('attachment; filename="report.pdf"', 'f')).toBe('report.pdf')
    expect(filenameFromDisposition(null, 'f.pdf')).toBe('f.pdf')
  })

  it('never calls the unauthorized handler for public answer calls', async () => {
    const handler = vi.fn()
    onUnauthorized(handler)
    fetchMock.mockResolvedValueOnce(json(401, { error: { code: 'unauthenticated', message: 'x' } }))
    await expect(http.put('/answer/t/items/1', { choice: 'done' }, { allowUnauthenticated: true })).rejects.toBeInstanceOf(ApiError)
    expect(handler).not.toHaveBeenCalled()
    fetchMock.mockResolvedValueOnce(json(403, { error: { code: 'forbidden', message: 'このリンクは無効になっています。' } }))
    const err = (await http.get('/answer/t', undefined, { allowUnauthenticated: true }).catch((e: unknown) => e)) as ApiError
    expect(err.message).toBe('このリンクは無効になっています。')
    expect(fetchMock).toHaveBeenCalledTimes(2)
  })
})
