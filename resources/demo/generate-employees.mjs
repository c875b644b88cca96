// Generates resources/demo/employees.csv: the HR export of Bright Harbor Robotics, a fictional
// company with offices in Korea, Europe and North America. Deterministic (a seeded PRNG), so running
// it again gives the same file byte for byte:
//
//   node resources/demo/generate-employees.mjs
//
// The file is what Excel writes with "CSV UTF-8": a UTF-8 BOM, CRLF line endings, commas, and quotes
// only where a value needs them. See README.md next to it for the columns.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const domain = 'brightharbor.example';
const target = 200;

// mulberry32: small, fast, and the same sequence on every machine.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20240611);
const pick = (list) => list[Math.floor(random() * list.length)];

// ── People ────────────────────────────────────────────────────────────────────
// Korean names: [Hangul, romanisation]. Display names are family name first without a space (김민준).
const koreanSurnames = [
  ['김', 'Kim'],
  ['이', 'Lee'],
  ['박', 'Park'],
  ['최', 'Choi'],
  ['정', 'Jung'],
  ['강', 'Kang'],
  ['조', 'Cho'],
  ['윤', 'Yoon'],
  ['장', 'Jang'],
  ['임', 'Lim'],
  ['한', 'Han'],
  ['오', 'Oh'],
  ['서', 'Seo'],
  ['신', 'Shin'],
  ['권', 'Kwon'],
  ['황', 'Hwang'],
  ['안', 'Ahn'],
  ['송', 'Song'],
  ['류', 'Ryu'],
  ['홍', 'Hong'],
];
const koreanGivenNames = [
  ['민준', 'Minjun'],
  ['서연', 'Seoyeon'],
  ['지호', 'Jiho'],
  ['하은', 'Haeun'],
  ['도윤', 'Doyun'],
  ['수아', 'Sua'],
  ['예준', 'Yejun'],
  ['지우', 'Jiwoo'],
  ['시우', 'Siwoo'],
  ['서윤', 'Seoyun'],
  ['주원', 'Juwon'],
  ['지민', 'Jimin'],
  ['현우', 'Hyunwoo'],
  ['채원', 'Chaewon'],
  ['건우', 'Geonwoo'],
  ['다은', 'Daeun'],
  ['우진', 'Woojin'],
  ['수빈', 'Subin'],
  ['준서', 'Junseo'],
  ['유나', 'Yuna'],
  ['은지', 'Eunji'],
  ['성민', 'Seongmin'],
  ['혜진', 'Hyejin'],
  ['재훈', 'Jaehoon'],
  ['미영', 'Miyoung'],
  ['동현', 'Donghyun'],
  ['소연', 'Soyeon'],
  ['영호', 'Youngho'],
  ['경아', 'Kyunga'],
  ['상훈', 'Sanghoon'],
];
// European names with the letters that break naive exports: é è ê ç ñ ü ö ä ß ø å æ ł.
const europeanNames = {
  Berlin: [
    ['Jürgen', 'Müller'],
    ['Käthe', 'Schäfer'],
    ['Jörg', 'Köhler'],
    ['Björn', 'Groß'],
    ['Lena', 'Weiß'],
    ['Günther', 'Bäcker'],
    ['Sören', 'Krüger'],
    ['Anneliese', 'Fröhlich'],
    ['Matthias', 'Hoffmann'],
    ['Ülkü', 'Yılmaz'],
    ['Łukasz', 'Wójcik'],
    ['Antonín', 'Dvořák'],
  ],
  Madrid: [
    ['José', 'Núñez'],
    ['María', 'Peña'],
    ['Iñigo', 'Ibáñez'],
    ['Begoña', 'Muñoz'],
    ['Ramón', 'Gómez'],
    ['Lucía', 'Martínez'],
    ['Álvaro', 'Sánchez'],
    ['Nuria', 'Fernández'],
    ['João', 'Conceição'],
  ],
  Paris: [
    ['Élodie', 'Lefèvre'],
    ['Hélène', 'Dubois'],
    ['Jérôme', 'Mercier'],
    ['François', 'Garçon'],
    ['Amélie', 'Rousseau'],
    ['Cécile', 'Bérenger'],
    ['Noël', 'Lemaître'],
    ['Anaïs', 'Girard'],
  ],
  Oslo: [
    ['Søren', 'Ødegård'],
    ['Åse', 'Bjørnstad'],
    ['Øystein', 'Løvås'],
    ['Sindre', 'Dæhlie'],
    ['Kåre', 'Hægeland'],
    ['Ingrid', 'Sæther'],
    ['Mette', 'Ørsted'],
  ],
};
const englishGiven = [
  'James',
  'Emily',
  'Michael',
  'Sarah',
  'David',
  'Jessica',
  'Daniel',
  'Ashley',
  'Matthew',
  'Olivia',
  'Andrew',
  'Hannah',
  'Ryan',
  'Grace',
  'Thomas',
  'Chloe',
];
const englishSurnames = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Taylor',
  'Anderson',
  'Thompson',
  'Walker',
  'Wright',
  'Mitchell',
  'Carter',
  'Bennett',
  "O'Connor",
  'Hughes',
];

const offices = {
  Seoul: { label: 'Seoul HQ', country: 'KR' },
  Busan: { label: 'Busan Plant', country: 'KR' },
  Berlin: { label: 'Berlin', country: 'DE' },
  Madrid: { label: 'Madrid', country: 'ES' },
  Paris: { label: 'Paris', country: 'FR' },
  Oslo: { label: 'Oslo', country: 'NO' },
  London: { label: 'London', country: 'GB' },
  Austin: { label: 'Austin, TX', country: 'US' },
};

function digits(n) {
  let s = '';
  for (let i = 0; i < n; i++) s += String(Math.floor(random() * 10));
  return s;
}
function mobileFor(country) {
  switch (country) {
    case 'KR':
      return `+82 10-${digits(4)}-${digits(4)}`;
    case 'DE':
      return `+49 151 ${digits(8)}`;
    case 'ES':
      return `+34 6${digits(2)} ${digits(3)} ${digits(3)}`;
    case 'FR':
      return `+33 6 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`;
    case 'NO':
      return `+47 4${digits(2)} ${digits(2)} ${digits(3)}`;
    case 'GB':
      return `+44 7${digits(3)} ${digits(6)}`;
    default:
      return `+1 512-${digits(3)}-${digits(4)}`;
  }
}

// Letters an e-mail local part cannot carry, folded the way HR systems usually do.
const folds = { ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', ß: 'ss', ł: 'l', Ł: 'L', ı: 'i', đ: 'd', "'": '' };
function asciiFold(text) {
  return [...text.normalize('NFD')]
    .map((c) => folds[c] ?? c)
    .join('')
    .replace(/[\u0300-\u036f]/g, '');
}
const usedLocalParts = new Set();
function emailFor(givenLatin, surnameLatin) {
  const base = `${asciiFold(givenLatin)}.${asciiFold(surnameLatin)}`.toLowerCase().replace(/[^a-z.]/g, '');
  let local = base;
  for (let n = 2; usedLocalParts.has(local); n++) local = `${base}${n}`;
  usedLocalParts.add(local);
  return `${local}@${domain}`;
}

const usedNames = new Set();
function personFor(office) {
  const country = offices[office].country;
  for (;;) {
    let person;
    if (country === 'KR') {
      const [sh, sl] = pick(koreanSurnames);
      const [gh, gl] = pick(koreanGivenNames);
      person = { givenName: gh, surname: sh, displayName: `${sh}${gh}`, latin: [gl, sl] };
    } else if (europeanNames[office]) {
      const [g, s] = pick(europeanNames[office]);
      person = { givenName: g, surname: s, displayName: `${g} ${s}`, latin: [g, s] };
    } else {
      const g = pick(englishGiven);
      const s = pick(englishSurnames);
      person = { givenName: g, surname: s, displayName: `${g} ${s}`, latin: [g, s] };
    }
    // European name lists are short: allow a repeat only after trying for a fresh one.
    if (!usedNames.has(person.displayName) || random() < 0.05) {
      usedNames.add(person.displayName);
      return person;
    }
  }
}

// ── Organisation ──────────────────────────────────────────────────────────────
// Department → head title, team-lead title, member titles, offices people sit in, head count.
const departments = [
  {
    name: 'Engineering',
    head: 'VP, Engineering',
    lead: 'Engineering Manager',
    titles: ['Software Engineer', 'Senior Software Engineer', 'Robotics Engineer', 'QA Engineer'],
    offices: ['Seoul', 'Seoul', 'Busan', 'Berlin', 'Oslo', 'Austin'],
    size: 60,
  },
  {
    name: 'Research',
    head: 'Director, Research',
    lead: 'Principal Scientist',
    titles: ['Research Scientist', 'Machine Learning Engineer', 'Research Engineer'],
    offices: ['Seoul', 'Paris', 'Oslo'],
    size: 20,
  },
  {
    name: 'Manufacturing',
    head: 'VP, Manufacturing',
    lead: 'Production Manager',
    titles: ['Production Technician', 'Quality Inspector', 'Process Engineer'],
    offices: ['Busan'],
    size: 26,
  },
  {
    name: 'Sales',
    head: 'VP, Sales',
    lead: 'Regional Sales Manager',
    titles: ['Account Executive', 'Sales Engineer', 'Sales Development Representative'],
    offices: ['Seoul', 'Madrid', 'London', 'Austin', 'Berlin'],
    size: 30,
  },
  {
    name: 'Marketing',
    head: 'Director, Marketing',
    lead: 'Marketing Manager',
    titles: ['Content Strategist', 'Product Marketing Manager', 'Designer'],
    offices: ['Seoul', 'Paris', 'London'],
    size: 16,
  },
  {
    name: 'Customer Success',
    head: 'Director, Customer Success',
    lead: 'Support Team Lead',
    titles: ['Customer Success Manager', 'Support Engineer'],
    offices: ['Seoul', 'Madrid', 'Austin'],
    size: 20,
  },
  {
    name: 'Finance',
    head: 'CFO',
    lead: 'Controller',
    titles: ['Accountant', 'Financial Analyst'],
    offices: ['Seoul', 'London'],
    size: 10,
  },
  {
    name: 'People',
    head: 'Director, People',
    lead: 'HR Business Partner',
    titles: ['Recruiter', 'People Operations Specialist'],
    offices: ['Seoul', 'Berlin'],
    size: 9,
  },
  {
    name: 'IT',
    head: 'Head of IT',
    lead: 'IT Operations Lead',
    titles: ['Systems Administrator', 'Service Desk Analyst', 'Identity Engineer'],
    offices: ['Seoul', 'Berlin'],
    size: 8,
  },
];

const rows = [];
let nextId = 1001;
function hireDate(minYear) {
  const year = minYear + Math.floor(random() * (2025 - minYear));
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
function addEmployee({ office, department, jobTitle, manager, employeeType = 'Employee', since = 2012 }) {
  const person = personFor(office);
  const row = {
    employeeId: `E${nextId++}`,
    givenName: person.givenName,
    surname: person.surname,
    displayName: person.displayName,
    email: emailFor(...person.latin),
    department,
    jobTitle,
    manager: manager?.employeeId ?? '',
    office: offices[office].label,
    mobile: mobileFor(offices[office].country),
    employeeType,
    hireDate: hireDate(since),
    status: 'Active',
    groups: [department],
  };
  rows.push(row);
  Object.defineProperty(row, 'officeKey', { value: office, enumerable: false });
  return row;
}

const ceo = addEmployee({ office: 'Seoul', department: 'Executive', jobTitle: 'Chief Executive Officer', since: 2012 });
ceo.groups = ['Executive', 'All Managers'];
ceo.hireDate = '2012-03-01';
for (const dept of departments) {
  const head = addEmployee({
    office: dept.offices[0],
    department: dept.name,
    jobTitle: dept.head,
    manager: ceo,
    since: 2012,
  });
  head.groups.push('All Managers');
  const leadCount = Math.max(1, Math.round(dept.size / 9));
  const leads = [];
  for (let i = 0; i < leadCount; i++) {
    const lead = addEmployee({
      office: dept.offices[i % dept.offices.length],
      department: dept.name,
      jobTitle: dept.lead,
      manager: head,
      since: 2014,
    });
    lead.groups.push('All Managers');
    leads.push(lead);
  }
  for (let i = 0; i < dept.size - 1 - leadCount; i++) {
    const lead = leads[i % leads.length];
    // Most people sit with their team lead; some teams are spread over the department's offices.
    const office = random() < 0.7 ? lead.officeKey : pick(dept.offices);
    const roll = random();
    const employeeType = roll < 0.08 ? 'Contractor' : roll < 0.12 ? 'Intern' : 'Employee';
    addEmployee({
      office,
      department: dept.name,
      jobTitle: employeeType === 'Intern' ? `${dept.titles[0]} Intern` : pick(dept.titles),
      manager: lead,
      employeeType,
      since: employeeType === 'Intern' ? 2024 : 2015,
    });
  }
}

// Project groups across departments.
for (const row of rows) {
  if (['Engineering', 'Research'].includes(row.department) && random() < 0.3) row.groups.push('Project Atlas');
  if (['Engineering', 'Manufacturing', 'Sales'].includes(row.department) && random() < 0.15) {
    row.groups.push('Project Borealis');
  }
  if (['Engineering', 'IT'].includes(row.department) && random() < 0.12) row.groups.push('Security Champions');
}

// Five leavers: individual contributors (nobody reports to them), marked Terminated.
const managers = new Set(rows.map((r) => r.manager).filter(Boolean));
const contributors = rows.filter((r) => !managers.has(r.employeeId) && r.employeeType === 'Employee');
for (let i = 0; i < 5; i++) {
  const leaver = contributors[Math.floor(((i + 0.5) * contributors.length) / 5)];
  leaver.status = 'Terminated';
}

if (rows.length !== target) throw new Error(`Expected ${target} employees, generated ${rows.length}`);

// ── Write ─────────────────────────────────────────────────────────────────────
const columns = [
  'employeeId',
  'givenName',
  'surname',
  'displayName',
  'email',
  'department',
  'jobTitle',
  'manager',
  'office',
  'mobile',
  'employeeType',
  'hireDate',
  'status',
  'groups',
];
function quote(value) {
  const text = Array.isArray(value) ? value.join(';') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
const lines = [columns.join(','), ...rows.map((row) => columns.map((c) => quote(row[c])).join(','))];
const out = join(dirname(fileURLToPath(import.meta.url)), 'employees.csv');
writeFileSync(out, '\ufeff' + lines.join('\r\n') + '\r\n', 'utf8');
console.log(`Wrote ${rows.length} employees to ${out}`);
