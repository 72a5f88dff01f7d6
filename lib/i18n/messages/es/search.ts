import type { searchEn } from "../search";

export const searchEs: typeof searchEn = {
  search: {
    title: "Búsqueda",
    nav: "Búsqueda",
    intro: "Los documentos que puede leer: sus títulos, el texto en curso, cada revisión y los comentarios.",
    label: "Palabras que buscar",
    hint: "Los acentos y las mayúsculas no importan, y cuentan otras formas de una palabra (migrantes encuentra migrante). Ponga una expresión entre comillas; -palabra la excluye.",
    submit: "Buscar",
    results: "Resultados",
    resultsFor: "Resultados de «{query}»",
    none: "No se ha encontrado nada para «{query}».",
    tooLong: "Una búsqueda tiene como máximo {max} caracteres.",
    rateLimited: "Demasiadas búsquedas por ahora: vuelva a intentarlo dentro de un minuto.",
    source: { live: "Texto en curso", revision: "Rev.{n}", comment: "Comentario", title: "Título" },
    paragraph: "Párrafo {n}",
    snippet: "Pasaje encontrado",
    previous: "Resultados anteriores",
    next: "Más resultados",
    pageLabel: "Páginas de resultados",
    page: "Página {page}",
  },
};
