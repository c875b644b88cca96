/**
 * The HR directory the bench provisions: `users` people spread evenly over `groups` groups (so each
 * group gets users / groups members, one membership request each at the default 100 per request),
 * no manager column — the shape of the table (2,000 users + 100 groups = 2,200 writes).
 */
export interface Directory {
  users: number;
  groups: number;
  /** Every `changeEvery`-th user gets a different title (the 1 % delta: 100). */
  changeEvery?: number;
  /** The "one group gains k members" row: the first k users not yet in group 1 join it. */
  extraMembersOfFirstGroup?: number;
}

export function groupName(index: number): string {
  return `Team-${String(index + 1).padStart(4, '0')}`;
}

export function employeeId(n: number): string {
  return `E${String(n).padStart(6, '0')}`;
}

export const csvColumns = 'employeeId,givenName,surname,displayName,email,department,jobTitle,status,groups';

/** The CSV text, built line by line into one string (100,000 rows is about 12 MB). */
export function directoryCsv(directory: Directory): string {
  const lines: string[] = [csvColumns];
  const departments = ['Sales', 'Engineering', 'Operations', 'Finance'];
  let joined = 0;
  for (let n = 1; n <= directory.users; n++) {
    const changed = directory.changeEvery !== undefined && n % directory.changeEvery === 0;
    const title = changed ? 'Senior Rep' : n % 3 === 0 ? 'Engineer' : 'Rep';
    const groups = directory.groups > 0 ? [groupName(n % directory.groups)] : [];
    if (joined < (directory.extraMembersOfFirstGroup ?? 0) && !groups.includes(groupName(0))) {
      groups.push(groupName(0));
      joined++;
    }
    lines.push(
      [
        employeeId(n),
        `Given${n}`,
        `Family${n}`,
        `Given${n} Family${n}`,
        `user${n}@example.com`,
        departments[n % departments.length],
        title,
        '',
        groups.join(';'),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
