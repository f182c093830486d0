import { createContext, useContext } from 'react';
import type { Navigate } from './routes.js';

export const NavigationContext = createContext<Navigate>(() => {
  throw new Error('Navigation hors de l’application.');
});

export function useNavigate(): Navigate {
  return useContext(NavigationContext);
}
