// Wire shapes of the API answers the app reads (only the fields it uses).

export type TaskStatus = 'created' | 'queued' | 'in_progress' | 'stopped' | 'published' | 'publishing' | 'closed'
  | 'failed' | 'completed' | 'unknown';

export interface StatusTotals {
  status_count: Record<string, number>;
  total_tasks: number;
  total_runtime: number;
  completed_tasks_24h?: number;
  last_task_run?: string | null;
}

export interface Project {
  id: string;
  name: string;
  basename?: string;
  description?: string;
  last_update?: string;
  created?: string;
  parent?: string | null;
  path?: string[];
  stats?: { active?: StatusTotals; archived?: StatusTotals } | null;
  sub_projects?: { id: string; name: string }[];
  own_tasks?: number;
  own_models?: number;
}

export interface MetricValue {
  metric: string;
  variant: string;
  value: number;
  min_value?: number;
  max_value?: number;
  iter?: number;
}

export interface ParamItem {
  section?: string;
  name: string;
  value: string;
  type?: string;
  description?: string;
}

export interface ConfigurationItem {
  name: string;
  value: string;
  type?: string;
  description?: string;
}

export interface Artifact {
  key: string;
  type: string;
  mode?: 'input' | 'output';
  uri?: string;
  hash?: string;
  content_size?: number;
  timestamp?: number;
  display_data?: [string, string][];
  type_data?: { preview?: string; content_type?: string; data_hash?: string };
}

export interface Task {
  id: string;
  name: string;
  type?: string;
  status?: TaskStatus;
  status_message?: string;
  status_reason?: string;
  comment?: string;
  tags?: string[];
  system_tags?: string[];
  user?: { id: string; name?: string } | string;
  company?: { id: string; name?: string } | string;
  project?: { id: string; name?: string } | string;
  created?: string;
  started?: string;
  completed?: string;
  last_update?: string;
  last_change?: string;
  last_iteration?: number;
  parent?: string;
  script?: {
    repository?: string;
    branch?: string;
    version_num?: string;
    entry_point?: string;
    working_dir?: string;
    diff?: string;
    requirements?: { pip?: string | string[]; [key: string]: unknown };
    binary?: string;
  };
  container?: { image?: string; arguments?: string; setup_shell_script?: string };
  hyperparams?: Record<string, Record<string, ParamItem>>;
  configuration?: Record<string, ConfigurationItem>;
  execution?: {
    queue?: string;
    artifacts?: Artifact[];
    parameters?: Record<string, string>;
    [key: string]: unknown;
  };
  models?: { input?: { name: string; model: string | { id: string; name?: string } }[];
    output?: { name: string; model: string | { id: string; name?: string } }[] };
  last_metrics?: Record<string, Record<string, MetricValue>>;
  runtime?: Record<string, unknown>;
  active_duration?: number;
}

export interface Model {
  id: string;
  name: string;
  framework?: string;
  uri?: string;
  ready?: boolean;
  tags?: string[];
  system_tags?: string[];
  comment?: string;
  user?: { id: string; name?: string } | string;
  project?: { id: string; name?: string } | string;
  task?: { id: string; name?: string } | string;
  created?: string;
  last_update?: string;
  labels?: Record<string, number>;
  design?: { design?: string } | string | null;
  metadata?: Record<string, { key: string; type?: string; value: string }>;
  parent?: string;
}

/** `get_all_ex` paging: `scroll_id` continues a search; `total` when `include_count` is sent. */
export type Page<K extends string, T> = Partial<Record<K, T[]>> & {
  scroll_id?: string;
  total?: number;
};

export function refName(ref: { id: string; name?: string } | string | undefined): string {
  if (!ref) return '';
  return typeof ref === 'string' ? ref : ref.name ?? ref.id;
}

export function refId(ref: { id: string; name?: string } | string | undefined): string | undefined {
  if (!ref) return undefined;
  return typeof ref === 'string' ? ref : ref.id;
}
