/** Names, streets and words the demo draws from, per office. */

export interface NamePool {
  female: readonly string[];
  male: readonly string[];
  family: readonly string[];
}

export const SPANISH_NAMES: NamePool = {
  female: [
    "María", "Carmen", "Lucía", "Ana", "Laura", "Marta", "Elena", "Paula", "Cristina", "Sara",
    "Isabel", "Pilar", "Rocío", "Nuria", "Beatriz", "Raquel", "Inés", "Alba", "Irene", "Silvia",
    "Teresa", "Julia", "Noelia", "Patricia", "Sofía", "Begoña", "Montserrat", "Ainhoa",
  ],
  male: [
    "Antonio", "José", "Manuel", "Francisco", "David", "Javier", "Daniel", "Carlos", "Jesús", "Alejandro",
    "Miguel", "Rafael", "Pablo", "Sergio", "Fernando", "Jorge", "Luis", "Álvaro", "Adrián", "Raúl",
    "Iñaki", "Andrés", "Rubén", "Gonzalo", "Íñigo", "Ignacio", "Óscar", "Hugo",
  ],
  family: [
    "García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín",
    "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Alonso", "Gutiérrez",
    "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Ramírez", "Serrano", "Blanco", "Molina",
    "Morales", "Suárez", "Ortega", "Delgado", "Castro", "Ortiz", "Rubio", "Marín", "Sanz", "Iglesias",
    "Núñez", "Medina", "Garrido", "Castillo", "Cortés", "Lozano", "Guerrero", "Cano", "Prieto", "Méndez",
  ],
};

/** Foreign residents of Madrid (NIE holders), who often prefer English. */
export const EXPAT_NAMES: NamePool = {
  female: ["Emma", "Charlotte", "Sophie", "Hannah", "Claire", "Rebecca", "Anna", "Katie"],
  male: ["James", "Thomas", "Oliver", "William", "Daniel", "Matthew", "Lukas", "Peter"],
  family: ["Smith", "Taylor", "Brown", "Wilson", "Evans", "Müller", "Schneider", "Davies", "Clarke", "Walker"],
};

export const ITALIAN_NAMES: NamePool = {
  female: [
    "Giulia", "Francesca", "Chiara", "Sara", "Martina", "Valentina", "Alessandra", "Federica", "Silvia", "Elena",
    "Laura", "Paola", "Roberta", "Anna", "Giorgia", "Beatrice", "Elisa", "Serena", "Ilaria", "Caterina",
    "Lucia", "Marta", "Camilla", "Benedetta",
  ],
  male: [
    "Marco", "Alessandro", "Giuseppe", "Luca", "Andrea", "Francesco", "Matteo", "Lorenzo", "Davide", "Stefano",
    "Giovanni", "Roberto", "Paolo", "Simone", "Riccardo", "Federico", "Antonio", "Nicolò", "Emanuele", "Fabio",
    "Massimo", "Giacomo", "Tommaso", "Pietro",
  ],
  family: [
    "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
    "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti",
    "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone",
    "Longo", "Gentile", "Martinelli", "Vitale", "Lombardo", "Serra", "Coppola", "De Santis", "D'Angelo", "Marchetti",
    "Parisi", "Villa", "Conte", "Ferraro", "Fabbri", "Bianco", "Sala", "Brambilla", "Cattaneo", "Pozzi",
  ],
};

/** Cadastral codes of birthplaces for the codice fiscale. */
export const ITALIAN_BIRTHPLACES = ["F205", "F205", "F205", "H501", "L219", "F839", "A944", "D612", "B157", "A794", "F704", "G273"];

export const IRISH_NAMES: NamePool = {
  female: [
    "Aoife", "Siobhán", "Niamh", "Ciara", "Saoirse", "Sinéad", "Róisín", "Caoimhe", "Orla", "Clodagh",
    "Emma", "Sarah", "Grace", "Ella", "Kate", "Amy", "Ava", "Chloe", "Lucy", "Hannah", "Éabha", "Méabh",
  ],
  male: [
    "Seán", "Conor", "Cian", "Oisín", "Darragh", "Eoin", "Ciarán", "Pádraig", "Cathal", "Fionn",
    "Jack", "James", "Adam", "Luke", "Daniel", "Michael", "Patrick", "Ryan", "Dylan", "Liam", "Tadhg", "Rónán",
  ],
  family: [
    "Murphy", "Kelly", "O'Sullivan", "Walsh", "Smith", "O'Brien", "Byrne", "Ryan", "O'Connor", "O'Neill",
    "O'Reilly", "Doyle", "McCarthy", "Gallagher", "O'Doherty", "Kennedy", "Lynch", "Murray", "Quinn", "Moore",
    "McLoughlin", "O'Carroll", "Connolly", "Daly", "O'Connell", "Wilson", "Dunne", "Brennan", "Burke", "Collins",
    "Campbell", "Clarke", "Johnston", "Hughes", "Farrell", "Fitzgerald", "Brown", "Martin", "Maguire", "Nolan",
  ],
};

export const AMERICAN_NAMES: NamePool = {
  female: [
    "Jennifer", "Jessica", "Ashley", "Emily", "Sarah", "Megan", "Lauren", "Rachel", "Hannah", "Olivia",
    "Madison", "Abigail", "Grace", "Natalie", "Samantha", "Danielle", "Maria", "Priya", "Mei", "Aaliyah",
  ],
  male: [
    "Michael", "Christopher", "Matthew", "Joshua", "David", "Daniel", "Andrew", "Ryan", "Tyler", "Kevin",
    "Brian", "Jason", "Justin", "Brandon", "Nathan", "Marcus", "Carlos", "Raj", "Kenji", "Darnell",
  ],
  family: [
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Garcia", "Rodriguez", "Wilson",
    "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris",
    "Sullivan", "O'Connor", "Nguyen", "Patel", "Kim", "Chen", "Goldberg", "Cohen", "Rossi", "Murphy",
    "Fitzgerald", "Walsh", "Silva", "Pereira", "Washington", "Brooks", "Coleman", "Russo", "Kowalski", "Shapiro",
  ],
};

export const MADRID_STREETS = [
  "Calle de Alcalá", "Calle de Serrano", "Calle de Goya", "Calle de Velázquez", "Paseo de la Castellana",
  "Calle de Toledo", "Calle de Atocha", "Calle de Bravo Murillo", "Calle de la Princesa", "Calle de Fuencarral",
  "Calle del Doctor Esquerdo", "Calle de O'Donnell", "Avenida de Menéndez Pelayo", "Calle de Ibiza",
  "Calle de Narváez", "Calle de Arturo Soria", "Calle de López de Hoyos", "Calle de Sainz de Baranda",
];
export const MADRID_POSTAL_CODES = ["28001", "28006", "28007", "28009", "28028", "28014", "28012", "28015", "28004", "28010", "28002", "28043"];
export const MADRID_FLOORS = ["1º A", "2º B", "3º C", "4º D", "5º Izda.", "Bajo A", "6º Dcha.", "2º Izda.", "1º Dcha."];

export const MILAN_STREETS = [
  "Via Torino", "Corso Buenos Aires", "Via Dante", "Corso di Porta Romana", "Viale Monza", "Via Paolo Sarpi",
  "Corso Garibaldi", "Via Solferino", "Viale Papiniano", "Via Washington", "Corso Vercelli", "Via Padova",
  "Viale Abruzzi", "Via Lorenteggio", "Via Marghera", "Corso Lodi", "Via Ripamonti", "Viale Certosa",
];
export const MILAN_POSTAL_CODES = ["20121", "20122", "20123", "20124", "20129", "20135", "20137", "20144", "20145", "20146", "20154", "20156"];

export const DUBLIN_STREETS = [
  "Griffith Avenue", "Drumcondra Road Upper", "Collins Avenue", "Iona Road", "Botanic Road", "Glasnevin Hill",
  "Ballymun Road", "Whitehall Road", "Home Farm Road", "St. Mobhi Road", "Hampstead Avenue", "Swords Road",
  "Philipsburgh Avenue", "Clonliffe Road", "Finglas Road", "Mobhi Court",
];
/** Eircode routing keys of north Dublin. */
export const DUBLIN_ROUTING_KEYS = ["D09", "D09", "D09", "D11", "D03", "D05"];

export const BOSTON_STREETS = [
  "Newbury Street", "Boylston Street", "Commonwealth Avenue", "Beacon Street", "Tremont Street",
  "Washington Street", "Massachusetts Avenue", "Huntington Avenue", "Cambridge Street", "Hanover Street",
  "Dorchester Avenue", "Centre Street", "Harvard Street", "Highland Avenue", "Summer Street", "Atlantic Avenue",
];
export const BOSTON_TOWNS = [
  { city: "Boston", postalCodes: ["02108", "02110", "02115", "02116", "02118", "02127", "02130"] },
  { city: "Cambridge", postalCodes: ["02138", "02139", "02140"] },
  { city: "Somerville", postalCodes: ["02143", "02144", "02145"] },
  { city: "Brookline", postalCodes: ["02445", "02446"] },
] as const;
/** 555-0100 to 555-0199 are set aside for fiction in every North American area code. */
export const BOSTON_AREA_CODES = ["617", "857", "781"];

export const SPANISH_INSURERS = ["Sanitas", "Adeslas", "DKV", "Asisa", "Mapfre Salud", "Cigna", "AXA Salud"];

export const MEDICAL_NOTES = [
  "Prefiere citas por la tarde.",
  "Alergia a la penicilina.",
  "Revisión anual en septiembre.",
  "Llamar al móvil, no deja mensajes en el fijo.",
  "Tratamiento de ortodoncia en curso.",
  "Viene acompañada de su hija.",
  "Pide factura a nombre de la empresa.",
];

export const LEGAL_MATTERS = [
  "Recupero crediti verso fornitore",
  "Contratto di locazione commerciale",
  "Separazione consensuale",
  "Successione ereditaria",
  "Ricorso contro sanzione amministrativa",
  "Costituzione di S.r.l.",
  "Contenzioso di lavoro",
  "Risarcimento danni da sinistro stradale",
  "Revisione contratti di fornitura",
  "Marchio e proprietà intellettuale",
  "Compravendita immobiliare",
  "Cessione di ramo d'azienda",
];

export const LEGAL_NOTES = [
  "Preferisce essere contattato via e-mail.",
  "Documenti originali in archivio, faldone 12.",
  "Appuntamenti solo il venerdì mattina.",
  "Referente amministrativo: ufficio contabilità.",
];

export const ITALIAN_COMPANY_WORDS = [
  "Costruzioni", "Logistica", "Tessile", "Meccanica", "Immobiliare", "Alimentari", "Design", "Consulting",
  "Trasporti", "Edilizia", "Impianti", "Arredamenti",
];
export const ITALIAN_COMPANY_FORMS = ["S.r.l.", "S.p.A.", "S.n.c.", "S.a.s."];

export const SCHOOL_GRADES = ["1st Year", "2nd Year", "3rd Year", "Transition Year", "5th Year", "6th Year"];

export const EDUCATION_NOTES = [
  "Collected by grandmother on Wednesdays.",
  "Learning support on Tuesday and Thursday.",
  "Asthma: inhaler kept at the front office.",
  "Parents separated: both guardians receive school letters.",
  "Plays on the under-16 hurling team.",
];

export const BOSTON_COMPANY_PREFIXES = [
  "Harbor", "Beacon", "Back Bay", "Charles River", "Fenway", "Bay State", "Commonwealth", "Minuteman",
  "Patriot", "North End", "Seaport", "Emerald Necklace", "Liberty", "Cape Ann", "Old Colony", "Red Line",
];
export const BOSTON_COMPANY_NOUNS = [
  "Coffee Roasters", "Dental Group", "Realty", "Fitness", "Bakery", "Law Group", "Architects", "Yoga Studio",
  "Brewing Co.", "Veterinary Clinic", "Bookshop", "Tutoring", "Landscaping", "Events", "Photography", "Florist",
];
export const BOSTON_COMPANY_FORMS = ["LLC", "Inc.", "LLC", "Co.", "LLP"];

export const BUSINESS_NOTES = [
  "Net 30 terms approved.",
  "Always wants a proof before printing.",
  "Prefers pickup after 4 pm.",
  "Tax-exempt certificate on file.",
  "Large poster orders every semester.",
];

/** European customers of the print shop, with VAT numbers. */
export const FOREIGN_BUSINESS_CUSTOMERS = [
  { name: "Gráficas Levante", form: "S.L.", country: "ES" },
  { name: "Tipografia Lombarda", form: "S.r.l.", country: "IT" },
  { name: "Liffey Design Studio", form: "Ltd", country: "IE" },
] as const;
