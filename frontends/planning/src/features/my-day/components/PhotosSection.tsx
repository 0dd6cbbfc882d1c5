import { ActionIcon, Box, FileButton, Button, Image, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';
import { resizePhoto } from '@relais/ui/resize-photo';
import type { useFieldReport } from '../hooks/use-field-report';
import { ReportSection } from './FieldReportForm';

export function PhotosSection({ report }: { report: ReturnType<typeof useFieldReport> }) {
  const { t } = useTranslation(planningNamespace);
  const { photos } = report;
  async function add(files: File[]) {
    for (const file of files) photos.append({ caption: file.name, dataUrl: await resizePhoto(file) });
  }
  return (
    <ReportSection title={t('myDay.photos')}>
      {photos.fields.length > 0 && (
        <SimpleGrid cols={3} spacing="xs" mb="xs">
          {photos.fields.map((photo, index) => (
            <Box key={photo.id} pos="relative">
              <Image src={photo.dataUrl} alt={photo.caption} h={90} radius="sm" fit="cover" />
              <ActionIcon
                pos="absolute"
                top={2}
                right={2}
                size="sm"
                color="red"
                aria-label={t('common.remove')}
                onClick={() => photos.remove(index)}
              >
                ✕
              </ActionIcon>
            </Box>
          ))}
        </SimpleGrid>
      )}
      <FileButton onChange={(files) => void add(files)} accept="image/*" multiple>
        {(props) => (
          <Button variant="light" fullWidth {...props}>
            {t('myDay.addPhoto')}
          </Button>
        )}
      </FileButton>
    </ReportSection>
  );
}
