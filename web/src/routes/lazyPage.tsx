import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';

/** A page as its own chunk, fetched when the page is first opened (the module's named export `name`). */
export function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

/** While a page's chunk arrives. */
export function PageLoading() {
  return <div style={{ padding: 48, textAlign: 'center' }}><Spin size="large" /></div>;
}

/** Shows the spinner while a lazily loaded page below it arrives. */
export function Loaded({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}
