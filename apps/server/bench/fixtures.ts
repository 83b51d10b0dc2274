/**
 * Deterministic, realistic clients for the search benchmark: Spanish, Italian and English
 * speakers (accents, two Spanish surnames, apostrophes), phones typed as staff type them, emails,
 * DNI/NIE/codice fiscale/CIF. Every client goes through the real input schema
 * (`clientInputSchemaFor`), so what is stored is what the application would store.
 */
import { Random, cif, codiceFiscale, dni, nie, partitaIva } from "@frontoffice/db/testing";
import {
  clientInputSchemaFor,
  foldForSearch,
  normalizePhone,
  type ClientData,
  type ClientInput,
  type CountryCode,
} from "@frontoffice/domain";

interface NamePool {
  female: readonly string[];
  male: readonly string[];
  family: readonly string[];
}

const SPANISH: NamePool = {
  female: [
    "María", "Carmen", "Lucía", "Ana", "Laura", "Marta", "Elena", "Paula", "Cristina", "Sara", "Isabel", "Pilar",
    "Rocío", "Nuria", "Beatriz", "Raquel", "Inés", "Alba", "Irene", "Silvia", "Teresa", "Julia", "Noelia", "Sofía",
    "Begoña", "Montserrat", "Ainhoa", "Ángela", "Mónica", "Verónica", "María José", "Ana Belén",
  ],
  male: [
    "Antonio", "José", "Manuel", "Francisco", "David", "Javier", "Daniel", "Carlos", "Jesús", "Alejandro", "Miguel",
    "Rafael", "Pablo", "Sergio", "Fernando", "Jorge", "Luis", "Álvaro", "Adrián", "Raúl", "Iñaki", "Andrés", "Rubén",
    "Gonzalo", "Íñigo", "Ignacio", "Óscar", "Hugo", "Joaquín", "Tomás", "José Luis", "Juan Carlos",
  ],
  family: [
    "García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín",
    "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Alonso", "Gutiérrez", "Navarro",
    "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Ramírez", "Serrano", "Blanco", "Molina", "Morales", "Suárez",
    "Ortega", "Delgado", "Castro", "Ortiz", "Rubio", "Marín", "Sanz", "Iglesias", "Núñez", "Medina", "Garrido",
    "Castillo", "Cortés", "Lozano", "Guerrero", "Cano", "Prieto", "Méndez", "Peña", "Calvo", "Cabrera", "Herrera",
    "León", "Márquez", "Vidal", "Campos", "Fuentes", "Carrasco", "Ibáñez", "Echeverría", "Zubizarreta", "Goikoetxea",
    "de la Fuente", "del Río",
  ],
};

const ITALIAN: NamePool = {
  female: [
    "Giulia", "Francesca", "Chiara", "Sara", "Martina", "Valentina", "Alessandra", "Federica", "Silvia", "Elena",
    "Laura", "Paola", "Roberta", "Anna", "Giorgia", "Beatrice", "Elisa", "Serena", "Ilaria", "Caterina", "Lucia",
    "Camilla", "Benedetta", "Noemi",
  ],
  male: [
    "Marco", "Alessandro", "Giuseppe", "Luca", "Andrea", "Francesco", "Matteo", "Lorenzo", "Davide", "Stefano",
    "Giovanni", "Roberto", "Paolo", "Simone", "Riccardo", "Federico", "Antonio", "Nicolò", "Emanuele", "Fabio",
    "Massimo", "Giacomo", "Tommaso", "Pietro", "Niccolò", "Gioele",
  ],
  family: [
    "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno",
    "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti", "Barbieri",
    "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone", "Longo", "Gentile",
    "Martinelli", "Vitale", "Lombardo", "Serra", "Coppola", "De Santis", "D'Angelo", "Marchetti", "Parisi", "Villa",
    "Conte", "Ferraro", "Fabbri", "Bianco", "Sala", "Brambilla", "Cattaneo", "Pozzi", "Fumagalli", "Cantù", "Pellè",
    "Mazzù", "Nicolò", "Sciarrà",
  ],
};

const ENGLISH: NamePool = {
  female: ["Emma", "Charlotte", "Sophie", "Hannah", "Claire", "Rebecca", "Aoife", "Siobhán", "Niamh", "Saoirse", "Róisín", "Katie"],
  male: ["James", "Thomas", "Oliver", "William", "Seán", "Pádraig", "Ciarán", "Eoin", "Cathal", "Matthew", "Peter", "Conor"],
  family: [
    "Smith", "Taylor", "Brown", "Wilson", "Evans", "Murphy", "Kelly", "O'Sullivan", "Walsh", "O'Brien", "Byrne",
    "Ryan", "O'Connor", "Ó Briain", "Doherty", "Kennedy", "Lynch", "Murray", "Quinn", "Moore", "McCarthy", "Clarke",
    "Walker", "Müller", "Brennan", "Ní Bhriain",
  ],
};

const SPANISH_COMPANY = ["Talleres {s} S.L.", "Construcciones {s} e Hijos S.A.", "Asesoría {s} S.L.", "Farmacia {s}", "Transportes {s} S.L.U."];
const ITALIAN_COMPANY = ["{s} & {t} S.r.l.", "Studio {s} S.a.s.", "Officine {s} S.p.A.", "Pasticceria {s} S.n.c."];
const ENGLISH_COMPANY = ["{s} Consulting Ltd", "{s} & {t} Solicitors", "{s} Builders Ltd"];

const EMAIL_DOMAINS = {
  es: ["gmail.com", "hotmail.com", "yahoo.es", "outlook.es", "telefonica.net"],
  it: ["gmail.com", "libero.it", "alice.it", "virgilio.it", "hotmail.it"],
  en: ["gmail.com", "eircom.net", "outlook.com", "yahoo.co.uk"],
} as const;

const IT_MOBILE_PREFIXES = ["320", "328", "329", "333", "335", "338", "339", "340", "345", "347", "348", "349", "366", "380", "388", "392"];
const CF_PLACES = ["F205", "F205", "H501", "L219", "F839", "A944", "D612", "B157", "A794", "F704", "G273"];

export interface OfficeRef {
  id: string;
  country: "ES" | "IT" | "IE";
}

export interface GeneratedClient {
  id: string;
  data: ClientData;
  archived: boolean;
  updatedAt: Date;
}

/** A phone number as staff type it (spaces, dashes, with or without the prefix), and valid. */
function phone(random: Random, country: "ES" | "IT" | "IE" | "GB"): string {
  for (;;) {
    const typed = typedPhone(random, country);
    // Not every number range is allocated; draw again rather than store what staff could not.
    if (normalizePhone(typed, country === "GB" ? undefined : country)) return typed;
  }
}

function typedPhone(random: Random, country: "ES" | "IT" | "IE" | "GB"): string {
  switch (country) {
    case "ES": {
      const national = random.chance(0.8) ? `${random.pick(["6", "7"])}${random.pick(["1", "2", "3", "4"])}${random.digits(7)}` : `91${random.digits(7)}`;
      const style = random.int(0, 3);
      if (style === 0) return national;
      if (style === 1) return `${national.slice(0, 3)} ${national.slice(3, 5)} ${national.slice(5, 7)} ${national.slice(7)}`;
      if (style === 2) return `+34 ${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`;
      return `${national.slice(0, 3)}-${national.slice(3, 6)}-${national.slice(6)}`;
    }
    case "IT": {
      const national = random.chance(0.8) ? `${random.pick(IT_MOBILE_PREFIXES)}${random.digits(7)}` : `02${random.digits(8)}`;
      return random.chance(0.5) ? `${national.slice(0, 3)} ${national.slice(3)}` : `+39 ${national}`;
    }
    case "IE": {
      const national = random.chance(0.8) ? `08${random.pick(["3", "5", "6", "7", "9"])}${random.digits(7)}` : `01${random.digits(7)}`;
      return random.chance(0.5) ? `${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}` : `+353 ${national.slice(1)}`;
    }
    case "GB":
      return `+44 7${random.pick(["4", "5", "7", "8", "9"])}${random.digits(2)} ${random.digits(6)}`;
  }
}

function emailLocal(random: Random, givenName: string, familyName: string): string {
  const given = foldForSearch(givenName).split(" ")[0] ?? "x";
  const family = foldForSearch(familyName).replace(/[^a-z ]/g, "").split(" ").filter((word) => word.length > 2)[0] ?? "x";
  const style = random.int(0, 3);
  const local = style === 0 ? `${given}.${family}` : style === 1 ? `${given}${family}` : style === 2 ? `${given[0]}${family}` : `${given}_${family}`;
  return random.chance(0.4) ? `${local}${random.int(1, 99)}` : local;
}

function slug(text: string): string {
  return foldForSearch(text).replace(/[^a-z0-9]+/g, "").slice(0, 30);
}

function personInput(random: Random, office: OfficeRef): ClientInput {
  const culture = office.country === "ES" ? (random.chance(0.9) ? "es" : "expat") : office.country === "IT" ? "it" : "en";
  const pool = culture === "es" ? SPANISH : culture === "it" ? ITALIAN : ENGLISH;
  const female = random.chance(0.52);
  const givenName = random.pick(female ? pool.female : pool.male);
  // Spaniards carry two surnames; everyone else one.
  const familyName = culture === "es" ? `${random.pick(pool.family)} ${random.pick(pool.family)}` : random.pick(pool.family);
  const phoneCountry = culture === "expat" ? (random.chance(0.5) ? "GB" : "ES") : office.country;
  const phones: NonNullable<ClientInput["phones"]> = random.chance(0.92) ? [{ label: "mobile", number: phone(random, phoneCountry) }] : [];
  if (random.chance(0.2)) phones.push({ label: "home", number: phone(random, office.country) });
  const domains = culture === "it" ? EMAIL_DOMAINS.it : culture === "es" ? EMAIL_DOMAINS.es : EMAIL_DOMAINS.en;
  const emails: NonNullable<ClientInput["emails"]> = random.chance(0.7) ? [{ label: "home", address: `${emailLocal(random, givenName, familyName)}@${random.pick(domains)}` }] : [];
  let nationalId: ClientInput["nationalId"] = null;
  if (culture === "es" && random.chance(0.85)) nationalId = { type: "es_dni", value: random.chance(0.2) ? dni(random).toLowerCase() : dni(random) };
  if (culture === "expat" && random.chance(0.7)) nationalId = { type: "es_nie", value: nie(random) };
  if (culture === "it" && random.chance(0.8)) nationalId = { type: "it_codice_fiscale", value: codiceFiscale({
      givenName,
      familyName,
      female,
      dateOfBirth: `${random.int(1940, 2010)}-${String(random.int(1, 12)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`,
      placeCode: random.pick(CF_PLACES),
    }) };
  if (culture === "en" && random.chance(0.3)) nationalId = { type: "other", value: `${random.digits(7)}${random.pick(["A", "B", "W", "T"])}` };
  return {
    kind: "person",
    officeId: office.id,
    givenName,
    familyName,
    phones,
    emails,
    preferredLocale: culture === "it" ? "it" : culture === "es" ? "es" : "en",
    nationalId,
    notes: "",
  };
}

function companyInput(random: Random, office: OfficeRef): ClientInput {
  const [templates, pool] = office.country === "ES" ? [SPANISH_COMPANY, SPANISH] : office.country === "IT" ? [ITALIAN_COMPANY, ITALIAN] : [ENGLISH_COMPANY, ENGLISH];
  const companyName = random.pick(templates).replace("{s}", random.pick(pool.family)).replace("{t}", random.pick(pool.family));
  const tld = office.country === "ES" ? "es" : office.country === "IT" ? "it" : "ie";
  return {
    kind: "company",
    officeId: office.id,
    companyName,
    phones: [{ label: "work", number: phone(random, office.country) }],
    emails: [{ label: "work", address: `${random.pick(["info", "admin", "contabilidad", "ufficio"])}@${slug(companyName)}.${tld}` }],
    preferredLocale: office.country === "ES" ? "es" : office.country === "IT" ? "it" : "en",
    nationalId: office.country === "ES" ? { type: "es_nif", value: cif(random) } : null,
    details: office.country === "IT" ? { business: { vatNumber: `IT${partitaIva(random)}` } } : {},
  };
}

/**
 * `count` clients spread over the given offices (weights in the same order), validated and
 * normalized by the application's own schema. Last change times are spread over two years
 * before `now`, so the recent list has a real order to sort.
 */
export function generateClients(seed: number, count: number, offices: readonly (OfficeRef & { weight: number })[], now: Date): GeneratedClient[] {
  const random = new Random(seed);
  const total = offices.reduce((sum, office) => sum + office.weight, 0);
  const clients: GeneratedClient[] = [];
  while (clients.length < count) {
    let roll = random.next() * total;
    const office = offices.find((candidate) => (roll -= candidate.weight) < 0) ?? (offices[0] as OfficeRef);
    const input = random.chance(0.08) ? companyInput(random, office) : personInput(random, office);
    const parsed = clientInputSchemaFor(office.country as CountryCode).safeParse(input);
    if (!parsed.success) {
      throw new Error(`generated an invalid client: ${JSON.stringify(parsed.error.issues)} ${JSON.stringify(input)}`);
    }
    clients.push({
      id: random.uuid(),
      data: parsed.data,
      archived: random.chance(0.05),
      updatedAt: new Date(now.getTime() - random.int(0, 2 * 365 * 24 * 3600) * 1000),
    });
  }
  return clients;
}
