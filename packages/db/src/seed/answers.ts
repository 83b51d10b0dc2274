/**
 * The demo's knowledge base: what each desk tells callers, in the office's language (the dental
 * clinic in Madrid in Spanish, the law firm in Milan in Italian, the school in Dublin and the
 * print shop in Boston in English), plus one open question per office waiting for a manager.
 */
import { answerSearchText, type AnswerCategory, type Locale } from "@frontoffice/domain";
import type { Transaction } from "kysely";
import type { Database } from "../schema.js";
import type { Random } from "./random.js";

type OfficeKey = "madrid" | "milan" | "dublin" | "boston";

interface DemoAnswer {
  category: AnswerCategory;
  question: string;
  body: string;
  tags?: string[];
}

const LANGUAGE: Record<OfficeKey, Locale> = { madrid: "es", milan: "it", dublin: "en", boston: "en" };

export const DEMO_ANSWERS: Readonly<Record<OfficeKey, readonly DemoAnswer[]>> = {
  madrid: [
    { category: "hours", question: "¿Cuál es el horario de la clínica?", body: "Abrimos de lunes a viernes de 9:00 a 21:00 sin interrupción, y los sábados de 10:00 a 14:00. Domingos y festivos cerrado.", tags: ["horario", "abierto", "sábados"] },
    { category: "hours", question: "¿Abrís en agosto?", body: "En agosto abrimos de lunes a jueves de 9:00 a 15:00. La semana del 15 de agosto la clínica cierra; las urgencias se atienden en el teléfono de guardia.", tags: ["vacaciones", "verano"] },
    { category: "hours", question: "¿Atendéis urgencias dentales?", body: "Sí. Si llama antes de las 12:00 le vemos ese mismo día. Fuera de horario, el contestador da el móvil de la dentista de guardia.", tags: ["urgencia", "dolor de muelas"] },
    { category: "prices", question: "¿Cuánto cuesta la primera visita?", body: "La primera visita con revisión y diagnóstico es gratuita. Las radiografías panorámicas cuestan 30 €.", tags: ["precio", "revisión", "gratis"] },
    { category: "prices", question: "¿Cuánto cuesta una limpieza dental?", body: "La limpieza (tartrectomía) cuesta 60 € e incluye revisión y pulido. Con el plan de fidelidad, 45 €.", tags: ["higiene", "precio"] },
    { category: "prices", question: "¿Cuánto cuesta un blanqueamiento?", body: "El blanqueamiento en clínica cuesta 290 €; el kit para casa con férulas a medida, 89 €. Antes hace falta una limpieza.", tags: ["estética", "precio"] },
    { category: "prices", question: "¿Trabajáis con seguros dentales?", body: "Trabajamos con Sanitas, Adeslas, DKV y Mapfre. Traiga la tarjeta del seguro; le decimos qué cubre antes de empezar.", tags: ["seguro", "mutua", "aseguradora"] },
    { category: "prices", question: "¿Se puede pagar a plazos?", body: "Sí, para tratamientos de más de 600 € ofrecemos financiación hasta 24 meses sin intereses, sujeta a aprobación.", tags: ["financiación", "pago"] },
    { category: "directions", question: "¿Dónde está la clínica y cómo llego?", body: "Estamos en la calle de Alcalá 180, local 2. Metro: Manuel Becerra (líneas 2 y 6), a cinco minutos andando. Autobuses 21, 53 y 146.", tags: ["dirección", "metro", "autobús"] },
    { category: "directions", question: "¿Hay aparcamiento cerca?", body: "Hay un aparcamiento público en la calle de Francisco Silvela, a dos minutos. La calle es zona SER (verde y azul).", tags: ["parking", "coche"] },
    { category: "policies", question: "¿Cómo cancelo o cambio una cita?", body: "Llámenos o responda al recordatorio con al menos 24 horas de antelación. Sin aviso, la segunda cita perdida se cobra (20 €).", tags: ["anular", "cancelar", "cambiar"] },
    { category: "policies", question: "¿Atendéis a niños?", body: "Sí, la odontopediatra pasa consulta los martes y jueves por la tarde. Los menores vienen con su madre, padre o tutor.", tags: ["niños", "infantil"] },
    { category: "policies", question: "¿Puedo ir acompañado a la consulta?", body: "Sí, puede entrar una persona acompañante. En la sala de espera hay sitio para carritos y sillas de ruedas.", tags: ["acompañante", "accesible"] },
  ],
  milan: [
    { category: "hours", question: "Orari di apertura dello studio", body: "Lo studio è aperto dal lunedì al venerdì, dalle 9:00 alle 13:00 e dalle 14:30 alle 18:30. Il sabato riceviamo solo su appuntamento.", tags: ["orari", "apertura", "aperti"] },
    { category: "hours", question: "Siete aperti ad agosto?", body: "Lo studio chiude per ferie dal 10 al 25 agosto. Per le scadenze urgenti la segreteria risponde alla email ogni mattina.", tags: ["ferie", "chiusura", "estate"] },
    { category: "prices", question: "Quanto costa la prima consulenza?", body: "La prima consulenza (fino a 45 minuti) costa 150 € più IVA e cassa forense. Se poi ci affida l'incarico, la scaliamo dal preventivo.", tags: ["prezzo", "tariffa", "consulenza"] },
    { category: "prices", question: "Fate preventivi scritti?", body: "Sì, dopo il primo incontro l'avvocato invia un preventivo scritto secondo i parametri forensi, con le fasi e i costi di ciascuna.", tags: ["preventivo", "costi", "parcella"] },
    { category: "prices", question: "Come si può pagare?", body: "Accettiamo bonifico bancario, carta e bancomat in studio. Le fatture sono elettroniche e arrivano tramite SDI.", tags: ["pagamento", "fattura", "bonifico"] },
    { category: "prices", question: "Offrite il gratuito patrocinio?", body: "Sì, per chi ne ha i requisiti di reddito assistiamo con il patrocinio a spese dello Stato nelle cause civili e di famiglia.", tags: ["patrocinio", "reddito"] },
    { category: "directions", question: "Dove si trova lo studio?", body: "Siamo in via Monte Napoleone 8, secondo piano, scala B. Metropolitana: fermata Montenapoleone (M3) o San Babila (M1 e M4).", tags: ["indirizzo", "metro", "come arrivare"] },
    { category: "directions", question: "C'è un parcheggio vicino?", body: "Il centro è in Area C: l'ingresso in auto è a pagamento nei giorni feriali. Il garage più vicino è in via Borgospesso.", tags: ["parcheggio", "auto", "area c"] },
    { category: "policies", question: "Quali documenti devo portare al primo appuntamento?", body: "Un documento d'identità, il codice fiscale e tutti gli atti della pratica (contratti, lettere, notifiche). Per le aziende, la visura camerale.", tags: ["documenti", "appuntamento"] },
    { category: "policies", question: "Come disdire o spostare un appuntamento?", body: "Basta telefonare o scrivere alla segreteria almeno 24 ore prima. La consulenza disdetta senza preavviso viene addebitata.", tags: ["disdetta", "spostare", "annullare"] },
    { category: "policies", question: "Fate consulenze online?", body: "Sì, su richiesta la consulenza si svolge in videochiamata; il link arriva per email il giorno prima.", tags: ["videochiamata", "online", "a distanza"] },
    { category: "other", question: "In quali materie siete specializzati?", body: "Diritto di famiglia, successioni, contratti e diritto del lavoro. Per il penale collaboriamo con uno studio partner.", tags: ["materie", "specializzazione"] },
  ],
  dublin: [
    { category: "hours", question: "What are the school office opening hours?", body: "The school office is open Monday to Friday from 8:15 am to 4:00 pm during term, and 9:30 am to 12:30 pm during the holidays.", tags: ["office hours", "open"] },
    { category: "hours", question: "What time does the school day start and finish?", body: "Classes start at 8:50 am. First to third years finish at 3:40 pm; on Wednesdays every class finishes at 1:10 pm.", tags: ["timetable", "schedule"] },
    { category: "hours", question: "When are the mid-term breaks?", body: "Mid-term breaks follow the Department of Education calendar; the dates for this year are on the school website and in the school app.", tags: ["holidays", "calendar"] },
    { category: "prices", question: "How much is the voluntary contribution?", body: "The voluntary contribution is €150 per family per year. It can be paid in instalments; please contact the office in confidence if it is difficult.", tags: ["fees", "contribution", "cost"] },
    { category: "prices", question: "How much does the school uniform cost?", body: "The jumper is €28 at the office; the full uniform is sold by Murphy's Schoolwear on Drumcondra Road.", tags: ["uniform", "price"] },
    { category: "directions", question: "Where is the school and how do I get there?", body: "We are on Griffith Avenue, Dublin 9. Dublin Bus routes 1, 11 and 13 stop outside; Drumcondra train station is a ten-minute walk.", tags: ["address", "bus", "train"] },
    { category: "directions", question: "Where can parents park?", body: "There is no parent parking on the school grounds. Please use the drop-off zone on Griffith Avenue and do not stop on the yellow box.", tags: ["parking", "drop off", "car"] },
    { category: "policies", question: "How do I report that my child is absent?", body: "Ring the office before 9:30 am or send a note through the school app. Absences of 20 days or more are reported to Tusla, as the law requires.", tags: ["absence", "sick", "attendance"] },
    { category: "policies", question: "How do I apply for a place?", body: "Applications open in October for the following September. The admissions policy and the form are on the website.", tags: ["admissions", "enrolment", "application"] },
    { category: "policies", question: "Can my child use a phone at school?", body: "Phones must be switched off and kept in lockers during the school day. In an emergency, parents ring the office.", tags: ["mobile phone", "rules"] },
    { category: "policies", question: "How can I meet my child's teacher?", body: "Parent-teacher meetings are held once a year per class group. For anything sooner, ask the office to book a meeting with the year head.", tags: ["meeting", "teacher"] },
  ],
  boston: [
    { category: "hours", question: "What are your store hours?", body: "We are open Monday to Friday from 8 am to 7 pm, Saturday 10 am to 5 pm, and closed on Sunday.", tags: ["open", "hours", "weekend"] },
    { category: "hours", question: "Are you open on public holidays?", body: "We close on New Year's Day, Memorial Day, July 4th, Labor Day, Thanksgiving and Christmas Day. Other holidays: 10 am to 3 pm.", tags: ["holiday", "closed"] },
    { category: "prices", question: "How much are black and white copies?", body: "Black and white copies are 12 cents a page, 8 cents above 500 pages. Color copies are 59 cents a page.", tags: ["copies", "price", "printing"] },
    { category: "prices", question: "How much do business cards cost?", body: "250 business cards on 16 pt stock are $45; 500 are $65. Design help is $35 per hour.", tags: ["business cards", "price"] },
    { category: "prices", question: "How much is a poster?", body: "A 24×36 color poster is $35 on matte paper and $45 on gloss. Foam board mounting adds $25.", tags: ["poster", "large format", "price"] },
    { category: "prices", question: "Do you charge sales tax?", body: "Yes, Massachusetts sales tax (6.25 %) is added at the register to our posted prices.", tags: ["tax", "price"] },
    { category: "directions", question: "Where are you located?", body: "We are at 275 Newbury Street, between Gloucester and Hereford. Hynes Convention Center station (Green Line) is two blocks away.", tags: ["address", "T", "subway"] },
    { category: "directions", question: "Is there parking nearby?", body: "Street parking on Newbury Street is metered (2 hours). The Prudential Center garage is a five-minute walk and validates for 1 hour with a purchase over $50.", tags: ["parking", "car", "garage"] },
    { category: "policies", question: "How long does a print job take?", body: "Most copy jobs are ready the same day if in by noon. Business cards take 2 business days; rush service is $20.", tags: ["turnaround", "rush", "ready"] },
    { category: "policies", question: "What file formats do you accept?", body: "PDF is best (fonts embedded, 0.125 inch bleed). We also take JPG, PNG and Word files; email them to orders or bring a USB stick.", tags: ["files", "pdf", "upload"] },
    { category: "policies", question: "What is your refund policy?", body: "If we made a mistake we reprint for free. Custom orders cannot be refunded once printing has started.", tags: ["refund", "returns", "reprint"] },
  ],
};

/** One question per office that the desk could not answer yet, for the managers' list. */
const OPEN_QUESTIONS: Readonly<Record<OfficeKey, string>> = {
  madrid: "¿Hacéis ortodoncia invisible y cuánto cuesta?",
  milan: "Si occupa anche di sfratti per morosità?",
  dublin: "Is there an after-school study club?",
  boston: "Can you print on canvas?",
};

export async function seedAnswers(
  trx: Transaction<Database>,
  context: { random: Random; now: Date; organizationId: string; officeId: (key: OfficeKey) => string; deskStaffId: (key: OfficeKey) => string },
): Promise<void> {
  const keys = Object.keys(DEMO_ANSWERS) as OfficeKey[];
  const rows = keys.flatMap((key) =>
    DEMO_ANSWERS[key].map((answer) => {
      const tags = answer.tags ?? [];
      return {
        id: context.random.uuid(),
        organization_id: context.organizationId,
        office_id: context.officeId(key),
        language: LANGUAGE[key],
        category: answer.category,
        question: answer.question,
        body: answer.body,
        tags,
        search_text: answerSearchText({ question: answer.question, tags }),
        created_at: context.now,
        updated_at: context.now,
      };
    }),
  );
  await trx.insertInto("answer").values(rows).execute();
  await trx
    .insertInto("unanswered_question")
    .values(keys.map((key) => ({ id: context.random.uuid(), organization_id: context.organizationId, office_id: context.officeId(key), language: LANGUAGE[key], question: OPEN_QUESTIONS[key], asked_by: context.deskStaffId(key), asked_at: context.now })))
    .execute();
}
