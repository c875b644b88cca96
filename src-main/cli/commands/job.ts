import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { jobFileSchema } from '@shared/domain/job-file';
import type { JobDetail, JobView } from '@shared/domain/job-view';
import { statusBadge, statusLabelWords } from '@shared/domain/job-status';
import { call, CliFailure, exitCodes, findJob, withApp } from '../cli-app';
import { jobNewFromApp } from './job-new-app';
import { dataDirOption } from '../options';
import { checkOutPath } from '../out-file';
import { readJsonFile } from '../read-json-file';

/** The JSON Schema of job files, generated from the same zod schema the app validates with. */
export function jobFileJsonSchema(): unknown {
  return {
    $id: 'https://roster.invalid/schemas/job-file.json',
    title: 'Roster job file',
    ...z.toJSONSchema(jobFileSchema, { io: 'input', unrepresentable: 'any' }),
  };
}

export function registerJobCommand(program: Command): void {
  const job = program.command('job').description('provisioning jobs as code');
  job
    .command('import <file>')
    .description('create or update a job (and missing connection profiles) from a roster-job JSON file')
    .addOption(dataDirOption())
    .action((file: string, opts: { dataDir?: string }) =>
      withApp(opts.dataDir, async (app) => {
        const parsed = readJsonFile(file, jobFileSchema);
        const detail = (await call(app, 'jobs.importFile', { file: parsed })) as JobDetail;
        console.log(
          `Imported job "${detail.name}" (${detail.id}).${detail.nextCycleInitial ? ' Its next cycle is an initial one.' : ''}`,
        );
      }),
    );
  job
    .command('export <job>')
    .description('print a job as a roster-job JSON file (no secrets)')
    .option('--out <file>', 'write to a file instead of standard output')
    .addOption(dataDirOption())
    .action((name: string, opts: { dataDir?: string; out?: string }) =>
      withApp(opts.dataDir, async (app) => {
        if (opts.out) checkOutPath(opts.out);
        const file = await call(app, 'jobs.exportFile', { id: findJob(app, name).id });
        const text = `${JSON.stringify(file, null, 2)}\n`;
        if (opts.out) writeFileSync(opts.out, text);
        else process.stdout.write(text);
      }),
    );
  job
    .command('list')
    .description('list jobs with their status')
    .addOption(dataDirOption())
    .action((opts: { dataDir?: string }) =>
      withApp(opts.dataDir, async (app) => {
        const jobs = (await call(app, 'jobs.list', {})) as JobView[];
        if (jobs.length === 0) console.log('No jobs yet. Import one with `roster job import <file>`.');
        for (const j of jobs) {
          const last = j.lastCycle ? `${j.lastCycle.status} ${j.lastCycle.endedAt ?? ''}` : 'never run';
          // The status the app shows (§15) as one word, the reason of a problem, and the next run.
          const why = j.state.quarantine?.reason ?? j.state.problem?.code;
          console.log(
            `${j.name}\t${statusBadge(j.state).label}\t${j.sourceConnection.name} → ${j.targetConnection.name}\tusers ${j.linkedUsers}, groups ${j.linkedGroups}\tnext run ${j.nextRunAt ?? '-'}\t${last}${why ? `\t${why}` : ''}`,
          );
        }
      }),
    );
  for (const [verb, command, what] of [
    ['start', 'jobs.start', 'run the job on its schedule (a first start runs the initial cycle at once)'],
    ['pause', 'jobs.pause', "stop the job's schedule; a running cycle stops at a safe point"],
  ] as const) {
    job
      .command(`${verb} <job>`)
      .description(`${what}; \`roster run\` or the app picks it up`)
      .addOption(dataDirOption())
      .action((name: string, opts: { dataDir?: string }) =>
        withApp(opts.dataDir, async (app) => {
          const view = (await call(app, command, { id: findJob(app, name).id })) as JobView;
          const next = view.nextRunAt ? `; next cycle ${view.nextRunAt}` : '';
          console.log(`${view.name}: ${statusLabelWords[statusBadge(view.state).label]}${next}.`);
        }),
      );
  }
  job
    .command('new <name>')
    .description(
      'write a job file with the default mappings for a source and a target (edit it, then `roster job import`); --app starts from an app profile (`roster app list`)',
    )
    .requiredOption('--source <connection>', 'source connection (CSV or LDAP)')
    .option(
      '--target <connection>',
      'target connection (SCIM or LDAP); with --app, a new one is named after the app',
    )
    .option('--app <id>', 'start from an app profile: its connection settings, mappings, schema and limits')
    .option(
      '--base-url <url>',
      "with --app: the app's SCIM base URL, when the profile's has parts to fill in",
    )
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--create', 'create the job right away instead of printing it')
    .addOption(dataDirOption())
    .action(
      (
        name: string,
        opts: {
          dataDir?: string;
          source: string;
          target?: string;
          app?: string;
          baseUrl?: string;
          out?: string;
          create?: boolean;
        },
      ) =>
        withApp(opts.dataDir, async (app) => {
          if (opts.out) checkOutPath(opts.out);
          if (opts.app) return jobNewFromApp(app, name, { ...opts, app: opts.app });
          if (!opts.target)
            throw new CliFailure(
              'Name the target with --target (or start from an app with --app).',
              exitCodes.badInput,
            );
          const config = await call(app, 'jobs.defaults', {
            name,
            sourceConnection: opts.source,
            targetConnection: opts.target,
          });
          if (opts.create) {
            const detail = (await call(app, 'jobs.create', { config })) as JobDetail;
            console.log(`Created job "${detail.name}" (${detail.id}) with the default mappings.`);
            return;
          }
          const text = `${JSON.stringify({ $schema: 'https://roster.invalid/schemas/job-file.json', format: 'roster-job', version: 1, job: config }, null, 2)}\n`;
          if (opts.out) writeFileSync(opts.out, text);
          else process.stdout.write(text);
        }),
    );
  job
    .command('schema')
    .description('print the JSON Schema of roster-job files')
    .action(() => {
      process.stdout.write(`${JSON.stringify(jobFileJsonSchema(), null, 2)}\n`);
    });
}
