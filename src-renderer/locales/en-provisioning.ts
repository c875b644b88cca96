/** English messages of jobs, provisioning logs, plans, reports and the sandbox (merged into en.ts as `provisioning`). */
export const enProvisioning = {
  tryDemo: 'Try with demo data',
};
