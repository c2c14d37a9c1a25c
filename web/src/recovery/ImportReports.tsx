import { useId, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { api } from '../api.ts';
import type { ReconImportFile, ReconImportResult } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import type { I18n } from '../i18n/I18nProvider.tsx';
import { isMessageKey } from '../i18n/messages.ts';
import { useAsync } from '../useAsync.ts';
import { amazonAccounts, addFiles, fileSize } from './imports.ts';
import { plural } from './labels.ts';
import { RunReconciliation } from './RunReconciliation.tsx';

interface Props {
  /** Files were uploaded (the summary's import count changed). */
  onImported: () => void;
  /** "Run reconciliation now" finished. */
  onRan: () => void;
  onClose: () => void;
}

/** What a file was recognised as: our label for its kind, else the server's description. */
function kindLabel(t: I18n['t'], f: ReconImportFile): string | null {
  const key = f.kind ? `rec.importKind.${f.kind}` : '';
  if (isMessageKey(key)) return t(key);
  return f.recognisedAs;
}

function statusLabel(t: I18n['t'], status: string): string {
  const key = `rec.importStatus.${status}`;
  return isMessageKey(key) ? t(key) : status;
}

/**
 * "Import reports" (agents and up): uploads the report files an ops person downloaded from Seller Central
 * (and the seller's own cost / invoice / removal receiving files) to POST /api/recon/imports, shows per file
 * what it was recognised as and what was kept, and offers to run reconciliation on the new data.
 */
export function ImportReports({ onImported, onRan, onClose }: Props) {
  const { t } = useT();
  const ids = useId();
  const accounts = useAsync(api.listChannelAccounts);
  const amazon = amazonAccounts(accounts.data ?? []);
  // undefined: not chosen yet, so the only Amazon account (if there is exactly one) is preselected.
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const account = chosen ?? (amazon.length === 1 ? amazon[0]!.id : '');
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const dragDepth = useRef(0);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ReconImportResult | null>(null);

  const upload = async () => {
    if (!files.length) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const r = await api.importReports(files, account || null);
      setResult(r);
      setFiles([]);
      onImported();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const onDragEnter = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    dragDepth.current += 1;
    setDragging(true);
  };
  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = busy ? 'none' : 'copy';
  };
  const onDragLeave = () => {
    dragDepth.current = Math.max(0, dragDepth.current - 1);
    if (dragDepth.current === 0) setDragging(false);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    dragDepth.current = 0;
    setDragging(false);
    const dropped = Array.from(e.dataTransfer.files);
    if (!busy && dropped.length) setFiles((current) => addFiles(current, dropped));
  };

  const imported = result?.files.some((f) => f.status === 'imported') ?? false;
  return (
    <section className={`card rec-import${dragging ? ' dragging' : ''}`} aria-labelledby={`${ids}-title`} data-testid="rec-import"
      onDragEnter={onDragEnter} onDragOver={onDragOver} onDragLeave={onDragLeave} onDrop={onDrop}>
      <div className="rec-import-head">
        <h2 id={`${ids}-title`}>{t('rec.importTitle')}</h2>
        <button type="button" className="btn btn-small btn-ghost push-right" onClick={onClose} data-testid="rec-import-close">{t('common.close')}</button>
      </div>
      <p className="small muted" data-testid="rec-import-hint">
        {t('rec.importHint')}
        {' '}
        {t('rec.importRecognised')}
      </p>

      <div className="rec-import-form">
        <label className="rec-import-field" htmlFor={`${ids}-account`}>
          <span className="small muted">{t('rec.importAccount')}</span>
          <select id={`${ids}-account`} value={account} onChange={(e) => setChosen(e.target.value)} disabled={busy || !accounts.data}
            data-testid="rec-import-account">
            <option value="">{accounts.data ? t('rec.importNoAccount') : t('common.loading')}</option>
            {amazon.map((a) => (
              <option key={a.id} value={a.id}>{a.marketplace ? `${a.name} · ${a.marketplace}` : a.name}</option>
            ))}
          </select>
        </label>
        <div className="rec-import-field">
          <span className="small muted" id={`${ids}-files-label`}>{t('rec.importFiles')}</span>
          <div className="rec-import-drop">
            <input ref={input} id={`${ids}-files`} type="file" multiple className="sr-only" aria-labelledby={`${ids}-files-label`}
              disabled={busy} data-testid="rec-import-files"
              onChange={(e) => {
                // Copy first: the FileList is live, and clearing the input (so the same file can be picked again) empties it.
                const picked = Array.from(e.target.files ?? []);
                e.target.value = '';
                if (picked.length) setFiles((current) => addFiles(current, picked));
              }} />
            <button type="button" className="btn btn-small" onClick={() => input.current?.click()} disabled={busy}>{t('rec.importChoose')}</button>
            <span className="small muted">{t('rec.importDrop')}</span>
          </div>
        </div>
      </div>
      {accounts.error !== null && <ErrorBanner error={accounts.error} onRetry={accounts.reload} />}
      {!account && amazon.length > 0 && files.length > 0 && <p className="small text-warn" data-testid="rec-import-account-hint">{t('rec.importAccountHint')}</p>}

      {files.length > 0 && (
        <ul className="rec-import-chosen" data-testid="rec-import-chosen">
          {files.map((f) => (
            <li key={`${f.name}:${f.size}:${f.lastModified}`}>
              <span className="mono truncate">{f.name}</span>
              <span className="muted small">{fileSize(f.size)}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="rec-import-actions">
        <button type="button" className="btn btn-primary" onClick={() => void upload()} disabled={busy || files.length === 0} aria-busy={busy}
          data-testid="rec-import-upload">
          {busy ? t('rec.importUploading') : t('rec.importUpload', { n: files.length })}
        </button>
        {files.length > 0 && !busy && (
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setFiles([])} data-testid="rec-import-clear">{t('rec.importClear')}</button>
        )}
      </div>

      {error !== null && <ErrorBanner error={error} titleKey="rec.importFailed" serverDetailOnly onDismiss={() => setError(null)} />}
      {result && (
        <div className="rec-import-result" role="status" data-testid="rec-import-result">
          <p className="small">
            <strong>{t('rec.importDone', { n: result.files.length - result.rejected, total: result.files.length })}</strong>
            {result.rejected > 0 && <> <span className="text-danger">{t('rec.importRejected', { n: result.rejected })}</span></>}
          </p>
          <ul className="rec-import-files">
            {result.files.map((f, i) => (
              <li key={`${i}:${f.file}`} className={`rec-import-file rec-import-${f.status}`} data-testid="rec-import-file" data-status={f.status} data-file={f.file}>
                <div className="rec-import-file-head">
                  <span className={`badge rec-import-badge-${f.status}`} data-testid="rec-import-status">{statusLabel(t, f.status)}</span>
                  <span className="mono truncate" title={f.file}>{f.file}</span>
                </div>
                <div className="small" data-testid="rec-import-kind">
                  {kindLabel(t, f) ?? <span className="muted">{t('rec.importNotRecognised')}</span>}
                  {f.recognisedAs && kindLabel(t, f) !== f.recognisedAs && <span className="muted"> · {f.recognisedAs}</span>}
                </div>
                {f.status === 'rejected' ? (
                  f.error && <code className="mono rec-import-error" data-testid="rec-import-error">{f.error}</code>
                ) : (
                  <div className="small rec-import-counts" data-testid="rec-import-counts" data-rows={f.rows}>
                    {t('rec.importCounts', { rows: plural(t, 'rec.importRows', f.rows), inserted: f.inserted, updated: f.updated, duplicates: f.duplicates })}
                  </div>
                )}
              </li>
            ))}
          </ul>
          {imported && (
            <div className="rec-import-next">
              <span className="small">{t('rec.importNext')}</span>
              <RunReconciliation onDone={onRan} labelKey="rec.runNow" testId="rec-import-run" />
            </div>
          )}
        </div>
      )}
    </section>
  );
}
