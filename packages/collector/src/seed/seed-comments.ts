/** What a seeded comment says about the product: how the person felt. */
export type Sentiment = "positive" | "neutral" | "negative";

/**
 * Comments people wrote, by language and sentiment: the demo and the tests show real scripts
 * (ø, я, ä, é, 中, ア, ع) and the cells a CSV must quote or defuse (commas, quotes, line breaks,
 * a leading minus that a spreadsheet would read as a formula).
 */
export const SEED_COMMENTS: Record<string, Record<Sentiment, readonly string[]>> = {
  en: {
    positive: [
      "Search across all our interview notes is brilliant — saves me hours every week.",
      "Tagging while listening feels natural. Our whole research team uses it now.",
      "Finally a tool where every quote links back to the exact moment in the recording.",
      "Love the exports, and the themes view made our last readout easy.",
    ],
    neutral: [
      'Good, but the "Team" plan, seats, and limits are confusing on the pricing page.',
      "Does the job. I'd like keyboard shortcuts for tagging.",
      "Two things:\n1. faster sync\n2. a dark mode",
      "Fine overall; syncing long recordings is a bit slow.",
    ],
    negative: [
      "-10 points for the slow sync, otherwise it would be a 9.",
      "Too expensive for a team of three, and the cheaper plan hides basic features.",
      "Search missed obvious matches in our Russian notes.",
      "Export broke our line breaks; I had to fix 200 quotes by hand.",
    ],
  },
  da: {
    positive: [
      "Fantastisk værktøj – vi finder endelig vores interviewnoter igen.",
      "Rigtig god søgning, også på tværs af sprog.",
      "Det bedste værktøj til brugerindsigt, vi har prøvet.",
      "Let at komme i gang med, og supporten svarede hurtigt.",
    ],
    neutral: [
      "Fungerer fint, men prisen for teams er lidt høj.",
      "Ok, men jeg savner genveje til tags.",
      "Godt produkt; synkroniseringen kunne være hurtigere.",
    ],
    negative: [
      "Alt for dyrt til en lille virksomhed.",
      "Eksporten mistede æ, ø og å i vores citater.",
      "Søgningen finder ikke bøjede ord.",
    ],
  },
  ru: {
    positive: [
      "Отличный инструмент: наконец-то все заметки интервью в одном месте.",
      "Поиск работает быстро, даже по старым проектам.",
      "Очень удобно отмечать цитаты прямо во время разговора.",
      "Спасибо за поддержку русского языка!",
    ],
    neutral: [
      "В целом нормально, но цены для команды кусаются.",
      "Хорошо, но не хватает горячих клавиш.",
      "Работает, хотя синхронизация иногда медленная.",
    ],
    negative: [
      "Поиск не находит слова в других падежах.",
      "Слишком дорого для маленькой команды.",
      "Экспорт в CSV ломает переносы строк.",
    ],
  },
  fi: {
    positive: [
      "Erinomainen työkalu, haastattelumuistiinpanot löytyvät vihdoin.",
      "Haku toimii hienosti myös suomeksi.",
      "Tiimimme käyttää tätä päivittäin, suosittelen.",
    ],
    neutral: [
      "Ihan hyvä, mutta hinnoittelu voisi olla selkeämpi.",
      "Toimii, mutta pikanäppäimiä kaipaisin lisää.",
      "Kohtuullinen, synkronointi on välillä hidasta.",
    ],
    negative: ["Liian kallis pienelle tiimille.", "Haku ei löydä taivutettuja sanoja.", "Vienti sotki ääkköset."],
  },
  fr: {
    positive: [
      "Super outil : on retrouve enfin nos notes d'entretien.",
      "La recherche est rapide et précise, même en français.",
      "Très pratique pour taguer les citations pendant l'entretien.",
      "Équipe de support réactive, merci !",
    ],
    neutral: [
      "Correct, mais la page des tarifs mériterait plus de clarté.",
      "Bien, mais il manque des raccourcis clavier.",
      "Ça marche, même si la synchronisation est parfois lente.",
    ],
    negative: [
      "Trop cher pour une petite équipe.",
      "L'export CSV a cassé les accents « é » et « à ».",
      "La recherche ne trouve pas les mots au pluriel.",
    ],
  },
  zh: {
    positive: [
      "非常好用，终于能快速找到访谈笔记了。",
      "搜索又快又准，中文支持也很好。",
      "团队每天都在用，强烈推荐！",
      "边听边打标签的体验很棒。",
    ],
    neutral: ["总体还行，但团队版的价格有点高。", "不错，不过希望增加快捷键。", "可以用，同步有时候比较慢。"],
    negative: ["对小团队来说太贵了。", "导出 CSV 时换行被破坏了。", "搜索有时找不到相关内容。"],
  },
  de: {
    positive: [
      "Großartiges Werkzeug, wir finden unsere Interviewnotizen endlich wieder.",
      "Die Suche ist schnell und genau.",
    ],
    neutral: ["Ganz gut, aber die Preise für Teams sind hoch."],
    negative: ["Zu teuer für ein kleines Team.", "Der Export hat Umlaute zerstört."],
  },
  ja: {
    positive: ["とても使いやすいです。検索が速いです。"],
    neutral: ["悪くないですが、料金が少し高いです。"],
    negative: ["検索がうまく動きません。"],
  },
  ar: {
    positive: ["أداة رائعة، نجد ملاحظاتنا بسهولة."],
    neutral: ["جيد، لكن السعر مرتفع قليلاً."],
    negative: ["البحث لا يعمل جيداً."],
  },
};

/** The locales seeded people use, with how common each is (the last ones rare, to show small samples). */
export const SEED_LOCALES: readonly [string, number][] = [
  ["en-US", 26],
  ["en-GB", 8],
  ["da-DK", 14],
  ["fr-FR", 12],
  ["zh-CN", 11],
  ["ru-RU", 10],
  ["fi-FI", 9],
  ["de-DE", 6],
  ["ja-JP", 1.5],
  ["ar-EG", 0.8],
];

/** Pages under the paths the demo surveys trigger on, with how often each is visited. */
export const SEED_PAGES: Record<string, readonly [string, number][]> = {
  "/pricing": [
    ["/pricing/", 55],
    ["/pricing/teams/", 24],
    ["/pricing/enterprise/", 14],
    ["/pricing/compare/", 4],
  ],
  "/app": [
    ["/app/notes/", 40],
    ["/app/search/", 30],
    ["/app/themes/", 18],
    ["/app/settings/export/", 6],
  ],
  "/help": [
    ["/help/contact/", 60],
    ["/help/billing/", 25],
    ["/help/import/", 8],
  ],
  "/welcome": [
    ["/welcome/", 70],
    ["/welcome/import/", 30],
  ],
};
