// Buyer names by the buyer's language/culture (Latin script, as they appear on shipping labels).

import type { Rng } from './rng.ts';
import type { Language } from './types.ts';

interface NamePool {
  first: readonly string[];
  last: readonly string[];
  /** Family name first (as many Chinese/Japanese buyers write it). */
  familyFirstShare: number;
}

const POOLS: Record<Language, NamePool> = {
  en: {
    first: ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
      'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Chris', 'Karen',
      'Daniel', 'Nancy', 'Matthew', 'Lisa', 'Anthony', 'Betty', 'Mark', 'Sandra', 'Steven', 'Ashley',
      'Kevin', 'Emily', 'Brian', 'Megan', 'Tyler', 'Brittany', 'Jake', 'Hannah', 'Dwayne', 'Tamika'],
    last: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
      'Thomas', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis',
      'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams',
      'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Carter', 'Phillips', 'Evans', 'Turner', "O'Brien"],
    familyFirstShare: 0,
  },
  es: {
    first: ['José', 'María', 'Luis', 'Guadalupe', 'Carlos', 'Rosa', 'Juan', 'Ana', 'Miguel', 'Carmen',
      'Jorge', 'Lucía', 'Alejandro', 'Sofía', 'Fernando', 'Valeria', 'Ricardo', 'Gabriela', 'Diego', 'Isabel'],
    last: ['García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Torres',
      'Flores', 'Rivera', 'Gómez', 'Díaz', 'Reyes', 'Morales', 'Cruz', 'Ortiz', 'Gutiérrez', 'Chávez'],
    familyFirstShare: 0,
  },
  zh: {
    first: ['Wei', 'Fang', 'Jing', 'Lei', 'Min', 'Yan', 'Jun', 'Xiaoming', 'Li Na', 'Hao', 'Xin', 'Yu', 'Ying', 'Tao'],
    last: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Lin', 'Guo'],
    familyFirstShare: 0.4,
  },
  ja: {
    first: ['Yuki', 'Haruto', 'Sakura', 'Ren', 'Aoi', 'Takumi', 'Yui', 'Kenji', 'Hina', 'Daiki', 'Misaki', 'Sota'],
    last: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato'],
    familyFirstShare: 0.3,
  },
  de: {
    first: ['Lukas', 'Anna', 'Maximilian', 'Sophie', 'Jonas', 'Marie', 'Leon', 'Laura', 'Felix', 'Julia',
      'Paul', 'Lea', 'Tim', 'Katharina', 'Jan', 'Sabine', 'Thomas', 'Petra', 'Stefan', 'Birgit',
      'Jürgen', 'Ursula', 'Andreas', 'Monika', 'Matthias', 'Claudia', 'Uwe', 'Heike', 'Florian', 'Jana'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
      'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann',
      'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Krause', 'Meier', 'Lehmann'],
    familyFirstShare: 0,
  },
  fr: {
    first: ['Camille', 'Louis', 'Léa', 'Hugo', 'Chloé', 'Lucas', 'Manon', 'Nathan', 'Inès', 'Julien', 'Émilie', 'Théo'],
    last: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Lefèvre', 'Girard'],
    familyFirstShare: 0,
  },
  it: {
    first: ['Giulia', 'Alessandro', 'Francesca', 'Lorenzo', 'Chiara', 'Matteo', 'Sara', 'Andrea', 'Martina', 'Marco', 'Elena', 'Davide'],
    last: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo'],
    familyFirstShare: 0,
  },
};

export interface PersonName {
  first: string;
  last: string;
  full: string;
}

export function personName(rng: Rng, language: Language): PersonName {
  const pool = POOLS[language];
  const first = rng.pick(pool.first);
  const last = rng.pick(pool.last);
  const full = rng.chance(pool.familyFirstShare) ? `${last} ${first}` : `${first} ${last}`;
  return { first, last, full };
}

/** ASCII fold for e-mail local parts: "Jürgen Müller" → "jurgen.muller". */
export function asciiFold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

/** How a carrier prints the signer: "J.SMITH". */
export function signerName(name: PersonName): string {
  return `${asciiFold(name.first).charAt(0).toUpperCase()}.${asciiFold(name.last).replace(/\./g, '').toUpperCase()}`;
}

const MAIL_DOMAINS_US = ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'hotmail.com', 'aol.com', 'comcast.net'];
const MAIL_DOMAINS: Partial<Record<Language, readonly string[]>> = {
  de: ['gmail.com', 'web.de', 'gmx.de', 't-online.de', 'outlook.de', 'gmx.net'],
  fr: ['gmail.com', 'orange.fr', 'free.fr', 'laposte.net'],
  it: ['gmail.com', 'libero.it', 'virgilio.it', 'hotmail.it'],
  ja: ['gmail.com', 'yahoo.co.jp', 'icloud.com'],
  zh: ['gmail.com', 'qq.com', '163.com', 'outlook.com'],
};

/** A real-looking personal e-mail address. */
export function personalEmail(rng: Rng, name: PersonName, language: Language): string {
  const domain = rng.pick(MAIL_DOMAINS[language] ?? MAIL_DOMAINS_US);
  const f = asciiFold(name.first).replace(/\./g, '');
  const l = asciiFold(name.last).replace(/\./g, '');
  const style = rng.int(0, 3);
  const local = style === 0 ? `${f}.${l}` : style === 1 ? `${f.charAt(0)}${l}${rng.int(1, 99)}` : style === 2 ? `${f}${l}${rng.int(70, 99)}` : `${l}.${f}${rng.int(1, 9)}`;
  return `${local}@${domain}`;
}
