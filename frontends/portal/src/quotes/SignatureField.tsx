import { Button, Input } from '@mantine/core';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import SignaturePad from 'signature_pad';
import { usePortalTranslation } from '../shared/ui';

export interface SignatureHandle {
  /** The drawing as a PNG data: URL, or null when nothing was drawn. */
  dataUrl(): string | null;
}

/** The signer's drawn signature (signature_pad, as the field app), on a canvas sized for the screen's pixel ratio. */
export function SignatureField({ ref, error }: { ref: Ref<SignatureHandle>; error?: string | undefined }) {
  const { t } = usePortalTranslation();
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const padRef = useRef<SignaturePad | null>(null);
  useEffect(() => {
    const canvas = canvasRef.current!;
    const pad = new SignaturePad(canvas, { penColor: '#1a1b4b', minWidth: 0.8, maxWidth: 2.4 });
    padRef.current = pad;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    canvas.width = canvas.offsetWidth * ratio;
    canvas.height = canvas.offsetHeight * ratio;
    canvas.getContext('2d')!.scale(ratio, ratio);
    pad.clear();
    return () => pad.off();
  }, []);
  useImperativeHandle(
    ref,
    () => ({ dataUrl: () => (padRef.current && !padRef.current.isEmpty() ? padRef.current.toDataURL('image/png') : null) }),
    [],
  );
  return (
    <Input.Wrapper label={t('quote.signature')} description={t('quote.signHere')} error={error} required>
      <canvas
        ref={canvasRef}
        aria-label={t('quote.signHere')}
        style={{
          display: 'block',
          width: '100%',
          height: 160,
          marginTop: 4,
          border: '1px solid var(--mantine-color-gray-4)',
          borderRadius: 'var(--mantine-radius-sm)',
          touchAction: 'none',
          background: 'var(--mantine-color-white)',
        }}
      />
      <Button variant="subtle" size="compact-sm" mt={4} onClick={() => padRef.current?.clear()}>
        {t('quote.clearSignature')}
      </Button>
    </Input.Wrapper>
  );
}
