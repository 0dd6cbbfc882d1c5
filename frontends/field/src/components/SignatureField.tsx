import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import SignaturePad from 'signature_pad';
import { useTranslation } from 'react-i18next';

export interface SignatureHandle {
  /** The drawing as a PNG data: URL, or null when nothing was drawn. */
  dataUrl(): string | null;
}

/** The customer's drawn signature (signature_pad on a canvas sized for the screen's pixel ratio). */
export function SignatureField({ ref, existing, onDrawn }: { ref: Ref<SignatureHandle>; existing: string | null; onDrawn: () => void }) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const onDrawnRef = useRef(onDrawn);
  onDrawnRef.current = onDrawn;
  useEffect(() => {
    const canvas = canvasRef.current!;
    const pad = new SignaturePad(canvas, { penColor: '#1a1b4b', minWidth: 0.8, maxWidth: 2.4 });
    padRef.current = pad;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    canvas.width = canvas.offsetWidth * ratio;
    canvas.height = canvas.offsetHeight * ratio;
    canvas.getContext('2d')!.scale(ratio, ratio);
    pad.clear();
    const drawn = () => onDrawnRef.current();
    pad.addEventListener('endStroke', drawn);
    return () => {
      pad.removeEventListener('endStroke', drawn);
      pad.off();
    };
  }, []);
  useImperativeHandle(
    ref,
    () => ({ dataUrl: () => (padRef.current && !padRef.current.isEmpty() ? padRef.current.toDataURL('image/png') : null) }),
    [],
  );
  return (
    <div>
      {existing && <img className="signature-saved" src={existing} alt={t('report.signatureSaved')} />}
      <canvas ref={canvasRef} className="signature-pad" aria-label={t('report.signHere')} />
      <button type="button" className="link" onClick={() => padRef.current?.clear()}>
        {t('report.clearSignature')}
      </button>
    </div>
  );
}
