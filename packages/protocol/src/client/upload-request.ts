import type { TAttachmentDto } from '../api/attachments.schema';

/**
 * The part of the browser's XMLHttpRequest an upload needs (fetch cannot report upload
 * progress). Declared here so this core stays free of the DOM library; tests pass a fake.
 */
export type TXhrLike = {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: unknown): void;
  abort(): void;
  readonly status: number;
  readonly responseText: string;
  addEventListener(type: 'load' | 'error' | 'abort', listener: () => void): void;
  readonly upload: {
    addEventListener(type: 'progress', listener: (event: { loaded: number; total: number }) => void): void;
  };
};

/** Why an upload did not finish: the server's error code, NETWORK, or ABORTED (the person cancelled). */
export class UploadError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

export type TUploadRequest = {
  xhr: TXhrLike;
  /** The upload route without its query, e.g. `/api/v1/widget/conversations/<id>/uploads`. */
  path: string;
  name: string;
  size: number;
  /** The file itself (a Blob in the browser): streamed as the raw body. */
  body: unknown;
  headers?: Record<string, string>;
  onProgress?: (share: number) => void;
};

function codeOf(status: number, text: string): string {
  try {
    const code = (JSON.parse(text) as { error?: { code?: unknown } }).error?.code;
    if (typeof code === 'string') return code;
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  return status === 0 ? 'NETWORK' : `HTTP_${status}`;
}

/** One file's upload: `done` settles with the server's record or an UploadError; `abort` cancels. */
export function startUpload(request: TUploadRequest): { done: Promise<TAttachmentDto>; abort: () => void } {
  const { xhr } = request;
  const query = `name=${encodeURIComponent(request.name)}&size=${request.size}`;
  const done = new Promise<TAttachmentDto>((resolve, reject) => {
    xhr.open('POST', `${request.path}?${query}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    for (const [name, value] of Object.entries(request.headers ?? {})) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.total > 0) request.onProgress?.(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      if (xhr.status === 201) resolve(JSON.parse(xhr.responseText) as TAttachmentDto);
      else reject(new UploadError(codeOf(xhr.status, xhr.responseText)));
    });
    xhr.addEventListener('error', () => reject(new UploadError('NETWORK')));
    xhr.addEventListener('abort', () => reject(new UploadError('ABORTED')));
    xhr.send(request.body);
  });
  return { done, abort: () => xhr.abort() };
}
