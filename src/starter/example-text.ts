/** The starter's words in each language it ships; other languages start from English, to translate. */
export interface StarterText {
  intro: string;
  /** The example quote in this language, for translations. */
  quoteTranslation: string;
  footer: string;
  vocabulary: { theme: string; topic: string; place: string; kind: string };
  campaign: { name: string; summary: string; body: string };
  event: { title: string; summary: string; body: string; dateNote: string };
  goal: { title: string; summary: string };
  organization: { name: string; description: string };
  person: { name: string; description: string };
  source: { title: string; summary: string; body: string };
  about: { title: string; summary: string; body: string };
}

const en: StarterText = {
  quoteTranslation: "An example: the document's exact words go here.",
  intro:
    "This archive keeps the history of campaigns: when they began, who led them, what they asked for and what they did. Every statement cites the document it rests on.",
  footer: "Every fact in this archive cites the document it comes from.",
  vocabulary: { theme: "Example theme", topic: "Example topic", place: "Example place", kind: "Example kind of organization" },
  campaign: {
    name: "Example campaign",
    summary: "An example to show the fields of a campaign: replace it with a campaign of your archive.",
    body: "## History\n\nAn example: write the campaign's history here, in your own words, citing its sources.",
  },
  event: {
    title: "Example event",
    summary: "An example to show the fields of an event: replace it, or delete it.",
    body: "An example: say what happened, as precisely as the source allows, and no more.",
    dateNote: "An example: say here what the source says about the date, when it is vague.",
  },
  goal: { title: "Example goal", summary: "An example to show the fields of a goal." },
  organization: {
    name: "Example organization",
    description: "An example to show the fields of an organization and its role in a campaign.",
  },
  person: { name: "Example person", description: "An example to show the fields of a person named in a public role." },
  source: {
    title: "Example source document",
    summary: "An example to show the fields of a source: every fact in the archive cites one.",
    body: "## What the document covers\n\nAn example: describe the document, and what an archivist should know about it.",
  },
  about: {
    title: "About this archive",
    summary: "What this archive is, who keeps it and how.",
    body: "## What this archive is\n\nAn example: say what the archive records, from which documents, and for whom.",
  },
};

const es: StarterText = {
  quoteTranslation: "Un ejemplo: aquí van las palabras exactas del documento.",
  intro:
    "Este archivo guarda la historia de campañas: cuándo empezaron, quién las dirigió, qué pidieron y qué hicieron. Cada afirmación cita el documento en que se basa.",
  footer: "Cada dato de este archivo cita el documento del que procede.",
  vocabulary: { theme: "Tema de ejemplo", topic: "Asunto de ejemplo", place: "Lugar de ejemplo", kind: "Tipo de organización de ejemplo" },
  campaign: {
    name: "Campaña de ejemplo",
    summary: "Un ejemplo que muestra los campos de una campaña: sustitúyalo por una campaña de su archivo.",
    body: "## Historia\n\nUn ejemplo: escriba aquí la historia de la campaña, con sus propias palabras y citando sus fuentes.",
  },
  event: {
    title: "Acontecimiento de ejemplo",
    summary: "Un ejemplo que muestra los campos de un acontecimiento: sustitúyalo o bórrelo.",
    body: "Un ejemplo: diga qué ocurrió, con la precisión que permita la fuente, y nada más.",
    dateNote: "Un ejemplo: diga aquí qué dice la fuente sobre la fecha, cuando es vaga.",
  },
  goal: { title: "Meta de ejemplo", summary: "Un ejemplo que muestra los campos de una meta." },
  organization: {
    name: "Organización de ejemplo",
    description: "Un ejemplo que muestra los campos de una organización y su papel en una campaña.",
  },
  person: { name: "Persona de ejemplo", description: "Un ejemplo que muestra los campos de una persona nombrada por su papel público." },
  source: {
    title: "Documento fuente de ejemplo",
    summary: "Un ejemplo que muestra los campos de una fuente: cada dato del archivo cita una.",
    body: "## Qué contiene el documento\n\nUn ejemplo: describa el documento y lo que un archivero debe saber de él.",
  },
  about: {
    title: "Acerca de este archivo",
    summary: "Qué es este archivo, quién lo mantiene y cómo.",
    body: "## Qué es este archivo\n\nUn ejemplo: diga qué registra el archivo, a partir de qué documentos y para quién.",
  },
};

export const starterText: Record<string, StarterText> = { en, es };
