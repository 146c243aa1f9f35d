import type { APIRequestContext } from '@playwright/test';
import { seed } from './env';

/** What WebAppSeedPart2 added to the seed (see server/src/test/java/io/xstore/server/webapp/WebAppSeedPart2.java). */
interface Ref { id: string; name: string }
type TaskRef = Ref & { project: string };

export interface Seed2 {
  actionsProject: Ref;
  targetProject: Ref;
  draftA: TaskRef;
  draftB: TaskRef;
  actRunning: TaskRef;
  actCompleted: TaskRef;
  historyTask: TaskRef & { firstName: string };
  compareTask: TaskRef;
  queue: Ref & { waiting: string[] };
  emptyQueue: Ref;
  worker: { id: string; task: TaskRef };
  credentials: { accessKey: string; secretKey: string };
}

export const seed2 = seed as unknown as Seed2 & typeof seed;

/**
 * An agent as clearml-agent talks to the server: plain HTTP calls to the API (through the web app's /api proxy),
 * signed in with its own key pair.
 */
export class SimulatedWorker {
  private token = '';

  constructor(private readonly request: APIRequestContext, readonly id: string) {}

  private async call<T>(endpoint: string, body: object): Promise<T> {
    const response = await this.request.post(`/api/v2.31/${endpoint}`, {
      data: body, headers: { Authorization: `Bearer ${this.token}`, 'X-ClearML-Worker': this.id },
    });
    const envelope = await response.json();
    if (envelope.meta?.result_code !== 200) throw new Error(`${endpoint}: ${JSON.stringify(envelope.meta)}`);
    return envelope.data as T;
  }

  async register(queues: string[]) {
    const basic = Buffer.from(`${seed2.credentials.accessKey}:${seed2.credentials.secretKey}`).toString('base64');
    const login = await this.request.post('/api/v2.31/auth.login', { headers: { Authorization: `Basic ${basic}` } });
    this.token = (await login.json()).data.token;
    await this.call('workers.register', { worker: this.id, queues, timeout: 600 });
  }

  /** The next task of the queue, or undefined when it is empty. */
  async pull(queue: string): Promise<string | undefined> {
    const data = await this.call<{ entry?: { task: string } }>('queues.get_next_task', { queue });
    return data.entry?.task;
  }

  async started(task: string) {
    await this.call('tasks.started', { task });
  }
}
