import { Notification, Stack } from '@mantine/core';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

export interface Notice {
  id: number;
  tone: 'success' | 'warning' | 'error';
  title: string;
  lines?: readonly string[];
}

type Notify = (notice: Omit<Notice, 'id'>) => void;

const NotifyContext = createContext<Notify>(() => undefined);

const colorOf: Record<Notice['tone'], string> = { success: 'teal', warning: 'orange', error: 'red' };

/** Short-lived messages after an action (scheduled, warnings, conflicts), bottom right of the page. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setNotices((current) => current.filter((notice) => notice.id !== id)), []);
  const notify = useCallback<Notify>(
    (notice) => {
      const id = nextId.current++;
      setNotices((current) => [...current.slice(-3), { ...notice, id }]);
      setTimeout(() => dismiss(id), notice.tone === 'success' ? 6000 : 12000);
    },
    [dismiss],
  );
  const value = useMemo(() => notify, [notify]);
  return (
    <NotifyContext.Provider value={value}>
      {children}
      <Stack
        gap="xs"
        style={{ position: 'fixed', right: 16, bottom: 16, zIndex: 400, width: 'min(420px, calc(100vw - 32px))' }}
        aria-live="polite"
      >
        {notices.map((notice) => (
          <Notification
            key={notice.id}
            role={notice.tone === 'error' ? 'alert' : 'status'}
            color={colorOf[notice.tone]}
            title={notice.title}
            withBorder
            onClose={() => dismiss(notice.id)}
          >
            {notice.lines?.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </Notification>
        ))}
      </Stack>
    </NotifyContext.Provider>
  );
}

export const useNotify = () => useContext(NotifyContext);
