import { Alert, Button, CloseButton, FileButton, Group, Image, Input, NativeSelect, Paper, Stack, Textarea } from '@mantine/core';
import { resizePhoto } from '@relais/ui/resize-photo';
import { useState, type FormEvent } from 'react';
import { usePortalQuery, useSend } from '../api/client';
import { RefusalError, type Refusal } from '../api/refusal';
import { PortalReportBreakdownDocument, PortalSitesDocument, type PortalSitesQuery } from '../gql/graphql';
import { useRouter } from '../routing/router';
import { BackLink, PageTitle, QueryView, usePortalTranslation, useRefusalText } from '../shared/ui';
import { breakdownInput, breakdownProblems, fieldOfServerPath, maxPhotos, type BreakdownValues } from './breakdown-form';

type Site = PortalSitesQuery['portalSites'][number];
type Field = 'siteId' | 'description' | 'photos';

/** « Signaler une panne »: the site or equipment, what happens, up to three photos shrunk on the device. */
export default function BreakdownPage() {
  const { t } = usePortalTranslation();
  const sites = usePortalQuery(PortalSitesDocument, {});
  return (
    <>
      <BackLink to={{ name: 'requests' }}>{t('breakdown.back')}</BackLink>
      <PageTitle title={t('breakdown.title')} />
      <QueryView query={sites}>{({ portalSites }) => <BreakdownForm sites={portalSites} />}</QueryView>
    </>
  );
}

function BreakdownForm({ sites }: { sites: Site[] }) {
  const { t } = usePortalTranslation();
  const refusalText = useRefusalText();
  const send = useSend();
  const { route, navigate } = useRouter();
  const preset = route.name === 'newRequest' ? route.equipmentId : undefined;
  const presetSite = preset ? sites.find((site) => site.equipment.some((equipment) => equipment.id === preset)) : undefined;
  const [values, setValues] = useState<BreakdownValues>({
    siteId: presetSite?.id ?? (sites.length === 1 ? sites[0]!.id : ''),
    equipmentId: presetSite ? preset! : '',
    description: '',
    photos: [],
  });
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const site = sites.find((candidate) => candidate.id === values.siteId);

  const addPhotos = async (files: File[]) => {
    const room = maxPhotos - values.photos.length;
    const added = await Promise.all(files.slice(0, room).map(async (file) => ({ caption: file.name, dataUrl: await resizePhoto(file) })));
    setValues((current) => ({ ...current, photos: [...current.photos, ...added].slice(0, maxPhotos) }));
    setProblems((current) => ({ ...current, photos: files.length > room ? t('breakdown.tooManyPhotos') : undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = breakdownProblems(values);
    setProblems(Object.fromEntries(Object.entries(found).map(([field, key]) => [field, t(key)])));
    setRefusal(null);
    if (Object.keys(found).length > 0) return;
    setSending(true);
    try {
      const { portalReportBreakdown } = await send(PortalReportBreakdownDocument, { input: breakdownInput(values) });
      setSent(portalReportBreakdown.reference);
    } catch (error) {
      const next = error instanceof RefusalError ? error.refusal : { code: 'generic', message: '', fields: {} };
      const placed: Partial<Record<Field, string>> = {};
      for (const [path, message] of Object.entries(next.fields)) {
        const field = fieldOfServerPath(path);
        if (field) placed[field] ??= message;
      }
      setProblems(placed);
      setRefusal(next);
    } finally {
      setSending(false);
    }
  };

  if (sent)
    return (
      <Stack gap="md" align="flex-start">
        <Alert color="green" role="status" w="100%">
          {t('breakdown.sent', { reference: sent })}
        </Alert>
        <Button onClick={() => navigate({ name: 'requests' })}>{t('breakdown.back')}</Button>
      </Stack>
    );

  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <NativeSelect
            label={t('breakdown.site')}
            required
            value={values.siteId}
            onChange={(event) => setValues({ ...values, siteId: event.currentTarget.value, equipmentId: '' })}
            data={[
              { value: '', label: t('breakdown.sitePlaceholder'), disabled: true },
              ...sites.map((s) => ({ value: s.id, label: s.name })),
            ]}
            error={problems.siteId}
          />
          <NativeSelect
            label={t('breakdown.equipment')}
            value={values.equipmentId}
            disabled={!site}
            onChange={(event) => setValues({ ...values, equipmentId: event.currentTarget.value })}
            data={[
              { value: '', label: site ? t('breakdown.wholeSite') : t('breakdown.equipmentPlaceholder') },
              ...(site?.equipment ?? []).map((equipment) => ({ value: equipment.id, label: equipment.name })),
            ]}
          />
          <Textarea
            label={t('breakdown.description')}
            description={t('breakdown.descriptionHint')}
            required
            autosize
            minRows={4}
            value={values.description}
            onChange={(event) => setValues({ ...values, description: event.currentTarget.value })}
            error={problems.description}
          />
          <Input.Wrapper label={t('breakdown.photos')} description={t('breakdown.photosHint')} error={problems.photos}>
            <Stack gap="xs" mt={4}>
              {values.photos.length > 0 && (
                <Group gap="xs">
                  {values.photos.map((photo, index) => (
                    <div key={`${index}-${photo.caption}`} style={{ position: 'relative' }}>
                      <Image src={photo.dataUrl} alt={photo.caption} w={88} h={88} radius="sm" fit="cover" />
                      <CloseButton
                        size="sm"
                        variant="filled"
                        aria-label={t('breakdown.removePhoto', { name: photo.caption })}
                        style={{ position: 'absolute', top: 2, right: 2 }}
                        onClick={() => setValues({ ...values, photos: values.photos.filter((_, i) => i !== index) })}
                      />
                    </div>
                  ))}
                </Group>
              )}
              {values.photos.length < maxPhotos && (
                <FileButton multiple accept="image/jpeg,image/png" onChange={(files) => void addPhotos(files)}>
                  {(props) => (
                    <Button {...props} variant="default" style={{ alignSelf: 'flex-start' }}>
                      {t('breakdown.addPhotos')}
                    </Button>
                  )}
                </FileButton>
              )}
            </Stack>
          </Input.Wrapper>
          {refusal && (
            <Alert color="red" role="alert">
              {refusalText(refusal)}
            </Alert>
          )}
          <Button type="submit" loading={sending} size="md">
            {t('breakdown.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
