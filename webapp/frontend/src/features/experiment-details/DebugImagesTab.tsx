import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TaskTabProps } from './ExperimentDetailsPage';
import { fetchDebugImages, type ImageEvent } from './api';
import { fileUrl } from '../../api/client';
import { Empty, ErrorBox, Loading } from '../../components/Status';

const ITERATIONS = 20;

function Lightbox({ image, onClose }: { image: ImageEvent; onClose: () => void }) {
  useEffect(() => {
    const close = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose(); };
    document.addEventListener('keydown', close);
    return () => document.removeEventListener('keydown', close);
  }, [onClose]);
  return (
    <div className="lightbox" role="dialog" aria-modal="true" aria-label={`${image.metric} ${image.variant}`}
         onClick={onClose}>
      <img src={fileUrl(image.url)} alt={`${image.metric} ${image.variant} iteration ${image.iter}`} />
      <p>{image.metric} / {image.variant} · iteration {image.iter}</p>
      <button type="button" autoFocus onClick={onClose}>Close</button>
    </div>
  );
}

function MetricImages({ metric, iterations, onOpen }: {
  metric: string; iterations: { iter: number; events: ImageEvent[] }[]; onOpen: (image: ImageEvent) => void;
}) {
  const [index, setIndex] = useState(iterations.length - 1);
  const bounded = Math.min(index, iterations.length - 1);
  const current = iterations[bounded];
  return (
    <section className="section" aria-label={`Debug images of ${metric}`}>
      <div className="toolbar">
        <h2>{metric}</h2>
        {iterations.length > 1 && (
          <label>Iteration {current.iter}
            <input type="range" min={0} max={iterations.length - 1} value={bounded}
                   aria-label={`Iteration of ${metric}`} aria-valuetext={`iteration ${current.iter}`}
                   onChange={(e) => setIndex(Number(e.target.value))} />
          </label>
        )}
        {iterations.length === 1 && <span className="muted">iteration {current.iter}</span>}
      </div>
      <div className="image-grid">
        {current.events.map((image) => (
          <figure key={`${image.variant}-${image.iter}`}>
            <button type="button" className="link" onClick={() => onOpen(image)}
                    aria-label={`Open ${image.variant} iteration ${image.iter} full size`}>
              <img src={fileUrl(image.url)} alt={`${metric} ${image.variant} iteration ${image.iter}`}
                   loading="lazy" />
            </button>
            <figcaption>{image.variant}</figcaption>
          </figure>
        ))}
      </div>
    </section>
  );
}

/** Debug images grouped by metric, with an iteration slider per metric and a full-size view. */
export function DebugImagesTab({ task, live }: TaskTabProps) {
  const [open, setOpen] = useState<ImageEvent | null>(null);
  const images = useQuery({ queryKey: ['debug-images', task.id], queryFn: () => fetchDebugImages(task.id, ITERATIONS),
    refetchInterval: live ? 10_000 : false });
  if (images.isPending) return <Loading label="Loading debug images…" />;
  if (images.isError) return <ErrorBox error={images.error} />;
  if (!images.data.length) return <Empty>No debug images reported</Empty>;
  return (
    <>
      {images.data.map((m) => <MetricImages key={m.metric} metric={m.metric} iterations={m.iterations}
                                            onOpen={setOpen} />)}
      {open && <Lightbox image={open} onClose={() => setOpen(null)} />}
    </>
  );
}
