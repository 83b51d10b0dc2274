import type { PaymentMethod } from "../ledger.js";
import type { ReceiptKind } from "../receipt-numbers.js";

export const RECEIPT_LOCALES = ["en", "es", "it"] as const;
export type ReceiptLocale = (typeof RECEIPT_LOCALES)[number];

/** Why money was given back (a correction document says it). */
export const REFUND_REASONS = ["customer_request", "keying_error", "duplicate", "other"] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

export interface ReceiptLabels {
  readonly title: Readonly<Record<ReceiptKind, string>>;
  readonly number: string;
  readonly date: string;
  readonly taxId: string;
  readonly customer: string;
  readonly description: string;
  readonly quantity: string;
  readonly unitPrice: string;
  readonly discount: string;
  readonly taxRate: string;
  readonly amount: string;
  readonly taxBase: string;
  readonly tax: string;
  readonly total: string;
  readonly pricesIncludeTax: string;
  readonly pricesExcludeTax: string;
  readonly payment: string;
  readonly methods: Readonly<Record<PaymentMethod, string>>;
  readonly approvalCode: string;
  readonly checkNumber: string;
  readonly change: string;
  /** `{number}` is the corrected document's number. */
  readonly corrects: string;
  readonly reason: string;
  readonly reasons: Readonly<Record<RefundReason, string>>;
}

/** The package's own small label table, so a receipt renders without the web client. */
export const RECEIPT_LABELS: Readonly<Record<ReceiptLocale, ReceiptLabels>> = {
  en: {
    title: { sale: "Receipt", correction: "Refund receipt" },
    number: "Number",
    date: "Date",
    taxId: "Tax ID",
    customer: "Customer",
    description: "Description",
    quantity: "Qty",
    unitPrice: "Unit price",
    discount: "Discount",
    taxRate: "VAT",
    amount: "Amount",
    taxBase: "Tax base",
    tax: "VAT",
    total: "Total",
    pricesIncludeTax: "Prices include VAT.",
    pricesExcludeTax: "Prices exclude VAT.",
    payment: "Payment",
    methods: { cash: "Cash", check: "Check", terminal: "Card (terminal)", card: "Card" },
    approvalCode: "Approval code",
    checkNumber: "Check no.",
    change: "Change",
    corrects: "Corrects receipt {number}",
    reason: "Reason",
    reasons: { customer_request: "Customer request", keying_error: "Keying error", duplicate: "Duplicate charge", other: "Other" },
  },
  es: {
    title: { sale: "Factura simplificada", correction: "Factura rectificativa" },
    number: "Número",
    date: "Fecha",
    taxId: "NIF",
    customer: "Cliente",
    description: "Concepto",
    quantity: "Cant.",
    unitPrice: "Precio unit.",
    discount: "Descuento",
    taxRate: "IVA",
    amount: "Importe",
    taxBase: "Base imponible",
    tax: "Cuota IVA",
    total: "Total",
    pricesIncludeTax: "IVA incluido en los precios.",
    pricesExcludeTax: "Precios sin IVA.",
    payment: "Forma de pago",
    methods: { cash: "Efectivo", check: "Cheque", terminal: "Tarjeta (datáfono)", card: "Tarjeta" },
    approvalCode: "Código de autorización",
    checkNumber: "Cheque n.º",
    change: "Cambio",
    corrects: "Rectifica la factura {number}",
    reason: "Motivo",
    reasons: { customer_request: "Solicitud del cliente", keying_error: "Error de introducción", duplicate: "Cobro duplicado", other: "Otro" },
  },
  it: {
    title: { sale: "Ricevuta", correction: "Nota di credito" },
    number: "Numero",
    date: "Data",
    taxId: "P. IVA",
    customer: "Cliente",
    description: "Descrizione",
    quantity: "Q.tà",
    unitPrice: "Prezzo unit.",
    discount: "Sconto",
    taxRate: "IVA",
    amount: "Importo",
    taxBase: "Imponibile",
    tax: "Imposta",
    total: "Totale",
    pricesIncludeTax: "Prezzi IVA inclusa.",
    pricesExcludeTax: "Prezzi IVA esclusa.",
    payment: "Pagamento",
    methods: { cash: "Contanti", check: "Assegno", terminal: "Carta (POS)", card: "Carta" },
    approvalCode: "Codice di autorizzazione",
    checkNumber: "Assegno n.",
    change: "Resto",
    corrects: "Rettifica il documento {number}",
    reason: "Motivo",
    reasons: { customer_request: "Richiesta del cliente", keying_error: "Errore di digitazione", duplicate: "Addebito duplicato", other: "Altro" },
  },
};
