import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabourType } from '../gql/graphql';
import { nextDays } from '../sync/paris-days';
import { db, type CatalogPart, type FieldJob } from '../store/db';
import { useLive } from '../store/use-live';
import { draftProblems, type ReportDraft } from '../sync/report-draft';
import { enqueueReport, keepDraftInProgress } from '../sync/sync-engine';
import { resizePhoto } from '@relais/ui/resize-photo';
import { SignatureField, type SignatureHandle } from './SignatureField';

const labourTypes: LabourType[] = ['NORMAL', 'OVERTIME', 'NIGHT', 'WEEKEND_HOLIDAY'];

/** The report, kept as typed; "Enregistrer" and "Terminer" put it in the queue (no network needed). */
export function ReportForm(props: { job: FieldJob; initial: ReportDraft; technicianId: string; onSaved: (finished: boolean) => void }) {
  const { job, technicianId, onSaved } = props;
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ReportDraft>(props.initial);
  const [problems, setProblems] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const signature = useRef<SignatureHandle>(null);
  const edited = useRef(false);
  const withSignature = (current: ReportDraft) => ({
    ...current,
    signatureDataUrl: signature.current?.dataUrl() ?? current.signatureDataUrl,
  });
  // Each change is kept on the device as it is typed: a reload, an update or a flat battery loses nothing.
  useEffect(() => {
    if (edited.current) void keepDraftInProgress(job.id, withSignature(draft));
  }, [draft]);
  const keepSignature = () => {
    edited.current = true;
    void keepDraftInProgress(job.id, withSignature(draft));
  };
  const catalog = useLive(() => db.catalog.orderBy('code').toArray(), []) ?? [];
  const zones = job.contract?.rateCard.travelPricing === 'ZONE' ? job.contract.rateCard.travelZones : [];
  const change = (patch: Partial<ReportDraft>) => {
    edited.current = true;
    setDraft((current) => ({ ...current, ...patch }));
  };
  const found = search.trim()
    ? catalog.filter((item) => `${item.code} ${item.label}`.toLowerCase().includes(search.trim().toLowerCase())).slice(0, 6)
    : [];

  function addPart(item: CatalogPart) {
    change({
      parts: [
        ...draft.parts,
        {
          catalogItemId: item.id,
          code: item.code,
          label: item.label,
          unit: item.unit,
          trackedBySerial: item.trackedBySerial,
          quantity: '1',
          serialNumber: '',
        },
      ],
    });
    setSearch('');
  }

  async function addPhotos(files: FileList | null) {
    const added = await Promise.all([...(files ?? [])].map(async (file) => ({ caption: file.name, dataUrl: await resizePhoto(file) })));
    edited.current = true;
    setDraft((current) => ({ ...current, photos: [...current.photos, ...added], photosChanged: true }));
  }

  async function submit(finishing: boolean) {
    const complete = withSignature(draft);
    const found = draftProblems(complete, finishing);
    setProblems(found);
    if (found.length > 0) return;
    await enqueueReport(job.id, complete, finishing);
    onSaved(finishing);
  }

  return (
    <form className="report" onSubmit={(event) => event.preventDefault()}>
      <fieldset className="card">
        <legend>{t('report.labour')}</legend>
        {draft.labour.map((entry, index) => (
          <div className="row" key={index}>
            <label>
              {t('report.workDate')}
              <input
                type="date"
                value={entry.workDate}
                onChange={(event) => change({ labour: draft.labour.with(index, { ...entry, workDate: event.target.value }) })}
              />
            </label>
            <label>
              {t('report.hours')}
              <input
                inputMode="decimal"
                value={entry.hours}
                onChange={(event) => change({ labour: draft.labour.with(index, { ...entry, hours: event.target.value }) })}
              />
            </label>
            <label>
              {t('report.labourType')}
              <select
                value={entry.labourType}
                onChange={(event) =>
                  change({ labour: draft.labour.with(index, { ...entry, labourType: event.target.value as LabourType }) })
                }
              >
                {labourTypes.map((type) => (
                  <option key={type} value={type}>
                    {t(`report.labourTypes.${type}`)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="link" onClick={() => change({ labour: draft.labour.filter((_, i) => i !== index) })}>
              {t('report.remove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() =>
            change({ labour: [...draft.labour, { technicianId, workDate: nextDays(new Date(), 1)[0]!, hours: '', labourType: 'NORMAL' }] })
          }
        >
          {t('report.addLabour')}
        </button>
      </fieldset>

      <fieldset className="card">
        <legend>{t('report.travel')}</legend>
        <div className="row">
          <label>
            {t('report.travelCount')}
            <input inputMode="numeric" value={draft.travelCount} onChange={(event) => change({ travelCount: event.target.value })} />
          </label>
          {zones.length > 0 && (
            <label>
              {t('report.travelZone')}
              <select value={draft.travelZone} onChange={(event) => change({ travelZone: event.target.value })}>
                <option value="">{t('report.noZone')}</option>
                {zones.map((zone) => (
                  <option key={zone.code} value={zone.code}>
                    {zone.label}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>{t('report.parts')}</legend>
        {draft.parts.map((part, index) => (
          <div className="row part" key={index}>
            <span className="part-label">
              {part.code} — {part.label}
            </span>
            <label>
              {t('report.quantity')} ({part.unit})
              <input
                inputMode="decimal"
                value={part.quantity}
                onChange={(event) => change({ parts: draft.parts.with(index, { ...part, quantity: event.target.value }) })}
              />
            </label>
            {part.trackedBySerial && (
              <label>
                {t('report.serialNumber')}
                <input
                  value={part.serialNumber}
                  onChange={(event) => change({ parts: draft.parts.with(index, { ...part, serialNumber: event.target.value }) })}
                />
              </label>
            )}
            <button type="button" className="link" onClick={() => change({ parts: draft.parts.filter((_, i) => i !== index) })}>
              {t('report.remove')}
            </button>
          </div>
        ))}
        <label>
          {t('report.searchPart')}
          <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        </label>
        <ul className="suggestions">
          {found.map((item) => (
            <li key={item.id}>
              <button type="button" onClick={() => addPart(item)}>
                {item.code} — {item.label}
              </button>
            </li>
          ))}
        </ul>
      </fieldset>

      <fieldset className="card">
        <legend>{t('report.photos')}</legend>
        <div className="photos">
          {draft.photos.map((photo, index) => (
            <figure key={index}>
              <img src={photo.dataUrl} alt={photo.caption} />
              <button
                type="button"
                className="link"
                onClick={() => change({ photos: draft.photos.filter((_, i) => i !== index), photosChanged: true })}
              >
                {t('report.remove')}
              </button>
            </figure>
          ))}
        </div>
        <label className="file">
          {t('report.addPhoto')}
          <input type="file" accept="image/*" capture="environment" multiple onChange={(event) => void addPhotos(event.target.files)} />
        </label>
      </fieldset>

      <fieldset className="card">
        <legend>{t('report.observations')}</legend>
        <textarea
          aria-label={t('report.observations')}
          rows={3}
          value={draft.observations}
          onChange={(event) => change({ observations: event.target.value })}
        />
      </fieldset>

      <fieldset className="card">
        <legend>{t('report.signature')}</legend>
        <SignatureField ref={signature} existing={draft.signatureDataUrl} onDrawn={keepSignature} />
        <label>
          {t('report.signerName')}
          <input value={draft.signerName} onChange={(event) => change({ signerName: event.target.value })} />
        </label>
        <label>
          {t('report.reservations')}
          <input value={draft.customerReservations} onChange={(event) => change({ customerReservations: event.target.value })} />
        </label>
      </fieldset>

      {problems.length > 0 && (
        <ul className="error" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{t(`report.problems.${problem}`)}</li>
          ))}
        </ul>
      )}
      <div className="sticky-actions">
        <button type="button" onClick={() => void submit(false)}>
          {t('report.save')}
        </button>
        <button type="button" className="primary" onClick={() => void submit(true)}>
          {t('report.finish')}
        </button>
      </div>
    </form>
  );
}
