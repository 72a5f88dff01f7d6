import type { searchEn } from "../search";

export const searchZh: typeof searchEn = {
  search: {
    title: "搜索",
    nav: "搜索",
    intro: "您有权阅读的文件：标题、当前文本、各次修订以及评论。",
    label: "要查找的词语",
    hint: "不区分重音和大小写，词的其他形式也会被找到（migrants 可找到 migrant）。用引号括起短语；-词语 表示排除该词。",
    submit: "搜索",
    results: "结果",
    resultsFor: "“{query}”的搜索结果",
    none: "未找到与“{query}”相关的内容。",
    tooLong: "搜索内容最多 {max} 个字符。",
    rateLimited: "搜索过于频繁：请一分钟后再试。",
    source: { live: "当前文本", revision: "Rev.{n}", comment: "评论", title: "标题" },
    paragraph: "第{n}段",
    snippet: "找到的段落",
    previous: "上一页结果",
    next: "更多结果",
    pageLabel: "结果页",
    page: "第{page}页",
  },
};
