import { useState, type ReactNode } from 'react';
import type { XAxis } from './series';

export interface ChartSettings {
  axis: XAxis;
  smoothing: number;
  log: boolean;
}

/** The scalar chart options (x axis, smoothing, log scale), shared by the scalars tab and the compare view. */
export function useChartOptions() {
  const [axis, setAxis] = useState<XAxis>('iter');
  const [smoothing, setSmoothing] = useState(0);
  const [log, setLog] = useState(false);
  return { settings: { axis, smoothing, log } as ChartSettings, setAxis, setSmoothing, setLog };
}

/** The toolbar of those options; `children` adds controls of the view's own after them. */
export function ChartOptions({ options, children }: {
  options: ReturnType<typeof useChartOptions>; children?: ReactNode;
}) {
  const { settings: { axis, smoothing, log }, setAxis, setSmoothing, setLog } = options;
  return (
    <div className="toolbar" role="group" aria-label="Chart options">
      <label>X axis{' '}
        <select value={axis} onChange={(e) => setAxis(e.target.value as XAxis)} aria-label="X axis">
          <option value="iter">Iterations</option>
          <option value="relative">Relative time</option>
          <option value="wall">Wall time</option>
        </select>
      </label>
      <label>Smoothing{' '}
        <input type="range" min={0} max={0.99} step={0.01} value={smoothing} aria-label="Smoothing"
               onChange={(e) => setSmoothing(Number(e.target.value))} />
        <output>{smoothing.toFixed(2)}</output>
      </label>
      <label className="check"><input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} />
        Log scale</label>
      {children}
    </div>
  );
}
