import { apiErrorOf } from '../../api/api-client.ts';

/** Uploads one file as the raw body. */
export async function uploadEvidence(hazardId: string, file: File, csrfToken: string): Promise<void> {
  const res = await fetch(`/api/hazards/${encodeURIComponent(hazardId)}/evidence`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': file.type || 'application/octet-stream',
      'x-file-name': encodeURIComponent(file.name),
      'x-csrf-token': csrfToken,
    },
    body: file,
  });
  if (!res.ok) {
    throw apiErrorOf(res.status, await res.json().catch(() => null));
  }
}
