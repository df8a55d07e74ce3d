import { createContext, useContext } from 'react';

export type ShellValue = { openShortcuts: () => void };

export const ShellContext = createContext<ShellValue>({ openShortcuts: () => undefined });

export function useShell(): ShellValue {
  return useContext(ShellContext);
}
