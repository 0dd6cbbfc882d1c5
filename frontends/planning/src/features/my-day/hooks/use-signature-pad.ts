import { useCallback, useEffect, useRef, useState } from 'react';
import SignaturePad from 'signature_pad';

/** The customer's drawn signature (signature_pad on a canvas sized for the screen's pixel ratio). */
export function useSignaturePad() {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const [empty, setEmpty] = useState(true);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const pad = new SignaturePad(canvas, { penColor: '#1a1b4b', minWidth: 0.8, maxWidth: 2.4 });
    padRef.current = pad;
    const fit = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const data = pad.toData();
      canvas.width = canvas.offsetWidth * ratio;
      canvas.height = canvas.offsetHeight * ratio;
      canvas.getContext('2d')!.scale(ratio, ratio);
      pad.clear();
      pad.fromData(data);
    };
    fit();
    const onEnd = () => setEmpty(pad.isEmpty());
    pad.addEventListener('endStroke', onEnd);
    window.addEventListener('resize', fit);
    return () => {
      window.removeEventListener('resize', fit);
      pad.removeEventListener('endStroke', onEnd);
      pad.off();
      padRef.current = null;
    };
  }, []);

  return {
    canvasRef,
    empty,
    clear: useCallback(() => {
      padRef.current?.clear();
      setEmpty(true);
    }, []),
    /** The drawing as a PNG data: URL, or null when nothing was drawn. */
    dataUrl: useCallback(() => (padRef.current && !padRef.current.isEmpty() ? padRef.current.toDataURL('image/png') : null), []),
  };
}
