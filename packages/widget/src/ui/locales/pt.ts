import type { LocaleStrings } from "./en.js";

const pt: LocaleStrings = {
  announce: "Pesquisa:",
  close: "Fechar a pesquisa",
  submit: "Enviar",
  next: "Próximo",
  skip: "Pular",
  progress: "{n} de {total}",
  point: "{n}, {label}",
  npsLow: "Nada provável",
  npsHigh: "Extremamente provável",
  csat: ["Muito insatisfeito", "Insatisfeito", "Neutro", "Satisfeito", "Muito satisfeito"],
  cesLow: "Discordo totalmente",
  cesHigh: "Concordo totalmente",
  needPick: "Escolha uma resposta.",
  saveFailed: "Não foi possível salvar sua resposta. Tente novamente.",
  newTab: "(abre em uma nova aba)",
};
export default pt;
