/** One file input of the hosted page. */
export interface WebPart {
  readonly credentialId: string;
  /** `FRONT`, `FACE`, … */
  readonly classifier: string;
  readonly label: string;
  readonly required: boolean;
  /** The `accept` attribute. */
  readonly accept: string;
}

/** What the page shows and where its script sends the files. */
export interface WebPageInput {
  readonly locale: string;
  /** The workflow's name and key, for the heading. */
  readonly workflow: string;
  readonly parts: readonly WebPart[];
  readonly uploadPath: string;
  readonly finalizePath: string;
  readonly errorPath: string;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const STYLE = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  body { margin: 0; background: #f3f5f8; color: #1c2430; }
  header { background: #0b3d5c; color: #fff; padding: 14px 24px; font-weight: 600; letter-spacing: .02em; }
  header small { font-weight: 400; opacity: .8; margin-left: 8px; }
  main { max-width: 560px; margin: 28px auto; background: #fff; border-radius: 10px; padding: 24px 28px;
         box-shadow: 0 1px 3px rgba(0,0,0,.12); }
  h1 { font-size: 1.35rem; margin: 0 0 4px; }
  p.lead { margin: 0 0 20px; color: #4a5565; }
  .field { margin: 0 0 16px; }
  label { display: block; font-weight: 600; margin-bottom: 6px; }
  label .hint { font-weight: 400; color: #5d6878; }
  input[type=file] { display: block; width: 100%; padding: 10px; border: 1px dashed #9aa6b5; border-radius: 6px;
                     background: #fafbfc; box-sizing: border-box; }
  .field-error { color: #b42318; margin: 6px 0 0; min-height: 0; }
  button { background: #0b6bcb; color: #fff; border: 0; border-radius: 6px; padding: 11px 22px; font-size: 1rem;
           font-weight: 600; cursor: pointer; }
  button:disabled { background: #8fb3d9; cursor: progress; }
  [role=status] { color: #4a5565; margin: 14px 0 0; min-height: 1.3em; }
  [role=alert] { color: #b42318; font-weight: 600; margin: 14px 0 0; }
  footer { max-width: 560px; margin: 0 auto 24px; color: #6b7685; font-size: .85rem; text-align: center; }
`;

function layout(lang: string, title: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>Identity verification <small>jumio-kyx simulator</small></header>
<main>
${body}
</main>
<footer>A local simulation of Jumio's hosted web journey: nothing leaves this machine.</footer>
${script}
</body>
</html>
`;
}

/** The script: upload each chosen file, finalize, then follow the redirect the simulator names. */
function script(input: WebPageInput): string {
  const config = JSON.stringify({
    upload: input.uploadPath,
    finalize: input.finalizePath,
    error: input.errorPath,
  }).replace(/</g, '\\u003c');
  return `<script>
(() => {
  const config = ${config};
  const token = new URLSearchParams(location.search).get('authorizationToken') || '';
  const form = document.getElementById('journey');
  const button = form.querySelector('button');
  const status = document.getElementById('status');
  const alert = document.getElementById('alert');
  const auth = { authorization: 'Bearer ' + token };
  let attempts = 0;
  const fail = (code) => location.assign(config.error + '?authorizationToken=' + encodeURIComponent(token) + '&errorCode=' + code);
  const detail = async (response) => { try { return (await response.json()).detail || response.statusText; } catch { return response.statusText; } };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    alert.textContent = '';
    for (const el of form.querySelectorAll('.field-error')) el.textContent = '';
    button.disabled = true;
    try {
      let rejected = false;
      for (const input of form.querySelectorAll('input[type=file]')) {
        const file = input.files[0];
        if (!file) continue;
        status.textContent = 'Uploading ' + input.dataset.label + '…';
        const body = new FormData();
        body.append('file', file, file.name);
        const response = await fetch(config.upload + '/' + input.dataset.credential + '/' + input.dataset.classifier, { method: 'POST', headers: auth, body });
        if (response.status === 401) return location.assign((await response.json()).redirect);
        if (!response.ok) {
          rejected = true;
          document.getElementById(input.id + '-error').textContent = await detail(response);
        }
      }
      if (rejected) {
        attempts += 1;
        if (attempts >= 3) return fail(9835);
        status.textContent = '';
        alert.textContent = 'Some files were not accepted: choose others and submit again (attempt ' + attempts + ' of 3).';
        button.disabled = false;
        return;
      }
      status.textContent = 'Submitting…';
      const response = await fetch(config.finalize, { method: 'POST', headers: auth });
      if (response.status === 400) {
        status.textContent = '';
        alert.textContent = await detail(response);
        button.disabled = false;
        return;
      }
      if (!response.ok && response.status !== 401) return fail(9100);
      location.assign((await response.json()).redirect);
    } catch {
      fail(9800);
    }
  });
})();
</script>`;
}

/** The hosted page of an execution: one labelled file input per part. */
export function webPage(input: WebPageInput): string {
  const fields = input.parts
    .map((part, index) => {
      const id = `part-${index}`;
      return `<div class="field">
  <label for="${id}">${escapeHtml(part.label)} <span class="hint">${part.required ? '(required)' : '(optional)'}</span></label>
  <input type="file" id="${id}" name="${escapeHtml(part.classifier)}" accept="${escapeHtml(part.accept)}"${part.required ? ' required' : ''}
         data-credential="${escapeHtml(part.credentialId)}" data-classifier="${escapeHtml(part.classifier)}" data-label="${escapeHtml(part.label)}"
         aria-describedby="${id}-error">
  <p class="field-error" id="${id}-error" aria-live="polite"></p>
</div>`;
    })
    .join('\n');
  const body = `<h1>Verify your identity</h1>
<p class="lead">${escapeHtml(input.workflow)}. Choose a file for each part, then submit.</p>
<form id="journey">
${fields}
<button type="submit">Submit</button>
<p id="status" role="status" aria-live="polite"></p>
<p id="alert" role="alert"></p>
</form>`;
  return layout(input.locale, 'Verify your identity', body, script(input));
}

/** Jumio's own result page, shown when the request gave no successUrl / errorUrl. */
export function webResultPage(
  result: { status: 'SUCCESS' } | { status: 'ERROR'; errorCode: number; message: string },
): string {
  const body =
    result.status === 'SUCCESS'
      ? `<h1>Thank you</h1>
<p class="lead" role="status">Your documents were submitted. You can close this page.</p>`
      : `<h1>Something went wrong</h1>
<p role="alert">Error ${result.errorCode}: ${escapeHtml(result.message)}.</p>
<p class="lead">Please start the verification again from the application.</p>`;
  return layout('en', result.status === 'SUCCESS' ? 'Thank you' : `Error ${result.errorCode}`, body);
}
