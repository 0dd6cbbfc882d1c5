/** The remote apps of the back-office and where each is served, next to the shell. */
export interface RemoteApp {
  /** Federation name, also the folder under /apps/ where the app is served. */
  name: 'planning' | 'billing' | 'finance';
  devPort: number;
}

export const remoteApps: readonly RemoteApp[] = [
  { name: 'planning', devPort: 5174 },
  { name: 'billing', devPort: 5175 },
  { name: 'finance', devPort: 5176 },
];

export const remoteBase = (name: RemoteApp['name']) => `/apps/${name}/`;
