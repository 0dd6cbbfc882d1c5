// Root components exposed by the remote apps (see @relais/vite-config).
declare module 'planning/App' {
  const App: import('react').ComponentType;
  export default App;
}
declare module 'billing/App' {
  const App: import('react').ComponentType;
  export default App;
}
declare module 'finance/App' {
  const App: import('react').ComponentType;
  export default App;
}
