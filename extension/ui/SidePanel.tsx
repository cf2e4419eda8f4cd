import { useEffect, useState } from 'react';
import { type Handoff, onHandoff, takeHandoff } from '../handoff';
import { HandoffCard } from './HandoffCard';
import { PageCard } from './PageCard';
import { useTargetTab } from './useTargetTab';
import { useWorkerHealth } from './useWorkerHealth';
import { WorkerStatus } from './WorkerStatus';

export function SidePanel() {
  const worker = useWorkerHealth();
  const tabId = useTargetTab();
  const [handoff, setHandoff] = useState<Handoff>();

  useEffect(() => {
    const pick = () => void takeHandoff().then((h) => h && setHandoff(h));
    pick();
    return onHandoff(pick);
  }, []);

  return (
    <main className="flex min-h-screen flex-col gap-4 bg-white p-4 font-sans text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <header className="flex items-center justify-between">
        <h1 className="text-lg font-semibold tracking-tight">
          <span className="text-brand-600">Est</span>ait
        </h1>
      </header>
      <WorkerStatus {...worker} />
      {handoff && <HandoffCard handoff={handoff} onDismiss={() => setHandoff(undefined)} />}
      <PageCard tabId={tabId} />
    </main>
  );
}
