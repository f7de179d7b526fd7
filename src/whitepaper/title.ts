// The white paper's title, apart from the bundle so the app can name it without loading the chart code.
export const DEFAULT_TITLE = '城市安全风险评估白皮书图表';

/** The report's title: the project's name when there is one. */
export function whitepaperTitle(projectName?: string): string {
  return projectName ? `${projectName} ${DEFAULT_TITLE}` : DEFAULT_TITLE;
}
