import { useQuery } from '@tanstack/react-query';
import { fetchScalars } from '../scalars/api';
import { ScalarChart } from '../scalars/ScalarChart';
import { ErrorBox, Loading } from '../../components/Status';
import type { EmbedRenderer } from './markdown';

/** `key: value` lines of an embed block. */
export function embedOptions(body: string): Record<string, string> {
  return Object.fromEntries(body.split('\n').map((l) => /^\s*(\w+)\s*:\s*(.*?)\s*$/.exec(l))
    .filter((m): m is RegExpExecArray => !!m).map((m) => [m[1], m[2]]));
}

function EmbeddedScalar({ task, metric }: { task: string; metric: string }) {
  const scalars = useQuery({ queryKey: ['scalars', task, 'iter'], queryFn: ({ signal }) => fetchScalars(task, 'iter', signal) });
  if (scalars.isPending) return <Loading label="Loading chart…" />;
  if (scalars.isError) return <ErrorBox error={scalars.error} />;
  const variants = scalars.data[metric];
  if (!variants) return <ErrorBox error={`The experiment has no scalar "${metric}".`} />;
  return <ScalarChart metric={metric} variants={variants} axis="iter" smoothing={0} log={false} />;
}

/**
 * Charts of experiments inside a report: a fenced block ```` ```scalar ```` with `task: <id>` and `metric: <name>`
 * lines draws that metric as the scalars tab does.
 */
export const reportEmbeds: Record<string, EmbedRenderer> = {
  scalar: (body, key) => {
    const { task, metric } = embedOptions(body);
    return task && metric ? <EmbeddedScalar key={key} task={task} metric={metric} />
      : <ErrorBox key={key} error="A scalar chart needs `task:` and `metric:` lines." />;
  },
};
