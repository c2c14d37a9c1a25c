// The evidence packet of a claim case: the case and its claim text, every report row it rests on (ledger,
// returns, shipment, reimbursement, settlement, order lines, supplier invoices, with the file and line each came
// from), and the customer conversation that proves it, with the buyer's message that says "damaged". Exported as
// a PDF (pdfkit, the standard fonts) and a ZIP (fflate) — one case or many, with cases.csv and claims grouped in
// batches of a few orders each, which Amazon handles faster than one large case.

import { strToU8, zipSync, type Zippable } from 'fflate';
import PDFDocument from 'pdfkit';
import { CodedError } from '../kernel/index.ts';
import type { Queryable } from '../platform/db/port.ts';
import { getCase, type CaseDetail } from './cases.ts';
import { DAMAGE_PATTERN } from './domain/damage-words.ts';
import { KIND_INFO, formatAmount } from './domain/policy/index.ts';
import { DEFAULT_RECON_SETTINGS } from './domain/settings.ts';

/** Report tables an evidence reference may point at, and the columns worth showing (internal ones left out). */
const TABLES: Readonly<Record<string, string>> = {
  inventory_ledger_events: 'Inventory ledger',
  fba_reimbursements: 'Reimbursements',
  fba_customer_returns: 'Customer returns',
  inbound_shipment_items: 'Inbound shipment items',
  inbound_shipments: 'Inbound shipments',
  settlement_lines: 'Settlement',
  amazon_order_lines: 'All orders',
  removal_orders: 'Removal orders',
  removal_shipments: 'Removal shipments',
  removal_receipts: 'Removal receiving log',
  supplier_invoices: 'Supplier invoices',
};
const HIDDEN = new Set(['id', 'workspace_id', 'account_id', 'row_hash', 'occurrence', 'extra', 'source_import_id', 'source_line']);

export interface EvidenceRow {
  readonly table: string;
  readonly title: string;
  readonly label: string;
  readonly file: string | null;
  readonly line: number | null;
  readonly values: Readonly<Record<string, string>>;
  readonly documentSha256?: string | null;
  readonly documentName?: string | null;
}

export interface ConversationMessage {
  readonly at: string;
  readonly direction: 'inbound' | 'outbound';
  readonly from: string;
  readonly subject: string;
  readonly text: string;
  /** The message the claim quotes (the buyer says damaged). */
  readonly decisive: boolean;
}

export interface EvidencePacket {
  readonly case: CaseDetail;
  readonly rows: readonly EvidenceRow[];
  readonly conversation: { readonly ticketId: string; readonly number: number | null; readonly subject: string; readonly messages: readonly ConversationMessage[] } | null;
}

const show = (v: unknown): string => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v));


/** A stored report row as evidence: its visible values, the file and line it came from, its document if any. */
function evidenceRow(table: string, label: string, file: string | null, r: Record<string, unknown>): EvidenceRow {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(r)) if (!HIDDEN.has(k) && v !== null && v !== '') values[k] = show(v);
  return {
    table, title: TABLES[table] ?? table, label, file, line: typeof r.source_line === 'number' ? r.source_line : null, values,
    documentSha256: typeof r.document_sha256 === 'string' ? r.document_sha256 : null, documentName: typeof r.document_name === 'string' ? r.document_name : null,
  };
}

export async function loadPacket(q: Queryable, workspaceId: string, caseId: string, now: Date): Promise<EvidencePacket> {
  const c = await getCase(q, workspaceId, caseId, now);
  if (!c) throw new CodedError('not_found', `no case ${caseId}`);
  const rows: EvidenceRow[] = [];
  for (const e of c.evidence) {
    if (!TABLES[e.table]) continue;
    const r = (await q.query<Record<string, unknown>>(`SELECT * FROM ${e.table} WHERE workspace_id = $1 AND id = $2`, [workspaceId, e.id])).rows[0];
    if (r) rows.push(evidenceRow(e.table, e.label, e.file ?? null, r));
  }
  // Proof of ownership and of the manufacturing cost: the supplier's latest invoices for the SKU before the loss,
  // unless the rule already cited them (inbound shortages).
  if (c.sku && KIND_INFO[c.kind].stage !== 'post_order' && !rows.some((r) => r.table === 'supplier_invoices')) {
    const inv = await q.query<Record<string, unknown> & { import_file: string | null }>(
      `SELECT v.*, i.file_name AS import_file FROM supplier_invoices v LEFT JOIN report_imports i ON i.workspace_id = v.workspace_id AND i.id = v.source_import_id
       WHERE v.workspace_id = $1 AND v.sku = $2 AND v.invoice_date <= $3::date ORDER BY v.invoice_date DESC, v.id DESC LIMIT 3`, [workspaceId, c.sku, c.eventOn]);
    for (const { import_file: file, ...r } of inv.rows) {
      rows.push(evidenceRow('supplier_invoices', `Invoice ${show(r.invoice_number)} from ${show(r.supplier)} dated ${show(r.invoice_date).slice(0, 10)}: ${show(r.quantity)} × ${show(r.sku)} (proof of ownership and cost)`, file, r));
    }
  }
  let conversation: EvidencePacket['conversation'] = null;
  if (c.ticketId) {
    const t = (await q.query<{ number: number | null; subject: string }>('SELECT number, subject FROM tickets WHERE workspace_id = $1 AND id = $2', [workspaceId, c.ticketId])).rows[0];
    const m = await q.query<{ sent_at: Date; direction: 'inbound' | 'outbound'; from_address: string; subject: string; body_text: string }>(
      `SELECT sent_at, direction, from_address, subject, body_text FROM messages WHERE workspace_id = $1 AND ticket_id = $2 AND delivery_status <> 'draft' ORDER BY sent_at`, [workspaceId, c.ticketId]);
    const decisiveIndex = m.rows.findIndex((x) => x.direction === 'inbound' && DAMAGE_PATTERN.test(x.body_text));
    conversation = t
      ? {
          ticketId: c.ticketId, number: t.number, subject: t.subject,
          messages: m.rows.map((x, i) => ({ at: x.sent_at.toISOString(), direction: x.direction, from: x.from_address, subject: x.subject, text: x.body_text, decisive: i === decisiveIndex })),
        }
      : null;
  }
  return { case: c, rows, conversation };
}

function csvCell(v: unknown): string {
  const s = show(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function casesCsv(cases: readonly CaseDetail[]): string {
  const cols = ['id', 'status', 'kind', 'marketplace', 'sku', 'fnsku', 'asin', 'orderId', 'shipmentId', 'referenceId', 'quantity', 'value', 'currency', 'valueMinor', 'eventOn', 'opensOn', 'deadlineOn', 'daysLeft', 'amazonCaseId', 'recoveredMinor', 'summary'] as const;
  const lines = [cols.join(',')];
  for (const c of cases) {
    const rec: Record<string, unknown> = { ...c, value: formatAmount(c.valueMinor, c.currency) };
    lines.push(cols.map((k) => csvCell(rec[k])).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** The packet as a PDF document. */
export function packetPdf(p: EvidencePacket): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `Claim ${p.case.id}`, Creator: 'claimdesk' } });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((res, rej) => {
    doc.on('end', () => res(Buffer.concat(chunks)));
    doc.on('error', rej);
  });
  const c = p.case;
  const h = (t: string) => doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).text(t).moveDown(0.2).font('Helvetica').fontSize(9.5);
  doc.font('Helvetica-Bold').fontSize(16).text(`${KIND_INFO[c.kind].label[0]!.toUpperCase()}${KIND_INFO[c.kind].label.slice(1)} — ${formatAmount(c.valueMinor, c.currency)}`);
  doc.font('Helvetica').fontSize(9.5).fillColor('#444')
    .text(`Case ${c.id} · ${c.marketplace} · status ${c.status}${c.amazonCaseId ? ` · Amazon case ${c.amazonCaseId}` : ''} · deadline ${c.deadlineOn}${c.opensOn ? ` (opens ${c.opensOn})` : ''}`)
    .fillColor('black');
  h('What happened');
  doc.text(c.summary);
  h('Value');
  doc.text(c.valueExplanation);
  h('Claim window');
  doc.text(c.windowRule);
  h('Claim text (paste into Seller Central)');
  doc.font('Courier').fontSize(8.5).text(c.claimText).font('Helvetica').fontSize(9.5);
  h(`Evidence (${p.rows.length} report rows)`);
  for (const r of p.rows) {
    doc.font('Helvetica-Bold').text(`${r.title}: ${r.label}`).font('Helvetica').fillColor('#444')
      .text(r.file ? `${r.file}${r.line ? `, line ${r.line}` : ''}` : 'stored row').fillColor('black')
      .fontSize(8).text(Object.entries(r.values).map(([k, v]) => `${k}: ${v}`).join(' · ')).fontSize(9.5).moveDown(0.3);
  }
  if (p.conversation) {
    h(`Customer conversation (ticket ${p.conversation.number ?? p.conversation.ticketId}: ${p.conversation.subject})`);
    for (const m of p.conversation.messages) {
      doc.font(m.decisive ? 'Helvetica-Bold' : 'Helvetica').text(`${m.at.slice(0, 16).replace('T', ' ')} ${m.direction === 'inbound' ? 'Buyer' : 'Seller'} (${m.from})${m.decisive ? ' — the buyer reports the damage' : ''}`)
        .font('Helvetica').text(m.text.slice(0, 2000)).moveDown(0.3);
    }
  }
  h('Timeline');
  for (const e of c.events) doc.text(`${e.at.slice(0, 16).replace('T', ' ')} ${e.kind} (${e.actor})`);
  doc.end();
  return done;
}

function claimTextFile(c: CaseDetail): string {
  return `${c.claimText}\n`;
}

function rowsCsv(rows: readonly EvidenceRow[]): string {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r.values)))];
  return [['report', 'file', 'line', 'label', ...keys].join(','), ...rows.map((r) => [r.title, r.file, r.line, r.label, ...keys.map((k) => r.values[k])].map(csvCell).join(','))].join('\r\n') + '\r\n';
}

function conversationText(p: EvidencePacket): string | null {
  if (!p.conversation) return null;
  return p.conversation.messages.map((m) => `${m.decisive ? '>>> ' : ''}${m.at} ${m.direction === 'inbound' ? 'Buyer' : 'Seller'} <${m.from}>\n${m.text}\n`).join('\n');
}

/**
 * Customer-return cases grouped into claim batches of at most `perBatch` orders, one text each: Amazon's agents
 * handle small cases faster and partial approvals are easier to track.
 */
export function claimBatches(cases: readonly CaseDetail[], perBatch = DEFAULT_RECON_SETTINGS.maxOrdersPerClaim): string[] {
  const byKind = new Map<string, CaseDetail[]>();
  for (const c of cases) byKind.set(`${c.accountId}|${c.kind}`, [...(byKind.get(`${c.accountId}|${c.kind}`) ?? []), c]);
  const out: string[] = [];
  for (const group of byKind.values()) {
    for (let i = 0; i < group.length; i += perBatch) {
      const part = group.slice(i, i + perBatch);
      const total = part.reduce((a, c) => a + c.valueMinor, 0);
      out.push([
        `${KIND_INFO[part[0]!.kind].label} — ${part.length} case(s), ${formatAmount(total, part[0]!.currency)}, file by ${part.map((c) => c.deadlineOn).sort()[0]}`,
        '',
        ...part.map((c, n) => `${n + 1}. ${c.summary}`),
      ].join('\n'));
    }
  }
  return out;
}

/** One ZIP: per case a folder with the PDF, the claim text, the evidence rows (CSV), the conversation and invoice documents; cases.csv and the claim batches at the top. */
export async function packetsZip(q: Queryable, workspaceId: string, packets: readonly EvidencePacket[]): Promise<Uint8Array> {
  const files: Zippable = {};
  for (const p of packets) {
    const dir = `${p.case.kind}-${p.case.id}`;
    files[`${dir}/claim.txt`] = strToU8(claimTextFile(p.case));
    files[`${dir}/case.json`] = strToU8(JSON.stringify(p.case, null, 2));
    files[`${dir}/evidence.csv`] = strToU8(rowsCsv(p.rows));
    files[`${dir}/packet.pdf`] = new Uint8Array(await packetPdf(p));
    const conv = conversationText(p);
    if (conv) files[`${dir}/conversation.txt`] = strToU8(conv);
    for (const r of p.rows) {
      if (!r.documentSha256) continue;
      const doc = (await q.query<{ content: Buffer }>('SELECT content FROM attachments WHERE workspace_id = $1 AND sha256 = $2', [workspaceId, r.documentSha256])).rows[0];
      if (doc) files[`${dir}/invoices/${(r.documentName ?? r.documentSha256).replace(/[/\\]/g, '_')}`] = new Uint8Array(doc.content);
    }
  }
  const cases = packets.map((p) => p.case);
  files['cases.csv'] = strToU8(casesCsv(cases));
  files['claim-batches.txt'] = strToU8(claimBatches(cases).join('\n\n----\n\n') + '\n');
  return zipSync(files, { level: 6 });
}
