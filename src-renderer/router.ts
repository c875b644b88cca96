import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';

// Hash history: the Electron window loads index.html from a file:// URL, where path routes cannot reload.
export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/dashboard' },
  { path: '/dashboard', name: 'dashboard', component: () => import('./views/dashboard/index.vue') },
  { path: '/connections', name: 'connections', component: () => import('./views/connections/index.vue') },
  { path: '/jobs', name: 'jobs', component: () => import('./views/jobs/index.vue') },
  { path: '/jobs/new', name: 'job-new', component: () => import('./views/jobs/wizard/index.vue') },
  { path: '/jobs/:id', name: 'job', component: () => import('./views/jobs/detail.vue') },
  { path: '/accounts', name: 'accounts', component: () => import('./views/accounts/index.vue') },
  { path: '/logs', name: 'logs', component: () => import('./views/logs/index.vue') },
  { path: '/reports', name: 'reports', component: () => import('./views/reports/index.vue') },
  { path: '/sandbox', name: 'sandbox', component: () => import('./views/sandbox/index.vue') },
  { path: '/audit', name: 'audit', component: () => import('./views/audit/index.vue') },
  { path: '/settings', name: 'settings', component: () => import('./views/settings/index.vue') },
  {
    path: '/settings/playground',
    name: 'playground',
    component: () => import('./views/playground/index.vue'),
  },
  { path: '/:pathMatch(.*)*', redirect: '/dashboard' },
];

export function createRosterRouter() {
  return createRouter({ history: createWebHashHistory(), routes });
}
