// 新建 (new, with 改建/扩建 and 拟建) or 在役 (existing): a hazchem installation's status, which chooses its
// individual-risk criterion (issue #20). Read the same way from a site file's column and a contour's property.
export function parseInstallationStatus(text: string): 'new' | 'existing' | undefined {
  const t = text.trim().toLowerCase();
  if (/^(new|新建|新建装置|拟建|改建|扩建|新改扩建)$/.test(t)) return 'new';
  if (/^(existing|在役|在役装置|现有|已建)$/.test(t)) return 'existing';
  return undefined;
}
