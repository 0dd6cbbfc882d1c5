import { Box, Button, Group, Image, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';
import type { useFieldReport } from '../hooks/use-field-report';
import type { useSignaturePad } from '../hooks/use-signature-pad';
import { ReportSection } from './FieldReportForm';

/** The customer's name and drawn signature; a signature already saved shows until redrawn. */
export function SignatureSection({
  report,
  signature,
  existing,
}: {
  report: ReturnType<typeof useFieldReport>;
  signature: ReturnType<typeof useSignaturePad>;
  existing: string | null;
}) {
  const { t } = useTranslation(planningNamespace);
  return (
    <ReportSection title={t('myDay.signature')}>
      <TextInput label={t('myDay.signerName')} autoComplete="off" mb="xs" {...report.form.register('signerName')} />
      <Text size="xs" c="dimmed" mb={4}>
        {t('myDay.signHere')}
      </Text>
      <Box pos="relative" style={{ border: '1px dashed var(--mantine-color-gray-5)', borderRadius: 6, background: 'white' }}>
        {existing && signature.empty && (
          <Image src={existing} alt="" pos="absolute" inset={0} h="100%" fit="contain" style={{ pointerEvents: 'none', opacity: 0.5 }} />
        )}
        <canvas
          ref={signature.canvasRef}
          aria-label={t('myDay.signature')}
          data-testid="signature-canvas"
          style={{ display: 'block', width: '100%', height: 180, touchAction: 'none' }}
        />
      </Box>
      <Group justify="flex-end" mt={4}>
        <Button variant="subtle" size="xs" onClick={signature.clear}>
          {t('myDay.clearSignature')}
        </Button>
      </Group>
      <Textarea
        label={t('myDay.customerReservations')}
        description={t('myDay.customerReservationsHint')}
        autosize
        minRows={2}
        {...report.form.register('customerReservations')}
      />
    </ReportSection>
  );
}
